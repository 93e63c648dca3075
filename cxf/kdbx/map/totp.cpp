// SPDX-License-Identifier: MIT
#include "cxf/kdbx/map/totp.h"

#include <algorithm>

#include "cxf/encoding/base64.h"
#include "cxf/kdbx/map/names.h"
#include "cxf/otp/otpauth.h"

namespace cxf::kdbx_map {

namespace {

// A parsed shape: the TOTP, the keys it used, and its spelling (empty when not reproducible).
struct Shape {
    Totp totp;
    std::vector<std::size_t> used;
    std::vector<TotpPart> parts;
};

// The value of query parameter `name` in `query` (case-insensitive name) as [start, end) offsets.
std::optional<std::pair<std::size_t, std::size_t>> parameter(std::string_view text, std::size_t query_start,
                                                             std::string_view name) {
    std::size_t at = query_start;
    while (at <= text.size()) {
        const std::size_t amp = std::min(text.find('&', at), text.size());
        const std::string_view pair = text.substr(at, amp - at);
        const auto eq = pair.find('=');
        if (eq != std::string_view::npos && pair.size() >= name.size() && eq == name.size() && otp::istarts_with(pair, name))
            return std::pair{at + eq + 1, amp};
        at = amp + 1;
    }
    return std::nullopt;
}

// The secret between `before` and `after`, written as it is or percent-encoded, so that the text
// can be rebuilt; nothing when it is written some other way.
std::vector<TotpPart> template_part(std::string_view key, std::string_view text, std::pair<std::size_t, std::size_t> span,
                                    const Totp& totp) {
    const std::string_view raw = text.substr(span.first, span.second - span.first);
    std::string encoding;
    crypto::Secret encoded;
    otp::percent_encode(totp.secret.view(), encoded);
    if (raw == totp.secret.view()) encoding = "text";
    else if (raw == encoded.view()) encoding = "uri";
    else return {};
    return {TotpPart{std::string(key), encoding, std::string(text.substr(0, span.first)), std::string(text.substr(span.second)), {}}};
}

std::string algorithm_from_keepass(std::string_view name) {
    std::string lowered;
    for (const char c : name)
        if (c != '-') lowered.push_back(otp::lower(c));
    if (lowered.substr(0, 4) == "hmac") lowered.erase(0, 4);
    return lowered;
}

std::optional<Shape> legacy_shape(const StringTable& strings, std::vector<std::string>& problems) {
    const auto seed = strings.find(totp_seed_key);
    if (!seed || strings.used(*seed)) return std::nullopt;
    Shape shape;
    shape.used.push_back(*seed);
    shape.parts.push_back(TotpPart{std::string(totp_seed_key), "text", {}, {}, {}});
    if (const auto settings = strings.find(totp_settings_key); settings && !strings.used(*settings)) {
        const std::string_view text = strings.at(*settings).value.view();
        const auto semicolon = text.find(';');
        if (semicolon != std::string_view::npos) {
            const std::string_view second = text.substr(semicolon + 1, text.find(';', semicolon + 1) - semicolon - 1);
            if (second == "S") {
                problems.push_back("Steam TOTP (TOTP Settings \"S\") kept as custom fields: CXF cannot express Steam's encoding");
                return std::nullopt;
            }
            const auto period = otp::positive_number(text.substr(0, semicolon));
            const auto digits = otp::positive_number(second);
            if (!period || !digits) {
                problems.push_back("TOTP Seed/TOTP Settings kept as custom fields: the settings are not \"period;digits\"");
                return std::nullopt;
            }
            shape.totp.period = *period;
            shape.totp.digits = *digits;
        }
        shape.used.push_back(*settings);
        shape.parts.push_back(TotpPart{std::string(totp_settings_key), {}, {}, {}, std::string(text)});
    }
    auto parsed = otp::parse_secret(strings.at(*seed).value.view());
    if (!parsed) {
        problems.push_back("TOTP Seed kept as a custom field: it is not Base32");
        return std::nullopt;
    }
    shape.totp.secret = std::move(parsed->secret);
    return shape;
}

std::optional<Shape> keeotp_shape(std::string_view text) {
    Shape shape;
    const auto key = parameter(text, 0, "key");
    if (!key) return std::nullopt;
    auto parsed = otp::parse_secret(text.substr(key->first, key->second - key->first));
    if (!parsed) return std::nullopt;
    shape.totp.secret = std::move(parsed->secret);
    const auto setting = [&](std::string_view name) -> std::optional<std::string_view> {
        const auto span = parameter(text, 0, name);
        if (!span) return std::nullopt;
        return text.substr(span->first, span->second - span->first);
    };
    if (const auto size = setting("size")) {
        const auto digits = otp::positive_number(*size);
        if (!digits) return std::nullopt;
        shape.totp.digits = *digits;
    }
    if (const auto step = setting("step")) {
        const auto period = otp::positive_number(*step);
        if (!period) return std::nullopt;
        shape.totp.period = *period;
    }
    if (const auto mode = setting("otpHashMode")) shape.totp.algorithm = algorithm_from_keepass(*mode);
    shape.parts = template_part(otp_key, text, *key, shape.totp);
    return shape;
}

std::optional<Shape> otp_shape(const StringTable& strings, std::vector<std::string>& problems) {
    const auto index = strings.find(otp_key);
    if (!index || strings.used(*index)) return std::nullopt;
    const std::string_view text = strings.at(*index).value.view();
    std::optional<Shape> shape;
    if (otp::istarts_with(text, "otpauth://")) {
        if (const auto encoder = parameter(text, text.find('?') + 1, "encoder"); encoder && encoder->second > encoder->first) {
            problems.push_back("Steam TOTP (otp encoder=steam) kept as a custom field: CXF cannot express Steam's encoding");
            return std::nullopt;
        }
        if (auto totp = otp::parse_uri(text)) {
            shape.emplace();
            shape->totp = std::move(*totp);
            if (const auto question = text.find('?'); question != std::string_view::npos)
                if (const auto secret = parameter(text, question + 1, "secret"))
                    shape->parts = template_part(otp_key, text, *secret, shape->totp);
        }
    } else if (text.find("key=") != std::string_view::npos) {
        shape = keeotp_shape(text);
    }
    if (!shape) {
        problems.push_back("otp kept as a custom field: it is neither a TOTP otpauth URI nor KeeOtp settings");
        return std::nullopt;
    }
    shape->used.push_back(*index);
    return shape;
}

std::optional<Shape> time_otp_shape(const StringTable& strings, std::vector<std::string>& problems) {
    Shape shape;
    std::optional<crypto::SecureBytes> bytes;
    for (const std::string_view key : {time_otp_secret_base32, time_otp_secret_hex, time_otp_secret_base64, time_otp_secret}) {
        const auto index = strings.find(key);
        if (!index || strings.used(*index)) continue;
        const std::string_view text = strings.at(*index).value.view();
        std::string encoding;
        if (key == time_otp_secret_base32) {
            auto parsed = otp::parse_secret(text);
            if (parsed) shape.totp.secret = std::move(parsed->secret);
            encoding = parsed ? "text" : "";
        } else if (key == time_otp_secret_hex) {
            bytes = encoding::hex_decode_secure(text);
            if (bytes) encoding = std::any_of(text.begin(), text.end(), [](char c) { return c >= 'A' && c <= 'F'; }) ? "HEX" : "hex";
        } else if (key == time_otp_secret_base64) {
            bytes = encoding::base64_decode_secure(text);
            encoding = "base64";
        } else {
            bytes = crypto::secure_copy(as_bytes(text));
            encoding = "utf8";
        }
        if (encoding.empty() || (key != time_otp_secret_base32 && (!bytes || bytes->empty()))) {
            problems.push_back(std::string(key) + " kept as a custom field: it does not decode");
            return std::nullopt;
        }
        if (bytes) shape.totp.secret = encoding::base32_encode_secret(*bytes);
        shape.used.push_back(*index);
        shape.parts.push_back(TotpPart{std::string(key), encoding, {}, {}, {}});
        break;
    }
    if (shape.used.empty()) return std::nullopt;
    for (const std::string_view key : {time_otp_length, time_otp_period, time_otp_algorithm}) {
        const auto index = strings.find(key);
        if (!index || strings.used(*index)) continue;
        const std::string_view text = strings.at(*index).value.view();
        if (key == time_otp_algorithm) {
            shape.totp.algorithm = algorithm_from_keepass(text);
        } else {
            const auto n = otp::positive_number(text);
            if (!n) {
                problems.push_back(std::string(key) + " is not a number: the TimeOtp attributes are kept as custom fields");
                return std::nullopt;
            }
            (key == time_otp_length ? shape.totp.digits : shape.totp.period) = *n;
        }
        shape.used.push_back(*index);
        shape.parts.push_back(TotpPart{std::string(key), {}, {}, {}, std::string(text)});
    }
    return shape;
}

bool same_code(const Totp& a, const Totp& b) {
    return otp::same_secret(a.secret, b.secret) && a.period == b.period && a.digits == b.digits &&
           a.algorithm == b.algorithm;
}

// Whether `parts` written for `totp` give back exactly the strings the shape came from.
bool reproducible(const Shape& shape, const StringTable& strings) {
    if (shape.parts.size() != shape.used.size()) return false;
    const auto rendered = render_parts(shape.parts, shape.totp);
    if (!rendered) return false;
    for (std::size_t i = 0; i < shape.used.size(); ++i)
        if ((*rendered)[i].value.view() != strings.at(shape.used[i]).value.view()) return false;
    return true;
}

}  // namespace

std::optional<TotpReading> read_totp(StringTable& strings, std::vector<std::string>& problems) {
    std::optional<TotpReading> result;
    bool spelled = true;
    for (int kind = 0; kind < 3; ++kind) {
        std::optional<Shape> shape = kind == 0   ? legacy_shape(strings, problems)
                                     : kind == 1 ? otp_shape(strings, problems)
                                                 : time_otp_shape(strings, problems);
        if (!shape) continue;
        if (!result) {
            spelled = reproducible(*shape, strings);
            for (const std::size_t i : shape->used) strings.use(i);
            result.emplace();
            result->totp = std::move(shape->totp);
            result->parts = std::move(shape->parts);
            continue;
        }
        // Another shape of the same TOTP is kept only if it can be written back exactly from it.
        Shape again{clone(result->totp), shape->used, shape->parts};
        if (!spelled || !same_code(shape->totp, result->totp) || !reproducible(again, strings)) {
            problems.push_back("a second TOTP shape that differs from the first is kept as custom fields");
            continue;
        }
        for (const std::size_t i : shape->used) strings.use(i);
        result->parts.insert(result->parts.end(), shape->parts.begin(), shape->parts.end());
    }
    if (result && !spelled) result->parts.clear();
    return result;
}

std::optional<std::vector<kdbx::StringField>> render_parts(const std::vector<TotpPart>& parts, const Totp& totp) {
    std::vector<kdbx::StringField> out;
    for (const TotpPart& part : parts) {
        if (part.encoding.empty()) {
            out.push_back({part.key, crypto::Secret(part.value), false});
            continue;
        }
        crypto::Secret value(part.before);
        if (part.encoding == "text") {
            value.append(totp.secret.view());
        } else if (part.encoding == "uri") {
            otp::percent_encode(totp.secret.view(), value);
        } else {
            const auto bytes = encoding::base32_decode(totp.secret.view());
            if (!bytes) return std::nullopt;
            if (part.encoding == "hex" || part.encoding == "HEX") {
                std::string hex = encoding::hex_encode(*bytes);
                if (part.encoding == "HEX")
                    for (char& c : hex) c = static_cast<char>(c >= 'a' && c <= 'f' ? c - 'a' + 'A' : c);
                value.append(hex);
                crypto::wipe(hex.data(), hex.size());
            } else if (part.encoding == "base64") {
                value.append(encoding::base64_encode_secret(*bytes).view());
            } else if (part.encoding == "utf8") {
                value.append(as_text(*bytes));
            } else {
                return std::nullopt;
            }
        }
        value.append(part.after);
        out.push_back({part.key, std::move(value), true});
    }
    return out;
}

kdbx::StringField otp_attribute(const Totp& totp, std::string key) {
    return kdbx::StringField{std::move(key), otp::to_uri(totp), true};
}

Totp clone(const Totp& t) {
    Totp copy;
    copy.secret = t.secret.clone();
    copy.period = t.period;
    copy.digits = t.digits;
    copy.username = t.username;
    copy.algorithm = t.algorithm;
    copy.issuer = t.issuer;
    return copy;
}

bool same_totp(const Totp& a, const Totp& b) noexcept {
    return a.secret == b.secret && a.period == b.period && a.digits == b.digits && a.algorithm == b.algorithm &&
           a.username == b.username && a.issuer == b.issuer;
}

}  // namespace cxf::kdbx_map
