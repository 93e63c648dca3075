// SPDX-License-Identifier: MIT
#include "cxf/kdbx/xml_parser.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <vector>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "cxf/error.h"

namespace cxf::kdbx::detail {

namespace {

using Byte = std::uint8_t;

// A tag, processing instruction or reference longer than this is refused, however the document is
// cut into pieces: none in a KDBX file comes near it. Comments and CDATA sections may be as long as text.
constexpr std::size_t max_tag_bytes = 1 << 20;
constexpr std::size_t max_attributes = 256;

// The input ended inside a token: it is kept and parsed again with the next piece.
struct NeedMore {};

constexpr bool is_space(Byte c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
constexpr bool is_ascii_letter(Byte c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
constexpr bool is_digit(Byte c) { return c >= '0' && c <= '9'; }
// Bytes from 0x80 start or continue a UTF-8 character, checked as such; the XML name classes of
// characters beyond ASCII are not checked. Tables: names are most of the bytes of a KDBX tag.
constexpr std::array<bool, 256> name_starts = [] {
    std::array<bool, 256> starts{};
    for (int c = 0; c < 0x100; ++c) starts[c] = is_ascii_letter(Byte(c)) || c == '_' || c == ':' || c >= 0x80;
    return starts;
}();
constexpr std::array<bool, 256> name_chars = [] {
    std::array<bool, 256> chars = name_starts;
    for (int c = '0'; c <= '9'; ++c) chars[c] = true;
    chars['-'] = chars['.'] = true;
    return chars;
}();
constexpr std::array<bool, 256> ascii_name_chars = [] {
    std::array<bool, 256> chars = name_chars;
    for (int c = 0x80; c < 0x100; ++c) chars[c] = false;
    return chars;
}();
bool is_name_start(Byte c) { return name_starts[c]; }

// What ends a run of plain character data.
constexpr std::array<bool, 256> text_stops = [] {
    std::array<bool, 256> stops{};
    for (int c = 0; c < 0x20; ++c) stops[c] = c != '\t';
    for (int c = 0x80; c < 0x100; ++c) stops[c] = true;
    stops['<'] = stops['&'] = stops[']'] = true;
    return stops;
}();

// The first of the bytes from p that is a text stop, or end: sixteen bytes at a time where SSE2 is
// there, since most of a KDBX document is text between tags.
const Byte* skip_text(const Byte* p, const Byte* end) {
#if defined(__SSE2__)
    const __m128i space = _mm_set1_epi8(0x20), tab = _mm_set1_epi8('\t');
    const __m128i lt = _mm_set1_epi8('<'), amp = _mm_set1_epi8('&'), bracket = _mm_set1_epi8(']');
    while (end - p >= 16) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
        // Compared as signed bytes, 0x80 and above are below 0x20 too: the controls and non-ASCII at once.
        const __m128i low = _mm_andnot_si128(_mm_cmpeq_epi8(v, tab), _mm_cmplt_epi8(v, space));
        const __m128i marks = _mm_or_si128(_mm_cmpeq_epi8(v, lt), _mm_or_si128(_mm_cmpeq_epi8(v, amp), _mm_cmpeq_epi8(v, bracket)));
        if (const int stops = _mm_movemask_epi8(_mm_or_si128(low, marks)); stops != 0) return p + __builtin_ctz(stops);
        p += 16;
    }
#endif
    while (p < end && !text_stops[*p]) ++p;
    return p;
}

bool is_xml_char(std::uint32_t c) {
    return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) ||
           (c >= 0x10000 && c <= 0x10FFFF);
}

enum class Utf8 { ok, incomplete, invalid, not_xml };

// The UTF-8 character at p (p < end, *p >= 0x80), its length in `length`.
Utf8 utf8_char(const Byte* p, const Byte* end, std::size_t& length) {
    const Byte lead = *p;
    Byte low = 0x80, high = 0xBF;  // the second byte's range
    if (lead >= 0xC2 && lead <= 0xDF) length = 2;
    else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        if (lead == 0xE0) low = 0xA0;
        if (lead == 0xED) high = 0x9F;  // no surrogates
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        if (lead == 0xF0) low = 0x90;
        if (lead == 0xF4) high = 0x8F;
    } else return Utf8::invalid;
    for (std::size_t i = 1; i < length; ++i) {
        if (p + i == end) return Utf8::incomplete;
        if (p[i] < (i == 1 ? low : 0x80) || p[i] > (i == 1 ? high : 0xBF)) return Utf8::invalid;
    }
    if (lead == 0xEF && p[1] == 0xBF && p[2] >= 0xBE) return Utf8::not_xml;  // U+FFFE, U+FFFF
    return Utf8::ok;
}

std::string_view view(const Byte* begin, const Byte* end) {
    return {reinterpret_cast<const char*>(begin), static_cast<std::size_t>(end - begin)};
}

const Byte* find(const Byte* from, const Byte* end, std::string_view what) {
    if (what.size() == 1)  // a tag's '>': memchr is vectorised
        return from < end ? static_cast<const Byte*>(std::memchr(from, what[0], static_cast<std::size_t>(end - from))) : nullptr;
    const auto it = std::search(from, end, what.begin(), what.end());
    return it == end ? nullptr : it;
}

// Lines begin after LF, CR LF and a CR alone. Most spans are a few bytes of a tag.
std::uint64_t count_lines(const Byte* begin, const Byte* end) {
    std::uint64_t lines = 0;
    for (const Byte* p = begin; p < end; ++p) {
        if (*p > '\r') continue;
        if (*p == '\n' || (*p == '\r' && (p + 1 == end || p[1] != '\n'))) ++lines;
    }
    return lines;
}

void append_utf8(std::uint32_t c, crypto::Secret& out) {
    const auto put = [&](std::uint32_t byte) { out.push_back(static_cast<char>(byte)); };
    if (c < 0x80) put(c);
    else if (c < 0x800) {
        put(0xC0 | (c >> 6));
        put(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        put(0xE0 | (c >> 12));
        put(0x80 | ((c >> 6) & 0x3F));
        put(0x80 | (c & 0x3F));
    } else {
        put(0xF0 | (c >> 18));
        put(0x80 | ((c >> 12) & 0x3F));
        put(0x80 | ((c >> 6) & 0x3F));
        put(0x80 | (c & 0x3F));
    }
}

}  // namespace

class XmlParser::Impl {
public:
    Impl(const std::string& file, std::uint64_t max_text_bytes, XmlHandler& handler)
        : file_(file), max_text_bytes_(max_text_bytes), handler_(handler) {}

