// SPDX-License-Identifier: MIT
#include "tools/cxf/format_flags.h"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <limits>
#include <map>

#include "cxf/csv/encoding.h"
#include "cxf/error.h"
#include "cxf/formats/registry.h"
#include "cxf/io/file.h"
#include "tools/cxf/common.h"

namespace cxf::cli {

namespace {

constexpr std::uint64_t max_key_material_bytes = 64ull << 20;

bool given(const po::variables_map& vm, std::string_view flag) { return vm.count(std::string(flag)) > 0; }

std::string text(const po::variables_map& vm, std::string_view flag, std::string_view fallback) {
    return given(vm, flag) ? vm[std::string(flag)].as<std::string>() : std::string(fallback);
}

[[noreturn]] void bad(std::string_view flag, std::string_view value, std::string_view expected) {
    throw po::error("--" + std::string(flag) + " " + std::string(value) + ": expected " + std::string(expected));
}

template <typename T>
T positive(const po::variables_map& vm, std::string_view flag, T fallback, T most = std::numeric_limits<T>::max()) {
    if (!given(vm, flag)) return fallback;
    const std::string value = text(vm, flag, "");
    T n = 0;
    const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), n);
    if (error != std::errc() || end != value.data() + value.size() || n == 0 || n > most)
        bad(flag, value, "a positive whole number" + (most == std::numeric_limits<T>::max() ? std::string()
                                                                                              : " up to " + std::to_string(most)));
    return n;
}

// Every flag of every format of one direction that is given must belong to `format`.
void check_owner(const po::variables_map& vm, const Format& format, std::span<const FormatOption> Format::*which) {
    for (const Format& f : formats()) {
        if (&f == &format) continue;
        for (const FormatOption& option : f.*which) {
            const bool also_ours = std::any_of((format.*which).begin(), (format.*which).end(),
                                               [&](const FormatOption& o) { return o.name == option.name; });
            if (given(vm, option.name) && !also_ours)
                throw po::error("--" + std::string(option.name) + " is an option of the " + std::string(f.id) +
                                " format, not of " + std::string(format.id));
        }
    }
}

BitwardenLayout layout(const po::variables_map& vm, std::string_view flag) {
    if (!given(vm, flag)) return BitwardenLayout::as_read;
    const std::string value = text(vm, flag, "");
    if (value == "individual") return BitwardenLayout::individual;
    if (value == "organization") return BitwardenLayout::organization;
    bad(flag, value, "individual or organization");
}

kdbx::SaveSettings kdbx_settings(const po::variables_map& vm) {
    kdbx::SaveSettings s;
    const std::string version = text(vm, "kdbx-version", "4");
    if (version == "4" || version == "4.0" || version == "4.1") s.major_version = 4;
    else if (version == "3" || version == "3.1") s.major_version = 3;
    else bad("kdbx-version", version, "4 or 3.1");

    const std::string cipher = text(vm, "kdbx-cipher", "aes256");
    if (cipher == "aes256" || cipher == "aes") s.cipher = kdbx::Cipher::aes256_cbc;
    else if (cipher == "chacha20") s.cipher = kdbx::Cipher::chacha20;
    else bad("kdbx-cipher", cipher, "aes256 or chacha20");

    const std::string kdf = text(vm, "kdbx-kdf", s.major_version == 3 ? "aes-kdf" : "argon2id");
    if (kdf == "argon2id") s.kdf.kdf = kdbx::Kdf::argon2id;
    else if (kdf == "argon2d") s.kdf.kdf = kdbx::Kdf::argon2d;
    else if (kdf == "aes-kdf" || kdf == "aes") s.kdf.kdf = kdbx::Kdf::aes_kdf;
    else bad("kdbx-kdf", kdf, "argon2id, argon2d or aes-kdf");
    if (s.major_version == 3 && s.kdf.kdf != kdbx::Kdf::aes_kdf) bad("kdbx-kdf", kdf, "aes-kdf with --kdbx-version 3.1");

    if (s.kdf.kdf == kdbx::Kdf::aes_kdf) {
        s.kdf.rounds = positive<std::uint64_t>(vm, "kdbx-iterations", 2'000'000);
        for (const std::string_view argon_only : {"kdbx-memory-mib", "kdbx-parallelism"})
            if (given(vm, argon_only)) bad(argon_only, text(vm, argon_only, ""), "no value: AES-KDF has no such parameter");
    } else {
        s.kdf.memory_bytes = positive<std::uint64_t>(vm, "kdbx-memory-mib", s.kdf.memory_bytes >> 20, UINT64_MAX >> 20) << 20;
        s.kdf.iterations = positive<std::uint64_t>(vm, "kdbx-iterations", s.kdf.iterations);
        s.kdf.parallelism = positive<std::uint32_t>(vm, "kdbx-parallelism", s.kdf.parallelism, (1u << 24) - 1);
    }
    if (given(vm, "kdbx-unlock-ms"))
        s.target_unlock_time = std::chrono::milliseconds(positive<std::uint64_t>(vm, "kdbx-unlock-ms", 1000));

    const std::string compression = text(vm, "kdbx-compression", "gzip");
    if (compression == "gzip") s.compression = kdbx::Compression::gzip;
    else if (compression == "none") s.compression = kdbx::Compression::none;
    else bad("kdbx-compression", compression, "gzip or none");
    return s;
}

