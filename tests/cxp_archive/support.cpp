// SPDX-License-Identifier: MIT
#include "tests/cxp_archive/support.h"

#include <catch2/catch.hpp>

#include <fstream>

#include "cxf/cxf_json/cxf_json.h"
#include "cxf/encoding/base64.h"
#include "cxf/formats/registry.h"
#include "cxf/io/file.h"
#include "cxf/io/zip.h"
#include "tests/cxf_json/kitchen_sink.h"

namespace test::cxp_archive {

using namespace cxf;

Vault sink_with_bytes() {
    Report report;
    Vault v = cxf_json::read(test::kitchen_sink_cxf, "sink", {}, report);
    std::get<File>(v.accounts[0].items[1].credentials[0]).data = crypto::SecureBytes{'h', 'e', 'l', 'l', 'o'};
    return v;
}

void save(const std::string& path, const crypto::SecureBytes& bytes) {
    std::ofstream out(path, std::ios::binary);
    out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
    REQUIRE(out.good());
}

crypto::SecureBytes load(const std::string& path) { return io::read_input(path, {}).bytes; }

void write_request(const std::string& path, const cxp::ExportRequest& request) {
    const std::string json = cxp::write_export_request(request);
    save(path, crypto::SecureBytes(json.begin(), json.end()));
}

Importer make_importer(const TempDir& dir, cxp::hpke::Kem kem, std::vector<cxp::hpke::Aead> aeads,
                       const std::string& name) {
    Importer importer{cxp::hpke::PrivateKey::generate(kem), dir.path(name + ".pem"), dir.path(name + ".request.json")};
    const crypto::Secret pem = importer.key.to_pkcs8_pem();
    save(importer.key_path, crypto::secure_copy(pem.bytes()));
    cxp::ExportRequest request;
    request.importer = "importer.example";
    for (const cxp::hpke::Aead aead : aeads)
        request.hpke.push_back(cxp::make_offer({kem, cxp::hpke::Kdf::hkdf_sha256, aead}, importer.key.public_key()));
    write_request(importer.request_path, request);
    return importer;
}

const Format& cxp_format() {
    const Format* f = find_format("cxp");
    REQUIRE(f);
    return *f;
}

crypto::SecureBytes write_cxp(const Vault& vault, const std::string& request_path, Report& report) {
    WriteOptions options;
    options.cxp.recipient = io::read_input(request_path, {});
    io::MemoryOutput out;
    cxp_format().write(vault, out, options, report);
    return std::move(out.bytes());
}

Vault read_cxp(const crypto::SecureBytes& archive, const std::string& key_path, Report& report) {
    ReadOptions options;
    options.cxp.identity = io::read_input(key_path, {});
    return cxp_format().read(Input{"a.cxp", archive}, options, report);
}

Error read_error(const crypto::SecureBytes& archive, const std::string& key_path) {
    Report report;
    try {
        read_cxp(archive, key_path, report);
    } catch (const Error& e) {
        return e;
    }
    FAIL("the archive was read without an error");
    throw std::logic_error("unreachable");
}

Entries entries_of(const crypto::SecureBytes& archive) {
    const io::ZipReader reader(archive, "a.cxp", {});
    Entries entries;
    for (std::size_t i = 0; i < reader.entries().size(); ++i) entries.emplace_back(reader.entries()[i].name, reader.read(i));
    return entries;
}

crypto::SecureBytes rebuilt(const crypto::SecureBytes& archive, const std::function<void(Entries&)>& edit) {
    Entries entries = entries_of(archive);
    edit(entries);
    io::MemoryOutput out;
    io::ZipWriter writer(out);
    for (const auto& [name, data] : entries) writer.add(name, data, io::ZipMethod::deflate);
    writer.finish();
    return std::move(out.bytes());
}

std::string text(const crypto::SecureBytes& bytes) { return std::string(bytes.begin(), bytes.end()); }

std::string protected_header(const std::string& jwe) {
    const auto header = encoding::base64url_decode(jwe.substr(0, jwe.find('.')));
    REQUIRE(header);
    return std::string(header->begin(), header->end());
}

}  // namespace test::cxp_archive