    // A token cut between pieces is parsed again from its start only once what waits has doubled, so
    // a long one arriving in small pieces costs time in proportion to its length, not its square.
    void feed(ByteView bytes, bool final) {
        if (pending_.empty()) {
            const std::size_t used = parse(bytes.data(), bytes.data() + bytes.size(), final);
            pending_.assign(bytes.begin() + static_cast<std::ptrdiff_t>(used), bytes.end());
        } else {
            pending_.insert(pending_.end(), bytes.begin(), bytes.end());
            if (!final && pending_.size() < parse_again_at_) return;
            const std::size_t used = parse(pending_.data(), pending_.data() + pending_.size(), final);
            const std::size_t rest = pending_.size() - used;
            std::memmove(pending_.data(), pending_.data() + used, rest);
            crypto::wipe(pending_.data() + rest, used);
            pending_.resize(rest);
        }
        parse_again_at_ = 2 * pending_.size();
    }

    void finish() {
        feed({}, true);
        if (!seen_root_) fail(line_, "the document has no element");
        if (!open_.empty()) fail(line_, "the document ends before </" + std::string(open_name()) + ">");
    }

    const std::uint64_t& line() const { return line_; }

private:
    // --- errors

    [[noreturn]] void fail(std::uint64_t line, const std::string& why) const {
        throw Error(Errc::malformed, {file_, xml_place(line, "XML")},
                    "the XML is not well-formed: " + why);
    }
    // The line of `at` in the token that starts at `token`, which is on line_.
    std::uint64_t line_at(const Byte* token, const Byte* at) const { return line_ + count_lines(token, at); }
    [[noreturn]] void fail_at(const Byte* token, const Byte* at, const std::string& why) const {
        fail(line_at(token, at), why);
    }
    [[noreturn]] void fail_utf8(std::uint64_t line) const {
        throw Error(Errc::malformed, {file_, xml_place(line, "")}, "the XML is not valid UTF-8");
    }
    // A character at `at` that is not UTF-8, or not one XML allows.
    [[noreturn]] void fail_char(const Byte* token, const Byte* at, const Byte* end) const {
        if (!is_utf8(at, end)) fail_utf8(line_at(token, at));
        fail_at(token, at, "a character XML does not allow");
    }
    static bool is_utf8(const Byte* at, const Byte* end) {
        std::size_t length = 0;
        if (*at < 0x80) return true;
        const Utf8 u = utf8_char(at, end, length);
        return u == Utf8::ok || u == Utf8::not_xml;
    }

