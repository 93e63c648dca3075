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

#include "cxf/feature.h"
#include "cxf/io/input.h"
#include "cxf/io/output.h"
#include "cxf/limits.h"
#include "cxf/model/vault.h"
#include "cxf/report.h"

namespace cxf {

// Asked only when an input or output turns out to need it; may throw cxf::Error (Errc::usage)
// when no password source was given.
using PasswordProvider = std::function<crypto::Secret()>;

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
};

}  // namespace cxf
