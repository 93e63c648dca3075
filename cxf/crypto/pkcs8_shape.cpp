// SPDX-License-Identifier: MIT
#include "cxf/crypto/pkcs8_shape.h"

#include <array>
#include <cstdint>

#include <openssl/obj_mac.h>

#include "cxf/crypto/openssl_ptr.h"

namespace cxf::crypto::detail {

namespace {

// Minimal DER, front to back. Any other encoding of a length (long form where the short one fits,
// leading zero bytes) is refused: OpenSSL then judges the key.
class Der {
public:
    explicit Der(ByteView bytes) : bytes_(bytes) {}

    // The contents of the next element if it has this tag; nullopt otherwise.
    std::optional<ByteView> next(std::uint8_t tag) {
        if (at_ + 2 > bytes_.size() || bytes_[at_] != tag) return std::nullopt;
        std::size_t length = bytes_[at_ + 1];
        std::size_t header = 2;
        if (length == 0x81 || length == 0x82) {
            const std::size_t count = length - 0x80;
            if (at_ + 2 + count > bytes_.size() || bytes_[at_ + 2] == 0) return std::nullopt;
            length = 0;
            for (std::size_t i = 0; i < count; ++i) length = length << 8 | bytes_[at_ + 2 + i];
            if (length < 0x80) return std::nullopt;
            header += count;
        } else if (length >= 0x80) {
            return std::nullopt;
        }
        if (length > bytes_.size() - at_ - header) return std::nullopt;
        const ByteView contents = bytes_.subspan(at_ + header, length);
        at_ += header + length;
        return contents;
    }
    // The next element is exactly these bytes (tag, length and contents).
    bool literal(ByteView expected) {
        if (bytes_.size() - at_ < expected.size() || !std::equal(expected.begin(), expected.end(), bytes_.begin() + static_cast<std::ptrdiff_t>(at_)))
            return false;
        at_ += expected.size();
        return true;
    }
    bool peek(std::uint8_t tag) const noexcept { return at_ < bytes_.size() && bytes_[at_] == tag; }
    bool done() const noexcept { return at_ == bytes_.size(); }

private:
    ByteView bytes_;
    std::size_t at_ = 0;
};

constexpr std::uint8_t version_0[] = {0x02, 0x01, 0x00};
constexpr std::uint8_t version_1[] = {0x02, 0x01, 0x01};
constexpr std::uint8_t ed25519_algorithm[] = {0x30, 0x05, 0x06, 0x03, 0x2B, 0x65, 0x70};
constexpr std::uint8_t ec_public_key_oid[] = {0x06, 0x07, 0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x02, 0x01};

struct Curve {
    ByteView oid;  // the named curve's OBJECT IDENTIFIER element
    int nid;
    KeyAlgorithm algorithm;
    const char* description;
};

constexpr std::uint8_t p256_oid[] = {0x06, 0x08, 0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x03, 0x01, 0x07};
constexpr std::uint8_t p384_oid[] = {0x06, 0x05, 0x2B, 0x81, 0x04, 0x00, 0x22};
constexpr std::uint8_t p521_oid[] = {0x06, 0x05, 0x2B, 0x81, 0x04, 0x00, 0x23};
const std::array<Curve, 3> curves{{
    {p256_oid, NID_X9_62_prime256v1, KeyAlgorithm::ec_p256, "EC P-256"},
    {p384_oid, NID_secp384r1, KeyAlgorithm::ec_p384, "EC P-384"},
    {p521_oid, NID_secp521r1, KeyAlgorithm::ec_p521, "EC P-521"},
}};

// Each thread's own groups, made once: EC_GROUP objects are not safe to share while in use.
const EC_GROUP* group_of(std::size_t curve) {
    thread_local std::array<EcGroupPtr, 3> groups;
    if (!groups[curve]) groups[curve].reset(EC_GROUP_new_by_curve_name(curves[curve].nid));
    return groups[curve].get();
}

std::optional<KeyInfo> ed25519_key(Der& key) {
    // privateKey is an OCTET STRING holding CurvePrivateKey, itself an OCTET STRING of 32 bytes.
    const auto inner = key.next(0x04);
    if (!inner || inner->size() != 34 || (*inner)[0] != 0x04 || (*inner)[1] != 32) return std::nullopt;
    if (!key.done()) return std::nullopt;
    return KeyInfo{KeyAlgorithm::ed25519, "Ed25519", true};
}

// The scalar is in [1, n-1] (what OpenSSL's private-key check asks) and the public key, when given, is
// a point on the curve (what its decoder asks); OpenSSL does the arithmetic.
bool valid_ec_key(std::size_t curve, ByteView scalar, std::optional<ByteView> point) {
    const EC_GROUP* group = group_of(curve);
    if (!group) return false;
    const std::size_t width = (static_cast<std::size_t>(EC_GROUP_get_degree(group)) + 7) / 8;
    if (scalar.size() != width) return false;
    const BignumPtr d(BN_secure_new());
    if (!d || !BN_bin2bn(scalar.data(), static_cast<int>(scalar.size()), d.get())) return false;
    if (BN_is_zero(d.get()) || BN_cmp(d.get(), EC_GROUP_get0_order(group)) >= 0) return false;
    if (!point) return true;
    // A BIT STRING with no unused bits holding an uncompressed point: 0x00, 0x04, X, Y.
    if (point->size() != 2 + 2 * width || (*point)[0] != 0x00 || (*point)[1] != 0x04) return false;
    const EcPointPtr p(EC_POINT_new(group));
    return p && EC_POINT_oct2point(group, p.get(), point->data() + 1, point->size() - 1, nullptr) == 1;
}

std::optional<KeyInfo> ec_key(Der& outer, std::size_t curve) {
    const auto octets = outer.next(0x04);
    if (!octets || !outer.done()) return std::nullopt;
    Der wrapper(*octets);
    const auto body = wrapper.next(0x30);
    if (!body || !wrapper.done()) return std::nullopt;
    Der key(*body);
    if (!key.literal(version_1)) return std::nullopt;
    const auto scalar = key.next(0x04);
    if (!scalar || key.peek(0xA0)) return std::nullopt;  // parameters repeated inside: OpenSSL's call
    std::optional<ByteView> point;
    if (const auto tagged = key.next(0xA1)) {
        Der holder(*tagged);
        point = holder.next(0x03);
        if (!point || !holder.done()) return std::nullopt;
    }
    if (!key.done() || !valid_ec_key(curve, *scalar, point)) return std::nullopt;
    return KeyInfo{curves[curve].algorithm, curves[curve].description, true};
}

}  // namespace

std::optional<KeyInfo> inspect_common_pkcs8(ByteView der) {
    Der document(der);
    const auto info = document.next(0x30);
    if (!info || !document.done()) return std::nullopt;
    Der key(*info);
    if (!key.literal(version_0)) return std::nullopt;
    if (key.literal(ed25519_algorithm)) return ed25519_key(key);
    const auto algorithm = key.next(0x30);
    if (!algorithm) return std::nullopt;
    Der names(*algorithm);
    if (!names.literal(ec_public_key_oid)) return std::nullopt;
    for (std::size_t curve = 0; curve < curves.size(); ++curve)
        if (names.literal(curves[curve].oid)) return names.done() ? ec_key(key, curve) : std::nullopt;
    return std::nullopt;
}

}  // namespace cxf::crypto::detail
