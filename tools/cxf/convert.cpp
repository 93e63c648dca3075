// SPDX-License-Identifier: MIT
// cxf convert INPUT OUTPUT: read any format, write any other, report what could not be carried.
#include <iostream>

#include "cxf/error.h"
#include "cxf/formats/registry.h"
#include "cxf/pipeline/convert.h"
#include "tools/cxf/commands.h"
#include "tools/cxf/common.h"
#include "tools/cxf/format_flags.h"
#include "tools/cxf/output_options.h"
#include "tools/cxf/summary.h"

namespace cxf::cli {

namespace {

po::options_description output_options() {
    po::options_description o("Output");
    o.add_options()
        ("to", po::value<std::string>()->value_name("ID"), "output format (default: from OUTPUT's extension)")
        ("report", po::value<std::string>()->value_name("FILE"),
         "write the full report (losses, changes, findings) as JSON; an existing one is replaced only with --force")
        ("dry-run", "do everything but write OUTPUT")
        ("strict", "write nothing (exit 4) if OUTPUT cannot hold everything the input has, or would be invalid CXF")
        ("force", "replace OUTPUT if it exists")
        ("split", po::value<std::size_t>()->value_name("N"),
         "write at most N items per file: OUTPUT becomes NAME-1.EXT, NAME-2.EXT, … (Bitwarden imports at most 7000)");
    o.add(output_password_options());
    return o;
}

const Format& output_format(const po::variables_map& vm, const std::string& output) {
    if (vm.count("to")) return named_output_format(vm);
    if (output == "-") throw po::error("writing to standard output needs --to");
    const Format* format = format_for_path(output);
    if (!format) throw po::error("cannot tell the output format from the name '" + output + "'; give --to");
    return *format;
}

}  // namespace

int run_convert(const Args& args) {
    po::options_description options;
    options.add(input_options()).add(output_options()).add(format_options(&Format::write_options, "Output format options"));
    po::options_description operands;
    operands.add_options()("input", po::value<std::string>()->required(), "")("output", po::value<std::string>()->required(), "");
    po::positional_options_description positional;
    positional.add("input", 1).add("output", 1);
    po::variables_map vm;
    if (!parse_args(args, "cxf convert INPUT OUTPUT [options]   (- is stdin/stdout)", options, operands, positional, vm)) return exit_ok;

    ConvertOptions o;
    o.input = vm["input"].as<std::string>();
    o.output = vm["output"].as<std::string>();
    o.dry_run = vm.count("dry-run") > 0;
    o.overwrite = vm.count("force") > 0;
    o.strict = vm.count("strict") > 0;
    o.split = vm.count("split") ? vm["split"].as<std::size_t>() : 0;
    if (vm.count("report")) o.report = vm["report"].as<std::string>();
    o.option_names = flag_for;
    try {
        o.to = &output_format(vm, o.output);
        o.write = write_options(vm, o.output, *o.to);
        o.read = read_options(vm, o.input);
        if (vm.count("from")) o.from = &named_input_format(vm);
    } catch (const po::error& e) {
        // Refused before anything was read: the report says so too.
        if (o.report) {
            Conversion refused;
            refused.input = o.input;
            refused.output = o.output;
            refused.dry_run = o.dry_run;
            if (o.to) refused.output_format = o.to->id;
            refused.error = Error(Errc::usage, {}, e.what());
            save_report(o, refused);
        }
        throw;
    }
    o.prepare_read = [&vm](const Format& from, ReadOptions& read) {
        try {
            apply_read_flags(vm, from, read);
        } catch (const po::error& e) {
            throw Error(Errc::usage, {}, e.what());
        }
    };
    o.on_read = [](const Conversion& c) {
        std::cerr << "cxf: read " << describe_counts(*c.counts) << " from " << (c.input == "-" ? "<stdin>" : c.input)
                  << " (" << c.input_format << ")\n";
    };

    const Conversion c = convert(std::move(o));
    if (c.outcome == Outcome::failed) throw *c.error;  // what it noticed until then is in the report
    print_notices(c.report);
    switch (c.outcome) {
        case Outcome::losses_refused:
            if (c.report.has_losses())
                std::cerr << "cxf: " << c.report.count(NoticeKind::lost) << " thing(s) could not be carried into "
                          << c.output_format << "; --strict: nothing written\n";
            if (c.invalid_output > 0)
                std::cerr << "cxf: " << c.invalid_output << " CXF rule(s) broken in what would be written"
                          << "; --strict: nothing written\n";
            break;
        case Outcome::dry_run:
            std::cerr << "cxf: dry run: " << c.output << " (" << c.output_format << ") not written\n";
            break;
        case Outcome::written:
            for (const std::string& name : c.outputs)
                std::cerr << "cxf: wrote " << (name == "-" ? "<stdout>" : name) << " (" << c.output_format << ")\n";
            if (c.report.has_losses())
                std::cerr << "cxf: " << c.report.count(NoticeKind::lost) << " thing(s) not carried, listed above\n";
            break;
        case Outcome::failed: break;
    }
    return exit_code(c);
}

}  // namespace cxf::cli
