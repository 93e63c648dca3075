// SPDX-License-Identifier: MIT
// cxf inspect FILE: what a file is and how much it holds — never a value from it.
#include <iostream>

#include "cxf/error.h"
#include "cxf/formats/registry.h"
#include "cxf/io/file.h"
#include "cxf/json/builder.h"
#include "cxf/json/utf8.h"
#include "cxf/model/counts.h"
#include "cxf/pipeline/exit_codes.h"
#include "cxf/pipeline/report_json.h"
#include "cxf/validate/validate.h"
#include "tools/cxf/commands.h"
#include "tools/cxf/common.h"
#include "tools/cxf/format_flags.h"
#include "tools/cxf/summary.h"

namespace cxf::cli {

namespace {

// What is readable without a password or key: printed before anything is decrypted, so it shows
// even when decrypting is not possible.
void print_header(const Input& input, const Format& format, const std::vector<Property>& properties) {
    std::cout << "file: " << input.name << '\n';
    std::cout << "format: " << format.id << " (" << format.title << ")\n";
    for (const Property& p : properties) std::cout << p.name << ": " << p.value << '\n';
    std::cout.flush();
}

void print_counts(const Counts& counts) {
    std::cout << "accounts: " << counts.accounts << '\n';
    std::cout << "collections: " << counts.collections << '\n';
    std::cout << "items: " << counts.items << '\n';
    std::cout << "credentials:\n";
    for (const auto& [type, n] : counts.credentials) std::cout << "  " << type << ": " << n << '\n';
    std::cout << "attachments with bytes: " << counts.attachments_with_bytes << '\n';
}

void print_json(const Input& input, const Format& format, const std::vector<Property>& properties, const Counts& counts) {
    json::Builder out(json::Layout::indented);
    out.begin_object();
    out.key("file").string(json::replace_invalid_utf8(input.name));
    out.key("format").string(format.id);
    out.key("properties").begin_object();
    for (const Property& p : properties) out.key(p.name).string(json::replace_invalid_utf8(p.value));
    out.end_object();
    write_counts(out, counts);
    out.end_object();
    std::cout << out.take().view() << '\n';
}

}  // namespace

int run_inspect(const Args& args) {
    po::options_description options;
    options.add(input_options());
    options.add_options()("json", "print JSON");
    po::options_description operands;
    operands.add_options()("file", po::value<std::string>()->required(), "");
    po::positional_options_description positional;
    positional.add("file", 1);
    po::variables_map vm;
    if (!parse_args(args, "cxf inspect FILE [options]", options, operands, positional, vm)) return exit_ok;

    const std::string path = vm["file"].as<std::string>();
    ReadOptions read = read_options(vm, path);
    const Input input = io::read_input(path, read.limits);
    const Format& format = input_format(vm, input);
    apply_read_flags(vm, format, read);
    const std::vector<Property> properties = format.describe ? format.describe(input, read.limits) : std::vector<Property>{};
    const bool json = vm.count("json") > 0;
    if (!json) print_header(input, format, properties);
    Report report;
    const Counts counts = count(format.read(input, read, report));
    if (json) print_json(input, format, properties, counts);
    else print_counts(counts);
    return exit_ok;
}

}  // namespace cxf::cli
