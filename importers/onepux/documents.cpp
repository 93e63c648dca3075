// SPDX-License-Identifier: MIT
#include "importers/onepux/documents.h"

#include "cxf/crypto/hash.h"
#include "cxf/error.h"
#include "cxf/onepassword/entries.h"

namespace cxf::onepux {

File Documents::read(const json::Cursor& attributes, const json::Reader& reader) {
    reader.expect(attributes, json::Kind::object);
    const std::string_view file_name = reader.required_string(attributes, "fileName");
    const std::string_view document_id = reader.required_string(attributes, "documentId");
    const auto declared = reader.optional_integer(attributes, "decryptedSize");
    const auto entry_name = onepassword::document_entry(document_id, file_name);
    if (!entry_name || !io::safe_entry_name(*entry_name))
        reader.fail(attributes, "the document's fileName or documentId would lead out of files/");
    const auto entry = zip_.find(*entry_name);
    if (!entry) reader.fail(attributes, "the export has no " + *entry_name + " for this document");
    crypto::SecureBytes data = zip_.read(*entry);
    if (declared && static_cast<std::uint64_t>(*declared) != data.size())
        throw Error(Errc::integrity, {file_, *entry_name},
                    "the document is " + std::to_string(data.size()) + " bytes; its decryptedSize says " +
                        std::to_string(*declared));
    used_.insert(*entry);
    File file;
    file.id = Id(document_id.begin(), document_id.end());
    file.name = std::string(file_name);
    file.decrypted_size = data.size();
    const crypto::SecureBytes hash = crypto::sha256({data});
    file.integrity_hash.assign(hash.begin(), hash.end());
    file.data = std::move(data);
    return file;
}

void Documents::use(std::string_view entry) {
    if (const auto index = zip_.find(entry)) used_.insert(*index);
}

void Documents::report_unused(Report& report) const {
    for (std::size_t i = 0; i < zip_.entries().size(); ++i) {
        const io::ZipEntry& entry = zip_.entries()[i];
        if (used_.contains(i) || entry.is_directory) continue;
        report.skipped(entry.name, {},
                       entry.name.starts_with(onepassword::files_folder)
                           ? "a file no item names (an account or vault avatar image): CXF has no place for it"
                           : "an entry 1PUX does not define; ignored");
    }
}

}  // namespace cxf::onepux
