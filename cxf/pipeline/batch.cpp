// SPDX-License-Identifier: MIT
#include "cxf/pipeline/batch.h"

#include <sys/stat.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <map>
#include <mutex>
#include <new>
#include <thread>
#include <utility>

#include "cxf/formats/registry.h"
#include "cxf/io/directory.h"
#include "cxf/io/file.h"

namespace cxf {

namespace {

namespace fs = std::filesystem;

std::string in_directory(const std::string& dir, const std::string& name) { return (fs::path(dir) / name).string(); }

using FileId = std::pair<dev_t, ino_t>;

std::optional<FileId> file_id(const std::string& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return std::nullopt;
    return FileId{st.st_dev, st.st_ino};
}

// The files a conversion's outputs are: OUTPUT, or with split the parts NAME-1.EXT, NAME-2.EXT, …
// that are there (all or none, as they are committed together).
std::vector<std::string> existing_outputs(const ConvertOptions& o) {
    if (io::exists(o.output)) return {o.output};
    std::vector<std::string> parts;
    if (o.split == 0 || !o.to) return parts;
    for (std::size_t p = 1;; ++p) {
        std::string part = part_name(o.output, p, *o.to);
        if (!io::exists(part)) return parts;
        parts.push_back(std::move(part));
    }
}

// A conversion's names (input, output, format) and nothing done yet.
Conversion named(const ConvertOptions& o) {
    Conversion c;
    c.input = o.input;
    c.output = o.output;
    if (o.to) c.output_format = o.to->id;
    c.dry_run = o.dry_run;
    return c;
}

BatchResult skipped(const ConvertOptions& o) {
    BatchResult r;
    r.skipped = true;
    r.conversion = named(o);
    r.conversion.outputs = existing_outputs(o);
    return r;
}

BatchResult run_one(ConvertOptions o) {
    if (!o.overwrite && outputs_exist(o)) return skipped(o);
    BatchResult r;
    r.report = o.report;
    r.conversion = named(o);
    const std::string input = o.input;
    const auto start = std::chrono::steady_clock::now();
    // convert() reports every cxf::Error in its result; anything else that escapes it (no memory, a
    // bug) becomes this file's error too, so that it cannot end the other files' conversions.
    try {
        r.conversion = convert(std::move(o));
    } catch (const std::bad_alloc&) {
        r.conversion.error = Error(Errc::limit_exceeded, {input, ""}, "out of memory");
    } catch (const std::exception& e) {
        r.conversion.error = Error(Errc::invalid, {input, ""}, std::string("internal error: ") + e.what());
    }
    r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return r;
}

}  // namespace

std::vector<std::string> batch_inputs(std::span<const std::string> operands) {
    std::vector<std::string> inputs;
    for (const std::string& operand : operands) {
        if (!io::is_directory(operand)) {
            inputs.push_back(operand);
            continue;
        }
        std::vector<std::string> files = io::regular_files_in(operand);
        inputs.insert(inputs.end(), std::make_move_iterator(files.begin()), std::make_move_iterator(files.end()));
    }
    return inputs;
}

std::string batch_output_name(std::string_view input, const Format& to) {
    const std::string file_name = fs::path(input).filename().string();
    const std::string_view name = file_name;
    std::size_t extension = 0;
    for (const Format& format : formats()) extension = std::max(extension, extension_length(format, name));
    if (extension == 0) {
        const std::size_t dot = name.rfind('.');
        if (dot != std::string_view::npos && dot > 0) extension = name.size() - dot;
    }
    const std::string_view to_extension = to.extensions.empty() ? to.id : to.extensions.front();
    return std::string(name.substr(0, name.size() - extension)) + "." + std::string(to_extension);
}

std::vector<BatchFile> plan_batch(const std::vector<std::string>& inputs, const std::string& out_dir,
                                  const std::string& report_dir, const Format& to) {
    std::map<FileId, const std::string*> input_files;
    for (const std::string& input : inputs)
        if (const auto id = file_id(input)) input_files.try_emplace(*id, &input);
    const auto not_an_input = [&](const std::string& path, const std::string& of) {
        const auto id = file_id(path);
        const auto it = id ? input_files.find(*id) : input_files.end();
        if (it != input_files.end())
            throw Error(Errc::usage, {}, path + ", written for " + of + ", would replace the input " + *it->second);
    };

    std::vector<BatchFile> files;
    std::map<std::string, const std::string*> by_output;  // output name → the input it is for
    for (const std::string& input : inputs) {
        const std::string name = batch_output_name(input, to);
        const auto [it, added] = by_output.try_emplace(name, &input);
        if (!added)
            throw Error(Errc::usage, {}, *it->second + " and " + input + " would both be written to " +
                                             in_directory(out_dir, name) + "; convert them in separate batches");
        BatchFile file{input, in_directory(out_dir, name), in_directory(report_dir, name + ".report.json")};
        not_an_input(file.output, input);
        not_an_input(file.report, input);
        files.push_back(std::move(file));
    }
    return files;
}

bool outputs_exist(const ConvertOptions& options) { return !existing_outputs(options).empty(); }

std::vector<BatchResult> run_batch(std::vector<ConvertOptions> conversions, unsigned threads,
                                   const std::function<void(const BatchResult&)>& done) {
    std::vector<BatchResult> results(conversions.size());
    std::atomic<std::size_t> next = 0;
    std::mutex reporting;
    const auto work = [&] {
        for (std::size_t i = next++; i < conversions.size(); i = next++) {
            results[i] = run_one(std::move(conversions[i]));
            const std::lock_guard lock(reporting);
            if (done) done(results[i]);
        }
    };
    const std::size_t workers = std::min<std::size_t>(std::max(threads, 1u), conversions.size());
    std::vector<std::jthread> pool;
    for (std::size_t t = 0; t < workers; ++t) pool.emplace_back(work);
    pool.clear();  // joins
    return results;
}

ExitCode exit_code(const BatchResult& result) noexcept {
    return result.skipped ? exit_ok : exit_code(result.conversion);
}

ExitCode batch_exit_code(std::span<const BatchResult> results) noexcept {
    std::optional<ExitCode> shared;
    for (const BatchResult& r : results) {
        const ExitCode code = exit_code(r);
        if (code == exit_ok) continue;
        if (shared && *shared != code) return exit_invalid_input;
        shared = code;
    }
    return shared.value_or(exit_ok);
}

}  // namespace cxf