    // --- the document, as many whole tokens as the bytes hold

    std::size_t parse(const Byte* begin, const Byte* end, bool final) {
        const Byte* p = begin;
        if (!bom_checked_) {
            static constexpr Byte bom[] = {0xEF, 0xBB, 0xBF};
            const std::size_t have = std::min<std::size_t>(3, static_cast<std::size_t>(end - p));
            if (have < 3 && !final && std::equal(p, p + have, bom)) return 0;
            bom_checked_ = true;
            if (have == 3 && std::equal(p, p + 3, bom)) p += 3;
        }
        while (p < end) {
            try {
                p = *p == '<' ? markup(p, end) : open_.empty() ? outside_text(p, end, final) : text(p, end, final);
                scanned_ = 0;
            } catch (const NeedMore&) {
                if (final) fail(line_at(p, end), "the document ends inside " + inside(p, end));
                check_token(p, end, std::max<std::ptrdiff_t>(end - p - 2, 0));  // 2: a terminator's start may be here
                break;
            }
            at_start_ = false;
        }
        return static_cast<std::size_t>(p - begin);
    }

    // The token at p, `length` bytes before its terminator, within its cap: checked as it completes,
    // and on what waits for its rest, so that neither memory nor the answer depends on the pieces.
    void check_token(const Byte* p, const Byte* end, std::ptrdiff_t length) const {
        const bool long_text = end - p >= 2 && p[0] == '<' && p[1] == '!';
        const std::uint64_t cap = long_text ? std::max<std::uint64_t>(max_text_bytes_, max_tag_bytes) : max_tag_bytes;
        if (static_cast<std::uint64_t>(length) > cap)
            throw Error(Errc::limit_exceeded, {file_, xml_place(line_, "XML")},
                        inside(p, end) + " is longer than the cap of " + std::to_string(cap) + " bytes");
    }

    std::string inside(const Byte* p, const Byte* end) const {
        if (*p != '<') return "a reference";
        if (end - p >= 2 && p[1] == '?') return "a processing instruction";
        if (end - p >= 4 && std::equal(p, p + 4, "<!--")) return "a comment";
        if (end - p >= 9 && std::equal(p, p + 9, "<![CDATA[")) return "a CDATA section";
        return "a tag";
    }

