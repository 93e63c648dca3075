// SPDX-License-Identifier: MIT
#include "cxf/json/tape.h"

#include <algorithm>
#include <optional>

#include <rapidjson/error/en.h>
#include <rapidjson/reader.h>

#include "cxf/error.h"

namespace cxf::json {

std::string_view kind_name(Kind kind) noexcept {
    switch (kind) {
        case Kind::null: return "null";
        case Kind::boolean: return "boolean";
        case Kind::int64: return "negative integer";
        case Kind::uint64: return "non-negative integer";
        case Kind::number_double: return "number";
        case Kind::string: return "string";
        case Kind::key: return "key";
        case Kind::array: return "array";
        case Kind::object: return "object";
    }
    return "value";
}

void append_key_token(std::string& out, const Tape& tape, std::string_view key, std::uint32_t ordinal, bool& shown) {
    shown = shown && (tape.names.empty() || std::find(tape.names.begin(), tape.names.end(), key) != tape.names.end());
    if (!shown) {
        out += "/{key " + std::to_string(ordinal) + "}";
        return;
    }
    out += '/';
    for (const char c : key) {
        if (c == '~') out += "~0";
        else if (c == '/') out += "~1";
        else out += c;
    }
}

std::string_view Path::key(std::size_t level) const noexcept {
    const Step& step = steps_[level];
    return {reinterpret_cast<const char*>(tape_->text.data()) + step.key_offset, step.key_size};
}

std::string Path::pointer() const {
    std::string out;
    bool shown = true;
    for (std::size_t level = 0; level < steps_.size(); ++level) {
        if (steps_[level].in_array) out += "/" + std::to_string(steps_[level].index);
        else if (steps_[level].has_key) append_key_token(out, *tape_, key(level), steps_[level].index, shown);
    }
    return out;
}

// RapidJSON's input stream over text arriving in pieces. A piece is moved past as soon as its last
// byte is taken, so Peek() is one comparison, as in RapidJSON's own memory stream.
class PieceStream {
public:
    using Ch = char;

    PieceStream(const TextSource& source, const Limits& limits, const std::string& file)
        : source_(source), limits_(limits), file_(file) {
        // The first three bytes decide whether there is a byte order mark, whatever the pieces' sizes:
        // short first pieces are gathered and read from a copy.
        if (pull() && end_ - cur_ < 3) {
            do first_.insert(first_.end(), cur_, end_);
            while (first_.size() < 3 && pull());
            begin_ = cur_ = reinterpret_cast<const Ch*>(first_.data());
            end_ = cur_ + first_.size();
        }
        if (end_ - cur_ >= 3 && std::string_view(cur_, 3) == "\xEF\xBB\xBF") {  // a UTF-8 byte order mark carries no data
            begin_ = cur_ += 3;
        }
        if (cur_ == end_) next_piece();
    }

    Ch Peek() const { return cur_ == end_ ? '\0' : *cur_; }
    Ch Take() {
        if (cur_ == end_) return '\0';
        const Ch c = *cur_++;
        if (cur_ == end_) next_piece();
        return c;
    }
    std::size_t Tell() const { return static_cast<std::size_t>(before_ + static_cast<std::uint64_t>(cur_ - begin_)); }

    Ch* PutBegin() { return nullptr; }  // only for in-place parsing, which is not used
    void Put(Ch) {}
    void Flush() {}
    std::size_t PutEnd(Ch*) { return 0; }

private:
    // The current piece is all taken: on to the next one with bytes, if any.
    void next_piece() {
        before_ += static_cast<std::uint64_t>(cur_ - begin_);
        pull();
    }
    // The next piece with bytes becomes the current one; false (and no piece) at the end.
    bool pull() {
        for (;;) {
            const ByteView piece = source_();
            if (piece.empty()) {
                begin_ = cur_ = end_ = nullptr;
                return false;
            }
            total_ += piece.size();
            if (total_ > limits_.max_input_bytes)
                throw Error(Errc::limit_exceeded, {file_, ""},
                            "input of more than " + std::to_string(limits_.max_input_bytes) + " bytes is over the limit");
            begin_ = cur_ = reinterpret_cast<const Ch*>(piece.data());
            end_ = cur_ + piece.size();
            return true;
        }
    }

