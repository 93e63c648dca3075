// SPDX-License-Identifier: MIT
// Helpers for the .cxp archive tests: an importer's key and request on disk, writing and reading
// archives through the "cxp" format, rebuilding archives entry by entry, and the Python reference.
#pragma once

#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "cxf/cxp/keys.h"
#include "cxf/cxp/messages.h"
#include "cxf/error.h"
#include "cxf/formats/registry.h"
#include "cxf/io/file.h"
#include "cxf/validate/validate.h"
#include "tests/support/testdata.h"

namespace test::cxp_archive {

// The kitchen sink (every credential type, passkey, TOTP, history), its scan.pdf given the five
// bytes its integrityHash describes.
cxf::Vault sink_with_bytes();

// An importer: its private key (key.pem) and an ExportRequest (request.json) offering `aeads` in
// that order, written into `dir`.
struct Importer {
    cxf::cxp::hpke::PrivateKey key;
    std::string key_path, request_path;
};
Importer make_importer(const TempDir& dir, cxf::cxp::hpke::Kem kem = cxf::cxp::hpke::Kem::x25519_sha256,
                       std::vector<cxf::cxp::hpke::Aead> aeads = {cxf::cxp::hpke::Aead::aes256_gcm},
                       const std::string& name = "importer");
void write_request(const std::string& path, const cxf::cxp::ExportRequest& request);

const cxf::Format& cxp_format();
cxf::crypto::SecureBytes write_cxp(const cxf::Vault& vault, const std::string& request_path, cxf::Report& report);
cxf::Vault read_cxp(const cxf::crypto::SecureBytes& archive, const std::string& key_path, cxf::Report& report);
cxf::Error read_error(const cxf::crypto::SecureBytes& archive, const std::string& key_path);

using Entries = std::vector<std::pair<std::string, cxf::crypto::SecureBytes>>;
Entries entries_of(const cxf::crypto::SecureBytes& archive);
// Rebuilds an archive from the entries of `archive`, letting `edit` change, add or remove entries.
cxf::crypto::SecureBytes rebuilt(const cxf::crypto::SecureBytes& archive, const std::function<void(Entries&)>& edit);
std::string text(const cxf::crypto::SecureBytes& bytes);

// The JSON of a JWE's protected header.
std::string protected_header(const std::string& jwe);

void save(const std::string& path, const cxf::crypto::SecureBytes& bytes);
cxf::crypto::SecureBytes load(const std::string& path);

// The document of the kitchen sink's file credential, and its name in an archive cxf writes.
inline constexpr std::string_view sink_file_id = "ZmlsZS0x";
inline constexpr std::string_view sink_document = "documents/ZmlsZS0x.jwe";

}  // namespace test::cxp_archive
