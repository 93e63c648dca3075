// SPDX-License-Identifier: MIT
// The entries of a 1PUX zip: export.attributes (version, creation time), export.data (the account
// tree) and files/ (the bytes of documents and attachments, and avatar images).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace cxf::onepassword {

inline constexpr std::string_view attributes_entry = "export.attributes";
inline constexpr std::string_view data_entry = "export.data";
inline constexpr std::string_view files_folder = "files/";

// "files/<documentId>__<fileName>", where an export keeps a document's bytes; nullopt when the id or
// the name is empty or could step out of files/ ('/', '\', NUL, "." or "..").
std::optional<std::string> document_entry(std::string_view document_id, std::string_view file_name);

}  // namespace cxf::onepassword