    const TextSource& source_;
    const Limits& limits_;
    const std::string& file_;
    crypto::SecureBytes first_;
    const Ch* begin_ = nullptr;  // of the current piece
    const Ch* cur_ = nullptr;
    const Ch* end_ = nullptr;
    std::uint64_t before_ = 0;  // bytes taken from the pieces before the current one
    std::uint64_t total_ = 0;
};

// The SAX handler. Returns false to stop the parse after recording why in `failure`.
class TapeBuilder {
public:
    TapeBuilder(Tape& tape, const Limits& limits, const Handoff* handoff, const PieceStream& stream)
        : tape_(tape), limits_(limits), handoff_(handoff), stream_(stream) {
        path_.tape_ = &tape;
    }

    struct Failure {
        Errc code;
        std::string pointer;
        std::string message;
    };
    std::optional<Failure> failure;
    const Path& path() const noexcept { return path_; }

    bool Null() { return scalar(Node(Kind::null)); }
    bool Bool(bool b) {
        Node n(Kind::boolean);
        n.flag = b;
        return scalar(n);
    }
    bool Int(int i) { return Int64(i); }
    bool Uint(unsigned u) { return Uint64(u); }
    bool Int64(std::int64_t i) {
        if (i >= 0) return Uint64(static_cast<std::uint64_t>(i));
        Node n(Kind::int64);
        n.i = i;
        return scalar(n);
    }
    bool Uint64(std::uint64_t u) {
        Node n(Kind::uint64);
        n.u = u;
        return scalar(n);
    }
    bool Double(double d) {
        Node n(Kind::number_double);
        n.d = d;
        return scalar(n);
    }
    bool RawNumber(const char*, rapidjson::SizeType, bool) { return false; }  // not requested
    bool String(const char* s, rapidjson::SizeType length, bool) {
        if (!enter_value()) return false;  // first, so that an error in the text names this element
        Node n(Kind::string);
        if (!store_text(n, s, length)) return false;
        return push_scalar(n);
    }
    bool Key(const char* s, rapidjson::SizeType length, bool) {
        Node n(Kind::key);
        if (!store_text(n, s, length)) return false;
        Frame& frame = frames_.back();
        const std::string_view key(s, length);
        Path::Step& step = path_.steps_.back();
        step.has_key = true;
        step.index = frame.children;
        step.key_offset = static_cast<std::uint32_t>(n.offset);
        step.key_size = length;
        if (frame.children < dedupe_scan_limit) {
            for (std::uint32_t k = frame.node + 1; k < tape_.nodes.size(); k = tape_.nodes[k + 1].end)
                if (tape_.string(tape_.nodes[k]) == key) return fail(Errc::malformed, "duplicate key");
        }
        tape_.nodes.push_back(n);
        return true;
    }
    bool StartObject() { return open(Kind::object); }
    bool StartArray() { return open(Kind::array); }
    bool EndObject(rapidjson::SizeType) { return close(); }
    bool EndArray(rapidjson::SizeType) { return close(); }

    // The parser stopped inside an array before handing over the element it was reading (a string
    // with invalid UTF-8, a value cut or broken after its comma): that element, not the last complete
    // one, is the place. (A missing comma after an element is placed at that element.)
    void at_unfinished_element() {
        if (!path_.steps_.empty() && path_.steps_.back().in_array) path_.steps_.back().index = next_index_.back();
    }

private:
    static constexpr std::uint32_t dedupe_scan_limit = 64;

    struct Frame {
        std::uint32_t node;
        std::uint32_t children = 0;  // kept in the tape (handed-off elements are not)
        std::size_t text_start;
    };

    bool fail(Errc code, std::string message) {
        failure = Failure{code, path_.pointer(), std::move(message) + " (byte offset " + std::to_string(stream_.Tell()) + ")"};
        return false;
    }

    bool store_text(Node& n, const char* s, rapidjson::SizeType length) {
        if (length > limits_.max_string_bytes)
            return fail(Errc::limit_exceeded, "string of " + std::to_string(length) + " bytes is over the limit of " +
                                                  std::to_string(limits_.max_string_bytes));
        n.offset = tape_.text.size();
        n.size = length;
        tape_.text.insert(tape_.text.end(), s, s + length);
        return true;
    }

    // Called before any value is added: keeps the path's array index and the parent's count.
    bool enter_value() {
        if (tape_.nodes.size() >= limits_.max_json_values)
            return fail(Errc::limit_exceeded, "more than " + std::to_string(limits_.max_json_values) + " JSON values");
        if (!frames_.empty()) {
            Frame& frame = frames_.back();
            if (path_.steps_.back().in_array) path_.steps_.back().index = next_index_.back()++;
            ++frame.children;
        }
        return true;
    }