BitwardenWriteOptions bitwarden_settings(const po::variables_map& vm) {
    BitwardenWriteOptions s;
    // An output password given to Bitwarden means encrypt with it.
    s.encrypt = given(vm, "bitwarden-encrypt") || password_source(vm, "out-password").given();
    const std::string kdf = text(vm, "bitwarden-kdf", "pbkdf2");
    if (kdf == "argon2id") s.kdf.type = bitwarden::KdfParams::Type::argon2id;
    else if (kdf != "pbkdf2") bad("bitwarden-kdf", kdf, "pbkdf2 or argon2id");
    const bool argon2 = s.kdf.type == bitwarden::KdfParams::Type::argon2id;
    // Bitwarden's defaults for new accounts.
    s.kdf.iterations = positive<std::uint32_t>(vm, "bitwarden-kdf-iterations", argon2 ? 3 : 600000);
    s.kdf.memory_mib = positive<std::uint32_t>(vm, "bitwarden-kdf-memory", 64);
    s.kdf.parallelism = positive<std::uint32_t>(vm, "bitwarden-kdf-parallelism", 4);
    const bool kdf_given = given(vm, "bitwarden-kdf") || given(vm, "bitwarden-kdf-iterations") ||
                           given(vm, "bitwarden-kdf-memory") || given(vm, "bitwarden-kdf-parallelism");
    if (!s.encrypt && kdf_given) throw po::error("the --bitwarden-kdf options apply only to an encrypted export (--bitwarden-encrypt or --out-password-*)");
    if (!argon2 && (given(vm, "bitwarden-kdf-memory") || given(vm, "bitwarden-kdf-parallelism")))
        throw po::error("--bitwarden-kdf-memory and --bitwarden-kdf-parallelism apply only with --bitwarden-kdf argon2id");
    s.layout = layout(vm, "bitwarden-layout");
    return s;
}

}  // namespace

Input read_key_material(const std::string& path, const Limits& limits) {
    Limits small = limits;
    small.max_input_bytes = std::min(small.max_input_bytes, max_key_material_bytes);
    return io::read_input(path, small);
}

void apply_read_flags(const po::variables_map& vm, const Format& format, ReadOptions& options) {
    check_owner(vm, format, &Format::read_options);
    if (given(vm, "key-file") && !takes_key_file(format))
        throw po::error("the " + std::string(format.id) + " format takes no key file; leave out --key-file");
    apply_own_read_flags(vm, format, options);
}

bool takes_key_file(const Format& format) { return format.output_password == OutputPassword::required; }

void apply_own_read_flags(const po::variables_map& vm, const Format& format, ReadOptions& options) {
    if (format.id == "kdbx") options.kdbx.no_password = given(vm, "no-password");
    if (format.id == "cxp" && given(vm, "identity"))
        options.cxp.identity = read_key_material(text(vm, "identity", ""), options.limits);
    if (given(vm, "encoding")) {
        options.encoding = text(vm, "encoding", "");
        if (!csv::known_encoding(options.encoding)) bad("encoding", options.encoding, "an encoding iconv knows (e.g. windows-1252, latin1)");
    }
}

void check_read_flags_used(const po::variables_map& vm, const std::vector<const Format*>& read) {
    const auto any_read = [&](auto takes) { return std::any_of(read.begin(), read.end(), [&](const Format* f) { return takes(*f); }); };
    if (given(vm, "key-file") && !any_read(takes_key_file))
        throw po::error("no input takes a key file (only kdbx does); leave out --key-file");
    for (const Format& f : formats())
        for (const FormatOption& option : f.read_options)
            if (given(vm, option.name) && !any_read([&](const Format& r) { return &r == &f; }))
                throw po::error("--" + std::string(option.name) + " is an option of the " + std::string(f.id) +
                                " format, and no input is in it");
}

void apply_write_flags(const po::variables_map& vm, const Format& format, WriteOptions& options) {
    check_owner(vm, format, &Format::write_options);
    if (format.id == "cxf") options.cxf.compact = given(vm, "cxf-compact");
    if (format.id == "kdbx") {
        options.kdbx.save = kdbx_settings(vm);
        options.kdbx.no_password = given(vm, "out-no-password");
    }
    if (format.id == "bitwarden") options.bitwarden = bitwarden_settings(vm);
    if (format.id == "bitwarden-csv") options.bitwarden_csv.layout = layout(vm, "bitwarden-csv-layout");
    if (format.id == "cxp" && given(vm, "recipient")) options.cxp.recipient = read_key_material(text(vm, "recipient", ""), {});
}

std::string flag_for(std::string_view option) {
    static const std::map<std::string, std::string, std::less<>> flags = {
        {"from", "--from"},
        {"overwrite", "--force"},
        {"split", "--split"},
        {"report", "--report"},
        {"filter", "--filter"},
        {"password", "--password-file, --password-env or --password-fd"},
        {"key_file", "--key-file"},
        {"kdbx.no_password", "--no-password"},
        {"cxp.identity", "--identity FILE"},
        {"encoding", "--encoding NAME"},
        {"out.password", "--out-password-file, --out-password-env or --out-password-fd"},
        {"out.key_file", "--out-key-file"},
        {"out.kdbx.no_password", "--out-no-password"},
        {"out.bitwarden.encrypt", "--bitwarden-encrypt"},
        {"out.cxp.recipient", "--recipient FILE"},
    };
    const auto it = flags.find(option);
    return it != flags.end() ? it->second : option_in_backquotes(option);
}

}  // namespace cxf::cli
