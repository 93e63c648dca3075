// SPDX-License-Identifier: MIT
#include "cxf/onepassword/entries.h"

namespace cxf::onepassword {

namespace {

bool plain_name(std::string_view part) noexcept {
    return !part.empty() && part != "." && part != ".." && part.find_first_of(std::string_view("/\\\0", 3)) == std::string_view::npos;
}

}  // namespace

std::optional<std::string> document_entry(std::string_view document_id, std::string_view file_name) {
    if (!plain_name(document_id) || !plain_name(file_name)) return std::nullopt;
    std::string entry(files_folder);
    entry += document_id;
    entry += "__";
    entry += file_name;
    return entry;
}

}  // namespace cxf::onepassword
