// SPDX-License-Identifier: MIT
// The files/ entries of a 1PUX zip: the bytes of documents and attachments, and which were used.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "cxf/io/zip.h"
#include "cxf/json/reader.h"
#include "cxf/model/credentials.h"
#include "cxf/report.h"

namespace cxf::onepux {

class Documents {
public:
    Documents(const io::ZipReader& zip, std::string file) : zip_(zip), file_(std::move(file)) {}

    // The file credential of the document `attributes` ({fileName, documentId, decryptedSize}) names:
    // its bytes from files/<documentId>__<fileName>, their size and SHA-256. Errc::malformed at the
    // attributes when the names are unsafe or the entry is missing; Errc::integrity at the entry
    // when its size is not decryptedSize.
    File read(const json::Cursor& attributes, const json::Reader& reader);

    // Marks an entry as used that is not a document (export.data, export.attributes).
    void use(std::string_view entry);

    // Reports the files/ entries no item named (account and vault avatars, stray files) as skipped.
    void report_unused(Report& report) const;

private:
    const io::ZipReader& zip_;
    std::string file_;
    std::set<std::size_t> used_;
};

}  // namespace cxf::onepux
