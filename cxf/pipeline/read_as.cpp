// SPDX-License-Identifier: MIT
#include "cxf/pipeline/read_as.h"

#include "cxf/error.h"
#include "cxf/formats/registry.h"
#include "cxf/io/file.h"
#include "cxf/validate/validate.h"

namespace cxf {

namespace {

Vault validated(const Format& format, Vault vault, Report& report) {
    if (format.id == "cxf") validate(vault, report);
    return vault;
}

}  // namespace

Vault read_as(const Input& input, const Format& format, const ReadOptions& options, Report& report) {
    if (!format.read) throw Error(Errc::usage, {input.name, ""}, "cxf cannot read " + std::string(format.id));
    return validated(format, format.read(input, options, report), report);
}

Vault read_file_as(const std::string& path, const Format*& format, ReadOptions& options,
                   const std::function<void(const Format&, ReadOptions&)>& prepare, Report& report) {
    io::InputFile file(path, options.limits, detect_head_bytes);
    if (!format) format = &detect_format(file.head(), file.name());
    if (prepare) prepare(*format, options);
    if (!format->read_stream) return read_as(file.whole(), *format, options, report);  // released once read
    return validated(*format, format->read_stream(file.stream(), options, report), report);
}

}  // namespace cxf
