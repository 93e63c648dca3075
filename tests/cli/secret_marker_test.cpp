// SPDX-License-Identifier: MIT
// No message, report, `inspect` or `validate` line echoes a value: every error and notice these damaged
// inputs can give is driven through the real program, and the secret marker they carry (in value
// positions: passwords, keys where a value belongs, CSV cells, a header merged with a row) never shows.
#include <cstdio>
#include <filesystem>

#include <catch2/catch.hpp>

#include "tests/cli/cli_run.h"

using test::run_cxf;

namespace {

constexpr std::string_view marker = "gh-s3cret!";

struct Case {
    std::string name;
    std::string content;
};

std::string bitwarden_login(const std::string& login) {
    return R"({"encrypted": false, "folders": [], "items": [{"id": "9ad9eac9-24fd-41e5-a0a2-8aaad329261d", "type": 1, "name": "x", "login": )" +
           login + "}]}";
}

std::string cxf_credential(const std::string& credential) {
    return R"({"version":{"major":1,"minor":0},"exporterRpId":"x","exporterDisplayName":"X","timestamp":1,"accounts":[{"id":"AQ",)"
           R"("username":"","email":"","collections":[],"items":[{"id":"Ag","title":"T","credentials":[)" +
           credential + "]}]}]}";
}

std::vector<Case> cases() {
    const std::string m(marker);
    return {
        {"key-as-value.json", bitwarden_login(R"({"password": {")" + m + R"(": 1}})")},
        {"duplicate-key-as-value.json", bitwarden_login(R"({"password": {")" + m + R"(": 1, ")" + m + R"(": 2}})")},
        {"syntax-after-key.json", bitwarden_login(R"({"password": {")" + m + R"(": }})")},
        {"nested-key.json", bitwarden_login(R"({"password": {"x": {"username": {")" + m + R"(": ]}}}})")},
        {"unknown-member.json", bitwarden_login(R"({"password": "p", ")" + m + R"(": {"a": 1, "a": 2}})")},
        {"number-password.json", bitwarden_login(R"({"password": 12345, "username": ")" + m + R"("})")},
        {"bad-totp.json", bitwarden_login(R"({"password": ")" + m + R"(", "totp": "not a totp )" + m + R"("})")},
        {"truncated.json", bitwarden_login(R"({"password": ")" + m + R"(")").substr(0, 150)},
        {"kdf.json", R"({"encrypted": true, "passwordProtected": true, "salt": ")" + m +
                         R"(", "kdfType": -1, "kdfIterations": 1, "encKeyValidation_DO_NOT_EDIT": "x", "data": "y"})"},
        {"cxf-key-as-value.cxf", cxf_credential(R"({"type":"basic-auth","password":{"fieldType":"concealed-string","value":{")" +
                                                m + R"(": 1, ")" + m + R"(": 2}}})")},
        {"cxf-value-type.cxf", cxf_credential(R"({"type":"basic-auth","password":{"fieldType":"concealed-string","value":{")" +
                                              m + R"(": 1}}})")},
        {"cxf-unknown.cxf", cxf_credential(R"({"type":"basic-auth","password":{"fieldType":"concealed-string","value":")" + m +
                                           R"("},"x":{")" + m + R"(":1}})")},
        {"merged-header.csv", "folder,favorite,type,name,notes,fields,reprompt,login_uri,login_username," + m +
                                  ",login_totp\na,,login,x,,,0,,u,p,\n"},
        {"bad-cells.csv", "folder,favorite,type,name,notes,fields,reprompt,login_uri,login_username,login_password,login_totp\n"
                          "a,,weird" + m + ",x,,\"" + m + "\",7" + m + ",,u," + m + "," + m + "\n"},
        {"short-row.csv", "type,name,login_password\nlogin,x," + m + "\nlogin,y\n"},
        {"no-columns.csv", "url,user," + m + "\nx,y,z\n"},
        {"odd-cells.1password.csv", "Title,Url,Username,Password,OTPAuth,Favorite,Archived,Tags,Notes\n"
                                    "A,https://a.example,u,p," + m + "," + m + "," + m + ",t,n\n"},
        {"short-row.1password.csv", "Title,Url,Username,Password,OTPAuth,Favorite,Archived,Tags,Notes\nA,https://a,u," + m + "\n"},
        {"merged-header.1password.csv", "Title,Url,Username," + m + ",OTPAuth,Favorite,Archived,Tags,Notes\n"},
    };
}

}  // namespace

TEST_CASE("no error, notice, report, inspect or validate line shows a secret marker", "[cli][secrets]") {
    test::TempDir dir;
    for (const Case& c : cases()) {
        CAPTURE(c.name);
        REQUIRE(std::string_view(c.content).find(marker) != std::string_view::npos);
        test::write_file(dir.path(c.name), c.content);
        std::vector<std::string> commands = {"inspect " + c.name, "convert " + c.name + " out.cxf --force --report report.json",
                                             "convert " + c.name + " out.json --to bitwarden --force --report report.json"};
        if (c.name.ends_with(".csv")) commands.push_back("convert " + c.name + " out.cxf --from bitwarden-csv --force");
        if (c.name.ends_with(".1password.csv"))
            commands.push_back("convert " + c.name + " out.cxf --from 1password-csv --force --report report.json");
        if (c.name.ends_with(".cxf")) commands.push_back("validate " + c.name + " --json");
        for (std::string command : commands) {
            if (c.name == "kdf.json" && command.starts_with("convert")) command += " --password-env PW";
            CAPTURE(command);
            std::remove(dir.path("report.json").c_str());
            const auto r = run_cxf(dir, command, "/dev/null", "PW=password");
            CHECK(r.err.find(marker) == std::string::npos);
            CHECK(r.out.find(marker) == std::string::npos);
            if (std::filesystem::exists(dir.path("report.json")))
                CHECK(test::read_text(dir.path("report.json")).find(marker) == std::string::npos);
        }
    }
}
