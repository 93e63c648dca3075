// SPDX-License-Identifier: MIT
// Every writer against a vault holding every feature: what it reports lost is exactly what its
// `carries` mask leaves out — a carried feature is never reported lost wholesale (only details of
// it), and every feature it cannot carry is reported at least once. This keeps `cxf formats` honest.
#include <catch2/catch.hpp>

#include <set>

#include "cxf/cxf_json/cxf_json.h"
#include "cxf/cxp/keys.h"
#include "cxf/cxp/messages.h"
#include "cxf/error.h"
#include "cxf/formats/registry.h"
#include "cxf/io/file.h"
#include "cxf/validate/validate.h"
#include "tests/cxf_json/kitchen_sink.h"
#include "tests/kdbx/kdbx_support.h"
#include "tests/support/testdata.h"

using namespace cxf;

namespace {

// The kitchen sink (every credential type, history, collections, tags, times, unknown type and
// extensions), with its file's bytes.
Vault everything() {
    Report report;
    Vault v = cxf_json::read(test::kitchen_sink_cxf, "sink", {}, report);
    std::get<File>(v.accounts[0].items[1].credentials[0]).data = crypto::SecureBytes{'h', 'e', 'l', 'l', 'o'};
    return v;
}

WriteOptions options_for(const Format& format) {
    WriteOptions options;
    options.password = [] { return crypto::Secret("pw"); };
    options.kdbx.save = test::kdbx::cheap_settings();
    if (format.id == "cxp") {
        const auto key = cxp::hpke::PrivateKey::generate(cxp::hpke::Kem::x25519_sha256);
        cxp::ExportRequest request;
        request.version = 0;
        request.importer = "tests.example";
        request.hpke.push_back(cxp::make_offer({cxp::hpke::Kem::x25519_sha256, cxp::hpke::Kdf::hkdf_sha256,
                                                cxp::hpke::Aead::aes256_gcm}, key.public_key()));
        const std::string text = cxp::write_export_request(request);
        options.cxp.recipient = Input{"request.json", crypto::SecureBytes(text.begin(), text.end())};
    }
    return options;
}

}  // namespace

TEST_CASE("every writer reports lost exactly the features its carries mask leaves out", "[formats][losses]") {
    const Vault vault = everything();
    std::size_t writers = 0;
    for (const Format& format : formats()) {
        if (!format.write) continue;
        ++writers;
        CAPTURE(format.id);
        Report report;
        io::NullOutput out;
        format.write(vault, out, options_for(format), report);
        Features lost = 0;
        for (const Notice& n : report.notices()) {
            if (n.kind != NoticeKind::lost) continue;
            CAPTURE(n.place, n.field, n.message);
            CHECK_FALSE(n.place.empty());
            CHECK_FALSE(n.field.empty());
            REQUIRE(n.feature);
            if (n.detail) continue;
            CHECK_FALSE(has(format.carries, *n.feature));  // a carried feature is never lost wholesale
            lost |= Features(*n.feature);
        }
        for (const FeatureName& f : feature_names()) {
            CAPTURE(f.name);
            CHECK(has(format.carries, f.feature) != has(lost, f.feature));  // what is not carried is reported
        }
    }
    CHECK(writers >= 6);
}
