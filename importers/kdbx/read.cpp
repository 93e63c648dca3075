// SPDX-License-Identifier: MIT
// Opening a KDBX file with the key the options give.
#include "importers/kdbx/read.h"

#include "cxf/error.h"
#include "cxf/kdbx/kdbx.h"
#include "cxf/kdbx/map/composite_key.h"

namespace cxf::kdbx_map {

namespace {

kdbx::CompositeKey key_for(const ReadOptions& options, const std::string& name) {
    const bool no_password = options.kdbx.no_password;
    if (no_password && !options.key_file) throw Error(Errc::usage, {name, ""}, "{kdbx.no_password} needs {key_file}");
    if (!no_password && !options.password)
        throw Error(Errc::usage, {name, ""}, "password required (or {kdbx.no_password} for a key file alone)");
    return composite_key(no_password ? nullptr : &options.password, options.key_file);
}

}  // namespace

Vault read(const Input& input, const ReadOptions& options, Report& report) {
    // A damaged or unsupported header is reported before anyone is asked for a password.
    kdbx::read_header_info(input.bytes, input.name);
    return read_file(input.bytes, key_for(options, input.name), options.limits, input.name, report);
}

Vault read_pieces(const InputStream& input, const ReadOptions& options, Report& report) {
    return read_stream(
        [&](kdbx::DatabaseVisitor& visitor) {
            kdbx::read(input, [&] { return key_for(options, input.name); }, options.limits, visitor);
        },
        report);
}

}  // namespace cxf::kdbx_map
