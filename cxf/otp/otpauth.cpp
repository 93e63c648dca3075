// SPDX-License-Identifier: MIT
#include "cxf/otp/otpauth.h"

#include <algorithm>
#include <charconv>

#include "cxf/encoding/base64.h"

namespace cxf::otp {

namespace {

constexpr std::string_view scheme = "otpauth://";
constexpr std::uint16_t max_digits = 10;  // what validation accepts (RFC 4226 codes have 6 to 10)

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    c = lower(c);
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
}

// RFC 3986 percent-decoding; a '%' not followed by two hex digits is kept as it is.
crypto::Secret decode(std::string_view text) {
    crypto::Secret out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '%' && i + 2 < text.size()) {
            const int hi = hex_value(text[i + 1]);
            const int lo = hex_value(text[i + 2]);
            if (hi >= 0 && lo >= 0) {
                out.push_back(static_cast<char>(hi * 16 + lo));
                i += 2;
                continue;
            }
        }
        out.push_back(text[i]);
    }
    return out;
}

}  // namespace

char lower(char c) noexcept { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool iequals(std::string_view a, std::string_view b) noexcept {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) { return lower(x) == lower(y); });
}

bool istarts_with(std::string_view text, std::string_view prefix) noexcept {
    return text.size() >= prefix.size() && iequals(text.substr(0, prefix.size()), prefix);
}

std::optional<std::uint16_t> positive_number(std::string_view text) {
    std::uint16_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || value == 0) return std::nullopt;
    return value;
}

void percent_encode(std::string_view text, crypto::Secret& out) {
    constexpr std::string_view hex = "0123456789ABCDEF";
    for (const char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
            c == '_' || c == '~') {
            out.push_back(c);
        } else {
            out.push_back('%');
            out.push_back(hex[u >> 4]);
            out.push_back(hex[u & 0xF]);
        }
    }
}

std::optional<Totp> parse_uri(std::string_view uri) {
    if (!istarts_with(uri, scheme)) return std::nullopt;
    std::string_view rest = uri.substr(scheme.size());
    const auto slash = rest.find('/');
    if (slash == std::string_view::npos || !iequals(rest.substr(0, slash), "totp")) return std::nullopt;
    rest.remove_prefix(slash + 1);
    const auto question = rest.find('?');
    const std::string_view label = rest.substr(0, question);
    const std::string_view query = question == std::string_view::npos ? std::string_view() : rest.substr(question + 1);

    Totp totp;
    bool has_secret = false;
    std::optional<std::string> issuer_param;
    std::string_view params = query;
    while (!params.empty()) {
        const auto amp = params.find('&');
        const std::string_view pair = params.substr(0, amp);
        params = amp == std::string_view::npos ? std::string_view() : params.substr(amp + 1);
        const auto eq = pair.find('=');
        const std::string_view key = pair.substr(0, eq);
        const std::string_view raw = eq == std::string_view::npos ? std::string_view() : pair.substr(eq + 1);
        if (iequals(key, "secret")) {
            totp.secret = decode(raw);
            const auto key_bytes = encoding::base32_decode(totp.secret.view());
            has_secret = key_bytes && !key_bytes->empty();
        } else if (iequals(key, "issuer")) {
            issuer_param = std::string(decode(raw).view());
        } else if (iequals(key, "algorithm")) {
            const crypto::Secret value = decode(raw);
            totp.algorithm.clear();
            for (const char c : value.view()) totp.algorithm.push_back(lower(c));
        } else if (iequals(key, "digits")) {
            const auto digits = positive_number(raw);
            if (!digits || *digits > max_digits) return std::nullopt;
            totp.digits = *digits;
        } else if (iequals(key, "period")) {
            const auto period = positive_number(raw);
            if (!period) return std::nullopt;
            totp.period = *period;
        } else if (iequals(key, "encoder") && !raw.empty()) {
            return std::nullopt;
        }
    }
    if (!has_secret) return std::nullopt;

    const crypto::Secret decoded_label = decode(label);
    const std::string_view text = decoded_label.view();
    const auto colon = text.find(':');
    std::string_view account = text;
    if (colon != std::string_view::npos) {
        const std::string_view prefix = text.substr(0, colon);
        if (!prefix.empty()) totp.issuer = std::string(prefix);
        account = text.substr(colon + 1);
        while (!account.empty() && account.front() == ' ') account.remove_prefix(1);
    }
    if (!account.empty()) totp.username = std::string(account);
    if (issuer_param && !issuer_param->empty()) totp.issuer = *issuer_param;
    return totp;
}

std::optional<Totp> parse_secret(std::string_view text) {
    const auto bytes = encoding::base32_decode(text);
    if (!bytes || bytes->empty()) return std::nullopt;
    Totp totp;
    totp.secret = crypto::Secret(text);
    return totp;
}

std::optional<Totp> parse(std::string_view text) {
    if (istarts_with(text, scheme)) return parse_uri(text);
    return parse_secret(text);
}

bool same_secret(const crypto::Secret& a, const crypto::Secret& b) {
    if (a == b) return true;
    const auto da = encoding::base32_decode(a.view()), db = encoding::base32_decode(b.view());
    return da && db && crypto::equal_ct(*da, *db);
}

bool is_plain(const Totp& totp) noexcept {
    return totp.period == 30 && totp.digits == 6 && totp.algorithm == "sha1" && !totp.username && !totp.issuer;
}

crypto::Secret to_uri(const Totp& totp, std::string_view fallback_label) {
    crypto::Secret uri("otpauth://totp/");
    if (totp.issuer) {
        percent_encode(*totp.issuer, uri);
        uri.push_back(':');
    }
    if (totp.username) percent_encode(*totp.username, uri);
    else if (!totp.issuer) percent_encode(fallback_label, uri);
    uri.append("?secret=");
    percent_encode(totp.secret.view(), uri);
    if (totp.issuer) {
        uri.append("&issuer=");
        percent_encode(*totp.issuer, uri);
    }
    if (totp.algorithm != "sha1") {
        uri.append("&algorithm=");
        std::string upper = totp.algorithm;
        for (char& c : upper)
            if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
        percent_encode(upper, uri);
    }
    if (totp.digits != 6) uri.append("&digits=" + std::to_string(totp.digits));
    if (totp.period != 30) uri.append("&period=" + std::to_string(totp.period));
    return uri;
}

}  // namespace cxf::otp