    // Whitespace before or after the document element; nothing else is text there.
    const Byte* outside_text(const Byte* p, const Byte* end, bool final) {
        const Byte* q = p;
        while (q < end && is_space(*q)) ++q;
        if (q < end && *q != '<') {
            std::size_t length = 0;
            if (*q >= 0x80 && !final && utf8_char(q, end, length) == Utf8::incomplete) {
                if (q == p) throw NeedMore{};  // a character cut between two pieces
                line_ += count_lines(p, q);
                return q;
            }
            if (*q < 0x20 || !is_utf8(q, end)) fail_char(p, q, end);
            fail_at(p, q, seen_root_ ? "text after the document element" : "text before the document element");
        }
        if (q == end && q > p && q[-1] == '\r' && !final) --q;  // a CR LF may be split
        if (q == p) throw NeedMore{};
        line_ += count_lines(p, q);
        return q;
    }

    // Character data inside the document element, up to the next markup.
    const Byte* text(const Byte* p, const Byte* end, bool final) {
        if (*p == '\n') {  // a line end and an indent before a tag: most text in a KDBX document
            const Byte* q = p + 1;
            while (q < end && (*q == '\t' || *q == ' ')) ++q;
            if (q < end && *q == '<') {
                ++line_;
                handler_.text(view(p, q));
                return q;
            }
        }
        const Byte* run = p;  // the start of what is not yet handed over
        const Byte* q = p;
        const auto hand_over = [&](const Byte* to) {
            if (to > run) handler_.text(view(run, to));
        };
        for (;;) {
            q = skip_text(q, end);
            if (q == end) {
                hand_over(q);
                return q;
            }
            switch (*q) {
                case '\n': ++line_; ++q; continue;
                case '<': hand_over(q); return q;
                case '&': {
                    hand_over(q);
                    if (q != p) return q;  // the reference alone, so that an incomplete one keeps nothing
                    const Byte* ref = q;
                    q = reference(q, q, end, decoded_);
                    check_token(ref, end, q - 1 - ref);
                    handler_.text(decoded_.view());
                    decoded_.wipe();
                    return q;
                }
                case '\r':
                    hand_over(q);
                    if (q + 1 == end && !final) return q == p ? throw NeedMore{} : q;
                    handler_.text("\n");
                    ++line_;
                    q += q + 1 < end && q[1] == '\n' ? 2 : 1;
                    run = q;
                    continue;
                case ']':  // ]]> is not character data
                    if (end - q >= 3 || final || (end - q == 2 && q[1] != ']')) {
                        if (end - q >= 3 && q[1] == ']' && q[2] == '>') fail(line_, "]]> in character data");
                        ++q;
                        continue;
                    }
                    hand_over(q);
                    return q == p ? throw NeedMore{} : q;
                default:
                    if (*q < 0x80) fail(line_, "a character XML does not allow");
                    std::size_t length = 0;
                    switch (utf8_char(q, end, length)) {
                        case Utf8::ok: q += length; continue;
                        case Utf8::incomplete:
                            if (final) fail_utf8(line_);
                            hand_over(q);
                            return q == p ? throw NeedMore{} : q;
                        case Utf8::invalid: fail_utf8(line_);
                        case Utf8::not_xml: fail(line_, "a character XML does not allow");
                    }
            }
        }
    }

    // &name; or &#N; or &#xN; at p, in the token that starts at `token`, appended to `out` decoded.
    const Byte* reference(const Byte* token, const Byte* p, const Byte* end, crypto::Secret& out) {
        const Byte* q = p + 1;
        if (q == end) throw NeedMore{};
        if (*q == '#') {
            ++q;
            if (q == end) throw NeedMore{};
            const bool hex = *q == 'x';
            if (hex) ++q;
            std::uint32_t code = 0;
            const Byte* digits = q;
            for (;; ++q) {
                if (q == end) throw NeedMore{};
                const Byte c = *q;
                std::uint32_t digit;
                if (is_digit(c)) digit = c - '0';
                else if (hex && (c | 0x20) >= 'a' && (c | 0x20) <= 'f') digit = (c | 0x20) - 'a' + 10;
                else break;
                code = std::min<std::uint32_t>(code * (hex ? 16 : 10) + digit, 0x110000);
            }
            if (q == digits || *q != ';') fail_at(token, q, "a malformed character reference");
            if (!is_xml_char(code)) fail_at(token, p, "a reference to a character XML does not allow");
            append_utf8(code, out);
            return q + 1;
        }
        const Byte* name = q;
        q = name_end(token, q, end);
        if (*q != ';') fail_at(token, q, "a malformed entity reference");
        const std::string_view entity = view(name, q);
        if (entity == "lt") out.push_back('<');
        else if (entity == "gt") out.push_back('>');
        else if (entity == "amp") out.push_back('&');
        else if (entity == "quot") out.push_back('"');
        else if (entity == "apos") out.push_back('\'');
        else fail_at(token, p, "an undefined entity");
        return q + 1;
    }

