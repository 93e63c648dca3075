// SPDX-License-Identifier: MIT
#include "cxf/csv/encoding.h"

#include <iconv.h>

#include <algorithm>
#include <cerrno>

#include "cxf/error.h"

namespace cxf::csv {

namespace {

const iconv_t no_converter = reinterpret_cast<iconv_t>(-1);

// A converter to UTF-8, closed when it goes away. iconv's "//" suffixes (TRANSLIT, IGNORE) would
// change or drop text, so a name holding '/' is no encoding here.
class ToUtf8 {
public:
    explicit ToUtf8(std::string_view encoding)
        : cd_(encoding.empty() || encoding.find_first_of(std::string_view("/\0", 2)) != std::string_view::npos
                  ? no_converter
                  : iconv_open("UTF-8", std::string(encoding).c_str())) {}
    ~ToUtf8() {
        if (cd_ != no_converter) iconv_close(cd_);
    }
    ToUtf8(const ToUtf8&) = delete;
    ToUtf8& operator=(const ToUtf8&) = delete;

    bool open() const noexcept { return cd_ != no_converter; }
    iconv_t get() const noexcept { return cd_; }

private:
    iconv_t cd_;
};

}  // namespace

bool known_encoding(std::string_view encoding) { return ToUtf8(encoding).open(); }

Utf8Text::Utf8Text(ByteView bytes, std::string_view encoding, const std::string& file, const Limits& limits)
    : original_(bytes) {
    if (encoding.empty()) return;
    const ToUtf8 converter(encoding);
    if (!converter.open())
        throw Error(Errc::usage, {file, ""}, "'" + std::string(encoding) + "' is not an encoding iconv knows; check {encoding}");
    transcoded_ = true;
    const auto too_long = [&] {
        return Error(Errc::limit_exceeded, {file, "line 1"},
                     "the text in UTF-8 is over the input limit of " + std::to_string(limits.max_input_bytes) + " bytes");
    };
    // Single-byte code pages take at most 3 UTF-8 bytes per byte; the buffer grows when a text needs more.
    converted_.resize(std::min<std::uint64_t>(bytes.size() * 2 + 16, limits.max_input_bytes + 4));
    char* in = const_cast<char*>(reinterpret_cast<const char*>(bytes.data()));  // iconv never writes its input
    std::size_t in_left = bytes.size();
    std::size_t used = 0;
    bool flushed = false;
    while (!flushed) {
        char* out = reinterpret_cast<char*>(converted_.data()) + used;
        std::size_t out_left = converted_.size() - used;
        // Once the input is used up, one more call writes what a stateful encoding still holds.
        const bool flushing = in_left == 0;
        const std::size_t result = flushing ? iconv(converter.get(), nullptr, nullptr, &out, &out_left)
                                            : iconv(converter.get(), &in, &in_left, &out, &out_left);
        used = converted_.size() - out_left;
        if (used > limits.max_input_bytes) throw too_long();
        if (result != static_cast<std::size_t>(-1)) {
            flushed = flushing;
            continue;
        }
        if (errno == E2BIG) {
            if (converted_.size() > limits.max_input_bytes) throw too_long();
            converted_.resize(std::min<std::uint64_t>(converted_.size() * 2, limits.max_input_bytes + 4));
            continue;
        }
        const std::size_t offset = bytes.size() - in_left;
        const auto lines = std::count(converted_.begin(), converted_.begin() + static_cast<std::ptrdiff_t>(used), '\n');
        throw Error(Errc::malformed, {file, "line " + std::to_string(lines + 1)},
                    "the bytes at offset " + std::to_string(offset) + " are not " +
                        (errno == EINVAL ? "a whole character" : "a character") + " in " + std::string(encoding));
    }
    converted_.resize(used);
}

}  // namespace cxf::csv
