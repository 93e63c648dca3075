// SPDX-License-Identifier: MIT
// cxf validate FILE: check a CXF document against CXF 1.0; every finding with its JSON pointer.
#include <iostream>

#include "cxf/error.h"
#include "cxf/formats/registry.h"
#include "cxf/io/file.h"
#include "cxf/json/builder.h"
#include "cxf/json/utf8.h"
#include "cxf/pipeline/exit_codes.h"
#include "cxf/validate/validate.h"
#include "tools/cxf/commands.h"
#include "tools/cxf/common.h"

namespace cxf::cli {

namespace {

void print_finding(json::Builder& out, const Notice& n) {
    out.begin_object();
    out.key("severity").string(severity_name(n.severity));
    out.key("kind").string(notice_kind_name(n.kind));
    out.key("pointer").string(json::replace_invalid_utf8(n.place));
    out.key("message").string(json::replace_invalid_utf8(n.message));
    out.end_object();
}

void print_json(const std::string& file, const Report& report, bool valid) {
    json::Builder out(json::Layout::indented);
    out.begin_object();
    out.key("file").string(json::replace_invalid_utf8(file));
    out.key("valid").boolean(valid);
    out.key("findings").begin_array();
    for (const Notice& n : report.notices()) print_finding(out, n);
    out.end_array();
    out.end_object();
    std::cout << out.take().view() << '\n';
}

}  // namespace

int run_validate(const Args& args) {
    po::options_description options;
    options.add_options()("json", "print the findings as JSON");
    po::options_description operands;
    operands.add_options()("file", po::value<std::string>()->required(), "");
    po::positional_options_description positional;
    positional.add("file", 1);
    po::variables_map vm;
    if (!parse_args(args, "cxf validate FILE [--json]", options, operands, positional, vm)) return exit_ok;

    const std::string path = vm["file"].as<std::string>();
    ReadOptions read;
    read.collect_errors = true;
    io::InputFile input(path, read.limits, detect_head_bytes);
    const Format& format = detect_format(input.head(), input.name());
    if (format.id != "cxf")
        throw Error(Errc::unrecognized, {input.name(), ""},
                    "is " + std::string(format.id) + ", not CXF; cxf validate checks CXF JSON documents");
    Report report;
    const Vault vault = format.read_stream(input.stream(), read, report);  // never the whole file in memory
    validate(vault, report);

    std::size_t errors = 0, warnings = 0;
    for (const Notice& n : report.notices()) {
        if (n.severity == Severity::error) ++errors;
        if (n.severity == Severity::warning) ++warnings;
    }
    const bool valid = errors == 0;
    if (vm.count("json")) {
        print_json(input.name(), report, valid);
    } else {
        for (const Notice& n : report.notices())
            std::cout << input.name() << ": " << (n.place.empty() ? "/" : n.place) << ": " << severity_name(n.severity) << ": "
                      << n.message << '\n';
        std::cout << input.name() << ": " << (valid ? "valid" : "invalid") << " (" << errors << " error(s), " << warnings
                  << " warning(s))\n";
    }
    return valid ? exit_ok : exit_invalid_input;
}

}  // namespace cxf::cli
