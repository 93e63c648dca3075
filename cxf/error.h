// SPDX-License-Identifier: MIT
// cxf::Error: the one exception type that means "bad input or environment", with a code and a place.
#pragma once

#include "cxf/export.h"
#include <functional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace cxf {

// Few codes, each one a thing a caller can act on. Messages never contain secret values.
enum class Errc {
    io,              // cannot open, read or write a file
    unrecognized,    // no format claims the input, or --from does not match it
    malformed,       // JSON/XML/zip/binary structure is wrong or truncated
    unsupported,     // well-formed, but a version, cipher, KDF or feature we do not implement
    wrong_password,  // authentication failed on an intact file: wrong password or key
    integrity,       // checksum or MAC mismatch that is not the password's fault
    limit_exceeded,  // size, nesting, count, KDF cost or decompression ratio over a cap
    invalid,         // the document breaks the rules of its format (e.g. CXF validation errors)
    usage,           // the caller asked for something impossible (e.g. no password available)
};

CXF_API std::string_view errc_name(Errc code) noexcept;

// Where the problem is: the file (as the user named it) and a place inside it — a JSON pointer,
// a zip entry, "offset N (field)", "line N" or, in CSV, "line N, column M".
struct Where {
    std::string file;
    std::string place;
};

// A message may name the option that would fix the problem as {NAME}: read options by their
// ReadOptions member ({key_file}, {kdbx.no_password}, {cxp.identity}), write options with "out."
// before their WriteOptions member ({out.password}, {out.bitwarden.encrypt}), and {from},
// {overwrite}, {split} for the conversion's own. what() shows NAME in backquotes; a program with
// its own names for them (the CLI's flags) renders the message with those.
using OptionNames = std::function<std::string(std::string_view name)>;

// How what() names an option: `NAME`.
CXF_API std::string option_in_backquotes(std::string_view name);

// `text` with each {NAME} given by `names` (for notices, which may name options the same way).
std::string render_options(std::string_view text, const OptionNames& names);

// What strerror says of `error_number`; unlike strerror, safe while other threads call it too.
std::string errno_text(int error_number);

class CXF_API Error : public std::runtime_error {
public:
    Error(Errc code, Where where, const std::string& message);

    Errc code() const noexcept { return code_; }
    const Where& where() const noexcept { return where_; }

    // The message with each {NAME} given by `names`.
    std::string message(const OptionNames& names) const;

    // "file: place: message", the form every diagnostic takes; with `names`, options named so.
    std::string describe() const;
    std::string describe(const OptionNames& names) const;

    // The same error seen from the outside: fills in the file name if the thrower did not know it.
    Error in_file(std::string_view file) const;
    // The same error at a place the thrower did not know (its caller computes it only when needed).
    Error at_place(std::string_view place) const;

private:
    Errc code_;
    Where where_;
    std::string template_;
};

}  // namespace cxf