    // The end of the name at q, which must begin one.
    const Byte* name_end(const Byte* token, const Byte* q, const Byte* end) const {
        if (q == end) throw NeedMore{};
        if (!is_name_start(*q)) fail_at(token, q, "a name is missing or begins with a character names cannot");
        for (;;) {
            while (q < end && ascii_name_chars[*q]) ++q;
            if (q == end) throw NeedMore{};
            if (*q < 0x80) return q;
            std::size_t length = 0;
            const Utf8 u = utf8_char(q, end, length);
            if (u == Utf8::incomplete) throw NeedMore{};
            if (u != Utf8::ok) fail_char(token, q, end);
            q += length;
        }
    }

    static const Byte* skip_space(const Byte* q, const Byte* end) {
        while (q < end && is_space(*q)) ++q;
        if (q == end) throw NeedMore{};
        return q;
    }

    // Finds `terminator` from `from` on, remembering how far a search went without finding it so
    // that a long token is not searched again from its start as it arrives.
    const Byte* find_end(const Byte* token, const Byte* from, const Byte* end, std::string_view terminator) {
        const std::size_t overlap = terminator.size() - 1;
        const Byte* resume = token + std::max<std::size_t>(scanned_, overlap) - overlap;
        const Byte* found = find(std::max(from, resume), end, terminator);
        if (!found) {
            scanned_ = static_cast<std::size_t>(end - token);
            throw NeedMore{};
        }
        return found;
    }

    const Byte* markup(const Byte* p, const Byte* end) {
        if (end - p < 2) throw NeedMore{};
        switch (p[1]) {
            case '/': return end_tag(p, end);
            case '?': return processing_instruction(p, end);
            case '!': return declaration(p, end);
            default: return start_tag(p, end);
        }
    }

    // The '>' that ends the tag when all it holds, from q, is an ASCII name, as in nearly every tag
    // of a KDBX document; else nullptr, and the tag is parsed in full.
    static const Byte* plain_tag_end(const Byte* q, const Byte* end) {
        if (q == end || *q >= 0x80 || !is_name_start(*q)) return nullptr;
        while (q < end && ascii_name_chars[*q]) ++q;
        return q < end && *q == '>' ? q : nullptr;
    }

