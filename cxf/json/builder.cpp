// SPDX-License-Identifier: MIT
#include "cxf/json/builder.h"

#include <rapidjson/prettywriter.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <array>
#include <variant>

#include "cxf/error.h"
#include "cxf/io/output.h"
#include "cxf/json/utf8.h"

namespace cxf::json {

namespace {

// RapidJSON output stream into wiped memory.
class SecretStream {
public:
    using Ch = char;
    explicit SecretStream(crypto::Secret& out) : out_(out) {}
    void Put(char c) { out_.push_back(c); }
    void append(std::string_view text) { out_.append(text); }
    void Flush() {}

private:
    crypto::Secret& out_;
};

// RapidJSON output stream staging bytes in a wiped 64 KiB buffer on their way to an io::Output, so a
// large document is never held whole. RapidJSON flushes at the end of the top-level value.
class OutputStream {
public:
    using Ch = char;
    explicit OutputStream(io::Output& out) : out_(out) { buffer_.reserve(capacity); }
    void Put(char c) {
        buffer_.push_back(static_cast<std::uint8_t>(c));
        if (buffer_.size() == capacity) Flush();
    }
    void append(std::string_view text) {
        if (buffer_.size() + text.size() > capacity) Flush();
        if (text.size() >= capacity) out_.write(as_bytes(text));
        else buffer_.insert(buffer_.end(), text.begin(), text.end());
    }
    void Flush() {
        if (buffer_.empty()) return;
        out_.write(buffer_);
        buffer_.clear();
    }

private:
    static constexpr std::size_t capacity = 64 * 1024;
    io::Output& out_;
    crypto::SecureBytes buffer_;
};

// RapidJSON's pretty writer indents with PutN, a character at a time unless the stream has its own.
template <typename Stream>
void put_n(Stream& out, char c, std::size_t n) {
    std::array<char, 64> fill;
    fill.fill(c);
    for (std::size_t k; n > 0; n -= k) {
        k = std::min(n, fill.size());
        out.append(std::string_view(fill.data(), k));
    }
}
void PutN(SecretStream& out, char c, std::size_t n) { put_n(out, c, n); }
void PutN(OutputStream& out, char c, std::size_t n) { put_n(out, c, n); }

// What a character becomes in a JSON string, as RapidJSON writes it: the two-character escapes JSON
// has, \u00XX (uppercase) for the other control characters, and nothing else escaped.
constexpr std::array<char, 256> escapes = [] {
    std::array<char, 256> e{};
    for (int c = 0; c < 0x20; ++c) e[c] = 'u';
    e['\b'] = 'b';
    e['\t'] = 't';
    e['\n'] = 'n';
    e['\f'] = 'f';
    e['\r'] = 'r';
    e['"'] = '"';
    e['\\'] = '\\';
    return e;
}();

// A JSON string written in runs rather than a character at a time as RapidJSON does.
template <typename Stream>
void put_string(Stream& out, std::string_view text) {
    out.Put('"');
    std::size_t run = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        const char escape = escapes[c];
        if (escape == 0) continue;
        out.append(text.substr(run, i - run));
        constexpr char hex[] = "0123456789ABCDEF";
        const char escaped[] = {'\\', escape, '0', '0', hex[c >> 4], hex[c & 15]};
        out.append(std::string_view(escaped, escape == 'u' ? 6 : 2));
        run = i + 1;
    }
    out.append(text.substr(run));
    out.Put('"');
}

template <typename W>
W& indented(W& writer) {
    writer.SetIndent(' ', 2);
    return writer;
}

}  // namespace

// RapidJSON 1.1.0's PrettyWriter cannot take kWriteValidateEncodingFlag (it derives from the
// unflagged Writer), so string() checks its text with valid_utf8() instead.
struct Builder::State {
    using Writers = std::variant<rapidjson::Writer<SecretStream>, rapidjson::PrettyWriter<SecretStream>,
                                 rapidjson::Writer<OutputStream>, rapidjson::PrettyWriter<OutputStream>>;

    State(crypto::Secret& text, Layout layout)
        : stream(std::in_place_index<0>, text),
          writer(layout == Layout::compact ? Writers(std::in_place_index<0>, std::get<0>(stream))
                                           : Writers(std::in_place_index<1>, std::get<0>(stream))) {
        if (layout == Layout::indented) indented(std::get<1>(writer));
    }

    State(io::Output& out, Layout layout)
        : stream(std::in_place_index<1>, out),
          writer(layout == Layout::compact ? Writers(std::in_place_index<2>, std::get<1>(stream))
                                           : Writers(std::in_place_index<3>, std::get<1>(stream))) {
        if (layout == Layout::indented) indented(std::get<3>(writer));
    }

