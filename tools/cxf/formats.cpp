// SPDX-License-Identifier: MIT
// cxf formats: the registry as a table — ids, directions, and what each format can hold.
#include <iomanip>
#include <iostream>

#include "cxf/formats/registry.h"
#include "cxf/pipeline/exit_codes.h"
#include "cxf/plugin/format.h"
#include "tools/cxf/commands.h"
#include "tools/cxf/common.h"

namespace cxf::cli {

int run_formats(const Args& args) {
    po::options_description options;
    po::positional_options_description positional;
    po::variables_map vm;
    if (!parse_args(args, "cxf formats", options, options, positional, vm)) return exit_ok;

    std::cout << std::left << std::setw(16) << "ID" << std::setw(7) << "READ" << std::setw(7) << "WRITE" << "TITLE\n";
    for (const Format& f : formats())
        std::cout << std::setw(16) << f.id << std::setw(7) << (f.read ? "yes" : "-") << std::setw(7) << (f.write ? "yes" : "-")
                  << f.title << '\n';
    std::cout << "\nWhat each writer can carry (everything else is reported as lost):\n";
    for (const Format& f : formats()) {
        if (!f.write) continue;
        std::cout << "  " << std::setw(14) << f.id;
        std::string held, lost;
        for (const FeatureName& feature : feature_names()) {
            std::string& list = has(f.carries, feature.feature) ? held : lost;
            list += " " + std::string(feature.name);
        }
        std::cout << "carries:" << held << '\n';
        if (!lost.empty()) std::cout << "  " << std::setw(14) << "" << "loses:  " << lost << '\n';
        if (f.output_password != OutputPassword::not_accepted)
            std::cout << "  " << std::setw(14) << "" << "password: "
                      << (f.output_password == OutputPassword::required ? "always encrypted with the output password"
                                                                        : "encrypted when given an output password")
                      << '\n';
        if (!f.extensions.empty()) {
            std::cout << "  " << std::setw(14) << "" << "output extensions:";
            for (const std::string_view e : f.extensions) std::cout << " ." << e;
            std::cout << '\n';
        }
    }
    return exit_ok;
}

}  // namespace cxf::cli
