// SPDX-License-Identifier: MIT
#include "importers/onepux/attributes.h"

#include "cxf/json/builder.h"
#include "cxf/json/reader.h"
#include "cxf/onepassword/entries.h"
#include "cxf/onepassword/names.h"

namespace cxf::onepux {

std::optional<ExportAttributes> read_attributes(const io::ZipReader& zip, const std::string& file, const Limits& limits) {
    const auto entry = zip.find(onepassword::attributes_entry);
    if (!entry) return std::nullopt;
    const std::string name = file + ":" + std::string(onepassword::attributes_entry);
    const crypto::SecureBytes text = zip.read(*entry);
    json::Tape tape;
    tape.names = onepassword::member_names;
    json::parse(as_text(text), name, limits, tape);
    const std::string base;
    const json::Cursor root(tape, 0, base);
    const json::Reader reader({name, "", "", json::Wording::expected_got});
    reader.expect(root, json::Kind::object);
    ExportAttributes out;
    json::Builder kept;
    kept.begin_object();
    bool any = false;
    for (const auto m : root.members()) {
        if (m.key == "createdAt" || m.key == "timestamp") {
            out.created = reader.integer(m.value);
            if (m.key == "createdAt") continue;  // what a writer writes; "timestamp" is kept as the name used
        } else if (m.key == "version") {
            out.version = reader.integer(m.value);
        }
        kept.key(m.key).copy(m.value);
        any = true;
    }
    kept.end_object();
    if (any) out.kept = kept.take();
    return out;
}

}  // namespace cxf::onepux
