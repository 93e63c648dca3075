// SPDX-License-Identifier: MIT
#include "cxf/bitwarden/envelope.h"

#include <limits>

#include "cxf/crypto/argon2.h"
#include "cxf/error.h"
#include "cxf/json/builder.h"

namespace cxf::bitwarden {

namespace {

using json::Cursor;
using json::Kind;

constexpr std::uint64_t mib = 1ull << 20;

class Reader {
public:
    Reader(const Cursor& root, const std::string& file, const Limits& limits)
        : root_(root), file_(file), limits_(limits) {}

    PasswordEnvelope read() {
        // A braced list is evaluated in order: the first problem in the file is the one reported.
        return {std::string(text("salt")), read_kdf(), enc_string("encKeyValidation_DO_NOT_EDIT"), enc_string("data")};
    }

private:
    [[noreturn]] void fail(Errc code, const Cursor& at, const std::string& message) const {
        throw Error(code, {file_, at.pointer()}, message);
    }

    Cursor member(std::string_view key) const {
        const std::optional<Cursor> value = root_.find(key);
        if (!value)
            throw Error(Errc::malformed, {file_, root_.pointer() + "/" + std::string(key)},
                        "a password-protected export needs '" + std::string(key) + "'");
        return *value;
    }

    std::string_view text(std::string_view key) const {
        const Cursor value = member(key);
        if (!value.is_string()) fail(Errc::malformed, value, "expected a string, got " + described(value));
        if (value.string().empty()) fail(Errc::malformed, value, "is empty");
        return value.string();
    }

    EncString enc_string(std::string_view key) const {
        const std::string_view value = text(key);
        return EncString::parse(value, {file_, root_.pointer() + "/" + std::string(key)});
    }

    std::uint64_t positive(const Cursor& value) const {
        if (!value.is(Kind::uint64)) fail(Errc::malformed, value, "expected a positive integer, got " + described(value));
        if (value.uint64() == 0) fail(Errc::malformed, value, "must be at least 1");
        return value.uint64();
    }

    // Checked before anything else is done with the value: the file chooses the KDF's cost.
    std::uint32_t capped(const Cursor& value, std::string_view what, std::uint64_t cap, std::string_view unit = {}) const {
        const std::uint64_t n = positive(value);
        const auto amount = [&](std::uint64_t x) { return std::to_string(x) + (unit.empty() ? "" : " ") + std::string(unit); };
        const std::string subject = std::string(what) + " of " + amount(n);
        if (n > cap) fail(Errc::limit_exceeded, value, subject + " is over the limit of " + amount(cap));
        if (n > std::numeric_limits<std::uint32_t>::max()) fail(Errc::unsupported, value, subject + " is more than cxf can run");
        return static_cast<std::uint32_t>(n);
    }

    KdfParams read_kdf() const {
        const Cursor type = member("kdfType");
        if (!type.is(Kind::uint64) && !type.is(Kind::int64))
            fail(Errc::malformed, type, "expected a non-negative integer, got " + described(type));
        if (type.is(Kind::int64) || type.uint64() > 1) {
            const std::string number = type.is(Kind::int64) ? std::to_string(type.int64()) : std::to_string(type.uint64());
            fail(Errc::unsupported, type, "unknown KDF type " + number + " (0 = PBKDF2-SHA256, 1 = Argon2id)");
        }

        KdfParams kdf;
        const Cursor iterations = member("kdfIterations");
        if (type.uint64() == 0) {
            // kdfMemory and kdfParallelism may be null or absent: older clients wrote null for PBKDF2.
            kdf.type = KdfParams::Type::pbkdf2_sha256;
            kdf.iterations = capped(iterations, "PBKDF2 iterations", limits_.max_pbkdf2_iterations);
            return kdf;
        }
        kdf.type = KdfParams::Type::argon2id;
        kdf.iterations = capped(iterations, "Argon2 iterations", limits_.max_kdf_iterations);
        const Cursor memory = member("kdfMemory");
        kdf.memory_mib = capped(memory, "Argon2 memory", limits_.max_kdf_memory_bytes / mib, "MiB");
        if (kdf.memory_mib > crypto::argon2_max_memory_kib / 1024)
            fail(Errc::unsupported, memory,
                 "Argon2 memory of " + std::to_string(kdf.memory_mib) + " MiB is more than libargon2 can run");
        const Cursor parallelism = member("kdfParallelism");
        const std::uint64_t lanes = positive(parallelism);
        if (lanes > crypto::argon2_max_lanes || lanes * crypto::argon2_min_kib_per_lane > std::uint64_t{kdf.memory_mib} * 1024)
            fail(Errc::malformed, parallelism,
                 "Argon2 parallelism " + std::to_string(lanes) + " is impossible with " + std::to_string(kdf.memory_mib) +
                     " MiB of memory (each lane needs 8 KiB; at most 16777215 lanes)");
        kdf.parallelism = static_cast<std::uint32_t>(lanes);
        return kdf;
    }

    static std::string described(const Cursor& value) { return std::string(json::type_name(value)); }

    const Cursor& root_;
    const std::string& file_;
    const Limits& limits_;
};

}  // namespace

PasswordEnvelope read_envelope(const json::Cursor& root, const std::string& file, const Limits& limits) {
    return Reader(root, file, limits).read();
}

// bitwarden/clients BaseVaultExportService.buildPasswordExport: JSON.stringify(doc, null, "  ") of an object
// whose Argon2 members are added after the others, and only for Argon2id.
crypto::Secret write_envelope(const PasswordEnvelope& envelope) {
    json::Builder out(json::Layout::indented);
    out.begin_object();
    out.key("encrypted").boolean(true);
    out.key("passwordProtected").boolean(true);
    out.key("salt").string(envelope.salt);
    out.key("kdfType").unsigned_integer(static_cast<unsigned>(envelope.kdf.type));
    out.key("kdfIterations").unsigned_integer(envelope.kdf.iterations);
    out.key("encKeyValidation_DO_NOT_EDIT").string(envelope.validation.text());
    out.key("data").string(envelope.data.text());
    if (envelope.kdf.type == KdfParams::Type::argon2id) {
        out.key("kdfMemory").unsigned_integer(envelope.kdf.memory_mib);
        out.key("kdfParallelism").unsigned_integer(envelope.kdf.parallelism);
    }
    out.end_object();
    return out.take();
}

}  // namespace cxf::bitwarden
