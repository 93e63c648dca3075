// SPDX-License-Identifier: MIT
#include "cxf/encoding/base64.h"

#include <array>
#include <cstdint>

namespace cxf::encoding {

namespace {

constexpr char std_alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
constexpr char url_alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
constexpr char b32_alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

constexpr std::uint8_t invalid = 0xFF;

constexpr std::array<std::uint8_t, 256> make_b64_table() {
    std::array<std::uint8_t, 256> table{};
    for (auto& v : table) v = invalid;
    for (std::uint8_t i = 0; i < 64; ++i) table[static_cast<unsigned char>(std_alphabet[i])] = i;
    table['-'] = 62;
    table['_'] = 63;
    return table;
}
constexpr auto b64_table = make_b64_table();

// Room for `n` more characters at the end of `out`: where they begin.
char* extend(std::string& out, std::size_t n) {
    out.resize(out.size() + n);
    return out.data() + out.size() - n;
}
char* extend(crypto::Secret& out, std::size_t n) { return out.extend(n); }

// The text's length is known first, so it is written through one pointer.
template <typename Out>
void append64(ByteView bytes, const char* alphabet, bool pad, Out& out) {
    const std::size_t whole = bytes.size() / 3, rest = bytes.size() % 3;
    char* o = extend(out, 4 * whole + (rest == 0 ? 0 : pad ? 4 : rest + 1));
    std::size_t i = 0;
    for (; i + 3 <= bytes.size(); i += 3) {
        const std::uint32_t v = (std::uint32_t{bytes[i]} << 16) | (std::uint32_t{bytes[i + 1]} << 8) | bytes[i + 2];
        *o++ = alphabet[(v >> 18) & 63];
        *o++ = alphabet[(v >> 12) & 63];
        *o++ = alphabet[(v >> 6) & 63];
        *o++ = alphabet[v & 63];
    }
    if (rest > 0) {
        std::uint32_t v = std::uint32_t{bytes[i]} << 16;
        if (rest == 2) v |= std::uint32_t{bytes[i + 1]} << 8;
        *o++ = alphabet[(v >> 18) & 63];
        *o++ = alphabet[(v >> 12) & 63];
        if (rest == 2) *o++ = alphabet[(v >> 6) & 63];
        if (pad) {
            *o++ = '=';
            if (rest == 1) *o++ = '=';
        }
    }
}

template <typename Out>
Out encode64(ByteView bytes, const char* alphabet, bool pad) {
    Out out;
    append64(bytes, alphabet, pad, out);
    return out;
}

template <typename Out>
Out encode32(ByteView bytes) {
    Out out;
    std::uint32_t acc = 0;
    int bits = 0;
    for (const std::uint8_t b : bytes) {
        acc = (acc << 8) | b;
        bits += 8;
        while (bits >= 5) {
            bits -= 5;
            out.push_back(b32_alphabet[(acc >> bits) & 31]);
        }
        acc &= (1u << bits) - 1;
    }
    if (bits > 0) out.push_back(b32_alphabet[(acc << (5 - bits)) & 31]);
    return out;
}

// Whether one of the values is 62 or 63, the two whose characters differ between the alphabets.
bool alphabet_specific(std::uint8_t a, std::uint8_t b, std::uint8_t c, std::uint8_t d) {
    return ((a + 2) | (b + 2) | (c + 2) | (d + 2)) & 0x40;
}

// Where the characters of `text` end before its padding, and how many bytes they decode to; nullopt
// for a length no base64 text has.
struct Extent {
    std::size_t end = 0, size = 0;
};
std::optional<Extent> extent64(std::string_view text) {
    std::size_t end = text.size();
    std::size_t padding = 0;
    while (end > 0 && text[end - 1] == '=' && padding < 2) {
        --end;
        ++padding;
    }
    if (padding > 0 && (end + padding) % 4 != 0) return std::nullopt;  // padding must complete a quad
    const std::size_t rest = end % 4;
    if (rest == 1) return std::nullopt;
    return Extent{end, end / 4 * 3 + (rest == 0 ? 0 : rest - 1)};
}

// Decodes the first `extent.end` characters of `text` into `o`, which has room for `extent.size`
// bytes, four characters at a time: an invalid one (0xFF in the table) is caught once, at the end,
// by the high bit of all the values ORed together.
bool decode64_into(std::string_view text, Extent extent, bool url, Quirks* quirks, std::uint8_t* o) {
    const std::size_t end = extent.end, rest = end % 4;
    Quirks found;
    found.padded = end < text.size();
    const auto* in = reinterpret_cast<const unsigned char*>(text.data());
    const auto other_alphabet = [&](std::size_t from, std::size_t to) {
        for (std::size_t k = from; k < to; ++k)
            if (url ? (in[k] == '+' || in[k] == '/') : (in[k] == '-' || in[k] == '_')) found.other_alphabet = true;
    };
    std::uint8_t seen = 0;
    std::size_t i = 0;
    for (; i + 4 <= end; i += 4) {
        const std::uint8_t a = b64_table[in[i]], b = b64_table[in[i + 1]], c = b64_table[in[i + 2]], d = b64_table[in[i + 3]];
        seen |= a | b | c | d;
        if (alphabet_specific(a, b, c, d)) other_alphabet(i, i + 4);
        const std::uint32_t v = std::uint32_t{a} << 18 | std::uint32_t{b} << 12 | std::uint32_t{c} << 6 | d;
        *o++ = static_cast<std::uint8_t>(v >> 16);
        *o++ = static_cast<std::uint8_t>(v >> 8);
        *o++ = static_cast<std::uint8_t>(v);
    }
    if (rest > 0) {
        const std::uint8_t a = b64_table[in[i]], b = b64_table[in[i + 1]], c = rest == 3 ? b64_table[in[i + 2]] : 0;
        seen |= a | b | c;
        other_alphabet(i, end);
        *o++ = static_cast<std::uint8_t>(a << 2 | b >> 4);
        if (rest == 3) *o++ = static_cast<std::uint8_t>(b << 4 | c >> 2);
        found.nonzero_trailing_bits = rest == 2 ? (b & 0x0F) != 0 : (c & 0x03) != 0;
    }
    if (seen & 0x80) return false;
    if (quirks) *quirks = found;
    return true;
}

template <typename Out>
std::optional<Out> decode64(std::string_view text, bool url, Quirks* quirks) {
    const auto extent = extent64(text);
    if (!extent) return std::nullopt;
    Out out(extent->size);
    if (!decode64_into(text, *extent, url, quirks, out.data())) return std::nullopt;
    return out;
}

template <typename Out>
std::optional<Out> decode_hex(std::string_view text) {
    if (text.size() % 2 != 0) return std::nullopt;
    auto nibble = [](char c) -> int {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    };
    Out out;
    out.reserve(text.size() / 2);
    for (std::size_t i = 0; i < text.size(); i += 2) {
        const int hi = nibble(text[i]), lo = nibble(text[i + 1]);
        if (hi < 0 || lo < 0) return std::nullopt;
        out.push_back(static_cast<std::uint8_t>(hi * 16 + lo));
    }
    return out;
}

}  // namespace

std::string base64url_encode(ByteView bytes) { return encode64<std::string>(bytes, url_alphabet, false); }
crypto::Secret base64url_encode_secret(ByteView bytes) { return encode64<crypto::Secret>(bytes, url_alphabet, false); }
std::string base64_encode(ByteView bytes) { return encode64<std::string>(bytes, std_alphabet, true); }
crypto::Secret base64_encode_secret(ByteView bytes) { return encode64<crypto::Secret>(bytes, std_alphabet, true); }
void base64_append(ByteView bytes, crypto::Secret& out) { append64(bytes, std_alphabet, true, out); }

std::optional<Bytes> base64_decode(std::string_view text, Quirks* quirks) { return decode64<Bytes>(text, false, quirks); }
std::optional<crypto::SecureBytes> base64_decode_secure(std::string_view text, Quirks* quirks) {
    return decode64<crypto::SecureBytes>(text, false, quirks);
}
bool base64_decode_exact(std::string_view text, std::span<std::uint8_t> out) {
    const auto extent = extent64(text);
    return extent && extent->size == out.size() && decode64_into(text, *extent, false, nullptr, out.data());
}

bool base64_decode_append(std::string_view text, crypto::Secret& out) {
    const auto extent = extent64(text);
    if (!extent) return false;
    const std::size_t at = out.size();
    if (decode64_into(text, *extent, false, nullptr, reinterpret_cast<std::uint8_t*>(out.extend(extent->size)))) return true;
    out.resize(at);
    return false;
}

std::optional<Bytes> base64url_decode(std::string_view text, Quirks* quirks) {
    return decode64<Bytes>(text, true, quirks);
}
std::optional<crypto::SecureBytes> base64url_decode_secure(std::string_view text, Quirks* quirks) {
    return decode64<crypto::SecureBytes>(text, true, quirks);
}

std::string base32_encode(ByteView bytes) { return encode32<std::string>(bytes); }
crypto::Secret base32_encode_secret(ByteView bytes) { return encode32<crypto::Secret>(bytes); }

std::optional<crypto::SecureBytes> base32_decode(std::string_view text, Quirks* quirks) {
    Quirks found;
    crypto::SecureBytes out;
    out.reserve(text.size() * 5 / 8 + 1);
    std::uint32_t acc = 0;
    int bits = 0;
    std::size_t symbols = 0;
    bool padding_seen = false;
    for (const char raw : text) {
        if (raw == '=') {
            padding_seen = found.padded = true;
            continue;
        }
        if (raw == ' ' || raw == '-' || raw == '\t') {
            found.lowercase_or_spaces = true;
            continue;
        }
        if (padding_seen) return std::nullopt;  // data after padding
        char c = raw;
        if (c >= 'a' && c <= 'z') {
            c = static_cast<char>(c - 'a' + 'A');
            found.lowercase_or_spaces = true;
        }
        std::uint32_t v;
        if (c >= 'A' && c <= 'Z') v = static_cast<std::uint32_t>(c - 'A');
        else if (c >= '2' && c <= '7') v = static_cast<std::uint32_t>(c - '2' + 26);
        else return std::nullopt;
        acc = (acc << 5) | v;
        bits += 5;
        ++symbols;
        if (bits >= 8) {
            bits -= 8;
            out.push_back(static_cast<std::uint8_t>(acc >> bits));
        }
        acc &= (1u << bits) - 1;
    }
    const std::size_t rest = symbols % 8;
    if (rest == 1 || rest == 3 || rest == 6) return std::nullopt;  // no whole number of bytes ends there
    if (acc != 0) found.nonzero_trailing_bits = true;
    if (quirks) *quirks = found;
    return out;
}

std::string hex_encode(ByteView bytes) {
    constexpr char digits[] = "0123456789abcdef";
    std::string out;
    out.reserve(bytes.size() * 2);
    for (const std::uint8_t b : bytes) {
        out += digits[b >> 4];
        out += digits[b & 15];
    }
    return out;
}

std::optional<Bytes> hex_decode(std::string_view text) { return decode_hex<Bytes>(text); }
std::optional<crypto::SecureBytes> hex_decode_secure(std::string_view text) {
    return decode_hex<crypto::SecureBytes>(text);
}

}  // namespace cxf::encoding
