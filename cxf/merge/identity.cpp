// SPDX-License-Identifier: MIT
#include "cxf/merge/identity.h"

#include "cxf/crypto/hash.h"
#include "cxf/otp/otpauth.h"

namespace cxf::merging {

namespace {

std::string lowercase(std::string_view text) {
    std::string out(text);
    for (char& c : out) c = otp::lower(c);
    return out;
}

// A digest, so that a username (held as a secret by some formats) is not copied into a plain string.
// The lengths go in too: no two different pairs of parts give one key.
std::string key_of(std::string_view kind, std::string_view a, std::string_view b) {
    const std::string lengths = std::to_string(a.size()) + ":" + std::to_string(b.size());
    const crypto::SecureBytes digest = crypto::sha256({as_bytes(kind), as_bytes(lengths), as_bytes(a), as_bytes(b)});
    return std::string(as_text(digest));
}

}  // namespace

std::string normalised_site(std::string_view url) {
    std::string scheme = "https";
    if (const std::size_t sep = url.find("://"); sep != std::string_view::npos) {
        scheme = lowercase(url.substr(0, sep));
        url.remove_prefix(sep + 3);
    }
    url = url.substr(0, url.find_first_of("/?#"));
    if (const std::size_t at = url.rfind('@'); at != std::string_view::npos) url.remove_prefix(at + 1);
    std::string_view port;
    // A colon after the last ']' (an IPv6 literal keeps its own) starts the port.
    const std::size_t bracket = url.rfind(']');
    const std::size_t colon = url.rfind(':');
    if (colon != std::string_view::npos && (bracket == std::string_view::npos || colon > bracket)) {
        port = url.substr(colon + 1);
        url = url.substr(0, colon);
    }
    while (!url.empty() && url.back() == '.') url.remove_suffix(1);  // "example.com." is example.com
    if (url.empty()) return {};
    std::string site = scheme + "://" + lowercase(url);
    const bool default_port = port.empty() || (scheme == "https" && port == "443") || (scheme == "http" && port == "80");
    if (!default_port) site += ":" + std::string(port);
    return site;
}

bool same_url(std::string_view a, std::string_view b) {
    const auto rest = [](std::string_view url) {
        const std::size_t sep = url.find("://");
        if (sep != std::string_view::npos) url.remove_prefix(sep + 3);
        const std::size_t end = url.find_first_of("/?#");
        url = end == std::string_view::npos ? std::string_view() : url.substr(end);
        while (!url.empty() && url.back() == '/') url.remove_suffix(1);
        return url;
    };
    const std::string site = normalised_site(a);
    return a == b || (!site.empty() && site == normalised_site(b) && rest(a) == rest(b));
}

std::vector<Identity> identities(const Item& item) {
    std::vector<Identity> out;
    const BasicAuth* login = nullptr;
    for (const Credential& c : item.credentials) {
        if (const auto* passkey = std::get_if<Passkey>(&c))
            out.push_back({key_of("passkey", passkey->rp_id, as_text(passkey->credential_id)), "passkey for " + passkey->rp_id});
        else if (const auto* basic = std::get_if<BasicAuth>(&c); basic && !login)
            login = basic;
    }
    if (login && item.scope && !item.scope->urls.empty()) {
        const std::string site = normalised_site(item.scope->urls.front());
        const std::string_view username = login->username ? login->username->value.view() : std::string_view();
        if (!site.empty()) out.push_back({key_of("login", site, username), "login at " + site});
    }
    return out;
}

}  // namespace cxf::merging
