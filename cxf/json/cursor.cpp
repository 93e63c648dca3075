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
    while (at != index_) {
        const Node& container = tape_->nodes[at];
        std::uint32_t child = at + 1;
        std::uint32_t element = 0;
        while (child < container.end) {
            const bool is_member = container.kind == Kind::object;
            const std::uint32_t value = is_member ? child + 1 : child;
            if (index_ >= child && index_ < tape_->nodes[value].end) {
                out += '/';
                if (is_member) {
                    for (const char c : tape_->string(tape_->nodes[child])) {
                        if (c == '~') out += "~0";
                        else if (c == '/') out += "~1";
                        else out += c;
                    }
                } else {
                    out += std::to_string(element);
                }
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

crypto::Secret to_json(const Cursor& cursor) {
    Builder out;
    out.copy(cursor);
    return out.take();
}

}  // namespace cxf::json
