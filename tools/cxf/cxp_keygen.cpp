// SPDX-License-Identifier: MIT
// cxf cxp keygen PRIVATE_KEY REQUEST_JSON: an importer's HPKE key pair and the ExportRequest that
// offers it, so that `cxf convert … OUT.cxp --recipient REQUEST_JSON` can encrypt to it.
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "cxf/cxf_json/cxf_json.h"
#include "cxf/cxp/jwk.h"
#include "cxf/cxp/messages.h"
#include "cxf/io/file.h"
#include "cxf/io/output.h"
#include "cxf/io/same_file.h"
#include "cxf/model/credentials.h"
#include "cxf/pipeline/exit_codes.h"
#include "tools/cxf/commands.h"
#include "tools/cxf/common.h"

namespace cxf::cli {

namespace {

using cxp::hpke::Aead;
using cxp::hpke::Kdf;
using cxp::hpke::Kem;

constexpr std::string_view usage =
    "usage: cxf cxp SUBCOMMAND [options]\n"
    "\n"
    "subcommands:\n"
    "  keygen PRIVATE_KEY REQUEST_JSON   an importer key (PKCS#8 PEM, mode 0600) and the ExportRequest offering it\n"
    "\n"
    "Then: cxf convert IN OUT.cxp --recipient REQUEST_JSON   and   cxf convert IN.cxp OUT --identity PRIVATE_KEY\n";

// AES-256-GCM first: the de-facto CXP suite (cxporter, the CXP proof of concept).
constexpr Aead offered_aeads[] = {Aead::aes256_gcm, Aead::chacha20_poly1305, Aead::aes128_gcm};

Kem kem_named(const std::string& name) {
    if (name == "x25519") return Kem::x25519_sha256;
    if (name == "p256" || name == "p-256") return Kem::p256_sha256;
    throw po::error("--kem " + name + ": expected x25519 or p256");
}

cxp::ExportRequest request_for(const cxp::hpke::PublicKey& key, const std::string& importer) {
    cxp::ExportRequest request;
    request.importer = importer;
    for (const Aead aead : offered_aeads) request.hpke.push_back(cxp::make_offer({key.kem(), Kdf::hkdf_sha256, aead}, key));
    request.credential_types.emplace();
    for (const std::string_view type : known_credential_types()) request.credential_types->emplace_back(type);
    request.known_extensions = std::vector<std::string>{"shared"};
    return request;
}

int run_keygen(const Args& args) {
    po::options_description options("Options");
    options.add_options()
        ("kem", po::value<std::string>()->value_name("NAME")->default_value("x25519"), "key type: x25519 or p256")
        ("importer", po::value<std::string>()->value_name("RP_ID")->default_value(std::string(cxf_json::own_rp_id)),
         "the importer's RP ID, written into the request")
        ("force", "replace PRIVATE_KEY and REQUEST_JSON if they exist");
    po::options_description operands;
    operands.add_options()("private-key", po::value<std::string>()->required(), "")(
        "request", po::value<std::string>()->required(), "");
    po::positional_options_description positional;
    positional.add("private-key", 1).add("request", 1);
    po::variables_map vm;
    if (!parse_args(args, "cxf cxp keygen PRIVATE_KEY REQUEST_JSON [options]   (REQUEST_JSON may be - for stdout)",
                    options, operands, positional, vm))
        return exit_ok;

    const std::string key_path = vm["private-key"].as<std::string>();
    const std::string request_path = vm["request"].as<std::string>();
    const std::string importer = vm["importer"].as<std::string>();
    const bool force = vm.count("force") > 0;
    const Kem kem = kem_named(vm["kem"].as<std::string>());
    if (key_path == "-") throw po::error("the private key goes into a file (mode 0600), not to standard output");
    if (request_path != "-" && io::same_file(key_path, request_path)) throw po::error("PRIVATE_KEY and REQUEST_JSON must be different files");
    if (importer.empty()) throw po::error("--importer must not be empty");

    // Both outputs are claimed before either is written, so a refusal leaves neither behind.
    io::AtomicFile key_file(key_path, force);
    std::optional<io::AtomicFile> request_file;
    if (request_path != "-") request_file.emplace(request_path, force);

    const cxp::hpke::PrivateKey key = cxp::hpke::PrivateKey::generate(kem);
    const std::string request = cxp::write_export_request(request_for(key.public_key(), importer)) + "\n";
    key_file.write(key.to_pkcs8_pem().bytes());
    if (request_file) request_file->write(as_bytes(request));
    if (request_file) {
        io::AtomicFile* both[] = {&key_file, &*request_file};
        io::commit_together(both);
    } else {
        key_file.commit();
        io::write_atomically("-", as_bytes(request), false);
    }

    std::cerr << "cxf: wrote the private key " << key_path << " (" << cxp::hpke::kem_name(kem)
              << "; keep it secret: it opens every archive encrypted to it)\n"
              << "cxf: wrote the ExportRequest " << (request_path == "-" ? "<stdout>" : request_path) << " (importer "
              << importer << ", key id " << cxp::jwk_thumbprint(key.public_key())
              << ", offers AES-256-GCM, ChaCha20-Poly1305, AES-128-GCM)\n";
    return exit_ok;
}

}  // namespace

int run_cxp(const Args& args) {
    if (args.empty()) {
        std::cerr << usage;
        return exit_usage;
    }
    if (args.front() == "--help" || args.front() == "-h") {
        std::cout << usage;
        return exit_ok;
    }
    if (args.front() == "keygen") return run_keygen(Args(args.begin() + 1, args.end()));
    throw po::error("unknown subcommand '" + args.front() + "'");
}

}  // namespace cxf::cli
