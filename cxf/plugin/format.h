// SPDX-License-Identifier: MIT
// What the registry knows about a format: how to recognise, read and write it, and what it can hold.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "cxf/bitwarden/protected_export.h"
#include "cxf/feature.h"
#include "cxf/io/input.h"
#include "cxf/io/output.h"
#include "cxf/kdbx/kdbx.h"
#include "cxf/limits.h"
#include "cxf/model/vault.h"
#include "cxf/report.h"

namespace cxf {

// Asked only when an input or output turns out to need it; may throw cxf::Error (Errc::usage)
// when no password source was given.
using PasswordProvider = std::function<crypto::Secret()>;

// Reading. Key material the user names by file comes in as bytes (an Input: the bytes and the name
// to use in messages): the library never opens a path behind an option.
struct KdbxReadOptions {
    bool no_password = false;  // the key file alone opens the database
};
struct CxpReadOptions {
    std::optional<Input> identity;  // the importer's private key (PKCS#8 PEM) that opens a .cxp archive
};

struct ReadOptions {
    Limits limits;
    PasswordProvider password;        // null: no password available
    std::optional<Input> key_file;    // KeePass key file
    bool collect_errors = false;      // validation mode: record unreadable values, go on
    Timestamp now = 0;                // 0: the current time
    std::string encoding;             // CSV inputs: the code page the text is in (iconv's name); empty: UTF-8
    KdbxReadOptions kdbx;
    CxpReadOptions cxp;
};

// Writing: each format's own settings, used only when writing that format.
struct CxfWriteOptions {
    bool compact = false;  // one line instead of indented
};
struct KdbxWriteOptions {
    kdbx::SaveSettings save;
    bool no_password = false;  // protect with the key file alone
    // The key, derived by Format::prepare_write before the input was read; null: derived when writing.
    std::shared_ptr<const kdbx::DerivedKey> derived;
};
// Bitwarden's two layouts: folders (individual vault) or collections (organisation).
enum class BitwardenLayout : std::uint8_t { as_read, individual, organization };
struct BitwardenWriteOptions {
    bool encrypt = false;  // a password-protected export
    bitwarden::KdfParams kdf;
    BitwardenLayout layout = BitwardenLayout::as_read;
};
struct BitwardenCsvWriteOptions {
    BitwardenLayout layout = BitwardenLayout::as_read;
};
struct CxpWriteOptions {
    std::optional<Input> recipient;  // the importer's ExportRequest (JSON) to encrypt a .cxp archive to
};

struct WriteOptions {
    PasswordProvider password;
    std::optional<Input> key_file;  // KeePass key file
    Timestamp now = 0;
    CxfWriteOptions cxf;
    KdbxWriteOptions kdbx;
    BitwardenWriteOptions bitwarden;
    BitwardenCsvWriteOptions bitwarden_csv;
    CxpWriteOptions cxp;
};

struct FormatOption {
    std::string_view name;        // "kdbx-kdf"
    std::string_view value_name;  // "NAME"
    std::string_view help;
};

// The read option every CSV format takes: the code page of a file that is not UTF-8
// (ReadOptions::encoding).
inline constexpr FormatOption csv_read_options[] = {
    {"encoding", "NAME", "CSV input: its code page when not UTF-8, as iconv names it (windows-1252, latin1, UTF-16 …)"},
};

struct Property {
    std::string name, value;
};

enum class OutputPassword : std::uint8_t {
    not_accepted,  // the format cannot be protected with a password
    optional,      // given one, the writer encrypts with it (Bitwarden's password-protected export)
    required,      // the writer always encrypts (KDBX: a password, a key file or both)
};

struct Format {
    std::string_view id;     // stable: used by --from/--to and printed by `cxf formats`
    std::string_view title;
    std::span<const std::string_view> extensions;  // output extensions that select this format
    // Pure and cheap: sees the first bytes of the input and its name; never throws.
    Confidence (*detect)(ByteView head, std::string_view file_name) = nullptr;
    // A complete vault, or cxf::Error. Whatever it changed or skipped goes into the report.
    Vault (*read)(const Input& input, const ReadOptions& options, Report& report) = nullptr;
    // The same from the input's pieces as they are read, for a reader that never needs it whole: a
    // file is read this way when the format has it. Optional.
    Vault (*read_stream)(const InputStream& input, const ReadOptions& options, Report& report) = nullptr;
    // Streams the output into `out` (memory, or a temp file that appears under its name only if the
    // caller commits it). Plaintext the format encrypts never goes to `out`. What the format cannot
    // carry goes into the report as lost.
    void (*write)(const Vault& vault, io::Output& out, const WriteOptions& options, Report& report) = nullptr;
    // Work the writer can do before the input is read, into the options it will be given: KDBX derives
    // its key, so that the KDF's memory is not taken beside the vault's. A run writes its first output
    // with the options this leaves, and any further one (a split) with the options as they were. Optional.
    void (*prepare_write)(WriteOptions& options) = nullptr;
    // Facts readable without a password (version, cipher, KDF parameters), within `limits`. Optional.
    std::vector<Property> (*describe)(const Input& input, const Limits& limits) = nullptr;
    Features carries = 0;
    // The options of its ReadOptions/WriteOptions member, as the CLI offers them (--NAME [VALUE]).
    std::span<const FormatOption> read_options = {};
    std::span<const FormatOption> write_options = {};
    // Whether the writer encrypts with WriteOptions::password. A writer that does not would silently
    // ignore an output password, so one given to it is refused.
    OutputPassword output_password = OutputPassword::not_accepted;
    // The output is a CXF document: what would be written must pass validate().
    bool writes_cxf = false;
};

}  // namespace cxf
