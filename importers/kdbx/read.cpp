// SPDX-License-Identifier: MIT
// Opening a KDBX file with the key the options give.
#include "importers/kdbx/read.h"

#include "cxf/error.h"
#include "cxf/io/file.h"
#include "cxf/kdbx/kdbx.h"

namespace cxf::kdbx_map {

namespace {

std::optional<Input> key_file(const ReadOptions& options) {
    if (!options.key_file) return std::nullopt;
    Limits small = options.limits;
    small.max_input_bytes = std::min<std::uint64_t>(small.max_input_bytes, 64ull << 20);
    return io::read_input(*options.key_file, small);
}

}  // namespace

Vault read(const Input& input, const ReadOptions& options, Report& report) {
    // A damaged or unsupported header is reported before anyone is asked for a password.
    kdbx::read_header_info(input.bytes, input.name);
    const std::optional<Input> key = key_file(options);
    std::optional<crypto::Secret> password;
    if (!options.settings.contains("no-password")) {
        if (!options.password)
            throw Error(Errc::usage, {input.name, ""}, "password required (or --no-password for a key file alone)");
        password = options.password();
    } else if (!key) {
        throw Error(Errc::usage, {input.name, ""}, "--no-password needs --key-file");
    }
    const kdbx::CompositeKey composite = kdbx::make_composite_key(
        password ? &*password : nullptr, key ? std::optional<ByteView>(key->bytes) : std::nullopt, key ? key->name : std::string());
    const kdbx::Database database = kdbx::open(input.bytes, composite, options.limits, input.name);
    return read_database(database, report);
}

}  // namespace cxf::kdbx_map
