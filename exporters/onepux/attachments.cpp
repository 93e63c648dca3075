// SPDX-License-Identifier: MIT
#include "exporters/onepux/attachments.h"

#include "cxf/onepassword/entries.h"
#include "exporters/onepux/uuid.h"

namespace cxf::onepux::out {

namespace {

// A file name that stays inside files/: no separators or NUL, not "." or "..".
std::string entry_file_name(std::string name) {
    for (char& c : name)
        if (c == '/' || c == '\\' || c == '\0') c = '_';
    if (name.empty() || name == "." || name == "..") name = "file";
    return name;
}

}  // namespace

std::optional<DocumentOut> Attachments::add(const File& file, const std::string& place, const std::string& item, Report& report) {
    if (!file.data) {
        report.lost_detail(Feature::attachments, place, item, "attachment:" + file.name,
                           "the source held only the file's description, not its bytes");
        return std::nullopt;
    }
    DocumentOut out{entry_file_name(file.name), uuid_text(file.id), file.data->size()};
    const std::string entry = *onepassword::document_entry(out.document_id, out.file_name);
    if (names_.insert(entry).second) entries_.emplace_back(entry, &*file.data);
    return out;
}

void Attachments::write_to(io::ZipWriter& zip, std::int64_t modified) const {
    for (const auto& [name, data] : entries_) zip.add(name, *data, io::ZipMethod::deflate_or_store, modified);
}

}  // namespace cxf::onepux::out
