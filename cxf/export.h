// SPDX-License-Identifier: MIT
// CXF_API marks what libcxf.so exports: every other symbol is hidden (-fvisibility=hidden, and the
// version script cxf/libcxf.map), so programs can only depend on what is meant to stay.
#pragma once

#define CXF_API __attribute__((visibility("default")))
