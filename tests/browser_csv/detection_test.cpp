// SPDX-License-Identifier: MIT
// Each browser header is recognised as its own format only, and none takes another format's file.
#include <catch2/catch.hpp>

#include "cxf/formats/registry.h"
#include "tests/browser_csv/support.h"
#include "tests/support/testdata.h"

using namespace cxf;

namespace {

std::string detected(std::string_view text) {
    try {
        return std::string(detect_format(Input{"x", crypto::SecureBytes(text.begin(), text.end())}).id);
    } catch (const Error&) {
        return "none";
    }
}

Confidence confidence(std::string_view id, std::string_view text) {
    return find_format(id)->detect(as_bytes(text), "x");
}

}  // namespace

TEST_CASE("each browser CSV header is detected as its format, and as no other", "[browser-csv][detection]") {
    const std::pair<std::string_view, std::string_view> headers[] = {
        {"apple-csv", "Title,URL,Username,Password,Notes,OTPAuth\r\nT,https://t.example/,u,p,,\r\n"},
        {"chrome-csv", "name,url,username,password,note\nn,https://n.example/,u,p,\n"},
        {"chrome-csv", "name,url,username,password\nn,https://n.example/,u,p\n"},
        {"firefox-csv", "\"url\",\"username\",\"password\",\"httpRealm\",\"formActionOrigin\",\"guid\",\"timeCreated\","
                        "\"timeLastUsed\",\"timePasswordChanged\"\r\n\"https://f.example\",\"u\",\"p\",,\"\",\"{g}\",\"1\",\"2\",\"3\""},
        {"firefox-csv", "\xEF\xBB\xBFurl,username,password,httpRealm,formActionOrigin,guid,timeCreated,timeLastUsed,timePasswordChanged\n"},
    };
    for (const auto& [id, text] : headers) {
        CAPTURE(id, text);
        CHECK(detected(text) == id);
        for (const std::string_view other : {"apple-csv", "chrome-csv", "firefox-csv", "1password-csv", "bitwarden-csv"})
            if (other != id) CHECK(confidence(other, text) == Confidence::no);
    }
    CHECK(detected(test::read_text(test::testdata(browser_test::chrome_sample))) == "chrome-csv");
    CHECK(detected(test::read_text(test::testdata(browser_test::firefox_sample))) == "firefox-csv");
    CHECK(detected(test::read_text(test::testdata(browser_test::apple_sample))) == "apple-csv");
}

TEST_CASE("a header that is not exactly a browser's is not guessed", "[browser-csv][detection]") {
    for (const std::string_view text : {"title,url,username,password,notes,otpauth\n",  // Apple's names in another case
                                        "url,name,username,password,note\n",            // Chrome's in another order
                                        "url,username,password\n",                      // Firefox's first three
                                        "name,url,username,password,note,extra\n"}) {
        CAPTURE(text);
        for (const std::string_view id : {"apple-csv", "chrome-csv", "firefox-csv"}) CHECK(confidence(id, text) == Confidence::no);
    }
}

TEST_CASE("the other CSV formats' files are not taken for a browser's", "[browser-csv][detection]") {
    for (const std::string_view fixture : {"1password/pass-import-1password8.csv", "1password/pass-import-1password7.csv",
                                           "bitwarden/pass-import-bitwarden.csv", "bitwarden/pass-import-bitwarden-org.csv"}) {
        CAPTURE(fixture);
        const std::string text = test::read_text(test::testdata(fixture));
        for (const std::string_view id : {"apple-csv", "chrome-csv", "firefox-csv"}) CHECK(confidence(id, text) == Confidence::no);
    }
}
