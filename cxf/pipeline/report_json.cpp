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

// A merge's inputs: each with its format and counts once read.
void write_inputs(json::Builder& out, const Conversion& c) {
    out.key("inputs").begin_array();
    for (const InputRead& input : c.inputs) {
        out.begin_object();
        text(out, "path", input.file);
        if (!input.format.empty()) text(out, "format", input.format);
        if (input.counts) {
            out.key("counts").begin_object();
            write_counts(out, *input.counts);
            out.end_object();
        }
        out.end_object();
    }
    out.end_array();
}

void write_selection(json::Builder& out, const Conversion& c) {
    out.key("selection").begin_object();
    out.key("filters").begin_array();
    for (const std::string& filter : c.filters) out.string(json::replace_invalid_utf8(filter));
    out.end_array();
    out.key("selected").unsigned_integer(c.selection->selected);
    out.key("of").unsigned_integer(c.selection->of);
    out.end_object();
}

// An item as it was in one input (never a value of it).
void write_origin(json::Builder& out, const ItemOrigin& item, const Conversion& c) {
    out.begin_object();
    text(out, "input", c.inputs.at(item.source).file);
    text(out, "title", item.title);
    if (item.modified_at) out.key("modifiedAt").integer(*item.modified_at);
    out.end_object();
}

void write_names(json::Builder& out, std::string_view name, const std::vector<std::string>& names) {
    out.key(name).begin_array();
    for (const std::string& n : names) out.string(json::replace_invalid_utf8(n));
    out.end_array();
}

void write_merge(json::Builder& out, const Conversion& c) {
    out.key("merge").begin_object();
    out.key("duplicates").begin_array();
    for (const MergedDuplicate& d : c.merge->duplicates) {
        out.begin_object();
        text(out, "matchedBy", d.matched_by);
        write_origin(out.key("kept"), d.kept, c);
        out.key("merged").begin_array();
        for (const ItemOrigin& m : d.merged) write_origin(out, m, c);
        out.end_array();
        write_names(out, "added", d.added);
        out.end_object();
    }
    out.end_array();
    out.key("conflicts").begin_array();
    for (const MergeConflict& conflict : c.merge->conflicts) {
        out.begin_object();
        write_origin(out.key("kept"), conflict.kept, c);
        write_origin(out.key("other"), conflict.other, c);
        write_names(out, "fields", conflict.fields);
        out.end_object();
    }
    out.end_array();
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

void write_error(json::Builder& out, const Error& error, const OptionNames& names) {
    out.key("error").begin_object();
    text(out, "code", errc_name(error.code()));
    text(out, "file", error.where().file);
    text(out, "place", error.where().place);
    text(out, "message", error.message(names));
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
    if (c.inputs.empty()) write_input(out, c);
    else write_inputs(out, c);
    write_output(out, c);
    out.key("exitCode").integer(exit_code);
    if (c.error) write_error(out, *c.error, names);
    if (c.counts) {
        out.key("counts").begin_object();
        write_counts(out, *c.counts);
        out.end_object();
    }
    if (c.selection) write_selection(out, c);
    if (c.merge) write_merge(out, c);
    out.key("notices").begin_array();
    for (const Notice& n : c.report.notices()) write_notice(out, n, names);
    out.end_array();
    out.end_object();
    return std::string(out.take().view()) + '\n';
}

}  // namespace cxf
