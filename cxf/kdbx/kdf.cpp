// SPDX-License-Identifier: MIT
// AES-KDF (OpenSSL AES-256-ECB) and Argon2d/id (libargon2); parameter names from KeePass's KdfParameters.
#include "cxf/kdbx/kdf.h"

#include <algorithm>
#include <argon2.h>

#include "cxf/crypto/argon2.h"
#include "cxf/crypto/hash.h"
#include "cxf/crypto/openssl_ptr.h"
#include "cxf/kdbx/bytes.h"

namespace cxf::kdbx::detail {

namespace {

constexpr Uuid aes_kdf_uuid{0xc9, 0xd9, 0xf3, 0x9a, 0x62, 0x8a, 0x44, 0x60,
                            0xbf, 0x74, 0x0d, 0x08, 0xc1, 0x8a, 0x4f, 0xea};
// KeePassXC's reader accepts this second AES-KDF id; nobody writes it.
constexpr Uuid aes_kdf_alias_uuid{0x7c, 0x02, 0xbb, 0x82, 0x79, 0xa7, 0x4a, 0xc0,
                                  0x92, 0x7d, 0x11, 0x4a, 0x00, 0x64, 0x82, 0x38};
constexpr Uuid argon2d_uuid{0xef, 0x63, 0x6d, 0xdf, 0x8c, 0x29, 0x44, 0x4b,
                            0x91, 0xf7, 0xa9, 0xa4, 0x03, 0xe3, 0x0a, 0x0c};
constexpr Uuid argon2id_uuid{0x9e, 0x29, 0x8b, 0x19, 0x56, 0xdb, 0x47, 0x73,
                             0xb2, 0x3d, 0xfc, 0x3e, 0xc6, 0xf0, 0xa1, 0xe6};

bool same(ByteView a, const Uuid& b) { return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin()); }

class MapReader {
public:
    MapReader(const VariantMap& map, const std::string& file, const std::string& place)
        : map_(map), file_(file), place_(place) {}

    const Variant* get(std::string_view key, bool required) const {
        const Variant* v = find(map_, key);
        if (!v && required)
            throw Error(Errc::malformed, {file_, place_}, "the KDF parameters have no '" + std::string(key) + "'");
        return v;
    }

    Bytes bytes(std::string_view key, bool required) const {
        const Variant* v = get(key, required);
        if (!v) return {};
        if (v->type != VariantType::bytes) wrong_type(key, "a byte array");
        return v->value;
    }

    // KeePass writes these as UInt32 or UInt64; either is read.
    std::uint64_t number(std::string_view key) const {
        const Variant* v = get(key, true);
        if (v->type == VariantType::uint32) return load_le<std::uint32_t>(v->value.data());
        if (v->type == VariantType::uint64) return load_le<std::uint64_t>(v->value.data());
        wrong_type(key, "an unsigned integer");
    }

private:
    [[noreturn]] void wrong_type(std::string_view key, std::string_view expected) const {
        throw Error(Errc::malformed, {file_, place_},
                    "KDF parameter '" + std::string(key) + "' is not " + std::string(expected));
    }

    const VariantMap& map_;
    const std::string& file_;
    const std::string& place_;
};

[[noreturn]] void bad(const std::string& file, const std::string& place, const std::string& message) {
    throw Error(Errc::malformed, {file, place}, message);
}

void cap(std::uint64_t value, std::uint64_t limit, const std::string& what, const std::string& file,
         const std::string& place) {
    if (value > limit)
        throw Error(Errc::limit_exceeded, {file, place},
                    what + " " + std::to_string(value) + " is over the cap of " + std::to_string(limit) +
                        " (a KDF this costly would take very long; raise the cap if the file is genuine)");
}

crypto::SecureBytes aes_kdf(ByteView composite_key, const KdfParameters& kdf) {
    const crypto::CipherCtxPtr ctx(EVP_CIPHER_CTX_new());
    if (!ctx || EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_ecb(), nullptr, kdf.salt.data(), nullptr) != 1)
        throw Error(Errc::io, {}, "OpenSSL failed: AES-KDF init");
    EVP_CIPHER_CTX_set_padding(ctx.get(), 0);
    crypto::SecureBytes block = crypto::secure_copy(composite_key);
    // Both 16-byte halves go through in one call per round: ECB encrypts them independently.
    for (std::uint64_t i = 0; i < kdf.rounds; ++i) {
        int length = 0;
        if (EVP_EncryptUpdate(ctx.get(), block.data(), &length, block.data(), 32) != 1)
            throw Error(Errc::io, {}, "OpenSSL failed: AES-KDF round");
    }
    return crypto::sha256({block});
}

