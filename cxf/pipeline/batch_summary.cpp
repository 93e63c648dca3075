// SPDX-License-Identifier: MIT
#include "cxf/pipeline/batch_summary.h"

#include <charconv>
#include <map>

#include "cxf/json/builder.h"
#include "cxf/json/utf8.h"
#include "cxf/pipeline/report_json.h"

namespace cxf {

namespace {

constexpr std::string_view outcome_names[] = {"written", "dryRun", "skipped", "refused", "failed"};

// Paths may hold bytes that are not UTF-8; the summary stays JSON.
void text(json::Builder& out, std::string_view name, std::string_view value) {
    out.key(name).string(json::replace_invalid_utf8(value));
}

// Seconds to the millisecond, as a JSON number.
void seconds(json::Builder& out, std::string_view name, double value) {
    char digits[32];
    const auto end = std::to_chars(digits, digits + sizeof digits, value, std::chars_format::fixed, 3).ptr;
    out.key(name).raw(std::string_view(digits, static_cast<std::size_t>(end - digits)));
}

void write_file(json::Builder& out, const BatchResult& r, const OptionNames& names) {
    const Conversion& c = r.conversion;
    out.begin_object();
    text(out, "input", c.input);
    if (c.input_format.empty()) out.key("format").null();
    else text(out, "format", c.input_format);
    text(out, "output", c.output);
    out.key("files").begin_array();
    for (const std::string& file : c.outputs) out.string(json::replace_invalid_utf8(file));
    out.end_array();
    if (r.report) text(out, "report", *r.report);
    else out.key("report").null();
    text(out, "outcome", outcome_name(r));
    out.key("exitCode").integer(exit_code(r));
    if (c.counts) {
        out.key("counts").begin_object();
        write_counts(out, *c.counts);
        out.end_object();
    }
    if (c.error) write_error(out, *c.error, names);
    seconds(out, "seconds", r.seconds);
    out.end_object();
}

}  // namespace

std::string_view outcome_name(const BatchResult& r) noexcept {
    if (r.skipped) return "skipped";
    switch (r.conversion.outcome) {
        case Outcome::written: return "written";
        case Outcome::dry_run: return "dryRun";
        case Outcome::losses_refused: return "refused";
        case Outcome::failed: break;
    }
    return "failed";
}

std::string batch_summary_json(std::span<const BatchResult> results, const BatchRun& run, const OptionNames& names) {
    std::map<std::string_view, std::size_t> totals;
    for (const std::string_view name : outcome_names) totals[name] = 0;
    for (const BatchResult& r : results) ++totals[outcome_name(r)];

    json::Builder out(json::Layout::indented);
    out.begin_object();
    text(out, "to", run.to);
    text(out, "outputDirectory", run.output_directory);
    text(out, "reportDirectory", run.report_directory);
    out.key("dryRun").boolean(run.dry_run);
    out.key("jobs").unsigned_integer(run.jobs);
    out.key("exitCode").integer(batch_exit_code(results));
    seconds(out, "seconds", run.seconds);
    out.key("totals").begin_object();
    out.key("files").unsigned_integer(results.size());
    for (const std::string_view name : outcome_names) out.key(name).unsigned_integer(totals[name]);
    out.end_object();
    out.key("files").begin_array();
    for (const BatchResult& r : results) write_file(out, r, names);
    out.end_array();
    out.end_object();
    return std::string(out.take().view()) + '\n';
}

}  // namespace cxf
