// SPDX-License-Identifier: MIT
// A conversion to KDBX derives the output key before it reads the input, so that the KDF's memory is
// never taken beside the vault's; each file of a split still gets a key of its own.
#include <catch2/catch.hpp>

#include <set>

#include "cxf/formats/registry.h"
#include "cxf/io/file.h"
#include "cxf/pipeline/convert.h"
#include "tests/kdbx_mapping/mapping_support.h"
#include "tests/support/testdata.h"

using namespace cxf;

namespace {

// A conversion of the Dashlane CXF sample (12 items) to KDBX, noting when the output password is asked.
ConvertOptions to_kdbx(const std::string& output, bool& password_asked) {
    ConvertOptions o;
    o.input = test::testdata("cxf/apple-cxp-dashlane-account.json");
    o.output = output;
    o.to = find_format("kdbx");
    o.write = test::kdbx_mapping::cheap_write_options("pw");
    o.write.password = [&password_asked] {
        password_asked = true;
        return crypto::Secret("pw");
    };
    return o;
}

kdbx::Database open_output(const std::string& path) {
    const Input file = io::read_input(path, {});
    return kdbx::open(file.bytes, test::kdbx::password_key("pw"), {}, path);
}

}  // namespace

TEST_CASE("a conversion to KDBX derives the output key before it reads the input", "[kdbx][mapping]") {
    test::TempDir dir;
    bool password_asked = false, asked_before_reading = false;
    ConvertOptions o = to_kdbx(dir.path("out.kdbx"), password_asked);
    o.prepare_read = [&](const Format&, ReadOptions&) { asked_before_reading = password_asked; };
    const Conversion c = convert(std::move(o));
    REQUIRE(c.outcome == Outcome::written);
    CHECK(asked_before_reading);
    CHECK(test::kdbx::count(open_output(dir.path("out.kdbx"))).entries > 0);
}

TEST_CASE("each file of a split to KDBX has a key of its own", "[kdbx][mapping]") {
    test::TempDir dir;
    bool password_asked = false;
    ConvertOptions o = to_kdbx(dir.path("out.kdbx"), password_asked);
    o.split = 5;
    const Conversion c = convert(std::move(o));
    REQUIRE(c.outcome == Outcome::written);
    REQUIRE(c.outputs.size() == 3);  // 12 items
    std::set<Bytes> salts;
    for (const std::string& part : c.outputs) {
        const Input file = io::read_input(part, {});
        salts.insert(kdbx::read_header_info(file.bytes, part).kdf.salt);
        CHECK(test::kdbx::count(open_output(part)).entries > 0);
    }
    CHECK(salts.size() == 3);
}

TEST_CASE("an input that cannot be opened is reported before the output password is asked", "[kdbx][mapping]") {
    test::TempDir dir;
    bool password_asked = false;
    ConvertOptions o = to_kdbx(dir.path("out.kdbx"), password_asked);
    o.input = dir.path("missing.json");
    const Conversion c = convert(std::move(o));
    CHECK(c.outcome == Outcome::failed);
    REQUIRE(c.error);
    CHECK(c.error->code() == Errc::io);
    CHECK(c.error->where().file == dir.path("missing.json"));
    CHECK_FALSE(password_asked);
    CHECK_FALSE(io::exists(dir.path("out.kdbx")));
}
