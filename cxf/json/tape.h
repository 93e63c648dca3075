// SPDX-License-Identifier: MIT
// A bounded JSON parser: RapidJSON's SAX reader into a flat "tape" of nodes, with caps on depth and
// string size, duplicate-key rejection, UTF-8 validation, and errors that name a JSON pointer.
// Subtrees can be handed off and dropped as soon as they complete, so a large document never has to
// exist as a whole tree in memory.
#pragma once

#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "cxf/limits.h"
#include "cxf/secret.h"

namespace cxf::json {

enum class Kind : std::uint8_t { null, boolean, int64, uint64, number_double, string, key, array, object };

// "null", "boolean", "negative integer", "non-negative integer", "number" (a fraction, an exponent, or an
// integer beyond 64 bits), "string", "array", "object".
std::string_view kind_name(Kind kind) noexcept;

struct Node {
    Node() = default;
    explicit Node(Kind k) : kind(k) {}

    Kind kind = Kind::null;
    bool flag = false;        // the value of a boolean
    std::uint32_t size = 0;   // string bytes, or number of elements or members
    std::uint32_t end = 0;    // index one past this node's subtree
    union {
        std::uint64_t offset = 0;  // string/key: where its bytes start in Tape::text
        std::int64_t i;            // int64 (always negative: non-negative numbers are uint64)
        std::uint64_t u;
        double d;
    };
};

// Nodes in document order. An object's children alternate key node, value subtree.
// Text lives in a wiped buffer: any string may be a secret.
struct Tape {
    std::vector<Node> nodes;
    crypto::SecureBytes text;
    // The member names the document's format defines (kept by parse). A pointer shows these keys as
    // they are and any other key as "{key N}", its position in its object, and so every key below
    // it: a key can stand where the format expects a value, and values may be secret. Empty: every
    // key is shown.
    std::span<const std::string_view> names;

    std::string_view string(const Node& node) const noexcept {
        return {reinterpret_cast<const char*>(text.data()) + node.offset, node.size};
    }
};

// Appends the pointer token of a member: "/key", or "/{key N}" for the `ordinal`-th member when the key
// is not one of `tape.names` or `shown` is false; `shown` becomes false with it. The one place
// pointer tokens are made.
void append_key_token(std::string& out, const Tape& tape, std::string_view key, std::uint32_t ordinal, bool& shown);

// The position of the parser while a value is being built: one entry per open container.
class Path {
public:
    struct Step {
        bool in_array;
        bool has_key;              // objects: a key has been read
        std::uint32_t index;       // arrays: index of the current element; objects: of the current member
        std::uint32_t key_offset;  // objects: the current key, in the tape's text
        std::uint32_t key_size;
    };
    std::size_t depth() const noexcept { return steps_.size(); }
    bool is_index(std::size_t level) const noexcept { return steps_[level].in_array; }
    std::uint32_t index(std::size_t level) const noexcept { return steps_[level].index; }
    std::string_view key(std::size_t level) const noexcept;
    std::string pointer() const;  // RFC 6901

private:
    friend class TapeBuilder;
    const Tape* tape_ = nullptr;
    std::vector<Step> steps_;
};

// Called when a container value completes and `want` said yes to its path; the subtree
// [index, tape.nodes.size()) is removed right after the call.
struct Handoff {
    std::function<bool(const Path& path)> want;
    std::function<void(const Tape& tape, std::uint32_t index, const Path& path)> take;
};

// JSON text in pieces: each call gives the next one (valid until the following call), empty at the end.
using TextSource = std::function<ByteView()>;

// Parses the text into `tape` (cleared first) as its pieces come. `file` names the input in errors.
// Throws cxf::Error: malformed (syntax, truncation, invalid UTF-8, duplicate key) or limit_exceeded,
// with the pointer of the place and the byte offset; and what the source throws.
void parse(const TextSource& source, const std::string& file, const Limits& limits, Tape& tape,
           const Handoff* handoff = nullptr);
void parse(std::string_view json, const std::string& file, const Limits& limits, Tape& tape,
           const Handoff* handoff = nullptr);

}  // namespace cxf::json
