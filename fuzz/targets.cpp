// SPDX-License-Identifier: MIT
#include "fuzz/targets.h"

#include <memory>
#include <optional>
#include <stdexcept>
#include <vector>

#include "cxf/bitwarden/enc_string.h"
#include "cxf/crypto/keys.h"
#include "cxf/crypto/pkcs8_shape.h"
#include "cxf/csv/csv.h"
#include "cxf/cxp/jwe.h"
#include "cxf/cxp/keys.h"
#include "cxf/encoding/base64.h"
#include "cxf/encoding/rfc3339.h"
#include "cxf/error.h"
#include "cxf/formats/registry.h"
#include "cxf/io/file.h"
#include "cxf/io/zip.h"
#include "cxf/json/tape.h"
#include "cxf/kdbx/inner_stream.h"
#include "cxf/kdbx/keys.h"
#include "cxf/kdbx/xml.h"
#include "cxf/otp/otpauth.h"
#include "cxf/validate/validate.h"
#include "fuzz/xml_against_expat.h"

namespace cxf::fuzz {

namespace {

// Small enough that a mutated size or KDF cost is refused at once instead of slowing the fuzzer.
Limits fuzz_limits() {
    Limits limits;
    limits.max_input_bytes = 4u << 20;
    limits.max_string_bytes = 1u << 20;
    limits.max_json_values = 1u << 18;
    limits.max_decompressed_bytes = 16u << 20;
    limits.max_zip_entries = 1000;
    limits.max_kdf_memory_bytes = 1u << 20;
    limits.max_kdf_iterations = 4;
    limits.max_aes_kdf_rounds = 1000;
    limits.max_pbkdf2_iterations = 5000;
    return limits;
}

std::string_view text_of(ByteView data) { return {reinterpret_cast<const char*>(data.data()), data.size()}; }

Input input_of(ByteView data) { return Input{"fuzz-input", crypto::SecureBytes(data.begin(), data.end())}; }

// The password every password-protected seed was made with (testdata/fuzz/README.md).
crypto::Secret fuzz_password() { return crypto::Secret("fuzz"); }

Target format_target(const Format& format, std::shared_ptr<const Input> identity) {
    return {"format-" + std::string(format.id), [&format, identity](ByteView data) {
                const std::size_t head = std::min(data.size(), detect_head_bytes);
                (void)format.detect(data.first(head), "fuzz-input");
                const Input input = input_of(data);
                ReadOptions options;
                options.limits = fuzz_limits();
                options.password = fuzz_password;
                options.now = 1700000000;
                options.cxp.identity = *identity;
                if (format.describe) (void)format.describe(input, options.limits);
                Report report;
                validate(format.read(input, options, report), report);
                if (format.writes_cxf) {  // the validation mode reads on past unreadable values
                    options.collect_errors = true;
                    Report again;
                    validate(format.read(input, options, again), again);
                }
            }};
}

// Takes whatever the XML layer hands over and keeps nothing.
class IgnoringVisitor final : public kdbx::DatabaseVisitor {
public:
    void meta(const kdbx::Meta&, std::vector<kdbx::Binary>) override {}
    void binary(kdbx::Binary) override {}
    void begin_group(const kdbx::Group&) override {}
    void entry(kdbx::Entry) override {}
    void end_group(kdbx::Group) override {}
    void end(kdbx::Database&) override {}
};

// The KDBX XML document alone, past the crypto a fuzzer cannot forge: fed in two pieces, so that a
// split inside a token is exercised too. KDBX 4's attachments come from the inner header (a pool of
// 8: references 0-7 resolve); KDBX 3.1's are base64 text in Meta/Binaries.
void kdbx_xml(ByteView data, kdbx::FormatVersion version) {
    const std::string file = "fuzz-input";
    const Limits limits = fuzz_limits();
    const crypto::SecureBytes key(64, 7);
    kdbx::detail::InnerStreamCipher stream(version.major >= 4 ? kdbx::InnerStream::chacha20 : kdbx::InnerStream::salsa20, key);
    std::uint64_t budget = limits.max_decompressed_bytes;
    const kdbx::detail::XmlReadContext context{file, limits, version, stream, {}, budget};
    IgnoringVisitor visitor;
    std::vector<kdbx::Binary> pool(version.major >= 4 ? 8 : 0);
    for (std::size_t i = 0; i < pool.size(); ++i) pool[i].data.assign(i + 1, static_cast<std::uint8_t>(i));
    kdbx::detail::XmlReader reader(context, std::move(pool), visitor);
    reader.feed(data.first(data.size() / 2));
    reader.feed(data.subspan(data.size() / 2));
    reader.finish({});
}

void base_encodings(ByteView data) {
    const std::string_view text = text_of(data);
    (void)encoding::base64_decode(text);
    (void)encoding::base64url_decode(text);
    (void)encoding::base32_decode(text);
    (void)encoding::hex_decode(text);
    (void)encoding::parse_rfc3339(text);
}

void otpauth(ByteView data) {
    if (const auto totp = otp::parse(text_of(data))) (void)otp::to_uri(*totp, "fuzz");
}

// The quick reading of common key shapes must never disagree with OpenSSL's decoders.
void inspect_both_ways(ByteView der) {
    const auto quick = crypto::detail::inspect_common_pkcs8(der);
    if (!quick) return;
    const auto full = crypto::detail::inspect_pkcs8_with_openssl(der);
    if (!full || full->algorithm != quick->algorithm || full->description != quick->description ||
        full->consistent != quick->consistent)
        throw std::logic_error("the quick PKCS#8 reading accepted a key OpenSSL reads otherwise");
}

void pkcs8(ByteView data) {
    if (const auto der = crypto::pkcs8_pem_to_der(text_of(data))) {
        (void)crypto::inspect_pkcs8(*der);
        (void)crypto::load_pkcs8(*der);
        inspect_both_ways(*der);
    }
    (void)crypto::inspect_pkcs8(data);
    (void)crypto::load_pkcs8(data);
    inspect_both_ways(data);
}

void kdbx_key_file(ByteView data) { (void)kdbx::detail::key_file_component(data, "fuzz.key"); }

void bitwarden_enc_string(ByteView data) {
    const auto enc = bitwarden::EncString::parse(text_of(data), Where{"fuzz-input", "/data"});
    const bitwarden::SymmetricKey key{crypto::SecureBytes(32, 1), crypto::SecureBytes(32, 2)};
    (void)enc.authentic(key);
}

void json_text(ByteView data) {
    json::Tape tape;
    json::parse(text_of(data), "fuzz-input", fuzz_limits(), tape);
}

void csv_rows(ByteView data) {
    csv::Reader reader(text_of(data), "fuzz-input", fuzz_limits());
    while (reader.next()) {
    }
}

void zip_entries(ByteView data) {
    const io::ZipReader zip(data, "fuzz-input", fuzz_limits());
    for (std::size_t i = 0; i < zip.entries().size(); ++i)
        if (!zip.entries()[i].is_directory) (void)zip.read(i);
}

}  // namespace

std::span<const Target> targets(const std::string& testdata_dir) {
    static const std::vector<Target> all = [&] {
        const auto identity = std::make_shared<const Input>(io::read_input(testdata_dir + "/cxp/importer-x25519.pem", {}));
        std::vector<Target> list;
        for (const Format& format : formats())
            if (format.read) list.push_back(format_target(format, identity));
        list.push_back({"base-encodings", base_encodings});
        list.push_back({"otpauth", otpauth});
        list.push_back({"pkcs8", pkcs8});
        list.push_back({"kdbx-key-file", kdbx_key_file});
        list.push_back({"kdbx-xml", [](ByteView data) { kdbx_xml(data, {4, 0}); }});
        list.push_back({"kdbx3-xml", [](ByteView data) { kdbx_xml(data, {3, 1}); }});
        list.push_back({"xml-against-expat", [](ByteView data) {
                            if (const auto difference = compare_with_expat(data)) throw std::logic_error(*difference);
                        }});
        list.push_back({"bitwarden-enc-string", bitwarden_enc_string});
        list.push_back({"json", json_text});
        list.push_back({"csv", csv_rows});
        list.push_back({"zip", zip_entries});
        auto key = std::make_shared<cxp::hpke::PrivateKey>(cxp::hpke::PrivateKey::from_pkcs8_pem(as_text(identity->bytes), identity->name));
        list.push_back({"cxp-jwe", [key](ByteView data) {
                            (void)cxp::jwe_decrypt(text_of(data), *key, "fuzz-input", fuzz_limits());
                        }});
        return list;
    }();
    return all;
}

std::optional<std::string> run_one(const Target& target, ByteView data) {
    try {
        target.run(data);
    } catch (const Error& e) {
        return std::string(e.what());
    }
    return std::nullopt;
}

}  // namespace cxf::fuzz
