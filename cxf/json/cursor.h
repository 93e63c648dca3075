// SPDX-License-Identifier: MIT
// Read-only navigation of a parsed tape, and the JSON pointer of any place in it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "cxf/json/tape.h"
#include "cxf/secret.h"

namespace cxf::json {

// A value in a tape. Cheap to copy (two indices and two pointers); valid while the tape is.
// `base` is the pointer of `root` in the whole document (non-empty when the subtree was handed off).
class Cursor {
public:
    Cursor(const Tape& tape, std::uint32_t root, const std::string& base)
        : tape_(&tape), base_(&base), root_(root), index_(root) {}

    Kind kind() const noexcept { return node().kind; }
    bool is(Kind k) const noexcept { return kind() == k; }
    bool is_object() const noexcept { return is(Kind::object); }
    bool is_array() const noexcept { return is(Kind::array); }
    bool is_string() const noexcept { return is(Kind::string); }
    bool is_null() const noexcept { return is(Kind::null); }

    std::string_view string() const noexcept { return tape_->string(node()); }  // string nodes only
    bool boolean() const noexcept { return node().flag; }
    std::uint64_t uint64() const noexcept { return node().u; }
    std::int64_t int64() const noexcept { return node().i; }
    double number() const noexcept { return node().d; }
    std::uint32_t size() const noexcept { return node().size; }

    // The member named `key` of an object; nullopt when absent or this is not an object.
    std::optional<Cursor> find(std::string_view key) const noexcept;

    struct Member;
    class MemberIterator;
    class ElementIterator;
    template <typename It>
    struct Range {
        It first, last;
        It begin() const { return first; }
        It end() const { return last; }
    };
    Range<MemberIterator> members() const noexcept;    // objects only
    Range<ElementIterator> elements() const noexcept;  // arrays only

    std::string pointer() const;  // RFC 6901, from the document root

    const Tape& tape() const noexcept { return *tape_; }
    std::uint32_t index() const noexcept { return index_; }

private:
    Cursor(const Cursor& parent, std::uint32_t index) noexcept
        : tape_(parent.tape_), base_(parent.base_), root_(parent.root_), index_(index) {}
    const Node& node() const noexcept { return tape_->nodes[index_]; }

    const Tape* tape_;
    const std::string* base_;
    std::uint32_t root_;
    std::uint32_t index_;
};

struct Cursor::Member {
    std::string_view key;
    Cursor value;
};

class Cursor::MemberIterator {
public:
    MemberIterator(const Cursor& owner, std::uint32_t key) : owner_(owner), key_(key) {}
    Member operator*() const { return {owner_.tape_->string(owner_.tape_->nodes[key_]), Cursor(owner_, key_ + 1)}; }
    MemberIterator& operator++() {
        key_ = owner_.tape_->nodes[key_ + 1].end;
        return *this;
    }
    bool operator!=(const MemberIterator& other) const { return key_ != other.key_; }

private:
    Cursor owner_;
    std::uint32_t key_;
};

class Cursor::ElementIterator {
public:
    ElementIterator(const Cursor& owner, std::uint32_t at) : owner_(owner), at_(at) {}
    Cursor operator*() const { return Cursor(owner_, at_); }
    ElementIterator& operator++() {
        at_ = owner_.tape_->nodes[at_].end;
        return *this;
    }
    bool operator!=(const ElementIterator& other) const { return at_ != other.at_; }

private:
    Cursor owner_;
    std::uint32_t at_;
};

// What a value is, for "expected …, got …" messages: kind_name, with "integer above 2^63 - 1" for a
// non-negative integer out of the signed 64-bit range. Never the value itself: it may be secret.
std::string_view type_name(const Cursor& value) noexcept;

// The subtree at `cursor` as compact JSON (for values kept verbatim; any of it may be secret).
crypto::Secret to_json(const Cursor& cursor);

}  // namespace cxf::json
