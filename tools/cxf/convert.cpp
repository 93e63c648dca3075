// SPDX-License-Identifier: MIT
// cxf convert INPUT OUTPUT: read any format, write any other, report what could not be carried.
#include <iostream>
#include <memory>

#include "cxf/cxf.h"
#include "cxf/io/output.h"
#include "cxf/io/same_file.h"
#include "cxf/model/counts.h"
#include "cxf/model/split.h"
#include "tools/cxf/commands.h"
#include "tools/cxf/common.h"
#include "tools/cxf/exit_codes.h"
#include "tools/cxf/passwords.h"
#include "tools/cxf/summary.h"

namespace cxf::cli {

namespace {

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
         "write at most N items per file: OUTPUT becomes NAME-1.EXT, NAME-2.EXT, … (Bitwarden imports at most 7000)");
    return o;
}

// "out.json", part 2 → "out-2.json"; the number goes before the format's own extension when the name
// ends with one ("v.cxf.zip" → "v-2.cxf.zip").
std::string part_name(const std::string& output, std::size_t part, const Format& format) {
    std::size_t cut = output.size() - extension_length(format, output);
    const std::size_t slash = output.rfind('/');
    const std::size_t dot = output.rfind('.');
    if (cut == output.size() && dot != std::string::npos && (slash == std::string::npos || dot > slash)) cut = dot;
    return output.substr(0, cut) + "-" + std::to_string(part) + output.substr(cut);
}

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
    options.settings = format_settings(vm, format, &Format::write_options);
    const PasswordOptions source = password_source(vm, "out-password");
    if (source.file || source.env || source.fd) {
        if (!format.encrypts_with_password)
            throw po::error("the " + std::string(format.id) +
                            " format cannot be protected with a password; leave out --out-password-*");
        if (!format.encrypt_option.empty()) options.settings.emplace(format.encrypt_option, "");
    }
    const PasswordUse use = vm.count("allow-empty-password") ? PasswordUse::create_may_be_empty : PasswordUse::create;
    options.password = password_provider(source, "a new password for " + output, "out-password", use);
    if (vm.count("out-key-file")) options.key_file = vm["out-key-file"].as<std::string>();
    return options;
}

// The report is an output too: never INPUT or OUTPUT under another name, and an existing file is
// replaced only with --force. Checked before anything is read or written.
void check_report_path(const std::string& path, const RunRecord& run, bool force) {
    if (run.input != "-" && io::same_file(path, run.input))
        throw po::error("--report " + path + " is the same file as INPUT");
    if (run.output != "-" && io::same_file(path, run.output))
        throw po::error("--report " + path + " is the same file as OUTPUT");
    if (!force && io::exists(path)) throw Error(Errc::io, {path, ""}, "already exists; use --force to replace it");
}

// What cxf writes as CXF must pass its own validator. Its errors become findings on the output
// `name`; without --strict (which refuses them at the end) the first one stops the run. Returns
// how many there are.
std::size_t validate_output(const Vault& part, const std::string& name, bool strict, Report& report) {
    Report found;
    validate(part, found);
    std::optional<Error> first;
    std::size_t errors = 0;
    for (Notice n : found.notices()) {
        if (n.severity != Severity::error) continue;
        if (!first) first = Error(Errc::invalid, {name, n.place}, "cxf would write invalid CXF: " + n.message);
        ++errors;
        n.place = name + ": " + n.place;
        report.add(std::move(n));
    }
    if (first && !strict) throw *first;
    return errors;
}

