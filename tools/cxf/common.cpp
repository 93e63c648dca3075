// SPDX-License-Identifier: MIT
#include "tools/cxf/common.h"

#include <iostream>
#include <limits>

#include "cxf/error.h"
#include "cxf/formats/registry.h"
#include "tools/cxf/format_flags.h"

namespace cxf::cli {

bool parse_args(const std::vector<std::string>& args, const std::string& usage, const po::options_description& options,
                const po::options_description& operands, const po::positional_options_description& positional,
                po::variables_map& vm) {
    po::options_description all(options);
    all.add_options()("help,h", "show this help");
    // A password given as a value would be readable by every user in /proc/PID/cmdline.
    po::options_description hidden;
    hidden.add_options()("password", po::value<std::string>(), "")("out-password", po::value<std::string>(), "");
    po::options_description parsed(all);
    parsed.add(hidden).add(operands);
    po::store(po::command_line_parser(args).options(parsed).positional(positional).run(), vm);
    if (vm.count("password") || vm.count("out-password"))
        throw po::error("passwords are never taken as command-line values (other users can read them); use "
                        "--password-file, --password-env or --password-fd");
    if (vm.count("help")) {
        std::cout << "usage: " << usage << "\n\n" << all << '\n';
        return false;
    }
    po::notify(vm);
    return true;
}

po::options_description input_options(bool with_from) {
    const Limits limits;
    const auto default_of = [](const char* what, std::uint64_t value) {
        return std::string(what) + " (default " + std::to_string(value) + ")";
    };
    po::options_description o("Input");
    if (with_from) o.add_options()("from", po::value<std::string>()->value_name("ID"), "input format (default: detected from the content)");
    o.add_options()
        ("password-file", po::value<std::string>()->value_name("FILE"), "input password: the file's content minus one trailing newline")
        ("password-env", po::value<std::string>()->value_name("VAR"), "input password: this environment variable")
        ("password-fd", po::value<int>()->value_name("N"), "input password: read from this file descriptor")
        ("key-file", po::value<std::string>()->value_name("FILE"), "input key file (KeePass)")
        ("max-input-mib", po::value<std::uint64_t>()->value_name("N"), default_of("largest input to accept, MiB", limits.max_input_bytes >> 20).c_str())
        ("max-string-mib", po::value<std::uint64_t>()->value_name("N"), default_of("largest single string to accept, MiB", limits.max_string_bytes >> 20).c_str())
        ("max-kdf-memory-mib", po::value<std::uint64_t>()->value_name("N"), default_of("largest KDF memory cost to accept, MiB", limits.max_kdf_memory_bytes >> 20).c_str())
        ("max-kdf-iterations", po::value<std::uint64_t>()->value_name("N"), default_of("most Argon2 iterations to accept", limits.max_kdf_iterations).c_str())
        ("max-aes-kdf-rounds", po::value<std::uint64_t>()->value_name("N"), default_of("most AES-KDF rounds to accept", limits.max_aes_kdf_rounds).c_str());
    o.add(format_options(&Format::read_options, "Input format options"));
    return o;
}

po::options_description format_options(std::span<const FormatOption> Format::*which, const char* caption) {
    po::options_description o(caption);
    for (const Format& format : formats()) {
        for (const FormatOption& option : format.*which) {
            const std::string name(option.name);
            if (o.find_nothrow(name, false)) continue;  // shared by several formats (--encoding)
            if (option.value_name.empty()) o.add_options()(name.c_str(), std::string(option.help).c_str());
            else
                o.add_options()(name.c_str(), po::value<std::string>()->value_name(std::string(option.value_name)),
                                std::string(option.help).c_str());
        }
    }
    return o;
}

PasswordOptions password_source(const po::variables_map& vm, const std::string& prefix) {
    PasswordOptions source;
    int given = 0;
    if (vm.count(prefix + "-file")) source.file = vm[prefix + "-file"].as<std::string>(), ++given;
    if (vm.count(prefix + "-env")) source.env = vm[prefix + "-env"].as<std::string>(), ++given;
    if (vm.count(prefix + "-fd")) source.fd = vm[prefix + "-fd"].as<int>(), ++given;
    if (given > 1)
        throw po::error("give at most one of --" + prefix + "-file, --" + prefix + "-env and --" + prefix + "-fd");
    return source;
}

namespace {

std::uint64_t mib_option(const po::variables_map& vm, const std::string& name) {
    const std::uint64_t n = vm[name].as<std::uint64_t>();
    if (n > (std::numeric_limits<std::uint64_t>::max() >> 20))
        throw po::error("--" + name + " " + std::to_string(n) + " is too large");
    return n << 20;
}

}  // namespace

ReadOptions read_options(const po::variables_map& vm, const std::string& input) {
    ReadOptions options;
    options.password = password_provider(password_source(vm, "password"), "the password of " + input, "password", PasswordUse::open);
    if (vm.count("key-file")) options.key_file = read_key_material(vm["key-file"].as<std::string>(), options.limits);
    if (vm.count("max-input-mib")) options.limits.max_input_bytes = mib_option(vm, "max-input-mib");
    if (vm.count("max-string-mib")) options.limits.max_string_bytes = mib_option(vm, "max-string-mib");
    if (vm.count("max-kdf-memory-mib")) options.limits.max_kdf_memory_bytes = mib_option(vm, "max-kdf-memory-mib");
    if (vm.count("max-kdf-iterations")) options.limits.max_kdf_iterations = vm["max-kdf-iterations"].as<std::uint64_t>();
    if (vm.count("max-aes-kdf-rounds")) options.limits.max_aes_kdf_rounds = vm["max-aes-kdf-rounds"].as<std::uint64_t>();
    if (vm.count("key-file")) options.key_file = read_key_material(vm["key-file"].as<std::string>(), options.limits);
    return options;
}

const Format& named_input_format(const po::variables_map& vm) {
    const std::string& id = vm["from"].as<std::string>();
    const Format* format = find_format(id);
    if (!format || !format->read) throw po::error("unknown input format '" + id + "' (see cxf formats)");
    return *format;
}

const Format& input_format(const po::variables_map& vm, const Input& input) {
    return vm.count("from") ? named_input_format(vm) : detect_format(input);
}

po::options_description verbose_option(bool with_from) {
    po::options_description o("Detection");
    o.add_options()("verbose,v", with_from ? "say which format the input is read as, and whether --from or its content chose it"
                                           : "say which format each input is read as (each is detected from its content)");
    return o;
}

void say_format(const po::variables_map& vm, const std::string& input, const Format& format) {
    if (!vm.count("verbose")) return;
    std::cerr << "cxf: " << (input == "-" ? "<stdin>" : input) << ": read as " << format.id << " ("
              << (vm.count("from") ? "as --from says" : "detected from its content") << "): " << format.title << '\n';
}

}  // namespace cxf::cli
