// SPDX-License-Identifier: MIT
#include "exporters/bitwarden_json/json_out.h"

#include "cxf/error.h"

namespace cxf::bitwarden_json {

JsonOut::JsonOut(io::Output& out) : stream_(out), writer_(stream_) { writer_.SetIndent(' ', 2); }

void JsonOut::key(std::string_view k) { writer_.Key(k.data(), static_cast<rapidjson::SizeType>(k.size())); }

void JsonOut::string(std::string_view s) {
    if (!json::valid_utf8(s)) throw Error(Errc::invalid, {"", place}, "text is not valid UTF-8");
    writer_.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
}

void JsonOut::member(std::string_view k, const Field& f) {
    key(k);
    if (f) string(f->value.view());
    else null();
}

void JsonOut::member(std::string_view k, const std::optional<std::string>& s) {
    key(k);
    if (s) string(*s);
    else null();
}

void JsonOut::copy(const json::Cursor& value) {
    switch (value.kind()) {
        case json::Kind::null: null(); break;
        case json::Kind::boolean: boolean(value.boolean()); break;
        case json::Kind::int64: writer_.Int64(value.int64()); break;
        case json::Kind::uint64: writer_.Uint64(value.uint64()); break;
        case json::Kind::number_double: writer_.Double(value.number()); break;
        case json::Kind::string:
        case json::Kind::key: string(value.string()); break;
        case json::Kind::array:
            start_array();
            for (const json::Cursor element : value.elements()) copy(element);
            end_array();
            break;
        case json::Kind::object:
            start_object();
            for (const auto m : value.members()) {
                key(m.key);
                copy(m.value);
            }
            end_object();
            break;
    }
}

}  // namespace cxf::bitwarden_json
