// SPDX-License-Identifier: MIT
// The archive layout shared by the encrypted .cxp archive and the plain CXF archive
// (docs/formats/cxp.md): an index document plus one document per file credential's bytes.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cxf/io/zip.h"
#include "cxf/model/vault.h"
#include "cxf/plugin/format.h"
#include "cxf/report.h"
#include "cxf/secret.h"

namespace cxf::archive {

// Where an archive's entries sit: at the top, or under "CXP-Export/" (what nvinuesa/cxporter writes).
struct Layout {
    std::string prefix;     // "" or "CXP-Export/"
    std::string extension;  // ".jwe" for .cxp, "" for the plain archive's documents
    std::string index;      // full entry name of the index
};

// A zip whose first entries (where our writer and cxporter put the index) name `index_file`.
Confidence detect_archive(ByteView head, std::string_view index_file) noexcept;

// Finds the index entry (`index_file` is "index.json" or "index.jwe") at the top or under CXP-Export/;
// Errc::malformed naming what was looked for when there is none.
Layout find_layout(const io::ZipReader& zip, std::string_view index_file, std::string_view document_extension,
                   const std::string& file);

// The entry name of a file credential's document: "documents/<id as base64url>" + extension.
std::string document_name(const Layout& layout, const Id& file_id);

// Gives every file credential its bytes: `fetch(entry name)` returns the document (or nullopt when the
// archive has no such entry; reading also accepts the name without the extension). Each document's size
// and SHA-256 must match the credential's decryptedSize and integrityHash (CXF requires importers to
// check): a missing document is Errc::malformed, a mismatch Errc::integrity, both naming the file id.
// Entries that belong to no credential are reported, not read.
void attach_documents(Vault& vault, const io::ZipReader& zip, const Layout& layout,
                      const std::function<crypto::SecureBytes(std::size_t entry)>& fetch, const std::string& file,
                      Report& report);

// The file credentials whose bytes an archive stores (those with bytes), in document order.
std::vector<const File*> files_with_data(const Vault& vault);

}  // namespace cxf::archive
