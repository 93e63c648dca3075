// SPDX-License-Identifier: MIT
#include "tests/dashlane/support.h"

#include "cxf/io/output.h"
#include "cxf/io/zip.h"

namespace dashlane_test {

std::string zip_of(const std::vector<std::pair<std::string, std::string>>& entries) {
    cxf::io::MemoryOutput out;
    cxf::io::ZipWriter writer(out);
    for (const auto& [name, text] : entries) writer.add(name, cxf::as_bytes(text), cxf::io::ZipMethod::deflate, 0);
    writer.finish();
    return std::string(out.bytes().begin(), out.bytes().end());
}

std::string custom(const cxf::Item& item, std::string_view label) {
    for (const cxf::Credential& c : item.credentials)
        if (const auto* fields = std::get_if<cxf::CustomFields>(&c))
            for (const cxf::EditableField& f : fields->fields)
                if (f.label == label) return std::string(f.value.view());
    return "<absent>";
}

}  // namespace dashlane_test
