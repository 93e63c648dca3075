// SPDX-License-Identifier: MIT
#include "cxf/json/cursor.h"

#include "cxf/json/builder.h"

namespace cxf::json {

std::optional<Cursor> Cursor::find(std::string_view key) const noexcept {
    if (!is_object()) return std::nullopt;
    for (const Member member : members())
        if (member.key == key) return member.value;
    return std::nullopt;
}

Cursor::Range<Cursor::MemberIterator> Cursor::members() const noexcept {
    return {MemberIterator(*this, index_ + 1), MemberIterator(*this, node().end)};
}

Cursor::Range<Cursor::ElementIterator> Cursor::elements() const noexcept {
    return {ElementIterator(*this, index_ + 1), ElementIterator(*this, node().end)};
}

std::string Cursor::pointer() const {
    std::string out = *base_;
    std::uint32_t at = root_;
    bool shown = true;
    while (at != index_) {
        const Node& container = tape_->nodes[at];
        std::uint32_t child = at + 1;
        std::uint32_t element = 0;
        while (child < container.end) {
            const bool is_member = container.kind == Kind::object;
            const std::uint32_t value = is_member ? child + 1 : child;
            if (index_ >= child && index_ < tape_->nodes[value].end) {
                if (is_member) append_key_token(out, *tape_, tape_->string(tape_->nodes[child]), element, shown);
                else out += "/" + std::to_string(element);
                at = value;
                break;
            }
            child = tape_->nodes[value].end;
            ++element;
        }
        if (child >= container.end) break;  // not below root: cannot happen for cursors made by navigation
    }
    return out;
}

std::string_view type_name(const Cursor& value) noexcept {
    if (value.is(Kind::uint64) && value.uint64() > static_cast<std::uint64_t>(INT64_MAX)) return "integer above 2^63 - 1";
    return kind_name(value.kind());
}

crypto::Secret to_json(const Cursor& cursor) {
    Builder out;
    out.copy(cursor);
    return out.take();
}

}  // namespace cxf::json