    const Byte* start_tag(const Byte* p, const Byte* end) {
        if (open_.empty() && seen_root_) fail(line_, "a second document element");
        if (const Byte* close = plain_tag_end(p + 1, end)) {
            const std::string_view element = view(p + 1, close);
            check_token(p, end, close - p);
            seen_root_ = true;
            handler_.start_element(element, {});
            open_element(element);
            return close + 1;
        }
        find_end(p, p + 1, end, ">");  // nothing to parse before a '>' has come
        const Byte* q = p + 1;
        const Byte* name = q;
        q = name_end(p, q, end);
        const std::string_view element = view(name, q);
        attributes_.clear();
        value_places_.clear();
        values_.wipe();
        bool empty = false;
        for (;;) {
            if (q == end) throw NeedMore{};
            const bool spaced = is_space(*q);
            q = skip_space(q, end);
            if (*q == '>') {
                ++q;
                break;
            }
            if (*q == '/') {
                if (q + 1 == end) throw NeedMore{};
                if (q[1] != '>') fail_at(p, q, "a / in a tag not followed by >");
                q += 2;
                empty = true;
                break;
            }
            if (!spaced) fail_at(p, q, "attributes are not separated by whitespace");
            q = attribute(p, q, end);
        }
        // Decoded values were placed in values_, which may have moved as it grew.
        for (std::size_t i = 0; i < attributes_.size(); ++i)
            if (value_places_[i].second != npos)
                attributes_[i].value = values_.view().substr(value_places_[i].first, value_places_[i].second);
        check_token(p, end, q - 1 - p);
        seen_root_ = true;
        handler_.start_element(element, attributes_);
        line_ += count_lines(name + element.size(), q);  // a name holds no line end
        if (empty) handler_.end_element();
        else open_element(element);
        values_.wipe();
        return q;
    }

    void open_element(std::string_view name) {
        open_.push_back(open_names_.size());
        open_names_.append(name);
    }

    // name = "value" at q; the tag begins at p.
    const Byte* attribute(const Byte* p, const Byte* q, const Byte* end) {
        const Byte* name = q;
        q = name_end(p, q, end);
        const std::string_view key = view(name, q);
        for (const XmlAttribute& a : attributes_)
            if (a.name == key) fail_at(p, name, "a duplicate attribute");
        if (attributes_.size() == max_attributes)
            throw Error(Errc::limit_exceeded, {file_, xml_place(line_at(p, name), "XML")},
                        "an element has more than " + std::to_string(max_attributes) + " attributes");
        q = skip_space(q, end);
        if (*q != '=') fail_at(p, q, "an attribute without =");
        q = skip_space(q + 1, end);
        const Byte quote = *q;
        if (quote != '"' && quote != '\'') fail_at(p, q, "an attribute value not in quotes");
        const Byte* value = ++q;
        std::size_t decoded_from = npos;  // where the value starts in values_ once it needs decoding
        const auto decode = [&] {
            if (decoded_from != npos) return;
            decoded_from = values_.size();
            values_.append(view(value, q));
        };
        for (;; ) {
            if (q == end) throw NeedMore{};
            const Byte c = *q;
            if (c == quote) break;
            if (c == '<') fail_at(p, q, "a < in an attribute value");
            if (c == '&') {
                decode();
                q = reference(p, q, end, values_);
            } else if (c == '\t' || c == '\n' || c == '\r') {  // normalised to a space; CR LF to one
                decode();
                values_.push_back(' ');
                q += c == '\r' && q + 1 < end && q[1] == '\n' ? 2 : 1;
                if (c == '\r' && q == end) throw NeedMore{};
            } else if (c < 0x20) fail_char(p, q, end);
            else if (c >= 0x80) {
                std::size_t length = 0;
                const Utf8 u = utf8_char(q, end, length);
                if (u == Utf8::incomplete) throw NeedMore{};
                if (u != Utf8::ok) fail_char(p, q, end);
                if (decoded_from != npos) values_.append(view(q, q + length));
                q += length;
            } else {
                if (decoded_from != npos) values_.push_back(static_cast<char>(c));
                ++q;
            }
        }
        attributes_.push_back({key, view(value, q)});
        value_places_.emplace_back(decoded_from, decoded_from == npos ? npos : values_.size() - decoded_from);
        return q + 1;
    }

    const Byte* end_tag(const Byte* p, const Byte* end) {
        if (const Byte* close = plain_tag_end(p + 2, end)) {
            check_token(p, end, close - p);
            close_element(view(p + 2, close));
            return close + 1;
        }
        find_end(p, p + 2, end, ">");
        const Byte* q = p + 2;
        const Byte* name = q;
        q = name_end(p, q, end);
        const std::string_view element = view(name, q);
        q = skip_space(q, end);
        if (*q != '>') fail_at(p, q, "an end tag that does not end with >");
        check_token(p, end, q - p);
        close_element(element);
        line_ += count_lines(name + element.size(), q);
        return q + 1;
    }

