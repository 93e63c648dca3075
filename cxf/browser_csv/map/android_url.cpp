// SPDX-License-Identifier: MIT
#include "cxf/browser_csv/map/android_url.h"

#include "cxf/encoding/base64.h"

namespace cxf::browser_csv {

std::optional<AndroidUrl> parse_android_url(std::string_view url) {
    if (!url.starts_with(android_scheme)) return std::nullopt;
    std::string_view rest = url.substr(android_scheme.size());
    if (rest.ends_with('/')) rest.remove_suffix(1);
    const auto at = rest.rfind('@');
    if (at == std::string_view::npos) return std::nullopt;
    const std::string_view hash = rest.substr(0, at);
    const std::string_view package = rest.substr(at + 1);
    if (package.empty() || package.find_first_of("/?#") != std::string_view::npos) return std::nullopt;
    AndroidUrl parsed;
    parsed.app.bundle_id = std::string(package);
    if (hash.empty()) return parsed;
    const auto bytes = encoding::base64url_decode(hash);
    if (bytes && (bytes->size() == 32 || bytes->size() == 64))
        parsed.app.certificate = AndroidCertificate{*bytes, bytes->size() == 32 ? "sha256" : "sha512"};
    else
        parsed.hash_unread = true;
    return parsed;
}

std::string android_url(const AndroidApp& app) {
    std::string hash;
    if (app.certificate) {
        hash = encoding::base64url_encode(app.certificate->fingerprint);
        hash.append((4 - hash.size() % 4) % 4, '=');
    }
    return std::string(android_scheme) + hash + "@" + app.bundle_id + "/";
}

bool same_app(const AndroidApp& a, const AndroidApp& b) {
    if (a.bundle_id != b.bundle_id || a.certificate.has_value() != b.certificate.has_value()) return false;
    return !a.certificate ||
           (a.certificate->fingerprint == b.certificate->fingerprint && a.certificate->hash_alg == b.certificate->hash_alg);
}

}  // namespace cxf::browser_csv
