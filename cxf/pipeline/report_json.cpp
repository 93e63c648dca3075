// SPDX-License-Identifier: MIT
#include "cxf/pipeline/report_json.h"

#include "cxf/json/utf8.h"

namespace cxf {

namespace {

// Paths and messages may hold bytes that are not UTF-8 (a file name is any bytes); the report stays JSON.
void text(json::Builder& out, std::string_view name, std::string_view value) {
    out.key(name).string(json::replace_invalid_utf8(value));
}

void write_input(json::Builder& out, const Conversion& c) {
    out.key("input").begin_object();
    text(out, "path", c.input);
    text(out, "format", c.input_format);
    out.end_object();
}

void write_output(json::Builder& out, const Conversion& c) {
    out.key("output").begin_object();
    text(out, "path", c.output);
    text(out, "format", c.output_format);
    out.key("files").begin_array();
    for (const std::string& file : c.outputs) out.string(json::replace_invalid_utf8(file));
    out.end_array();
    out.key("written").boolean(c.outcome == Outcome::written);
    out.key("dryRun").boolean(c.dry_run);
    out.end_object();
}

void write_notice(json::Builder& out, const Notice& n, const OptionNames& names) {
    out.begin_object();
    text(out, "kind", notice_kind_name(n.kind));
    text(out, "severity", severity_name(n.severity));
    if (!n.place.empty()) text(out, "place", n.place);
    if (!n.item.empty()) text(out, "item", n.item);
    if (!n.field.empty()) text(out, "field", n.field);
    if (n.feature) text(out, "feature", feature_name(*n.feature));
    if (n.detail) out.key("detail").boolean(true);
    text(out, "message", render_options(n.message, names));
    out.end_object();
}

}  // namespace

void write_error(json::Builder& out, const Error& error, const OptionNames& names) {
    out.key("error").begin_object();
    text(out, "code", errc_name(error.code()));
    text(out, "file", error.where().file);
    text(out, "place", error.where().place);
    text(out, "message", error.message(names));
    out.end_object();
}

void write_counts(json::Builder& out, const Counts& counts) {
    out.key("accounts").unsigned_integer(counts.accounts);
    out.key("collections").unsigned_integer(counts.collections);
    out.key("items").unsigned_integer(counts.items);
    out.key("credentials").begin_object();
    for (const auto& [type, n] : counts.credentials) out.key(type).unsigned_integer(n);
    out.end_object();
    out.key("attachmentsWithBytes").unsigned_integer(counts.attachments_with_bytes);
}

std::string report_json(const Conversion& c, int exit_code, const OptionNames& names) {
    json::Builder out(json::Layout::indented);
    out.begin_object();
    write_input(out, c);
    write_output(out, c);
    out.key("exitCode").integer(exit_code);
    if (c.error) write_error(out, *c.error, names);
    if (c.counts) {
        out.key("counts").begin_object();
        write_counts(out, *c.counts);
        out.end_object();
    }
    out.key("notices").begin_array();
    for (const Notice& n : c.report.notices()) write_notice(out, n, names);
    out.end_array();
    out.end_object();
    return std::string(out.take().view()) + '\n';
}

}  // namespace cxf