// The run has already failed: a report that cannot be written is said, but the run's own error and
// exit code stand.
void write_report_after_failure(const std::string& path, const RunRecord& run, const Report& report, bool force) {
    try {
        io::write_atomically(path, as_bytes(report_json(run, report)), force);
    } catch (const Error& e) {
        std::cerr << "cxf: " << e.describe() << '\n';
    }
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

    RunRecord run;
    run.input = vm["input"].as<std::string>();
    run.output = vm["output"].as<std::string>();
    run.dry_run = vm.count("dry-run") > 0;
    const bool force = vm.count("force") > 0;
    const bool strict = vm.count("strict") > 0;
    std::optional<std::string> report_path =
        vm.count("report") ? std::optional(vm["report"].as<std::string>()) : std::nullopt;
    if (report_path) check_report_path(*report_path, run, force);
    Report report;

    try {
        const Format& to = output_format(vm, run.output);
        run.output_format = to.id;
        const WriteOptions write = write_options(vm, run.output, to);
        ReadOptions read = read_options(vm, run.input);
        const std::size_t split_items = vm.count("split") ? vm["split"].as<std::size_t>() : 0;
        if (split_items > 0 && run.output == "-") throw po::error("--split needs an OUTPUT file name, not -");
        if (!run.dry_run && run.output != "-" && !force && split_items == 0 && io::exists(run.output))
            throw Error(Errc::io, {run.output, ""}, "already exists; use --force to replace it");

        // The input's bytes are released as soon as the vault is read.
        Vault vault = [&] {
            const Input input = io::read_input(run.input, read.limits);
            const Format& from = input_format(vm, input);
            run.input_format = from.id;
            read.settings = format_settings(vm, from, &Format::read_options);
            return from.read(input, read, report);
        }();
        if (run.input_format == "cxf") validate(vault, report);
        run.counts = count(vault);
        std::cerr << "cxf: read " << describe_counts(*run.counts) << " from "
                  << (run.input == "-" ? "<stdin>" : run.input) << " (" << run.input_format << ")\n";

        // Each output streams into a temp file that vanishes unless committed at the end.
        const std::vector<Vault> parts = split(std::move(vault), split_items);
        std::vector<std::unique_ptr<io::Output>> outs;
        std::vector<io::AtomicFile*> files;
        io::MemoryOutput* to_stdout = nullptr;
        std::size_t output_errors = 0;
        for (std::size_t p = 0; p < parts.size(); ++p) {
            const std::string name = parts.size() == 1 ? run.output : part_name(run.output, p + 1, to);
            if (report_path && io::same_file(*report_path, name)) {
                const std::string clash = "--report " + *report_path + " is the same file as the output " + name;
                report_path.reset();  // so the failure report does not replace it either
                throw po::error(clash);
            }
            run.outputs.push_back(name);
            if (to.writes_cxf) output_errors += validate_output(parts[p], name, strict, report);
            if (run.dry_run) {
                outs.push_back(std::make_unique<io::NullOutput>());
            } else if (name == "-") {
                outs.push_back(std::make_unique<io::MemoryOutput>());
                to_stdout = static_cast<io::MemoryOutput*>(outs.back().get());
            } else {
                outs.push_back(std::make_unique<io::AtomicFile>(name, force));
                files.push_back(static_cast<io::AtomicFile*>(outs.back().get()));
            }
            Report part_report;
            to.write(parts[p], *outs.back(), write, part_report);
            for (Notice n : part_report.notices()) {
                if (parts.size() > 1) n.place = name + ": " + n.place;
                report.add(std::move(n));
            }
        }
        print_notices(report);

        const bool refused = strict && (report.has_losses() || output_errors > 0);
        if (refused) {
            run.exit_code = exit_losses_refused;
            if (report.has_losses())
                std::cerr << "cxf: " << report.count(NoticeKind::lost) << " thing(s) could not be carried into " << to.id
                          << "; --strict: nothing written\n";
            if (output_errors > 0)
                std::cerr << "cxf: " << output_errors << " CXF rule(s) broken in what would be written"
                          << "; --strict: nothing written\n";
        } else if (run.dry_run) {
            std::cerr << "cxf: dry run: " << run.output << " (" << to.id << ") not written\n";
        }
        const bool writing = !refused && !run.dry_run;
        if (!writing) files.clear();

        // The report is committed together with the outputs, so that either all appear or none.
        std::optional<io::AtomicFile> report_file;
        if (report_path) {
            RunRecord committed = run;
            committed.written = writing;
            report_file.emplace(*report_path, force);
            report_file->write(as_bytes(report_json(committed, report)));
            files.push_back(&*report_file);
        }
        io::commit_together(files);
        if (writing) {
            run.written = true;
            if (to_stdout) io::write_atomically("-", to_stdout->bytes(), force);
            for (const std::string& name : run.outputs)
                std::cerr << "cxf: wrote " << (name == "-" ? "<stdout>" : name) << " (" << to.id << ")\n";
            if (report.has_losses())
                std::cerr << "cxf: " << report.count(NoticeKind::lost) << " thing(s) not carried, listed above\n";
        }
    } catch (const po::error& e) {
        run.error = Error(Errc::usage, {}, e.what());
        run.exit_code = exit_usage;
        if (report_path) write_report_after_failure(*report_path, run, report, force);
        throw;
    } catch (const Error& e) {
        run.error = e;
        run.exit_code = exit_code_for(e.code());
        if (report_path) write_report_after_failure(*report_path, run, report, force);
        throw;
    }
    return run.exit_code;
}

}  // namespace cxf::cli
