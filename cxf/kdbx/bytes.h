// SPDX-License-Identifier: MIT
// Little-endian integers in and out of byte buffers, with bounds checks that name the place; and the
// sink that bytes are handed on to piece by piece.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "cxf/error.h"
#include "cxf/secret.h"

namespace cxf::kdbx::detail {

// Takes each piece of a stream of bytes; the piece is valid only during the call.
using ByteSink = std::function<void(ByteView)>;

template <typename T>
T load_le(const std::uint8_t* p) noexcept {
    T value = 0;
    for (std::size_t i = 0; i < sizeof(T); ++i) value = static_cast<T>(value | (static_cast<T>(p[i]) << (8 * i)));
    return value;
}

template <typename T, typename Out>
void append_le(Out& out, T value) {
    for (std::size_t i = 0; i < sizeof(T); ++i) out.push_back(static_cast<std::uint8_t>(value >> (8 * i)));
}

// Reads a buffer front to back; every read checks that the bytes are there. `base` is the offset of
// the buffer in what the user knows as the file, and `area` names that region in messages.
class ByteReader {
public:
    ByteReader(ByteView bytes, std::size_t base, const std::string& file, std::string area)
        : bytes_(bytes), base_(base), file_(file), area_(std::move(area)) {}

    std::size_t position() const noexcept { return pos_; }
    std::size_t remaining() const noexcept { return bytes_.size() - pos_; }
    bool at_end() const noexcept { return pos_ == bytes_.size(); }

    // "offset N (what)", in file terms.
    std::string place(std::string_view what) const { return place_at(pos_, what); }
    std::string place_at(std::size_t pos, std::string_view what) const {
        return area_ + "offset " + std::to_string(base_ + pos) + " (" + std::string(what) + ")";
    }

    ByteView take(std::size_t n, std::string_view what) {
        if (n > remaining())
            throw Error(Errc::malformed, {file_, place(what)},
                        "truncated: " + std::string(what) + " needs " + std::to_string(n) + " bytes, " +
                            std::to_string(remaining()) + " remain");
        const ByteView out = bytes_.subspan(pos_, n);
        pos_ += n;
        return out;
    }

    template <typename T>
    T read(std::string_view what) {
        return load_le<T>(take(sizeof(T), what).data());
    }

    // A signed 32-bit length as KDBX 4 stores it; negative values are refused.
    std::size_t read_length32(std::string_view what) {
        const std::size_t at = pos_;
        const auto length = read<std::int32_t>(what);
        if (length < 0)
            throw Error(Errc::malformed, {file_, place_at(at, what)},
                        "negative length " + std::to_string(length) + " for " + std::string(what));
        return static_cast<std::size_t>(length);
    }

private:
    ByteView bytes_;
    std::size_t base_;
    std::size_t pos_ = 0;
    const std::string& file_;
    std::string area_;
};

}  // namespace cxf::kdbx::detail
