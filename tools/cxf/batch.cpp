// SPDX-License-Identifier: MIT
// cxf batch INPUT_DIR|FILES… --to ID -o OUT_DIR: many files converted at once, each on its own.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <thread>

#include "cxf/error.h"
#include "cxf/io/directory.h"
#include "cxf/io/file.h"
#include "cxf/io/same_file.h"
#include "cxf/pipeline/batch.h"
#include "cxf/pipeline/batch_summary.h"
#include "tools/cxf/commands.h"
#include "tools/cxf/common.h"
#include "tools/cxf/format_flags.h"
#include "tools/cxf/output_flags.h"
#include "tools/cxf/password_manifest.h"
#include "tools/cxf/progress.h"

namespace cxf::cli {

namespace {

constexpr const char* summary_name = "batch-summary.json";

const std::string usage =
    "cxf batch INPUT_DIR|FILES... --to ID -o OUT_DIR [options]\n"
    "\n"
    "Converts every regular file directly in each INPUT_DIR (sorted by name, hidden files left out) and\n"
    "each FILE, several at a time, to OUT_DIR/NAME.EXT (the input's name with its extension replaced by\n"
    "the --to format's). A file's failure never stops the others. An output that exists is complete\n"
    "(outputs appear only whole), so its file is skipped unless --force: run the same batch again to\n"
    "resume it. Each converted file gets a report, REPORT_DIR/NAME.EXT.report.json (as cxf convert\n"
    "--report writes it), and the run a summary, REPORT_DIR/" + std::string(summary_name) + ".\n"
    "A password source given applies to every input that needs a password; --password-manifest names\n"
    "one per input instead (lines NAME<TAB>file:PATH or NAME<TAB>env:VAR).\n"
    "Exit code: 0 when every file was converted or skipped, else the exit code all failed files share,\n"
    "else 1.";

po::options_description batch_options() {
    po::options_description o("Batch");
    o.add_options()
        ("to", po::value<std::string>()->value_name("ID")->required(), "output format (see cxf formats)")
        ("output-dir,o", po::value<std::string>()->value_name("OUT_DIR")->required(),
         "where the outputs go (created if missing; not an input directory)")
        ("jobs,j", po::value<unsigned>()->value_name("N"), "convert N files at a time (default: the number of cores)")
        ("report-dir", po::value<std::string>()->value_name("DIR"),
         "where the reports and the summary go (default: OUT_DIR)")
        ("password-manifest", po::value<std::string>()->value_name("FILE"),
         "passwords per input: lines NAME<TAB>file:PATH (PATH from FILE's directory) or NAME<TAB>env:VAR; they win "
         "over --password-*")
        ("dry-run", "do everything but write the outputs (the reports and the summary are written)")
        ("strict", "write nothing for a file (exit 4) whose output cannot hold everything it has")
        ("force", "convert files whose outputs exist again, replacing them (default: skip them)")
        ("split", po::value<std::size_t>()->value_name("N"), "write at most N items per output file: NAME-1.EXT, NAME-2.EXT, …");
    o.add(output_password_options());
    return o;
}

unsigned jobs(const po::variables_map& vm) {
    if (!vm.count("jobs")) return std::max(std::thread::hardware_concurrency(), 1u);
    const unsigned n = vm["jobs"].as<unsigned>();
    if (n == 0) throw po::error("--jobs 0: expected at least 1");
    return n;
}

std::vector<std::string> operands(const po::variables_map& vm, const std::string& out_dir, const std::string& report_dir) {
    const auto given = vm["inputs"].as<std::vector<std::string>>();
    for (const std::string& operand : given) {
        if (operand == "-") throw po::error("cxf batch reads files, not standard input (-)");
        if (!io::is_directory(operand)) continue;
        // Outputs put among the inputs would be taken as inputs by the next run.
        for (const std::string& dir : {out_dir, report_dir})
            if (io::same_file(operand, dir))
                throw po::error("the output or report directory " + dir + " is the input directory " + operand +
                                "; choose another");
    }
    return given;
}

std::string file_name(const std::string& path) { return std::filesystem::path(path).filename().string(); }

PasswordManifest manifest(const po::variables_map& vm, const std::vector<BatchFile>& files) {
    if (!vm.count("password-manifest")) return {};
    const std::string& path = vm["password-manifest"].as<std::string>();
    PasswordManifest entries = read_password_manifest(path);
    for (const auto& [name, source] : entries) {
        const bool known = std::any_of(files.begin(), files.end(), [&](const BatchFile& f) { return file_name(f.input) == name; });
        if (!known) std::cerr << "cxf: " << path << ": warning: no input is named " << name << '\n';
    }
    return entries;
}

// "cxf: in/a.kdbx: exit 3: offset 120 (header HMAC): wrong password or key file"
std::string failure_line(const BatchResult& r) {
    const Conversion& c = r.conversion;
    std::string line = "cxf: " + c.input + ": exit " + std::to_string(exit_code(r)) + ": ";
    if (c.outcome == Outcome::losses_refused)
        return line + "--strict: " + std::to_string(c.report.count(NoticeKind::lost)) + " loss(es), " +
               std::to_string(c.invalid_output) + " CXF rule(s) broken; nothing written";
    if (!c.error) return line + "failed";
    const Error& e = *c.error;
    if (e.where().file != c.input) return line + e.describe(flag_for);
    return line + (e.where().place.empty() ? "" : e.where().place + ": ") + e.message(flag_for);
}

// "cxf: 6 files: 3 written, 1 skipped, 2 failed in 1.4 s (exit 1); summary: out/batch-summary.json"
std::string totals_line(const std::vector<BatchResult>& results, double seconds, const std::string& summary) {
    std::string line = "cxf: " + std::to_string(results.size()) + " file" + (results.size() == 1 ? "" : "s") + ":";
    bool first = true;
    for (const std::string_view outcome : {"written", "dryRun", "skipped", "refused", "failed"}) {
        const auto n = std::count_if(results.begin(), results.end(), [&](const BatchResult& r) { return outcome_name(r) == outcome; });
        if (n == 0) continue;
        line += (first ? " " : ", ") + std::to_string(n) + " " + (outcome == "dryRun" ? "dry run" : std::string(outcome));
        first = false;
    }
    char time[32];
    std::snprintf(time, sizeof time, " in %.1f s", seconds);
    return line + time + " (exit " + std::to_string(batch_exit_code(results)) + "); summary: " + summary;
}

}  // namespace

int run_batch(const Args& args) {
    po::options_description options;
    options.add(batch_options()).add(input_options()).add(format_options(&Format::write_options, "Output format options"));
    po::options_description inputs;
    inputs.add_options()("inputs", po::value<std::vector<std::string>>()->required(), "");
    po::positional_options_description positional;
    positional.add("inputs", -1);
    po::variables_map vm;
    if (!parse_args(args, usage, options, inputs, positional, vm)) return exit_ok;

    const Format& to = named_output_format(vm);
    const std::string out_dir = vm["output-dir"].as<std::string>();
    const std::string report_dir = vm.count("report-dir") ? vm["report-dir"].as<std::string>() : out_dir;
    const unsigned threads = jobs(vm);
    const std::vector<std::string> input_files = batch_inputs(operands(vm, out_dir, report_dir));
    if (input_files.empty()) throw po::error("no input files (a directory gives the regular files directly in it)");
    const std::vector<BatchFile> files = plan_batch(input_files, out_dir, report_dir, to);
    const std::string summary = (std::filesystem::path(report_dir) / summary_name).string();
    for (const std::string& input : input_files)
        if (io::same_file(summary, input)) throw po::error("the summary " + summary + " would replace the input " + input);
    const PasswordManifest passwords = manifest(vm, files);

    ReadOptions read = read_options(vm, "the batch's inputs");
    WriteOptions write = write_options(vm, "the batch's outputs", to);
    const Format* from = vm.count("from") ? &named_input_format(vm) : nullptr;
    io::make_directory(out_dir);
    io::make_directory(report_dir);
    Progress progress(files.size());
    read.password = progress.paused(std::move(read.password));
    write.password = progress.paused(std::move(write.password));

    std::vector<ConvertOptions> conversions;
    for (const BatchFile& file : files) {
        ConvertOptions& o = conversions.emplace_back();
        o.input = file.input;
        o.output = file.output;
        o.from = from;
        o.to = &to;
        o.read = read;
        if (const auto entry = passwords.find(file_name(file.input)); entry != passwords.end())
            o.read.password = progress.paused(
                password_provider(entry->second, "the password of " + file.input, "password", PasswordUse::open));
        o.write = write;
        o.overwrite = vm.count("force") > 0;
        o.strict = vm.count("strict") > 0;
        o.dry_run = vm.count("dry-run") > 0;
        o.split = vm.count("split") ? vm["split"].as<std::size_t>() : 0;
        o.report = file.report;
        o.replace_report = true;  // a file converted again (resumed, forced) gets a new report
        o.option_names = flag_for;
        o.prepare_read = [&vm](const Format& format, ReadOptions& r) {
            try {
                if (!takes_key_file(format)) r.key_file.reset();
                apply_own_read_flags(vm, format, r);
            } catch (const po::error& e) {
                throw Error(Errc::usage, {}, e.what());
            }
        };
    }

    const auto start = std::chrono::steady_clock::now();
    const std::vector<BatchResult> results =
        cxf::run_batch(std::move(conversions), threads, [&](const BatchResult& r) { progress.file_done(exit_code(r) != exit_ok); });
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    progress.finish();

    const BatchRun run{.to = std::string(to.id), .output_directory = out_dir, .report_directory = report_dir,
                       .dry_run = vm.count("dry-run") > 0, .jobs = threads, .seconds = seconds};
    io::write_atomically(summary, as_bytes(batch_summary_json(results, run, flag_for)), true);
    for (const BatchResult& r : results)
        if (exit_code(r) != exit_ok) std::cerr << failure_line(r) << '\n';
    std::cerr << totals_line(results, seconds, summary) << '\n';
    return batch_exit_code(results);
}

}  // namespace cxf::cli
