// SPDX-License-Identifier: MIT
#include "cxf/pipeline/exit_codes.h"

namespace cxf {

ExitCode exit_code_for(Errc code) noexcept {
    switch (code) {
        case Errc::io: return exit_io;
        case Errc::wrong_password: return exit_wrong_password;
        case Errc::usage: return exit_usage;
        case Errc::unrecognized:
        case Errc::malformed:
        case Errc::unsupported:
        case Errc::integrity:
        case Errc::limit_exceeded:
        case Errc::invalid: return exit_invalid_input;
    }
    return exit_invalid_input;
}

}  // namespace cxf
