// SPDX-License-Identifier: MIT
#include "cxf/api/library.h"

#include "cxf/formats/registry.h"
#include "cxf/io/file.h"
#include "cxf/io/output.h"
#include "cxf/pipeline/run.h"
#include "cxf/validate/validate.h"

namespace cxf {

Loaded load(const Input& input, const ReadOptions& options, const Format* format) {
    Loaded loaded;
    loaded.format = format ? format : &detect_format(input);
    loaded.vault = read_as(input, *loaded.format, options, loaded.report);
    return loaded;
}

Loaded load_file(const std::string& path, const ReadOptions& options, const Format* format) {
    Loaded loaded;
    loaded.format = format;
    ReadOptions read = options;
    loaded.vault = read_file_as(path, loaded.format, read, nullptr, loaded.report);
    return loaded;
}

Report save_file(const Vault& vault, const std::string& path, const Format& format, const WriteOptions& options,
                 SaveOptions save) {
    if (!format.write) throw Error(Errc::usage, {path, ""}, "cxf cannot write " + std::string(format.id));
    Report report;
    if (format.writes_cxf) {
        Report found;
        validate(vault, found);
        if (const Notice* error = found.first_error()) throw pipeline::invalid_output(path, *error);
    }
    io::AtomicFile out(path, save.overwrite);
    format.write(vault, out, options, report);
    if (!(save.strict && report.has_losses())) out.commit();  // else the temp file goes with `out`
    return report;
}

}  // namespace cxf