    bool scalar(Node n) { return enter_value() && push_scalar(n); }

    bool push_scalar(Node n) {
        n.end = static_cast<std::uint32_t>(tape_.nodes.size() + 1);
        tape_.nodes.push_back(n);
        return true;
    }

    bool open(Kind kind) {
        if (!enter_value()) return false;
        if (frames_.size() >= limits_.max_depth)
            return fail(Errc::limit_exceeded, "nesting deeper than " + std::to_string(limits_.max_depth) + " levels");
        frames_.push_back(Frame{static_cast<std::uint32_t>(tape_.nodes.size()), 0, tape_.text.size()});
        tape_.nodes.push_back(Node{kind});
        path_.steps_.push_back(Path::Step{kind == Kind::array, false, 0, 0, 0});
        next_index_.push_back(0);
        return true;
    }

    bool close() {
        const Frame frame = frames_.back();
        Node& node = tape_.nodes[frame.node];
        if (node.kind == Kind::object && frame.children >= dedupe_scan_limit && has_duplicate_keys(frame.node))
            return fail(Errc::malformed, "duplicate key in object");
        node.size = frame.children;
        node.end = static_cast<std::uint32_t>(tape_.nodes.size());
        frames_.pop_back();
        path_.steps_.pop_back();
        next_index_.pop_back();
        if (handoff_ && !frames_.empty() && path_.steps_.back().in_array && handoff_->want(path_)) {
            handoff_->take(tape_, frame.node, path_);
            tape_.nodes.resize(frame.node);
            crypto::wipe(tape_.text.data() + frame.text_start, tape_.text.size() - frame.text_start);
            tape_.text.resize(frame.text_start);
            --frames_.back().children;
        }
        return true;
    }

    bool has_duplicate_keys(std::uint32_t object) const {
        std::vector<std::string_view> keys;
        for (std::uint32_t k = object + 1; k < tape_.nodes.size(); k = tape_.nodes[k + 1].end)
            keys.push_back(tape_.string(tape_.nodes[k]));
        std::sort(keys.begin(), keys.end());
        return std::adjacent_find(keys.begin(), keys.end()) != keys.end();
    }

    Tape& tape_;
    const Limits& limits_;
    const Handoff* handoff_;
    const PieceStream& stream_;
    Path path_;
    std::vector<Frame> frames_;
    std::vector<std::uint32_t> next_index_;
};

void parse(const TextSource& source, const std::string& file, const Limits& limits, Tape& tape, const Handoff* handoff) {
    tape.nodes.clear();
    tape.text.clear();
    PieceStream stream(source, limits, file);
    TapeBuilder builder(tape, limits, handoff, stream);
    rapidjson::Reader reader;
    constexpr unsigned flags = rapidjson::kParseIterativeFlag | rapidjson::kParseValidateEncodingFlag;
    const rapidjson::ParseResult result = reader.Parse<flags>(stream, builder);
    if (builder.failure) throw Error(builder.failure->code, {file, builder.failure->pointer}, builder.failure->message);
    if (result.IsError()) {
        std::string message = rapidjson::GetParseError_En(result.Code());
        if (!message.empty() && message.back() == '.') message.pop_back();
        if (result.Code() == rapidjson::kParseErrorDocumentEmpty) message = "empty document";
        if (result.Code() == rapidjson::kParseErrorStringInvalidEncoding) message = "invalid UTF-8 in a string";
        if (result.Code() != rapidjson::kParseErrorArrayMissCommaOrSquareBracket) builder.at_unfinished_element();
        throw Error(Errc::malformed, {file, builder.path().pointer()},
                    message + " (byte offset " + std::to_string(result.Offset()) + ")");
    }
}

void parse(std::string_view json, const std::string& file, const Limits& limits, Tape& tape, const Handoff* handoff) {
    if (json.size() > limits.max_input_bytes)
        throw Error(Errc::limit_exceeded, {file, ""},
                    "input of " + std::to_string(json.size()) + " bytes is over the limit of " +
                        std::to_string(limits.max_input_bytes));
    bool given = false;
    const TextSource whole = [&]() -> ByteView {
        if (given) return {};
        given = true;
        return as_bytes(json);
    };
    parse(whole, file, limits, tape, handoff);
}

}  // namespace cxf::json
