// SPDX-License-Identifier: MIT
// Apple Passwords' column order, quoted only where RFC 4180 needs it. Each row of a login holds its
// username, password, notes and first TOTP (as read, or as an otpauth:// URI).
#include "exporters/apple_csv/write.h"

#include "cxf/browser_csv/map/columns.h"
#include "cxf/json/extension.h"
#include "cxf/otp/otpauth.h"
#include "exporters/browser_csv/logins.h"

namespace cxf::apple_csv {

namespace {

using namespace browser_csv;

// The OTPAuth text the file was read with while it still means this TOTP, else an otpauth:// URI.
crypto::Secret otpauth(const Login& login) {
    const json::ExtensionView own(login.item->extensions, apple_extension);
    const auto kept = own.string("otpAuth");
    if (!login.totp) return kept && !otp::parse(*kept) ? crypto::Secret(*kept) : crypto::Secret();
    if (kept)
        if (const auto parsed = otp::parse(*kept);
            parsed && otp::same_secret(parsed->secret, login.totp->secret) && parsed->digits == login.totp->digits &&
            parsed->period == login.totp->period && parsed->algorithm == login.totp->algorithm &&
            parsed->issuer == login.totp->issuer && parsed->username == login.totp->username)
            return crypto::Secret(*kept);
    return otp::to_uri(*login.totp, login.item->title);
}

}  // namespace

void write(const Vault& vault, io::Output& out, const WriteOptions&, Report& report) {
    const Holds holds{.format = "Apple Passwords CSV", .own_extension = apple_extension, .notes = true, .totp = true};
    const std::vector<Login> logins = plan_logins(vault, holds, report);
    csv::Writer writer(out);
    writer.row(apple_header);
    for (const Login& login : logins) {
        const crypto::Secret otp = otpauth(login);
        const auto row = [&](std::string_view url) {
            const std::string_view cells[] = {login.item->title, url, login.username, login.password, login.notes.view(), otp.view()};
            write_row(writer, cells, login.place);
        };
        if (login.urls.empty()) row({});
        for (const std::string_view url : login.urls) row(url);
    }
}

}  // namespace cxf::apple_csv
