// SPDX-License-Identifier: MIT
// cxf: convert password-manager exports through the FIDO Credential Exchange model.
#include <sys/prctl.h>
#include <sys/resource.h>

#include <iostream>
#include <string_view>

#include <boost/program_options/errors.hpp>

#include "cxf/error.h"
#include "cxf/io/file.h"
#include "cxf/pipeline/exit_codes.h"
#include "tools/cxf/commands.h"
#include "tools/cxf/format_flags.h"

namespace {

using namespace cxf;
using namespace cxf::cli;

struct Command {
    std::string_view name;
    std::string_view summary;
    int (*run)(const Args&);
};

constexpr Command commands[] = {
    {"convert", "convert INPUT to OUTPUT (any supported format to any other)", run_convert},
    {"merge", "merge INPUT... -o OUTPUT: several vaults into one, each credential once", run_merge},
    {"batch", "convert many files at once: cxf batch INPUT_DIR|FILES... --to ID -o OUT_DIR", run_batch},
    {"inspect", "show a file's format, version and counts (never its values)", run_inspect},
    {"validate", "check a CXF document against CXF 1.0", run_validate},
    {"formats", "list the formats and what each can carry", run_formats},
    {"cxp", "CXP keys: cxf cxp keygen PRIVATE_KEY REQUEST_JSON, for .cxp archives", run_cxp},
};

void print_usage(std::ostream& out) {
    out << "usage: cxf COMMAND [options]   (cxf COMMAND --help for its options)\n\ncommands:\n";
    for (const Command& c : commands) out << "  " << c.name << std::string(10 - c.name.size(), ' ') << c.summary << '\n';
    out << "\n"
           "Formats are detected from the input's content; --from/--to name them (ids from cxf formats).\n"
           "'-' is standard input or output. Passwords come from --password-file, --password-env,\n"
           "--password-fd or a prompt on a terminal, never from the command line. Outputs are written\n"
           "with mode 0600 under a temporary name and renamed into place only when complete; an existing\n"
           "output is replaced only with --force.\n"
           "\n"
           "exit codes:\n"
           "  0  success (losses, if any, are listed on stderr and in --report)\n"
           "  1  invalid, damaged or unsupported input\n"
           "  2  usage error, or a needed password or key was not given\n"
           "  3  wrong password or key file\n"
           "  4  --strict: the output could not hold everything; nothing written\n"
           "  5  cannot read or write a file, or the output exists (no --force)\n"
           "cxf batch: 0 when every file was converted or skipped, else the code all failed files share,\n"
           "else 1 (each file's code is in its report and in batch-summary.json)\n";
}

// Secrets must not end up in a core file or be readable through ptrace by other processes.
void harden_process() {
    const rlimit no_core{0, 0};
    setrlimit(RLIMIT_CORE, &no_core);
    prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
}

}  // namespace

int main(int argc, char** argv) {
    harden_process();
    cxf::io::install_interrupt_cleanup();
    const Args args(argv + 1, argv + argc);
    if (args.empty()) {
        print_usage(std::cerr);
        return exit_usage;
    }
    if (args.front() == "--help" || args.front() == "-h" || args.front() == "help") {
        print_usage(std::cout);
        return exit_ok;
    }
    if (args.front() == "--version") {
        std::cout << "cxf " << CXF_VERSION << '\n';
        return exit_ok;
    }
    for (const Command& command : commands) {
        if (args.front() != command.name) continue;
        try {
            return command.run(Args(args.begin() + 1, args.end()));
        } catch (const boost::program_options::error& e) {
            std::cerr << "cxf " << command.name << ": " << e.what() << " (see cxf " << command.name << " --help)\n";
            return exit_usage;
        } catch (const cxf::Error& e) {
            std::cerr << "cxf: " << e.describe(flag_for) << '\n';
            return exit_code_for(e.code());
        } catch (const std::bad_alloc&) {
            std::cerr << "cxf: out of memory\n";
            return exit_invalid_input;
        } catch (const std::exception& e) {
            // A bug, not an input problem; caught so that unwinding removes every temp file.
            std::cerr << "cxf: internal error: " << e.what() << '\n';
            return exit_invalid_input;
        }
    }
    std::cerr << "cxf: unknown command '" << args.front() << "'\n";
    print_usage(std::cerr);
    return exit_usage;
}
