// SPDX-License-Identifier: MIT
// Opening a KDBX file with the key the options give.
#include "importers/kdbx/read.h"

#include <algorithm>

#include "cxf/error.h"
#include "cxf/io/file.h"
#include "cxf/kdbx/kdbx.h"

namespace cxf::kdbx_map {

kdbx::CompositeKey composite_key(const PasswordProvider* password, const std::optional<std::string>& key_file,
                                 const Limits& limits) {
    std::optional<Input> key;
    if (key_file) {
        Limits small = limits;
        small.max_input_bytes = std::min<std::uint64_t>(small.max_input_bytes, 64ull << 20);
        key = io::read_input(*key_file, small);
    }
    std::optional<crypto::Secret> secret;
    if (password) secret = (*password)();
    return kdbx::make_composite_key(secret ? &*secret : nullptr, key ? std::optional<ByteView>(key->bytes) : std::nullopt,
                                    key ? key->name : std::string());
}

Vault read(const Input& input, const ReadOptions& options, Report& report) {
    // A damaged or unsupported header is reported before anyone is asked for a password.
    kdbx::read_header_info(input.bytes, input.name);
    const bool no_password = options.settings.contains("no-password");
    if (no_password && !options.key_file) throw Error(Errc::usage, {input.name, ""}, "--no-password needs --key-file");
    if (!no_password && !options.password)
        throw Error(Errc::usage, {input.name, ""}, "password required (or --no-password for a key file alone)");
    const kdbx::CompositeKey key = composite_key(no_password ? nullptr : &options.password, options.key_file, options.limits);
    const kdbx::Database database = kdbx::open(input.bytes, key, options.limits, input.name);
    return read_database(database, report);
}

}  // namespace cxf::kdbx_map
