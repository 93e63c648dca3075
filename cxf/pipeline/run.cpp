// SPDX-License-Identifier: MIT
#include "cxf/pipeline/run.h"

#include <future>
#include <memory>

#include "cxf/formats/registry.h"
#include "cxf/io/file.h"
#include "cxf/io/output.h"
#include "cxf/io/same_file.h"
#include "cxf/model/split.h"
#include "cxf/pipeline/read_as.h"
#include "cxf/pipeline/report_json.h"
#include "cxf/select/select.h"
#include "cxf/validate/validate.h"

namespace cxf::pipeline {

namespace {

// The outputs being written: temp files that appear only when committed, standard output held in
// memory until then, or nothing at all for a dry run.
class Outputs {
public:
    Outputs(bool dry_run, bool overwrite) : dry_run_(dry_run), overwrite_(overwrite) {}

    io::Output& open(const std::string& name) {
        if (dry_run_) {
            outs_.push_back(std::make_unique<io::NullOutput>());
        } else if (name == "-") {
            auto out = std::make_unique<io::MemoryOutput>();
            to_stdout_ = out.get();
            outs_.push_back(std::move(out));
        } else {
            auto out = std::make_unique<io::AtomicFile>(name, overwrite_);
            files_.push_back(out.get());
            outs_.push_back(std::move(out));
        }
        return *outs_.back();
    }

    // A finished part closes its file (it waits, named, for the commit): no open file per part.
    void finish(io::Output& out) {
        if (!files_.empty() && files_.back() == &out) files_.back()->finish();
    }

