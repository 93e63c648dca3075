// SPDX-License-Identifier: MIT
// The files/ entries of the export: each document's and attachment's bytes under
// files/<documentId>__<fileName>, collected while items are planned and added to the zip at the end.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "cxf/io/zip.h"
#include "cxf/model/credentials.h"
#include "cxf/report.h"

namespace cxf::onepux::out {

// {fileName, documentId, decryptedSize}, as documentAttributes and a "file" value name a document.
struct DocumentOut {
    std::string file_name, document_id;
    std::uint64_t size = 0;
};

class Attachments {
public:
    // Where `file`'s bytes go; nullopt when the model has only its description (reported lost).
    std::optional<DocumentOut> add(const File& file, const std::string& place, const std::string& item, Report& report);
    // Adds every entry to `zip`, dated `modified`; the files must outlive the zip's finish().
    void write_to(io::ZipWriter& zip, std::int64_t modified) const;

private:
    std::vector<std::pair<std::string, const crypto::SecureBytes*>> entries_;
    std::set<std::string> names_;
};

}  // namespace cxf::onepux::out