    void close_element(std::string_view name) {
        if (open_.empty()) fail(line_, "an end tag with no element open");
        if (name != open_name()) fail(line_, "</" + std::string(name) + "> closes <" + std::string(open_name()) + ">");
        handler_.end_element();
        open_names_.resize(open_.back());
        open_.pop_back();
    }

    std::string_view open_name() const { return std::string_view(open_names_).substr(open_.back()); }

    const Byte* processing_instruction(const Byte* p, const Byte* end) {
        const Byte* close = find_end(p, p + 2, end, "?>");
        check_token(p, end, close - p);
        const Byte* q = p + 2;
        const Byte* target = q;
        q = name_end(p, q, end);
        const std::string_view name = view(target, q);
        if (name.size() == 3 && (name[0] | 0x20) == 'x' && (name[1] | 0x20) == 'm' && (name[2] | 0x20) == 'l') {
            if (name != "xml") fail_at(p, target, "a processing instruction named " + std::string(name));
            if (!at_start_) fail_at(p, p, "an XML declaration not at the start of the document");
            xml_declaration(p, q, close);
        } else if (q != close) {
            if (!is_space(*q)) fail_at(p, q, "a processing instruction's name is not followed by whitespace");
            check_chars(p, q, close);
        }
        line_ += count_lines(p, close);
        return close + 2;
    }

    // version="…" [encoding="…"] [standalone="yes|no"], in that order, as expat reads it.
    void xml_declaration(const Byte* p, const Byte* q, const Byte* close) {
        static constexpr std::string_view names[] = {"version", "encoding", "standalone"};
        std::size_t next = 0;
        for (;;) {
            const Byte* spaced = q;
            while (q < close && is_space(*q)) ++q;
            if (q == close) break;
            if (q == spaced) fail_at(p, q, "an XML declaration without whitespace between its parts");
            const Byte* name = q;
            while (q < close && is_ascii_letter(*q)) ++q;
            const std::string_view key = view(name, q);
            while (next < 3 && names[next] != key) ++next;
            if (next == 3) fail_at(p, name, "an XML declaration with an unknown or misplaced part");
            if (key != "version" && !version_seen_) fail_at(p, name, "an XML declaration without a version");
            while (q < close && is_space(*q)) ++q;
            if (q == close || *q != '=') fail_at(p, q, "an XML declaration part without =");
            ++q;
            while (q < close && is_space(*q)) ++q;
            if (q == close || (*q != '"' && *q != '\'')) fail_at(p, q, "an XML declaration value not in quotes");
            const Byte quote = *q++;
            const Byte* value = q;
            while (q < close && *q != quote) {
                if (!is_ascii_letter(*q) && !is_digit(*q) && *q != '.' && *q != '-' && *q != '_')
                    fail_at(p, q, "an XML declaration value with a character it cannot hold");
                ++q;
            }
            if (q == close) fail_at(p, q, "an XML declaration value not in quotes");
            const std::string_view v = view(value, q);
            if (key == "version") version_seen_ = true;
            if (key == "encoding" && (v.empty() || !is_ascii_letter(static_cast<Byte>(v[0]))))
                fail_at(p, value, "an XML declaration with a malformed encoding name");
            if (key == "standalone" && v != "yes" && v != "no") fail_at(p, value, "standalone is neither yes nor no");
            ++q;
            ++next;
        }
        if (!version_seen_) fail_at(p, q, "an XML declaration without a version");
    }

