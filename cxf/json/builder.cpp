// SPDX-License-Identifier: MIT
#include "cxf/json/builder.h"

#include "cxf/error.h"

namespace cxf::json {

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

template <typename W>
W& indented(W& writer) {
    writer.SetIndent(' ', 2);
    return writer;
}

}  // namespace

Builder::Builder(Layout layout)
    : stream_(std::in_place_index<0>, text_),
      writer_(layout == Layout::compact ? decltype(writer_)(std::in_place_index<0>, std::get<0>(stream_))
                                        : decltype(writer_)(std::in_place_index<1>, std::get<0>(stream_))) {
    if (layout == Layout::indented) indented(std::get<1>(writer_));
}

Builder::Builder(io::Output& out, Layout layout)
    : stream_(std::in_place_index<1>, out),
      writer_(layout == Layout::compact ? decltype(writer_)(std::in_place_index<2>, std::get<1>(stream_))
                                        : decltype(writer_)(std::in_place_index<3>, std::get<1>(stream_))) {
    if (layout == Layout::indented) indented(std::get<3>(writer_));
}

template <typename F>
Builder& Builder::write(F&& f) {
    std::visit(std::forward<F>(f), writer_);
    return *this;
}

Builder& Builder::begin_object() {
    return write([](auto& w) { w.StartObject(); });
}

Builder& Builder::end_object() {
    return write([](auto& w) { w.EndObject(); });
}

Builder& Builder::begin_array() {
    return write([](auto& w) { w.StartArray(); });
}

Builder& Builder::end_array() {
    return write([](auto& w) { w.EndArray(); });
}

Builder& Builder::key(std::string_view name) {
    return write([&](auto& w) { w.Key(name.data(), static_cast<rapidjson::SizeType>(name.size())); });
}

Builder& Builder::string(std::string_view value) {
    if (!valid_utf8(value)) throw Error(Errc::invalid, {"", place}, "text is not valid UTF-8");
    return write([&](auto& w) { w.String(value.data(), static_cast<rapidjson::SizeType>(value.size())); });
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

Builder& Builder::raw(std::string_view json) {
    return write([&](auto& w) { w.RawValue(json.data(), json.size(), rapidjson::kObjectType); });
}

Builder& Builder::copy(const Cursor& value) {
    // The tape holds validated UTF-8 already.
    return write([&](auto& w) { write_value(value.tape(), value.index(), w); });
}

void Builder::flush() {
    if (auto* out = std::get_if<OutputStream>(&stream_)) out->Flush();
}

}  // namespace cxf::json
