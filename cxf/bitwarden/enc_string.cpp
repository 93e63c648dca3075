// SPDX-License-Identifier: MIT
#include "cxf/bitwarden/enc_string.h"

#include <algorithm>

#include "cxf/bitwarden/primitives.h"
#include "cxf/crypto/hash.h"
#include "cxf/encoding/base64.h"

namespace cxf::bitwarden {

namespace {

constexpr std::size_t iv_size = 16;
constexpr std::size_t mac_size = 32;
constexpr std::size_t block_size = 16;

Bytes decode_part(std::string_view text, std::string_view part, const Where& where) {
    std::optional<Bytes> bytes = encoding::base64_decode(text);
    if (!bytes) throw Error(Errc::malformed, where, "the " + std::string(part) + " of the EncString is not valid base64");
    return *std::move(bytes);
}

}  // namespace

EncString EncString::parse(std::string_view text, const Where& where) {
    const std::size_t dot = text.find('.');
    const std::string_view type = text.substr(0, dot);
    if (dot == std::string_view::npos || type.empty() || type.size() > 2 ||
        !std::all_of(type.begin(), type.end(), [](char c) { return c >= '0' && c <= '9'; }))
        throw Error(Errc::malformed, where, "not an EncString (expected \"2.\" then iv|ciphertext|mac in base64)");
    if (type != "2")
        throw Error(Errc::unsupported, where,
                    "EncString type " + std::string(type) +
                        " is not used by password-protected exports; only type 2 (AES-256-CBC, HMAC-SHA256) is");

    const std::string_view rest = text.substr(dot + 1);
    const auto bars = std::count(rest.begin(), rest.end(), '|');
    if (bars != 2)
        throw Error(Errc::malformed, where,
                    "a type 2 EncString has three parts (iv|ciphertext|mac), this one has " + std::to_string(bars + 1));
    const std::size_t first = rest.find('|');
    const std::size_t second = rest.find('|', first + 1);

    Bytes iv = decode_part(rest.substr(0, first), "iv", where);
    Bytes ciphertext = decode_part(rest.substr(first + 1, second - first - 1), "ciphertext", where);
    Bytes mac = decode_part(rest.substr(second + 1), "mac", where);
    if (iv.size() != iv_size)
        throw Error(Errc::malformed, where, "the EncString's iv has " + std::to_string(iv.size()) + " bytes, not 16");
    if (mac.size() != mac_size)
        throw Error(Errc::malformed, where, "the EncString's mac has " + std::to_string(mac.size()) + " bytes, not 32");
    if (ciphertext.empty() || ciphertext.size() % block_size != 0)
        throw Error(Errc::malformed, where,
                    "the EncString's ciphertext has " + std::to_string(ciphertext.size()) +
                        " bytes, not a non-zero multiple of the AES block size");
    return EncString(std::move(iv), std::move(ciphertext), std::move(mac));
}

EncString EncString::encrypt(ByteView plaintext, const SymmetricKey& key) {
    const crypto::SecureBytes random = crypto::random_bytes(iv_size);
    Bytes iv(random.begin(), random.end());
    Bytes ciphertext = aes256_cbc_encrypt(key.enc, iv, plaintext);
    const crypto::SecureBytes tag = crypto::hmac_sha256(key.mac, {iv, ciphertext});
    Bytes mac(tag.begin(), tag.end());
    return EncString(std::move(iv), std::move(ciphertext), std::move(mac));
}

std::string EncString::text() const {
    return "2." + encoding::base64_encode(iv_) + "|" + encoding::base64_encode(ciphertext_) + "|" +
           encoding::base64_encode(mac_);
}

bool EncString::authentic(const SymmetricKey& key) const {
    return crypto::equal_ct(crypto::hmac_sha256(key.mac, {iv_, ciphertext_}), mac_);
}

crypto::SecureBytes EncString::decrypt(const SymmetricKey& key, const Where& where) const {
    if (!authentic(key)) throw Error(Errc::integrity, where, "the MAC does not match: the encrypted text was altered or damaged");
    std::optional<crypto::SecureBytes> plaintext = aes256_cbc_decrypt(key.enc, iv_, ciphertext_);
    if (!plaintext) throw Error(Errc::malformed, where, "bad AES-CBC padding under a valid MAC: the writer was faulty");
    return *std::move(plaintext);
}

}  // namespace cxf::bitwarden