    // Every character of a comment or processing instruction must be one XML allows.
    void check_chars(const Byte* token, const Byte* q, const Byte* end) const {
        while (q < end) {
            if (*q >= 0x20 && *q < 0x80) {
                ++q;
                continue;
            }
            if (*q < 0x80) {
                if (!is_space(*q)) fail_char(token, q, end);
                ++q;
                continue;
            }
            std::size_t length = 0;
            if (utf8_char(q, end, length) != Utf8::ok) fail_char(token, q, end);
            q += length;
        }
    }

    const Byte* declaration(const Byte* p, const Byte* end) {
        static constexpr std::string_view comment = "<!--", cdata = "<![CDATA[", doctype = "<!DOCTYPE";
        const std::size_t have = static_cast<std::size_t>(end - p);
        const std::string_view start = view(p, p + std::min<std::size_t>(have, 9));
        if (start.starts_with(comment)) {
            const Byte* dashes = find_end(p, p + 4, end, "--");
            if (dashes + 2 == end) throw NeedMore{};
            if (dashes[2] != '>') fail_at(p, dashes, "-- inside a comment");
            check_token(p, end, dashes - p);
            check_chars(p, p + 4, dashes);
            line_ += count_lines(p, dashes);
            return dashes + 3;
        }
        if (start.starts_with(cdata)) {
            if (open_.empty()) fail(line_, "a CDATA section outside the document element");
            const Byte* close = find_end(p, p + 9, end, "]]>");
            check_token(p, end, close - p);
            check_chars(p, p + 9, close);
            cdata_text(p + 9, close);
            return close + 3;
        }
        if (start.starts_with(doctype) && open_.empty() && !seen_root_)
            throw Error(Errc::malformed, {file_, xml_place(line_, "DOCTYPE")},
                        "a DOCTYPE declaration is not allowed in KDBX XML");
        if (have < 9 && (comment.starts_with(start) || cdata.starts_with(start) || doctype.starts_with(start)))
            throw NeedMore{};
        fail(line_, "a <! that begins no comment or CDATA section");
    }

    // CDATA is character data as it stands, but for line ends.
    void cdata_text(const Byte* q, const Byte* end) {
        while (q < end) {
            const Byte* cr = static_cast<const Byte*>(std::memchr(q, '\r', static_cast<std::size_t>(end - q)));
            const Byte* to = cr ? cr : end;
            if (to > q) handler_.text(view(q, to));
            line_ += count_lines(q, to);
            if (!cr) break;
            handler_.text("\n");
            ++line_;
            q = cr + (cr + 1 < end && cr[1] == '\n' ? 2 : 1);
        }
    }

    static constexpr std::size_t npos = std::string::npos;

    const std::string& file_;
    const std::uint64_t max_text_bytes_;
    XmlHandler& handler_;
    crypto::SecureBytes pending_;  // the start of a token that has not yet fully arrived
    std::size_t scanned_ = 0;      // how much of it has been searched for its end
    std::size_t parse_again_at_ = 0;
    std::uint64_t line_ = 1;
    std::string open_names_;  // the names of the open elements, one after another
    std::vector<std::size_t> open_;  // where each name starts in open_names_
    std::vector<XmlAttribute> attributes_;
    std::vector<std::pair<std::size_t, std::size_t>> value_places_;  // in values_, or npos
    crypto::Secret values_, decoded_;  // decoded attribute values and references
    bool bom_checked_ = false, at_start_ = true, seen_root_ = false, version_seen_ = false;
};

std::string xml_place(std::uint64_t line, std::string_view what) {
    std::string place = "XML line " + std::to_string(line);
    if (!what.empty()) place += " (" + std::string(what) + ")";
    return place;
}

XmlParser::XmlParser(const std::string& file, std::uint64_t max_text_bytes, XmlHandler& handler)
    : impl_(std::make_unique<Impl>(file, max_text_bytes, handler)), line_(&impl_->line()) {}

XmlParser::~XmlParser() = default;

void XmlParser::feed(ByteView bytes) { impl_->feed(bytes, false); }

void XmlParser::finish() { impl_->finish(); }

}  // namespace cxf::kdbx::detail
