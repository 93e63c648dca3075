// SPDX-License-Identifier: MIT
#include "tools/cxf/output_options.h"

#include "cxf/formats/registry.h"
#include "tools/cxf/common.h"
#include "tools/cxf/format_flags.h"
#include "tools/cxf/passwords.h"

namespace cxf::cli {

po::options_description output_password_options() {
    po::options_description o("Output password");
    o.add_options()
        ("out-password-file", po::value<std::string>()->value_name("FILE"), "output password: the file's content minus one trailing newline")
        ("out-password-env", po::value<std::string>()->value_name("VAR"), "output password: this environment variable")
        ("out-password-fd", po::value<int>()->value_name("N"), "output password: read from this file descriptor")
        ("allow-empty-password", "accept an empty output password (the output then opens with none)")
        ("out-key-file", po::value<std::string>()->value_name("FILE"), "output key file (KeePass)");
    return o;
}

const Format& named_output_format(const po::variables_map& vm) {
    const std::string& id = vm["to"].as<std::string>();
    const Format* format = find_format(id);
    if (!format || !format->write) throw po::error("unknown output format '" + id + "' (see cxf formats)");
    return *format;
}

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

}  // namespace cxf::cli
