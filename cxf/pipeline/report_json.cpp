// SPDX-License-Identifier: MIT
#include "cxf/pipeline/report_json.h"

namespace cxf {

namespace {

class Json {
public:
    explicit Json(ReportWriter& w) : w_(w) {}
    void str(std::string_view key, std::string_view value) {
        w_.Key(key.data(), static_cast<rapidjson::SizeType>(key.size()));
        w_.String(value.data(), static_cast<rapidjson::SizeType>(value.size()));
    }
    void boolean(std::string_view key, bool value) {
        w_.Key(key.data(), static_cast<rapidjson::SizeType>(key.size()));
        w_.Bool(value);
    }

private:
    ReportWriter& w_;
};

void write_notice(ReportWriter& w, const Notice& n, const OptionNames& names) {
    Json j(w);
    w.StartObject();
    j.str("kind", notice_kind_name(n.kind));
    j.str("severity", severity_name(n.severity));
    if (!n.place.empty()) j.str("place", n.place);
    if (!n.item.empty()) j.str("item", n.item);
    if (!n.field.empty()) j.str("field", n.field);
    if (n.feature) j.str("feature", feature_name(*n.feature));
    if (n.detail) j.boolean("detail", true);
    j.str("message", render_options(n.message, names));
    w.EndObject();
}

}  // namespace

void write_counts(ReportWriter& w, const Counts& counts) {
    w.Key("accounts");
    w.Uint64(counts.accounts);
    w.Key("collections");
    w.Uint64(counts.collections);
    w.Key("items");
    w.Uint64(counts.items);
    w.Key("credentials");
    w.StartObject();
    for (const auto& [type, n] : counts.credentials) {
        w.Key(type.c_str());
        w.Uint64(n);
    }
    w.EndObject();
    w.Key("attachmentsWithBytes");
    w.Uint64(counts.attachments_with_bytes);
}

std::string report_json(const Conversion& c, int exit_code, const OptionNames& names) {
    rapidjson::StringBuffer buffer;
    ReportWriter w(buffer);
    w.SetIndent(' ', 2);
    Json j(w);
    w.StartObject();
    w.Key("input");
    w.StartObject();
    j.str("path", c.input);
    j.str("format", c.input_format);
    w.EndObject();
    w.Key("output");
    w.StartObject();
    j.str("path", c.output);
    j.str("format", c.output_format);
    w.Key("files");
    w.StartArray();
    for (const std::string& file : c.outputs) w.String(file.c_str());
    w.EndArray();
    j.boolean("written", c.outcome == Outcome::written);
    j.boolean("dryRun", c.dry_run);
    w.EndObject();
    w.Key("exitCode");
    w.Int(exit_code);
    if (c.error) {
        w.Key("error");
        w.StartObject();
        j.str("code", errc_name(c.error->code()));
        j.str("file", c.error->where().file);
        j.str("place", c.error->where().place);
        j.str("message", c.error->message(names));
        w.EndObject();
    }
    if (c.counts) {
        w.Key("counts");
        w.StartObject();
        write_counts(w, *c.counts);
        w.EndObject();
    }
    w.Key("notices");
    w.StartArray();
    for (const Notice& n : c.report.notices()) write_notice(w, n, names);
    w.EndArray();
    w.EndObject();
    std::string text(buffer.GetString(), buffer.GetSize());
    text += '\n';
    return text;
}

}  // namespace cxf
