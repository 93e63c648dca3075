// SPDX-License-Identifier: MIT
// KDBX write options → save settings and key; the file itself.
#include "exporters/kdbx/write.h"

#include <charconv>

#include "cxf/error.h"
#include "cxf/io/output.h"
#include "cxf/kdbx/map/composite_key.h"

namespace cxf::kdbx_map {

namespace {

constexpr FormatOption offered[] = {
    {"kdbx-version", "V", "KDBX version to write: 4 (default; 4.1 when the content needs it) or 3.1"},
    {"kdbx-cipher", "NAME", "KDBX cipher: aes256 (default) or chacha20"},
    {"kdbx-kdf", "NAME", "KDBX key derivation: argon2id (default), argon2d or aes-kdf (the only one KDBX 3.1 has)"},
    {"kdbx-memory-mib", "N", "Argon2 memory in MiB (default 64)"},
    {"kdbx-iterations", "N", "Argon2 iterations (default 2), or AES-KDF rounds (default 2000000)"},
    {"kdbx-parallelism", "N", "Argon2 parallelism (default 2)"},
    {"kdbx-unlock-ms", "MS", "tune the iterations (or rounds) so that unlocking takes about MS ms on this machine"},
    {"kdbx-compression", "NAME", "KDBX payload compression: gzip (default) or none"},
    {"out-no-password", "", "KeePass: protect the output with the key file alone (--out-key-file), no password"},
};

constexpr std::uint64_t default_aes_rounds = 2'000'000;

[[noreturn]] void bad(std::string_view option, std::string_view value, std::string_view expected) {
    throw Error(Errc::usage, {}, "--" + std::string(option) + " " + std::string(value) + ": expected " + std::string(expected));
}

std::uint64_t positive(const WriteOptions& o, std::string_view option, std::uint64_t fallback) {
    const auto it = o.settings.find(option);
    if (it == o.settings.end()) return fallback;
    std::uint64_t value = 0;
    const std::string& text = it->second;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || value == 0) bad(option, text, "a positive whole number");
    return value;
}

std::string setting(const WriteOptions& o, std::string_view option, std::string_view fallback) {
    const auto it = o.settings.find(option);
    return it == o.settings.end() ? std::string(fallback) : it->second;
}

}  // namespace

std::span<const FormatOption> write_options() noexcept { return offered; }

kdbx::SaveSettings save_settings(const WriteOptions& o) {
    kdbx::SaveSettings s;
    const std::string version = setting(o, "kdbx-version", "4");
    if (version == "4" || version == "4.0" || version == "4.1") s.major_version = 4;
    else if (version == "3" || version == "3.1") s.major_version = 3;
    else bad("kdbx-version", version, "4 or 3.1");

    const std::string cipher = setting(o, "kdbx-cipher", "aes256");
    if (cipher == "aes256" || cipher == "aes") s.cipher = kdbx::Cipher::aes256_cbc;
    else if (cipher == "chacha20") s.cipher = kdbx::Cipher::chacha20;
    else bad("kdbx-cipher", cipher, "aes256 or chacha20");

    const std::string kdf = setting(o, "kdbx-kdf", s.major_version == 3 ? "aes-kdf" : "argon2id");
    if (kdf == "argon2id") s.kdf.kdf = kdbx::Kdf::argon2id;
    else if (kdf == "argon2d") s.kdf.kdf = kdbx::Kdf::argon2d;
    else if (kdf == "aes-kdf" || kdf == "aes") s.kdf.kdf = kdbx::Kdf::aes_kdf;
    else bad("kdbx-kdf", kdf, "argon2id, argon2d or aes-kdf");
    if (s.major_version == 3 && s.kdf.kdf != kdbx::Kdf::aes_kdf) bad("kdbx-kdf", kdf, "aes-kdf with --kdbx-version 3.1");

    if (s.kdf.kdf == kdbx::Kdf::aes_kdf) {
        s.kdf.rounds = positive(o, "kdbx-iterations", default_aes_rounds);
        for (const std::string_view argon_only : {"kdbx-memory-mib", "kdbx-parallelism"})
            if (o.settings.contains(argon_only)) bad(argon_only, o.settings.find(argon_only)->second, "no value: AES-KDF has no such parameter");
    } else {
        const std::uint64_t mib = positive(o, "kdbx-memory-mib", s.kdf.memory_bytes >> 20);
        if (mib > UINT64_MAX >> 20) bad("kdbx-memory-mib", std::to_string(mib), "at most " + std::to_string(UINT64_MAX >> 20) + " MiB");
        s.kdf.memory_bytes = mib << 20;
        s.kdf.iterations = positive(o, "kdbx-iterations", s.kdf.iterations);
        const std::uint64_t lanes = positive(o, "kdbx-parallelism", s.kdf.parallelism);
        if (lanes >= (1u << 24)) bad("kdbx-parallelism", std::to_string(lanes), "fewer than 16777216 lanes");
        s.kdf.parallelism = static_cast<std::uint32_t>(lanes);
    }
    if (o.settings.contains("kdbx-unlock-ms"))
        s.target_unlock_time = std::chrono::milliseconds(positive(o, "kdbx-unlock-ms", 1000));

    const std::string compression = setting(o, "kdbx-compression", "gzip");
    if (compression == "gzip") s.compression = kdbx::Compression::gzip;
    else if (compression == "none") s.compression = kdbx::Compression::none;
    else bad("kdbx-compression", compression, "gzip or none");
    return s;
}

void write(const Vault& vault, io::Output& out, const WriteOptions& options, Report& report) {
    const kdbx::SaveSettings settings = save_settings(options);
    const bool no_password = options.settings.contains("out-no-password");
    if (no_password && !options.key_file) throw Error(Errc::usage, {}, "--out-no-password needs --out-key-file");
    if (!no_password && !options.password)
        throw Error(Errc::usage, {}, "a password is required for the KDBX output (or --out-no-password)");
    // Write options carry no limits: the key file is held to the defaults.
    const kdbx::CompositeKey key = composite_key(no_password ? nullptr : &options.password, options.key_file, Limits{});
    const kdbx::Database database = to_database(vault, report, options.now);
    out.write(kdbx::save(database, key, settings));
}

}  // namespace cxf::kdbx_map