crypto::SecureBytes argon2(ByteView composite_key, const KdfParameters& kdf) {
    crypto::Argon2Params params;
    params.type = kdf.kdf == Kdf::argon2d ? crypto::Argon2Type::d : crypto::Argon2Type::id;
    params.version = static_cast<crypto::Argon2Version>(kdf.version);  // 0x10 or 0x13, checked when read
    params.iterations = static_cast<std::uint32_t>(kdf.iterations);
    params.memory_kib = static_cast<std::uint32_t>(kdf.memory_bytes / 1024);  // KDBX stores bytes
    params.lanes = kdf.parallelism;
    params.secret = kdf.secret;
    params.associated_data = kdf.associated_data;
    return crypto::argon2(composite_key, kdf.salt, params);
}

}  // namespace

KdfParameters kdf_from_map(const VariantMap& map, const std::string& file, const std::string& place) {
    const MapReader in(map, file, place);
    const Bytes id = in.bytes("$UUID", true);
    KdfParameters kdf;
    if (same(id, aes_kdf_uuid) || same(id, aes_kdf_alias_uuid)) {
        kdf.kdf = Kdf::aes_kdf;
        kdf.rounds = in.number("R");
        kdf.salt = in.bytes("S", true);
        return kdf;
    }
    if (same(id, argon2d_uuid))
        kdf.kdf = Kdf::argon2d;
    else if (same(id, argon2id_uuid))
        kdf.kdf = Kdf::argon2id;
    else
        throw Error(Errc::unsupported, {file, place}, "unknown KDF (only AES-KDF, Argon2d and Argon2id are supported)");
    kdf.salt = in.bytes("S", true);
    const std::uint64_t parallelism = in.number("P");
    if (parallelism > UINT32_MAX)
        bad(file, place, "Argon2 parallelism " + std::to_string(parallelism) + " is out of range");
    kdf.parallelism = static_cast<std::uint32_t>(parallelism);
    kdf.memory_bytes = in.number("M");
    kdf.iterations = in.number("I");
    const std::uint64_t version = in.number("V");
    if (version > UINT32_MAX) bad(file, place, "Argon2 version is out of range");
    kdf.version = static_cast<std::uint32_t>(version);
    kdf.secret = in.bytes("K", false);
    kdf.associated_data = in.bytes("A", false);
    return kdf;
}

VariantMap kdf_to_map(const KdfParameters& kdf) {
    VariantMap map;
    switch (kdf.kdf) {
        case Kdf::aes_kdf:
            set_bytes(map, "$UUID", aes_kdf_uuid);
            set_uint64(map, "R", kdf.rounds);
            set_bytes(map, "S", kdf.salt);
            return map;
        case Kdf::argon2d: set_bytes(map, "$UUID", argon2d_uuid); break;
        case Kdf::argon2id: set_bytes(map, "$UUID", argon2id_uuid); break;
    }
    set_bytes(map, "S", kdf.salt);
    set_uint32(map, "P", kdf.parallelism);
    set_uint64(map, "M", kdf.memory_bytes);
    set_uint64(map, "I", kdf.iterations);
    set_uint32(map, "V", kdf.version);
    if (!kdf.secret.empty()) set_bytes(map, "K", kdf.secret);
    if (!kdf.associated_data.empty()) set_bytes(map, "A", kdf.associated_data);
    return map;
}

