// SPDX-License-Identifier: MIT
// CSV text in a legacy code page (windows-1252, latin1, UTF-16 …) → UTF-8, with glibc's iconv, so
// every CSV reader sees UTF-8 and only UTF-8.
#pragma once

#include <string>
#include <string_view>

#include "cxf/limits.h"
#include "cxf/secret.h"

namespace cxf::csv {

// Whether iconv can read text in `encoding` (any spelling iconv takes: "windows-1252", "CP1252",
// "latin1", "ISO-8859-15", "UTF-16").
bool known_encoding(std::string_view encoding);

// The bytes of a CSV input as UTF-8 text: as they are when `encoding` is empty, else transcoded from
// `encoding`. Throws cxf::Error: usage (naming {encoding}) for an encoding iconv does not know,
// malformed at "line N" (of the text converted so far, with the byte offset in the message) for bytes
// that are not text in it, limit_exceeded when the UTF-8 text would be over Limits::max_input_bytes.
class Utf8Text {
public:
    Utf8Text(ByteView bytes, std::string_view encoding, const std::string& file, const Limits& limits);

    std::string_view view() const noexcept { return transcoded_ ? as_text(converted_) : as_text(original_); }

private:
    ByteView original_;
    crypto::SecureBytes converted_;
    bool transcoded_ = false;
};

}  // namespace cxf::csv
