// SPDX-License-Identifier: MIT
#include "cxf/error.h"

#include <string.h>

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

namespace {

bool is_option_name(std::string_view name) {
    return !name.empty() && name.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_.") == std::string_view::npos;
}

}  // namespace

std::string render_options(std::string_view text, const OptionNames& names) {
    std::string out;
    for (std::size_t at = 0; at < text.size();) {
        const std::size_t open = text.find('{', at);
        const std::size_t close = open == std::string_view::npos ? open : text.find('}', open);
        if (close == std::string_view::npos) {
            out += text.substr(at);
            break;
        }
        const std::string_view name = text.substr(open + 1, close - open - 1);
        out += text.substr(at, open - at);
        if (is_option_name(name)) out += names(name);
        else out += text.substr(open, close - open + 1);  // braces that name no option stay as they are
        at = close + 1;
    }
    return out;
}

std::string option_in_backquotes(std::string_view name) { return "`" + std::string(name) + "`"; }

std::string errno_text(int error_number) {
    char buffer[256];
    return ::strerror_r(error_number, buffer, sizeof buffer);  // GNU: the text, in buffer or static
}

Error::Error(Errc code, Where where, const std::string& message)
    : std::runtime_error(render_options(message, option_in_backquotes)), code_(code), where_(std::move(where)), template_(message) {}

std::string Error::message(const OptionNames& names) const { return render_options(template_, names); }

std::string Error::describe() const { return describe(option_in_backquotes); }

std::string Error::describe(const OptionNames& names) const {
    std::string out = where_.file;
    if (!where_.place.empty()) out += (out.empty() ? "" : ": ") + where_.place;
    if (!out.empty()) out += ": ";
    out += message(names);
    return out;
}

Error Error::in_file(std::string_view file) const {
    if (!where_.file.empty()) return *this;
    return Error(code_, Where{std::string(file), where_.place}, template_);
}

Error Error::at_place(std::string_view place) const {
    if (!where_.place.empty()) return *this;
    return Error(code_, Where{where_.file, std::string(place)}, template_);
}

}  // namespace cxf
