// SPDX-License-Identifier: MIT
#include "cxf/error.h"

namespace cxf {

std::string_view errc_name(Errc code) noexcept {
    switch (code) {
        case Errc::io: return "io";
        case Errc::unrecognized: return "unrecognized";
        case Errc::malformed: return "malformed";
        case Errc::unsupported: return "unsupported";
        case Errc::wrong_password: return "wrong_password";
        case Errc::integrity: return "integrity";
        case Errc::limit_exceeded: return "limit_exceeded";
        case Errc::invalid: return "invalid";
        case Errc::usage: return "usage";
    }
    return "unknown";
}

std::string Error::describe() const {
    std::string out = where_.file;
    if (!where_.place.empty()) out += (out.empty() ? "" : ": ") + where_.place;
    if (!out.empty()) out += ": ";
    out += what();
    return out;
}

Error Error::in_file(std::string_view file) const {
    if (!where_.file.empty()) return *this;
    return Error(code_, Where{std::string(file), where_.place}, what());
}

}  // namespace cxf
