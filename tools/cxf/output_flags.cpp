// SPDX-License-Identifier: MIT
#include "tools/cxf/output_flags.h"

#include <iostream>

#include "cxf/error.h"
#include "cxf/formats/registry.h"
#include "tools/cxf/common.h"
#include "tools/cxf/format_flags.h"
#include "tools/cxf/passwords.h"
#include "tools/cxf/summary.h"

namespace cxf::cli {

namespace {

const Format& output_format(const po::variables_map& vm, const std::string& output) {
    if (vm.count("to")) {
        const std::string& id = vm["to"].as<std::string>();
        const Format* format = find_format(id);
        if (!format || !format->write) throw po::error("unknown output format '" + id + "' (see cxf formats)");
        return *format;
    }
    if (output == "-") throw po::error("writing to standard output needs --to");
    const Format* format = format_for_path(output);
    if (!format) throw po::error("cannot tell the output format from the name '" + output + "'; give --to");
    return *format;
}

// An output password is never ignored: it turns on the encryption of a format that has it optional,
// and is refused by a format that cannot encrypt with one.
WriteOptions write_options(const po::variables_map& vm, const std::string& output, const Format& format) {
    WriteOptions options;
    apply_write_flags(vm, format, options);
    const PasswordOptions source = password_source(vm, "out-password");
    if (source.given() && format.output_password == OutputPassword::not_accepted)
        throw po::error("the " + std::string(format.id) +
                        " format cannot be protected with a password; leave out --out-password-*");
    const PasswordUse use = vm.count("allow-empty-password") ? PasswordUse::create_may_be_empty : PasswordUse::create;
    options.password = password_provider(source, "a new password for " + output, "out-password", use);
    if (vm.count("out-key-file") && format.output_password != OutputPassword::required)
        throw po::error("the " + std::string(format.id) + " format takes no key file; leave out --out-key-file");
    if (vm.count("out-key-file")) options.key_file = read_key_material(vm["out-key-file"].as<std::string>(), {});
    return options;
}

Selection selection(const po::variables_map& vm) {
    Selection s;
    if (!vm.count("filter")) return s;
    try {
        for (const std::string& expression : vm["filter"].as<std::vector<std::string>>()) add_filter(s, expression);
    } catch (const Error& e) {
        throw po::error(e.message(flag_for));
    }
    return s;
}

std::string shown(const std::string& file) { return file == "-" ? "<stdin>" : file; }

void print_merge(const Conversion& c) {
    if (!c.merge) return;
    std::size_t merged = 0;
    for (const MergedDuplicate& d : c.merge->duplicates) merged += d.merged.size();
    std::cerr << "cxf: merged " << merged << " duplicate item(s) into " << c.merge->duplicates.size() << ", "
              << c.merge->conflicts.size() << " conflict(s)\n";
    for (const MergeConflict& conflict : c.merge->conflicts) {
        std::string fields;
        for (const std::string& f : conflict.fields) fields += (fields.empty() ? "" : ", ") + f;
        std::cerr << "  conflict: kept '" << conflict.kept.title << "' (" << shown(c.inputs[conflict.kept.source].file)
                  << ") over '" << conflict.other.title << "' (" << shown(c.inputs[conflict.other.source].file)
                  << "): " << fields << " differ\n";
    }
}

}  // namespace

po::options_description output_options() {
    po::options_description o("Output");
    o.add_options()
        ("to", po::value<std::string>()->value_name("ID"), "output format (default: from OUTPUT's extension)")
        ("out-password-file", po::value<std::string>()->value_name("FILE"), "output password: the file's content minus one trailing newline")
        ("out-password-env", po::value<std::string>()->value_name("VAR"), "output password: this environment variable")
        ("out-password-fd", po::value<int>()->value_name("N"), "output password: read from this file descriptor")
        ("allow-empty-password", "accept an empty output password (the output then opens with none)")
        ("out-key-file", po::value<std::string>()->value_name("FILE"), "output key file (KeePass)")
        ("report", po::value<std::string>()->value_name("FILE"),
         "write the full report (losses, changes, findings) as JSON; an existing one is replaced only with --force")
        ("dry-run", "do everything but write OUTPUT")
        ("strict", "write nothing (exit 4) if OUTPUT cannot hold everything the input has, or would be invalid CXF")
        ("force", "replace OUTPUT if it exists")
        ("split", po::value<std::size_t>()->value_name("N"),
         "write at most N items per file: OUTPUT becomes NAME-1.EXT, NAME-2.EXT, … (Bitwarden imports at most 7000)")
        ("filter", po::value<std::vector<std::string>>()->value_name("KEY:VALUE")->composing(),
         "write only the items that match (repeatable): folder:PATH, tag:NAME, title:GLOB, type:KIND; "
         "filters of one key are alternatives, different keys must all match");
    return o;
}

void apply_output_flags(const po::variables_map& vm, OutputOptions& o) {
    o.dry_run = vm.count("dry-run") > 0;
    o.overwrite = vm.count("force") > 0;
    o.strict = vm.count("strict") > 0;
    o.split = vm.count("split") ? vm["split"].as<std::size_t>() : 0;
    if (vm.count("report")) o.report = vm["report"].as<std::string>();
    o.option_names = flag_for;
    o.to = &output_format(vm, o.output);
    o.write = write_options(vm, o.output, *o.to);
    o.selection = selection(vm);
}

void save_refusal(const OutputOptions& o, Conversion refused, const std::string& error) {
    if (!o.report) return;
    refused.output = o.output;
    refused.dry_run = o.dry_run;
    if (o.to) refused.output_format = o.to->id;
    refused.error = Error(Errc::usage, {}, error);
    save_report(o, refused);
}

int finish(const Conversion& c) {
    if (c.outcome == Outcome::failed) throw *c.error;  // what it noticed until then is in the report
    print_notices(c.report);
    print_merge(c);
    if (c.selection) {
        std::string filters;
        for (const std::string& f : c.filters) filters += (filters.empty() ? "" : " ") + f;
        std::cerr << "cxf: selected " << c.selection->selected << " of " << c.selection->of << " items (" << filters
                  << ")\n";
    }
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