    // Every file appears, `also` (the report) with them, or none does.
    void commit(io::AtomicFile* also) {
        if (also) files_.push_back(also);
        io::commit_together(files_);
        if (to_stdout_) io::write_atomically("-", to_stdout_->bytes(), overwrite_);
    }

private:
    bool dry_run_, overwrite_;
    std::vector<std::unique_ptr<io::Output>> outs_;
    std::vector<io::AtomicFile*> files_;
    io::MemoryOutput* to_stdout_ = nullptr;
};

// The report path names the input or an output: the run fails and no report is written over it.
struct ReportClash : Error {
    explicit ReportClash(const std::string& message) : Error(Errc::usage, {}, message) {}
};

void check_before_reading(const OutputOptions& o, const std::vector<std::string>& inputs) {
    for (const std::string& input : inputs) io::check_readable(input);
    if (o.split > 0 && o.output == "-") throw Error(Errc::usage, {}, "{split} needs an output file name, not -");
    if (!o.dry_run && o.output != "-" && !o.overwrite && o.split == 0 && io::exists(o.output))
        throw Error(Errc::io, {o.output, ""}, "already exists; use {overwrite} to replace it");
    if (!o.report) return;
    if (*o.report == "-") {  // standard output
        if (o.output == "-") throw ReportClash("{report} - and the output cannot both be standard output");
        return;
    }
    // The report is an output too: never an input or the output under another name.
    for (const std::string& input : inputs)
        if (input != "-" && io::same_file(*o.report, input))
            throw ReportClash("{report} " + *o.report + " is the same file as INPUT" + (inputs.size() > 1 ? " " + input : ""));
    if (o.output != "-" && io::same_file(*o.report, o.output))
        throw ReportClash("{report} " + *o.report + " is the same file as OUTPUT");
    if (!o.overwrite && !o.replace_report && io::exists(*o.report))
        throw Error(Errc::io, {*o.report, ""}, "already exists; use {overwrite} to replace it");
}

// What cxf writes as CXF must pass its own validator. Its errors become findings on the output
// `name`; unless strict (which refuses them at the end) the first one fails the run.
void take_findings(const Report& found, const std::string& name, bool strict, Conversion& c) {
    std::optional<Error> first;
    for (Notice n : found.notices()) {
        if (n.severity != Severity::error) continue;
        if (!first) first = invalid_output(name, n);
        ++c.invalid_output;
        n.place = name + ": " + n.place;
        c.report.add(std::move(n));
    }
    if (first && !strict) throw *first;
}

// `first` is what the first part is written with: the options as prepared before reading.
void write_parts(Vault&& vault, const OutputOptions& o, const WriteOptions& first, Conversion& c, Outputs& outputs) {
    const std::vector<Vault> parts = split(std::move(vault), o.split);
    for (std::size_t p = 0; p < parts.size(); ++p) {
        const std::string name = parts.size() == 1 ? o.output : part_name(o.output, p + 1, *o.to);
        if (o.report && *o.report != "-" && name != "-" && io::same_file(*o.report, name))
            throw ReportClash("{report} " + *o.report + " is the same file as the output " + name);
        c.outputs.push_back(name);
        // The validator reads the part on the second core while it is written: nothing written is
        // visible before the commit, and its findings still come before any error of the writer.
        std::future<Report> findings;
        if (o.to->writes_cxf)
            findings = std::async(std::launch::async, [&part = parts[p]] {
                Report found;
                validate(part, found);
                return found;
            });
        Report part_report;
        try {
            io::Output& out = outputs.open(name);
            o.to->write(parts[p], out, p == 0 ? first : o.write, part_report);
            outputs.finish(out);
        } catch (...) {
            if (findings.valid()) take_findings(findings.get(), name, o.strict, c);
            throw;
        }
        if (findings.valid()) take_findings(findings.get(), name, o.strict, c);
        for (Notice n : part_report.notices()) {
            if (parts.size() > 1) n.place = name + ": " + n.place;
            c.report.add(std::move(n));
        }
    }
}

// The report file of a run that wrote its outputs, staged to appear with them (standard output gets
// it once they have).
std::unique_ptr<io::AtomicFile> staged_report(const OutputOptions& o, const Conversion& c) {
    if (!o.report || *o.report == "-") return nullptr;
    auto file = std::make_unique<io::AtomicFile>(*o.report, o.overwrite || o.replace_report);
    file->write(as_bytes(report_json(c, exit_code(c), o.option_names)));
    return file;
}

}  // namespace

Vault read_one(const std::string& path, const Format* from, ReadOptions& read,
               const std::function<void(const Format&, ReadOptions&)>& prepare, Report& report, std::string& format) {
    const Format* format_read = from;
    Vault vault = read_file_as(path, format_read, read, prepare, report);
    format = format_read->id;
    return vault;
}

Error invalid_output(const std::string& name, const Notice& finding) {
    return Error(Errc::invalid, {name, finding.place}, "cxf would write invalid CXF: " + finding.message);
}

Conversion run(const OutputOptions& o, const std::vector<std::string>& inputs, Conversion c,
               const std::function<Vault(Conversion&)>& read) {
    c.output = o.output;
    c.dry_run = o.dry_run;
    if (o.to) c.output_format = o.to->id;
    try {
        if (!o.to || !o.to->write) throw Error(Errc::usage, {}, "no output format to write");
        check_before_reading(o, inputs);
        WriteOptions first = o.write;
        if (o.to->prepare_write) o.to->prepare_write(first);
        Vault vault = read(c);
        c.filters = o.selection.expressions;
        if (!o.selection.empty()) c.selection = select(vault, o.selection);

        Outputs outputs(o.dry_run, o.overwrite);
        write_parts(std::move(vault), o, first, c, outputs);
        if (o.strict && (c.report.has_losses() || c.invalid_output > 0)) c.outcome = Outcome::losses_refused;
        else if (o.dry_run) c.outcome = Outcome::dry_run;
        else {
            c.outcome = Outcome::written;
            const auto report = staged_report(o, c);
            outputs.commit(report.get());
            if (report || !o.report) return c;  // else the report goes to standard output, below
        }
    } catch (const ReportClash& e) {
        c.outcome = Outcome::failed;
        c.error = e;
        return c;
    } catch (const Error& e) {
        c.outcome = Outcome::failed;
        c.error = e;
    }
    if (o.report) {
        try {
            save_report(o, c);
        } catch (const Error& e) {
            if (!c.error) {  // a run whose report cannot be written fails with that
                c.outcome = Outcome::failed;
                c.error = e;
            }
        }
    }
    return c;
}

}  // namespace cxf::pipeline