void check_kdf(const KdfParameters& kdf, const Limits& limits, const std::string& file, const std::string& place) {
    if (kdf.kdf == Kdf::aes_kdf) {
        if (kdf.salt.size() != 32)
            bad(file, place, "the AES-KDF seed has " + std::to_string(kdf.salt.size()) + " bytes, not 32");
        cap(kdf.rounds, limits.max_aes_kdf_rounds, "AES-KDF rounds", file, place);
        return;
    }
    // Bounds KeePass enforces (Argon2Kdf.cs); libargon2 would refuse most of them too, but later.
    if (kdf.salt.size() < ARGON2_MIN_SALT_LENGTH || kdf.salt.size() > UINT32_MAX)
        bad(file, place, "the Argon2 salt has " + std::to_string(kdf.salt.size()) + " bytes (at least 8 are needed)");
    if (kdf.parallelism < 1 || kdf.parallelism > 0xFFFFFF)
        bad(file, place, "Argon2 parallelism " + std::to_string(kdf.parallelism) + " is outside 1 to 16777215");
    if (kdf.iterations < 1 || kdf.iterations > UINT32_MAX)
        bad(file, place, "Argon2 iterations " + std::to_string(kdf.iterations) + " is outside 1 to 4294967295");
    if (kdf.version != ARGON2_VERSION_10 && kdf.version != ARGON2_VERSION_13)
        bad(file, place, "Argon2 version " + std::to_string(kdf.version) + " is neither 0x10 nor 0x13");
    cap(kdf.memory_bytes, limits.max_kdf_memory_bytes, "Argon2 memory (bytes)", file, place);
    cap(kdf.iterations, limits.max_kdf_iterations, "Argon2 iterations", file, place);
    if (kdf.memory_bytes / 1024 < 8ull * kdf.parallelism)
        bad(file, place, "Argon2 memory " + std::to_string(kdf.memory_bytes) + " bytes is under 8 KiB per lane (" +
                             std::to_string(kdf.parallelism) + " lanes)");
    if (kdf.memory_bytes / 1024 > UINT32_MAX)
        bad(file, place, "Argon2 memory " + std::to_string(kdf.memory_bytes) + " bytes is more than libargon2 can use");
}

crypto::SecureBytes transform_key(ByteView composite_key, const KdfParameters& kdf) {
    return kdf.kdf == Kdf::aes_kdf ? aes_kdf(composite_key, kdf) : argon2(composite_key, kdf);
}

KdfParameters tune_kdf(KdfParameters kdf, std::chrono::milliseconds target) {
    using Clock = std::chrono::steady_clock;
    const crypto::SecureBytes probe_key = crypto::random_bytes(32);
    KdfParameters probe = kdf;
    probe.salt = Bytes(32, 0);
    std::uint64_t& work = kdf.kdf == Kdf::aes_kdf ? probe.rounds : probe.iterations;
    work = kdf.kdf == Kdf::aes_kdf ? 100000 : 1;
    // Doubles the probe until it runs long enough to measure, then scales linearly to the target.
    for (;;) {
        const auto start = Clock::now();
        transform_key(probe_key, probe);
        const auto elapsed = std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - start);
        if (elapsed >= std::chrono::milliseconds(50) || elapsed * 2 >= target) {
            const double scale = static_cast<double>(std::chrono::microseconds(target).count()) /
                                 static_cast<double>(std::max<std::int64_t>(elapsed.count(), 1));
            // Never more than a reader with default Limits accepts.
            const Limits defaults;
            const std::uint64_t most = kdf.kdf == Kdf::aes_kdf ? defaults.max_aes_kdf_rounds : defaults.max_kdf_iterations;
            const double tuned = std::clamp(static_cast<double>(work) * scale, 1.0, static_cast<double>(most));
            (kdf.kdf == Kdf::aes_kdf ? kdf.rounds : kdf.iterations) = static_cast<std::uint64_t>(tuned);
            return kdf;
        }
        work *= 2;
    }
}

}  // namespace cxf::kdbx::detail
