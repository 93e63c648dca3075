// SPDX-License-Identifier: MIT
// cxf validate FILE: check a CXF document against CXF 1.0; every finding with its JSON pointer.
#include <iostream>

#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include "cxf/error.h"
#include "cxf/formats/registry.h"
#include "cxf/io/file.h"
#include "cxf/pipeline/exit_codes.h"
#include "cxf/validate/validate.h"
#include "tools/cxf/commands.h"
#include "tools/cxf/common.h"

namespace cxf::cli {

namespace {

void print_json(const std::string& file, const Report& report, bool valid) {
    rapidjson::StringBuffer buffer;
    rapidjson::PrettyWriter<rapidjson::StringBuffer> w(buffer);
    w.SetIndent(' ', 2);
    w.StartObject();
    w.Key("file");
    w.String(file.c_str());
    w.Key("valid");
    w.Bool(valid);
    w.Key("findings");
    w.StartArray();
    for (const Notice& n : report.notices()) {
        w.StartObject();
        w.Key("severity");
        w.String(severity_name(n.severity).data());
        w.Key("kind");
        w.String(notice_kind_name(n.kind).data());
        w.Key("pointer");
        w.String(n.place.c_str());
        w.Key("message");
        w.String(n.message.c_str());
        w.EndObject();
    }
    w.EndArray();
    w.EndObject();
    std::cout << buffer.GetString() << '\n';
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
    const Input input = io::read_input(path, read.limits);
    const Format& format = detect_format(input);
    if (format.id != "cxf")
        throw Error(Errc::unrecognized, {input.name, ""},
                    "is " + std::string(format.id) + ", not CXF; cxf validate checks CXF JSON documents");
    Report report;
    const Vault vault = format.read(input, read, report);
    validate(vault, report);

    std::size_t errors = 0, warnings = 0;
    for (const Notice& n : report.notices()) {
        if (n.severity == Severity::error) ++errors;
        if (n.severity == Severity::warning) ++warnings;
    }
    const bool valid = errors == 0;
    if (vm.count("json")) {
        print_json(input.name, report, valid);
    } else {
        for (const Notice& n : report.notices())
            std::cout << input.name << ": " << (n.place.empty() ? "/" : n.place) << ": " << severity_name(n.severity) << ": "
                      << n.message << '\n';
        std::cout << input.name << ": " << (valid ? "valid" : "invalid") << " (" << errors << " error(s), " << warnings
                  << " warning(s))\n";
    }
    return valid ? exit_ok : exit_invalid_input;
}

}  // namespace cxf::cli
