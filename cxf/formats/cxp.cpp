// SPDX-License-Identifier: MIT
#include "cxf/formats/builtin.h"

#include <algorithm>
#include <deque>
#include <variant>

#include "cxf/archive/layout.h"
#include "cxf/cxp/jwe.h"
#include "cxf/cxp/messages.h"
#include "cxf/encoding/base64.h"
#include "cxf/error.h"
#include "cxf/io/file.h"
#include "cxf/json/cursor.h"
#include "cxf/json/tape.h"

namespace cxf::archive {

namespace {

constexpr std::string_view extensions[] = {"cxp"};
constexpr std::string_view index_file = "index.jwe";
constexpr std::string_view document_extension = ".jwe";
constexpr std::size_t max_described_header_bytes = 16 * 1024;

constexpr FormatOption read_options[] = {
    {"identity", "FILE", "CXP: the importer's private key (PKCS#8 PEM, from cxf cxp keygen) that opens a .cxp archive"},
};
constexpr FormatOption write_options[] = {
    {"recipient", "FILE", "CXP: the importer's ExportRequest (JSON, from cxf cxp keygen) to encrypt a .cxp archive to"},
};

Confidence detect(ByteView head, std::string_view) { return detect_archive(head, index_file); }

cxp::hpke::PrivateKey identity(const ReadOptions& options, const std::string& file) {
    if (!options.cxp.identity)
        throw Error(Errc::usage, {file, ""},
                    "a .cxp archive opens only with the importer's private key: give {cxp.identity} "
                    "(cxf cxp keygen makes one)");
    const Input& pem = *options.cxp.identity;
    return cxp::hpke::PrivateKey::from_pkcs8_pem(as_text(pem.bytes), pem.name);
}

Vault read(const Input& input, const ReadOptions& options, Report& report) {
    // A damaged archive is reported as such before the key is asked for.
    const io::ZipReader zip(input.bytes, input.name, options.limits);
    const Layout layout = find_layout(zip, index_file, document_extension, input.name);
    const cxp::hpke::PrivateKey key = identity(options, input.name);

    const std::string index_name = input.name + ":" + layout.index;
    const crypto::SecureBytes index =
        cxp::jwe_decrypt(as_text(zip.read(*zip.find(layout.index))), key, index_name, options.limits);
    Vault vault = cxf_json::read(as_text(index), index_name, cxf_json::read_settings(options), report);

    const auto open_document = [&](std::size_t entry) {
        const std::string name = input.name + ":" + zip.entries()[entry].name;
        try {
            return cxp::jwe_decrypt(as_text(zip.read(entry)), key, name, options.limits);
        } catch (const Error& e) {
            // This key opened the index, so a document it cannot open is damaged, not a wrong key.
            if (e.code() != Errc::wrong_password) throw;
            throw Error(Errc::integrity, e.where(),
                        std::string(e.what()) + " (the same key opened the index: the document is damaged or "
                                                "was encrypted to another key)");
        }
    };
    attach_documents(vault, zip, layout, open_document, input.name, report);
    return vault;
}

cxp::Choice recipient(const WriteOptions& options) {
    if (!options.cxp.recipient)
        throw Error(Errc::usage, {},
                    "a .cxp archive is encrypted to an importer: give {out.cxp.recipient}, its ExportRequest "
                    "(cxf cxp keygen makes one)");
    const Input& file = *options.cxp.recipient;
    const cxp::ExportRequest request = cxp::read_export_request(as_text(file.bytes), file.name);
    auto choice = cxp::choose_offer(request);
    if (auto* chosen = std::get_if<cxp::Choice>(&choice)) return std::move(*chosen);

    const cxp::ErrorCode code = std::get<cxp::ErrorCode>(choice);
    const std::string name(cxp::error_code_name(code));
    switch (code) {
        case cxp::ErrorCode::unsupported_version:
            throw Error(Errc::unsupported, {file.name, "/version"},
                        name + ": cxf answers ExportRequests of version 0 only");
        case cxp::ErrorCode::missing_importer_key:
            throw Error(Errc::malformed, {file.name, "/hpke"}, name + ": the usable HPKE offer has no \"key\"");
        case cxp::ErrorCode::incorrect_importer_key_encoding:
            throw Error(Errc::malformed, {file.name, "/hpke"},
                        name + ": the usable HPKE offer's \"key\" is not a JWK of its KEM");
        default:
            throw Error(Errc::unsupported, {file.name, "/hpke"},
                        name + ": no HPKE offer is one cxf can encrypt to (base mode; DHKEM X25519 or P-256; "
                               "HKDF-SHA256; AES-256-GCM, AES-128-GCM or ChaCha20-Poly1305)");
    }
}

// Only ciphertext reaches `out` and the zip writer: the index and each document are encrypted from
// wiped memory.
void write(const Vault& vault, io::Output& out, const WriteOptions& options, Report& report) {
    const cxp::Choice to = recipient(options);
    cxf_json::WriteSettings settings;
    settings.pretty = false;
    settings.now = options.now;
    settings.archive_index = true;
    const crypto::SecureBytes index = cxf_json::write(vault, settings, report);

    io::ZipWriter zip(out);
    const Layout layout{"", std::string(document_extension), std::string(index_file)};
    std::deque<std::string> jwes;  // kept until the zip is finished; a deque never moves its elements
    jwes.push_back(cxp::jwe_encrypt(to.suite, to.key, index));
    // JWE text is base64 of encrypted bytes: nothing repeats, and Huffman coding alone gets what
    // deflate would (a quarter off), several times faster.
    zip.add(layout.index, as_bytes(jwes.back()), io::ZipMethod::deflate_huffman_only);
    for (const File* file : files_with_data(vault)) {
        jwes.push_back(cxp::jwe_encrypt(to.suite, to.key, *file->data));
        zip.add(document_name(layout, file->id), as_bytes(jwes.back()), io::ZipMethod::deflate_huffman_only);
    }
    zip.finish();
}

// The members of index.jwe's protected header that say how it is encrypted (none is secret).
std::vector<Property> header_properties(std::string_view jwe, const std::string& file) {
    const std::string_view encoded = jwe.substr(0, std::min(jwe.find('.'), max_described_header_bytes));
    const auto header = encoding::base64url_decode(encoded);
    if (!header) throw Error(Errc::malformed, {file, "protected header"}, "the protected header is not base64url");
    json::Tape tape;
    json::parse(as_text(*header), file, {}, tape);
    const std::string base = "protected header";
    const json::Cursor root(tape, 0, base);
    std::vector<Property> out;
    for (const std::string_view member : {"alg", "enc", "kid"}) {
        const auto value = root.find(member);
        out.push_back({"index " + std::string(member),
                       value && value->is_string() ? std::string(value->string()) : std::string("(none)")});
    }
    return out;
}

std::vector<Property> describe(const Input& input, const Limits& limits) {
    const io::ZipReader zip(input.bytes, input.name, limits);
    const Layout layout = find_layout(zip, index_file, document_extension, input.name);
    std::size_t documents = 0;
    for (const io::ZipEntry& entry : zip.entries())
        if (!entry.is_directory && entry.name.starts_with(layout.prefix + "documents/")) ++documents;
    std::vector<Property> out{
        {"layout", layout.prefix.empty() ? "index.jwe and documents/ at the top"
                                         : "under " + layout.prefix + " (as cxporter writes)"},
        {"documents", std::to_string(documents)},
    };
    const crypto::SecureBytes index = zip.read(*zip.find(layout.index));
    for (Property& p : header_properties(as_text(index), input.name + ":" + layout.index)) out.push_back(std::move(p));
    return out;
}

}  // namespace

Format cxp_format() noexcept {
    return Format{
        .id = "cxp",
        .title = "CXP archive: CXF JSON and the attachments' bytes, HPKE-encrypted to the importer (.cxp)",
        .extensions = extensions,
        .detect = detect,
        .read = read,
        .write = write,
        .describe = describe,
        .carries = all_features,
        .read_options = read_options,
        .write_options = write_options,
        .writes_cxf = true,
    };
}

}  // namespace cxf::archive
