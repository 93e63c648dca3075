// SPDX-License-Identifier: MIT
// How much a vault holds, by kind — what `cxf inspect` and conversion summaries print. No values.
#pragma once

#include "cxf/export.h"
#include <cstddef>
#include <map>
#include <string>

#include "cxf/model/vault.h"

namespace cxf {

struct Counts {
    std::size_t accounts = 0;
    std::size_t collections = 0;  // nested ones included
    std::size_t items = 0;
    std::size_t attachments_with_bytes = 0;
    std::map<std::string, std::size_t> credentials;  // by CXF type name
};

CXF_API Counts count(const Vault& vault);

}  // namespace cxf
