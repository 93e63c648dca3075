// SPDX-License-Identifier: MIT
// The KDBX file: the vault as a KDBX database, saved with the options' settings and key.
#include "exporters/kdbx/write.h"

#include "cxf/error.h"
#include "cxf/io/output.h"
#include "cxf/kdbx/map/composite_key.h"
#include "exporters/kdbx/database.h"

namespace cxf::kdbx_map {

namespace {

kdbx::CompositeKey output_key(const WriteOptions& options) {
    const bool no_password = options.kdbx.no_password;
    if (no_password && !options.key_file) throw Error(Errc::usage, {}, "{out.kdbx.no_password} needs {out.key_file}");
    if (!no_password && !options.password)
        throw Error(Errc::usage, {}, "a password is required for the KDBX output (or {out.kdbx.no_password})");
    return composite_key(no_password ? nullptr : &options.password, options.key_file);
}

std::shared_ptr<const kdbx::DerivedKey> derived_key(const WriteOptions& options) {
    return std::make_shared<const kdbx::DerivedKey>(kdbx::derive_key(output_key(options), options.kdbx.save));
}

}  // namespace

void prepare_write(WriteOptions& options) { options.kdbx.derived = derived_key(options); }

void write(const Vault& vault, io::Output& out, const WriteOptions& options, Report& report) {
    const std::shared_ptr<const kdbx::DerivedKey> key = options.kdbx.derived ? options.kdbx.derived : derived_key(options);
    const VaultDatabase database(vault, report, write_time(options.now));
    kdbx::save(database.skeleton(), *key, options.kdbx.save, out, &database);
    database.report_items();
}

}  // namespace cxf::kdbx_map
