// SPDX-License-Identifier: MIT
// What the registry knows about a format: how to recognise, read and write it, and what it can hold.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "cxf/crypto/secret.h"
#include "cxf/io/output.h"
#include "cxf/limits.h"
#include "cxf/model/vault.h"
#include "cxf/report.h"

namespace cxf {

// Asked only when an input or output turns out to need it; may throw cxf::Error (Errc::usage)
// when no password source was given.
using PasswordProvider = std::function<crypto::Secret()>;

// An input file, read whole. `name` is how the user named it ("-" for stdin), used in messages.
struct Input {
    std::string name;
    crypto::SecureBytes bytes;
};

struct ReadOptions {
    Limits limits;
    PasswordProvider password;           // null: no password available
    std::optional<std::string> key_file; // KDBX key file path
    bool collect_errors = false;         // validation mode: record unreadable values, go on
    Timestamp now = 0;                   // 0: the current time
    // Format-specific settings by option name without dashes (see Format::read_options).
    std::map<std::string, std::string, std::less<>> settings;
};

struct WriteOptions {
    PasswordProvider password;
    std::optional<std::string> key_file;
    // Format-specific settings by option name without dashes (e.g. "kdbx-kdf" → "argon2id");
    // each format lists the ones it takes in Format::write_options.
    std::map<std::string, std::string, std::less<>> settings;
    Timestamp now = 0;
};

enum class Confidence : std::uint8_t { no, maybe, yes };

// What a writer can carry. A format's `carries` mask must agree with the losses its writer reports.
enum class Feature : std::uint32_t {
    logins = 1u << 0,        // basic-auth, URLs
    passkeys = 1u << 1,
    totp = 1u << 2,
    notes = 1u << 3,
    attachments = 1u << 4,   // file bytes, not just their description
    custom_fields = 1u << 5,
    history = 1u << 6,
    folders = 1u << 7,       // nested collections
    tags = 1u << 8,
    timestamps = 1u << 9,
    cards = 1u << 10,
    identities = 1u << 11,   // person-name, address, identity documents, passport, driver's licence
    ssh_keys = 1u << 12,
    wifi = 1u << 13,
    api_keys = 1u << 14,
    unknown_data = 1u << 15, // credential types and extensions outside the model, kept verbatim
};
using Features = std::uint32_t;
constexpr Features operator|(Feature a, Feature b) noexcept { return Features(a) | Features(b); }
constexpr Features operator|(Features a, Feature b) noexcept { return a | Features(b); }
constexpr bool has(Features set, Feature f) noexcept { return (set & Features(f)) != 0; }
constexpr Features all_features = (Features(Feature::unknown_data) << 1) - 1;

struct FeatureName {
    Feature feature;
    std::string_view name;
};
std::span<const FeatureName> feature_names() noexcept;

struct FormatOption {
    std::string_view name;        // "kdbx-kdf"
    std::string_view value_name;  // "NAME"
    std::string_view help;
};

struct Property {
    std::string name, value;
};

struct Format {
    std::string_view id;     // stable: used by --from/--to and printed by `cxf formats`
    std::string_view title;
    std::span<const std::string_view> extensions;  // output extensions that select this format
    // Pure and cheap: sees the first bytes of the input and its name; never throws.
    Confidence (*detect)(ByteView head, std::string_view file_name) = nullptr;
    // A complete vault, or cxf::Error. Whatever it changed or skipped goes into the report.
    Vault (*read)(const Input& input, const ReadOptions& options, Report& report) = nullptr;
    // Streams the output into `out` (memory, or a temp file that appears under its name only if the
    // caller commits it). Plaintext the format encrypts never goes to `out`. What the format cannot
    // carry goes into the report as lost.
    void (*write)(const Vault& vault, io::Output& out, const WriteOptions& options, Report& report) = nullptr;
    // Facts readable without a password (version, cipher, KDF parameters), within `limits`. Optional.
    std::vector<Property> (*describe)(const Input& input, const Limits& limits) = nullptr;
    Features carries = 0;
    std::span<const FormatOption> read_options = {};   // offered by the CLI as --NAME [VALUE]
    std::span<const FormatOption> write_options = {};
    // The writer encrypts with the output password (WriteOptions::password). Elsewhere an output
    // password would be silently ignored, so it is refused.
    bool encrypts_with_password = false;
    // The write option that turns that encryption on, implied by an output password; empty when the
    // writer always encrypts.
    std::string_view encrypt_option = {};
    // The output is a CXF document: what would be written must pass validate().
    bool writes_cxf = false;
};

// The built-in formats, in detection order (exact signatures first, loose shapes last).
std::span<const Format> formats() noexcept;
const Format* find_format(std::string_view id) noexcept;

// How many leading bytes detect() sees.
inline constexpr std::size_t detect_head_bytes = 64 * 1024;

// The format of an input by content: the first `yes`, else the first `maybe`; throws
// Errc::unrecognized when none claims it.
const Format& detect_format(const Input& input);

// The format an output path's extension selects ("x.cxf", "x.cxf.json", "x.kdbx"); null when the
// extension names none or several.
const Format* format_for_path(std::string_view path) noexcept;

// The length of the longest ".ext" of `format` that `path` ends with (any case), or 0.
std::size_t extension_length(const Format& format, std::string_view path) noexcept;

}  // namespace cxf
