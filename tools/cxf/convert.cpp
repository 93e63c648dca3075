// SPDX-License-Identifier: MIT
// cxf convert INPUT OUTPUT: read any format, write any other, report what could not be carried.
#include <iostream>

#include "cxf/error.h"
#include "cxf/pipeline/convert.h"
#include "tools/cxf/commands.h"
#include "tools/cxf/common.h"
#include "tools/cxf/format_flags.h"
#include "tools/cxf/output_flags.h"
#include "tools/cxf/summary.h"

namespace cxf::cli {

int run_convert(const Args& args) {
    po::options_description options;
    options.add(input_options()).add(verbose_option()).add(output_options()).add(format_options(&Format::write_options, "Output format options"));
    po::options_description operands;
    operands.add_options()("input", po::value<std::string>()->required(), "")("output", po::value<std::string>()->required(), "");
    po::positional_options_description positional;
    positional.add("input", 1).add("output", 1);
    po::variables_map vm;
    if (!parse_args(args, "cxf convert INPUT OUTPUT [options]   (- is stdin/stdout)", options, operands, positional, vm)) return exit_ok;

    ConvertOptions o;
    o.input = vm["input"].as<std::string>();
    o.output = vm["output"].as<std::string>();
    try {
        apply_output_flags(vm, o);
        o.read = read_options(vm, o.input);
        if (vm.count("from")) o.from = &named_input_format(vm);
    } catch (const po::error& e) {
        // Refused before anything was read: the report says so too.
        Conversion refused;
        refused.input = o.input;
        save_refusal(o, std::move(refused), e.what());
        throw;
    }
    o.prepare_read = [&vm, input = o.input](const Format& from, ReadOptions& read) {
        say_format(vm, input, from);
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
    return finish(convert(std::move(o)));
}

}  // namespace cxf::cli
