// SPDX-License-Identifier: MIT
// cxf merge INPUT... -o OUTPUT: read several vaults, keep each credential once, write one.
#include <iostream>

#include "cxf/error.h"
#include "cxf/pipeline/merge_files.h"
#include "tools/cxf/commands.h"
#include "tools/cxf/common.h"
#include "tools/cxf/format_flags.h"
#include "tools/cxf/output_flags.h"
#include "tools/cxf/passwords.h"
#include "tools/cxf/summary.h"

namespace cxf::cli {

namespace {

constexpr const char* usage =
    "cxf merge INPUT... -o OUTPUT [options]\n\n"
    "Reads every INPUT (each format detected from its content), keeps each credential once and writes\n"
    "one vault. The same passkey (rpId + credential id) or login (site + username) found in several\n"
    "places is one item: the most recently modified is kept (a tie: the earlier INPUT), and takes the\n"
    "credentials it lacks from the others (a TOTP seed, a passkey). Where they differ is a conflict,\n"
    "listed by item and field, never by value. Collections of the same name are joined. A password\n"
    "source given once (--password-file, -env, -fd) serves every input that needs one; without one,\n"
    "a terminal prompt names each file.";

}  // namespace

int run_merge(const Args& args) {
    po::options_description options;
    po::options_description merge_output("Merge");
    merge_output.add_options()("output,o", po::value<std::string>()->value_name("OUTPUT")->required(),
                               "the merged vault (- for standard output, with --to)");
    options.add(merge_output).add(input_options(false)).add(verbose_option(false)).add(output_options())
        .add(format_options(&Format::write_options, "Output format options"));
    po::options_description operands;
    operands.add_options()("input", po::value<std::vector<std::string>>()->required(), "");
    po::positional_options_description positional;
    positional.add("input", -1);
    po::variables_map vm;
    if (!parse_args(args, usage, options, operands, positional, vm)) return exit_ok;

    MergeOptions o;
    o.inputs = vm["input"].as<std::vector<std::string>>();
    o.output = vm["output"].as<std::string>();
    ReadOptions shared;
    try {
        apply_output_flags(vm, o);
        shared = read_options(vm, "an input");
    } catch (const po::error& e) {
        Conversion refused;
        for (const std::string& input : o.inputs) refused.inputs.push_back({input, {}, std::nullopt});
        save_refusal(o, std::move(refused), e.what());
        throw;
    }
    o.limits = shared.limits;
    const bool password_given = password_source(vm, "password").given();
    auto formats_read = std::make_shared<std::vector<const Format*>>();
    o.prepare_read = [&vm, &shared, password_given, formats_read](const std::string& input, const Format& from,
                                                                   ReadOptions& read) {
        formats_read->push_back(&from);
        say_format(vm, input, from);
        read.password = password_given ? shared.password
                                       : password_provider({}, "the password of " + input, "password", PasswordUse::open);
        if (takes_key_file(from)) read.key_file = shared.key_file;
        try {
            apply_own_read_flags(vm, from, read);
        } catch (const po::error& e) {
            throw Error(Errc::usage, {}, e.what());
        }
    };
    o.on_read = [&vm, formats_read](const Conversion& c) {
        for (const InputRead& input : c.inputs)
            std::cerr << "cxf: read " << describe_counts(*input.counts) << " from "
                      << (input.file == "-" ? "<stdin>" : input.file) << " (" << input.format << ")\n";
        try {
            check_read_flags_used(vm, *formats_read);
        } catch (const po::error& e) {
            throw Error(Errc::usage, {}, e.what());
        }
    };
    return finish(merge_files(std::move(o)));
}

}  // namespace cxf::cli
