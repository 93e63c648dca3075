// SPDX-License-Identifier: MIT
#include "tests/onepassword_csv/support.h"

#include "cxf/formats/registry.h"
#include "cxf/io/output.h"
#include "tests/support/testdata.h"

namespace opcsv_test {

namespace {
const cxf::Format& format() { return *cxf::find_format("1password-csv"); }
}  // namespace

cxf::Vault read_fixture(std::string_view relative, cxf::Report& report) {
    return format().read(test::read_testdata(relative), {}, report);
}

cxf::Vault read_text(std::string_view text, cxf::Report& report) {
    return format().read(cxf::Input{"t.csv", cxf::crypto::SecureBytes(text.begin(), text.end())}, {}, report);
}

std::string write_text(const cxf::Vault& vault, cxf::Report& report) {
    cxf::io::MemoryOutput out;
    format().write(vault, out, {}, report);
    const auto& bytes = out.bytes();
    return std::string(bytes.begin(), bytes.end());
}

}  // namespace opcsv_test
