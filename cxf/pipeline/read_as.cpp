// SPDX-License-Identifier: MIT
#include "cxf/pipeline/read_as.h"

#include "cxf/error.h"
#include "cxf/validate/validate.h"

namespace cxf {

Vault read_as(const Input& input, const Format& format, const ReadOptions& options, Report& report) {
    if (!format.read) throw Error(Errc::usage, {input.name, ""}, "cxf cannot read " + std::string(format.id));
    Vault vault = format.read(input, options, report);
    if (format.id == "cxf") validate(vault, report);
    return vault;
}

}  // namespace cxf
