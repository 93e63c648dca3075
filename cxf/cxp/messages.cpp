// SPDX-License-Identifier: MIT
#include "cxf/cxp/messages.h"

#include <array>

#include "cxf/cxp/json_fields.h"
#include "cxf/cxp/jwe.h"
#include "cxf/cxp/jwk.h"
#include "cxf/encoding/base64.h"
#include "cxf/error.h"
#include "cxf/json/builder.h"
#include "cxf/json/cursor.h"
#include "cxf/json/document.h"
#include "cxf/json/tape.h"

namespace cxf::cxp {

namespace {

using json::Builder;
using json::Cursor;
using json::Kind;

constexpr std::array<std::pair<ErrorCode, std::string_view>, 7> error_names{{
    {ErrorCode::user_canceled, "UserCanceled"},
    {ErrorCode::incompatible_hpke_parameters, "IncompatibleHpkeParameters"},
    {ErrorCode::missing_importer_key, "MissingImporterKey"},
    {ErrorCode::incorrect_importer_key_encoding, "IncorrectImporterKeyEncoding"},
    {ErrorCode::unsupported_version, "UnsupportedVersion"},
    {ErrorCode::invalid_json, "InvalidJson"},
    {ErrorCode::forbidden_action, "ForbiddenAction"},
}};

constexpr std::array<hpke::Mode, 4> modes{hpke::Mode::base, hpke::Mode::psk, hpke::Mode::auth, hpke::Mode::auth_psk};

// --- reading

const Cursor& root_object(const Cursor& root, const json::Reader& fields) {
    if (!root.is_object())
        fields.fail(root, "a CXP message must be a JSON object, not " + std::string(json::type_name(root)));
    return root;
}

std::uint16_t id_member(const Cursor& object, std::string_view name, const json::Reader& fields) {
    return static_cast<std::uint16_t>(detail::uint_member(fields, object, name, 0xFFFF));
}

HpkeParameters read_parameters(const Cursor& object, const json::Reader& fields) {
    fields.expect(object, Kind::object, "hpke");
    HpkeParameters out;
    const Cursor mode = fields.required_member(object, "mode", Kind::string);
    bool known = false;
    for (const hpke::Mode m : modes)
        if (mode.string() == mode_name(m)) {
            out.mode = m;
            known = true;
        }
    if (!known) fields.fail(mode, "'mode' must be \"base\", \"psk\", \"auth\" or \"auth-psk\"");
    out.kem = id_member(object, "kem", fields);
    out.kdf = id_member(object, "kdf", fields);
    out.aead = id_member(object, "aead", fields);
    if (const auto key = fields.optional_member(object, "key", Kind::object))
        out.key = std::string(json::to_json(*key).view());
    return out;
}

std::vector<std::string> read_strings(const Cursor& array, std::string_view name, const json::Reader& fields) {
    std::vector<std::string> out;
    for (const Cursor element : array.elements()) {
        fields.expect(element, Kind::string, name);
        out.emplace_back(element.string());
    }
    return out;
}

std::optional<std::vector<std::string>> optional_strings(const Cursor& object, std::string_view name,
                                                         const json::Reader& fields) {
    const auto array = fields.optional_member(object, name, Kind::array);
    if (!array) return std::nullopt;
    return read_strings(*array, name, fields);
}

ErrorResponse read_error(const Cursor& root, const json::Reader& fields) {
    ErrorResponse out;
    out.version = detail::uint_member(fields, root, "version", UINT64_MAX);
    const Cursor error = fields.required_member(root, "error", Kind::string);
    for (const auto& [code, name] : error_names)
        if (error.string() == name) {
            out.error = code;
            return out;
        }
    fields.fail(error, "unknown CXP error code");
}

ExportResponse read_response(const Cursor& root, const json::Reader& fields) {
    ExportResponse out;
    out.version = detail::uint_member(fields, root, "version", UINT64_MAX);
    out.hpke = read_parameters(fields.required_member(root, "hpke", Kind::object), fields);
    out.exporter = std::string(fields.required_member(root, "exporter", Kind::string).string());
    const Cursor payload = fields.required_member(root, "payload", Kind::string);
    auto bytes = encoding::base64url_decode(payload.string());
    if (!bytes) fields.fail(payload, "'payload' is not base64url");
    out.payload = std::move(*bytes);
    return out;
}

// --- writing

// A member whose text comes from the caller: if it is not UTF-8, Errc::invalid at `place`.
void text(Builder& out, std::string_view name, std::string_view value, std::string place) {
    out.place = std::move(place);
    out.key(name).string(value);
}

void jwk_value(Builder& out, const std::string& jwk) {
    json::Tape tape;
    try {
        json::parse(jwk, "key", {}, tape);
    } catch (const Error&) {
        throw Error(Errc::invalid, {"", "/hpke/key"}, "the offer's key is not JSON");
    }
    if (tape.nodes.empty() || tape.nodes[0].kind != Kind::object)
        throw Error(Errc::invalid, {"", "/hpke/key"}, "the offer's key is not a JSON object");
    out.raw(jwk);
}

void write_parameters(Builder& out, const HpkeParameters& p) {
    out.begin_object();
    out.key("mode").string(mode_name(p.mode));
    out.key("kem").unsigned_integer(p.kem);
    out.key("kdf").unsigned_integer(p.kdf);
    out.key("aead").unsigned_integer(p.aead);
    if (p.key) {
        out.key("key");
        jwk_value(out, *p.key);
    }
    out.end_object();
}

void write_strings(Builder& out, std::string_view name, const std::vector<std::string>& values) {
    out.place = "/" + std::string(name);
    out.key(name).begin_array();
    for (const std::string& value : values) out.string(value);
    out.end_array();
}

template <typename Body>
std::string write_object(Body body) {
    Builder out;
    out.begin_object();
    body(out);
    out.end_object();
    return std::string(out.take().view());
}

// Whether `offer`'s key is a readable JWK for its KEM.
std::optional<hpke::PublicKey> offer_key(const HpkeParameters& offer, hpke::Kem kem) {
    json::Tape tape;
    try {
        json::parse(*offer.key, "key", {}, tape);
        const std::string base;
        hpke::PublicKey key = read_jwk(Cursor(tape, 0, base), "key");
        if (key.kem() == kem) return key;
    } catch (const Error&) {
    }
    return std::nullopt;
}

}  // namespace

std::string_view error_code_name(ErrorCode code) noexcept {
    for (const auto& [c, name] : error_names)
        if (c == code) return name;
    return "InvalidJson";
}

std::string_view mode_name(hpke::Mode mode) noexcept {
    switch (mode) {
        case hpke::Mode::base: return "base";
        case hpke::Mode::psk: return "psk";
        case hpke::Mode::auth: return "auth";
        case hpke::Mode::auth_psk: return "auth-psk";
    }
    return "base";
}

HpkeParameters make_offer(const hpke::Suite& suite, const hpke::PublicKey& key) {
    return {hpke::Mode::base, static_cast<std::uint16_t>(suite.kem), static_cast<std::uint16_t>(suite.kdf),
            static_cast<std::uint16_t>(suite.aead), jwk_json(key)};
}

ExportRequest read_export_request(std::string_view json_text, const std::string& file, const Limits& limits) {
    const json::Document document(json_text, file, limits);
    const json::Reader fields = detail::fields(file);
    const Cursor& root = root_object(document.root(), fields);
    ExportRequest out;
    out.version = detail::uint_member(fields, root, "version", UINT64_MAX);
    const Cursor offers = fields.required_member(root, "hpke", Kind::array);
    for (const Cursor offer : offers.elements()) out.hpke.push_back(read_parameters(offer, fields));
    if (out.hpke.empty()) fields.fail(offers, "'hpke' must offer at least one set of HPKE parameters");
    out.importer = std::string(fields.required_member(root, "importer", Kind::string).string());
    out.credential_types = optional_strings(root, "credentialTypes", fields);
    out.known_extensions = optional_strings(root, "knownExtensions", fields);
    return out;
}

std::variant<ExportResponse, ErrorResponse> read_export_response(std::string_view json_text, const std::string& file,
                                                                 const Limits& limits) {
    const json::Document document(json_text, file, limits);
    const json::Reader fields = detail::fields(file);
    const Cursor& root = root_object(document.root(), fields);
    if (root.find("error")) return read_error(root, fields);
    return read_response(root, fields);
}

std::string write_export_request(const ExportRequest& request) {
    return write_object([&](Builder& out) {
        out.key("version").unsigned_integer(request.version);
        out.key("hpke").begin_array();
        for (const HpkeParameters& offer : request.hpke) write_parameters(out, offer);
        out.end_array();
        text(out, "importer", request.importer, "/importer");
        if (request.credential_types) write_strings(out, "credentialTypes", *request.credential_types);
        if (request.known_extensions) write_strings(out, "knownExtensions", *request.known_extensions);
    });
}

std::string write_export_response(const ExportResponse& response) {
    return write_object([&](Builder& out) {
        out.key("version").unsigned_integer(response.version);
        out.key("hpke");
        write_parameters(out, response.hpke);
        text(out, "exporter", response.exporter, "/exporter");
        out.key("payload").string(encoding::base64url_encode(response.payload));
    });
}

std::string write_error_response(const ErrorResponse& response) {
    return write_object([&](Builder& out) {
        out.key("version").unsigned_integer(response.version);
        out.key("error").string(error_code_name(response.error));
    });
}

std::variant<Choice, ErrorCode> choose_offer(const ExportRequest& request) {
    if (request.version != 0) return ErrorCode::unsupported_version;
    std::optional<ErrorCode> problem;
    for (std::size_t i = 0; i < request.hpke.size(); ++i) {
        const HpkeParameters& offer = request.hpke[i];
        const auto suite = hpke::find_suite(offer.kem, offer.kdf, offer.aead);
        if (offer.mode != hpke::Mode::base || !suite || !jwe_alg(*suite)) continue;
        if (!offer.key) {
            if (!problem) problem = ErrorCode::missing_importer_key;
            continue;
        }
        if (auto key = offer_key(offer, suite->kem)) return Choice{i, *suite, std::move(*key)};
        if (!problem) problem = ErrorCode::incorrect_importer_key_encoding;
    }
    return problem.value_or(ErrorCode::incompatible_hpke_parameters);
}

}  // namespace cxf::cxp
