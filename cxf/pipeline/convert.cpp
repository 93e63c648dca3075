// SPDX-License-Identifier: MIT
#include "cxf/pipeline/convert.h"

#include "cxf/formats/registry.h"
#include "cxf/io/file.h"
#include "cxf/pipeline/report_json.h"
#include "cxf/pipeline/run.h"

namespace cxf {

std::string part_name(const std::string& output, std::size_t part, const Format& format) {
    std::size_t cut = output.size() - extension_length(format, output);
    const std::size_t slash = output.rfind('/');
    const std::size_t dot = output.rfind('.');
    if (cut == output.size() && dot != std::string::npos && (slash == std::string::npos || dot > slash)) cut = dot;
    return output.substr(0, cut) + "-" + std::to_string(part) + output.substr(cut);
}

ExitCode exit_code(const Conversion& c) noexcept {
    switch (c.outcome) {
        case Outcome::written:
        case Outcome::dry_run: return exit_ok;
        case Outcome::losses_refused: return exit_losses_refused;
        case Outcome::failed: break;
    }
    return c.error ? exit_code_for(c.error->code()) : exit_invalid_input;
}

void save_report(const OutputOptions& o, const Conversion& c) {
    if (!o.report) return;
    io::write_atomically(*o.report, as_bytes(report_json(c, exit_code(c), o.option_names)), o.overwrite);
}

Conversion convert(ConvertOptions o) {
    Conversion started;
    started.input = o.input;
    return pipeline::run(o, {o.input}, std::move(started), [&o](Conversion& c) {
        Vault vault = pipeline::read_one(o.input, o.from, o.read, o.prepare_read, c.report, c.input_format);
        c.counts = count(vault);
        if (o.on_read) o.on_read(c);
        return vault;
    });
}

}  // namespace cxf