    void append(std::string_view text) {
        std::visit([&](auto& s) { s.append(text); }, stream);
    }
    void append_string(std::string_view text) {
        std::visit([&](auto& s) { put_string(s, text); }, stream);
    }

    std::variant<SecretStream, OutputStream> stream;
    Writers writer;
};

Builder::Builder(Layout layout) : layout_(layout), state_(std::make_unique<State>(text_, layout)) {}

Builder::Builder(io::Output& out, Layout layout) : layout_(layout), state_(std::make_unique<State>(out, layout)) {}

Builder::Builder(Layout layout, unsigned depth) : Builder(layout) {
    for (unsigned i = 0; i < depth; ++i) begin_array();
    // The first value's separator: a new line and its indentation, or nothing.
    values_start_ = text_.size() + (layout == Layout::indented ? 1 + 2 * std::size_t{depth} : 0);
}

Builder::~Builder() = default;

template <typename F>
Builder& Builder::write(F&& f) {
    std::visit(std::forward<F>(f), state_->writer);
    return *this;
}

Builder& Builder::begin_object() {
    ++depth_;
    return write([](auto& w) { w.StartObject(); });
}

Builder& Builder::end_object() {
    --depth_;
    return write([](auto& w) { w.EndObject(); });
}

Builder& Builder::begin_array() {
    ++depth_;
    return write([](auto& w) { w.StartArray(); });
}

Builder& Builder::end_array() {
    --depth_;
    return write([](auto& w) { w.EndArray(); });
}

// RapidJSON writes what comes before a key or a string (its separator, layout and count), which
// does not depend on the text; the text is put_string's.
Builder& Builder::key(std::string_view name) {
    valid_string(name);  // RapidJSON tells a key from a string by its place in the object
    return *this;
}

Builder& Builder::string(std::string_view value) {
    if (!valid_utf8(value)) throw Error(Errc::invalid, {"", place}, "text is not valid UTF-8");
    valid_string(value);
    return *this;
}

void Builder::valid_string(std::string_view value) {
    write([](auto& w) { w.RawValue("", 0, rapidjson::kStringType); });
    state_->append_string(value);
}

Builder& Builder::integer(std::int64_t value) {
    return write([&](auto& w) { w.Int64(value); });
}

Builder& Builder::unsigned_integer(std::uint64_t value) {
    return write([&](auto& w) { w.Uint64(value); });
}

Builder& Builder::boolean(bool value) {
    return write([&](auto& w) { w.Bool(value); });
}

Builder& Builder::null() {
    return write([](auto& w) { w.Null(); });
}

// RapidJSON writes the separator; the text goes in one piece rather than a character at a time.
Builder& Builder::raw(std::string_view json) {
    write([](auto& w) { w.RawValue("", 0, rapidjson::kObjectType); });
    state_->append(json);
    return *this;
}

std::string_view Builder::values() const noexcept {
    const std::string_view text = text_.view();
    return text.size() > values_start_ ? text.substr(values_start_) : std::string_view();
}

Builder& Builder::copy(const Cursor& value) {
    copy_value(value.tape(), value.index());
    return *this;
}

void Builder::copy_value(const Tape& tape, std::uint32_t index) {
    const Node& node = tape.nodes[index];
    switch (node.kind) {
        case Kind::null: null(); break;
        case Kind::boolean: boolean(node.flag); break;
        case Kind::int64: integer(node.i); break;
        case Kind::uint64: unsigned_integer(node.u); break;
        case Kind::number_double: write([&](auto& w) { w.Double(node.d); }); break;
        case Kind::string: valid_string(tape.string(node)); break;  // the tape holds validated UTF-8
        case Kind::key: break;
        case Kind::array:
            begin_array();
            for (std::uint32_t child = index + 1; child < node.end; child = tape.nodes[child].end) copy_value(tape, child);
            end_array();
            break;
        case Kind::object:
            begin_object();
            for (std::uint32_t k = index + 1; k < node.end; k = tape.nodes[k + 1].end) {
                key(tape.string(tape.nodes[k]));
                copy_value(tape, k + 1);
            }
            end_object();
            break;
    }
}

// Small texts are mostly values the model keeps (an item's extension JSON): thousands of them, whose
// spare capacity came to 7 % of a 50k-entry vault's memory. A large one is handed on, not kept.
crypto::Secret Builder::take() {
    if (text_.size() < 4096) text_.shrink_to_fit();
    return std::move(text_);
}

void Builder::flush() {
    if (auto* out = std::get_if<OutputStream>(&state_->stream)) out->Flush();
}

}  // namespace cxf::json
