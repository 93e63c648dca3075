// SPDX-License-Identifier: MIT
// libcxf's public surface: the model, the formats, reading and writing, validation, errors.
#pragma once

#include "cxf/error.h"
#include "cxf/formats/format.h"
#include "cxf/io/file.h"
#include "cxf/model/vault.h"
#include "cxf/report.h"
#include "cxf/validate/validate.h"
