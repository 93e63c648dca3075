// SPDX-License-Identifier: MIT
#include "cxf/json/cursor.h"

#include "cxf/json/writer.h"

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

namespace {

template <typename W>
void write_value(const Tape& tape, std::uint32_t index, W& writer) {
    const Node& node = tape.nodes[index];
    switch (node.kind) {
        case Kind::null: writer.Null(); break;
        case Kind::boolean: writer.Bool(node.flag); break;
        case Kind::int64: writer.Int64(node.i); break;
        case Kind::uint64: writer.Uint64(node.u); break;
        case Kind::number_double: writer.Double(node.d); break;
        case Kind::string: {
            const std::string_view s = tape.string(node);
            writer.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
            break;
        }
        case Kind::key: break;
        case Kind::array:
            writer.StartArray();
            for (std::uint32_t child = index + 1; child < node.end; child = tape.nodes[child].end)
                write_value(tape, child, writer);
            writer.EndArray();
            break;
        case Kind::object:
            writer.StartObject();
            for (std::uint32_t key = index + 1; key < node.end; key = tape.nodes[key + 1].end) {
                const std::string_view k = tape.string(tape.nodes[key]);
                writer.Key(k.data(), static_cast<rapidjson::SizeType>(k.size()));
                write_value(tape, key + 1, writer);
            }
            writer.EndObject();
            break;
    }
}

}  // namespace

crypto::Secret to_json(const Cursor& cursor) {
    crypto::Secret out;
    SecretStream stream(out);
    rapidjson::Writer<SecretStream> writer(stream);  // the tape holds validated UTF-8 already
    write_value(cursor.tape(), cursor.index(), writer);
    return out;
}

}  // namespace cxf::json
