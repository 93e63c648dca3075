// SPDX-License-Identifier: MIT
#include "tools/cxf/summary.h"

#include <iostream>

#include "cxf/error.h"
#include "cxf/io/file.h"
#include "tools/cxf/format_flags.h"

namespace cxf::cli {

namespace {

// "  lost: /accounts/0/items/3 (item 'Bank') attachment:statement.pdf: reason"
std::string notice_line(const Notice& n) {
    std::string line = "  ";
    line += n.kind == NoticeKind::finding ? severity_name(n.severity) : notice_kind_name(n.kind);
    line += ": ";
    line += n.place.empty() ? "/" : n.place;
    if (!n.item.empty()) line += " (item '" + n.item + "')";
    if (!n.field.empty()) line += " " + n.field;
    line += ": " + render_options(n.message, flag_for);
    return line;
}

}  // namespace

void print_notices(const Report& report, std::size_t limit) {
    for (const NoticeKind kind : {NoticeKind::finding, NoticeKind::changed, NoticeKind::skipped, NoticeKind::lost}) {
        std::size_t shown = 0, total = 0;
        for (const Notice& n : report.notices()) {
            if (n.kind != kind) continue;
            if (++total <= limit) {
                std::cerr << notice_line(n) << '\n';
                ++shown;
            }
        }
        if (total > shown)
            std::cerr << "  … and " << (total - shown) << " more " << notice_kind_name(kind) << " notices (see --report)\n";
    }
}

std::string describe_counts(const Counts& counts) {
    std::string s = std::to_string(counts.items) + " item" + (counts.items == 1 ? "" : "s");
    std::size_t credentials = 0;
    for (const auto& [type, n] : counts.credentials) credentials += n;
    s += ", " + std::to_string(credentials) + " credential" + (credentials == 1 ? "" : "s");
    if (counts.collections) s += ", " + std::to_string(counts.collections) + " collection" + (counts.collections == 1 ? "" : "s");
    if (counts.accounts != 1) s += ", " + std::to_string(counts.accounts) + " accounts";
    return s;
}

void write_counts(JsonWriter& w, const Counts& counts) {
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

void write_report_json(const std::string& path, const RunRecord& run, const Report& report) {
    rapidjson::StringBuffer buffer;
    JsonWriter w(buffer);
    w.SetIndent(' ', 2);
    auto str = [&](std::string_view key, std::string_view value) {
        w.Key(key.data(), static_cast<rapidjson::SizeType>(key.size()));
        w.String(value.data(), static_cast<rapidjson::SizeType>(value.size()));
    };
    w.StartObject();
    w.Key("input");
    w.StartObject();
    str("path", run.input);
    str("format", run.input_format);
    w.EndObject();
    w.Key("output");
    w.StartObject();
    str("path", run.output);
    str("format", run.output_format);
    w.Key("files");
    w.StartArray();
    for (const std::string& file : run.outputs) w.String(file.c_str());
    w.EndArray();
    w.Key("written");
    w.Bool(run.written);
    w.Key("dryRun");
    w.Bool(run.dry_run);
    w.EndObject();
    w.Key("exitCode");
    w.Int(run.exit_code);
    if (run.error) {
        w.Key("error");
        w.StartObject();
        str("code", errc_name(run.error->code()));
        str("file", run.error->where().file);
        str("place", run.error->where().place);
        str("message", run.error->message(flag_for));
        w.EndObject();
    }
    if (run.counts) {
        w.Key("counts");
        w.StartObject();
        write_counts(w, *run.counts);
        w.EndObject();
    }
    w.Key("notices");
    w.StartArray();
    for (const Notice& n : report.notices()) {
        w.StartObject();
        str("kind", notice_kind_name(n.kind));
        str("severity", severity_name(n.severity));
        if (!n.place.empty()) str("place", n.place);
        if (!n.item.empty()) str("item", n.item);
        if (!n.field.empty()) str("field", n.field);
        if (n.feature) str("feature", feature_name(*n.feature));
        if (n.detail) {
            w.Key("detail");
            w.Bool(true);
        }
        str("message", render_options(n.message, flag_for));
        w.EndObject();
    }
    w.EndArray();
    w.EndObject();
    std::string text(buffer.GetString(), buffer.GetSize());
    text += '\n';
    io::write_atomically(path, as_bytes(text), true);
}

}  // namespace cxf::cli
