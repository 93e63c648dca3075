// SPDX-License-Identifier: MIT
#include "cxf/cxp/messages.h"

#include <array>

#include "cxf/cxp/json_fields.h"
#include "cxf/cxp/jwe.h"
#include "cxf/cxp/jwk.h"
#include "cxf/encoding/base64.h"
#include "cxf/error.h"
#include "cxf/json/cursor.h"
#include "cxf/json/document.h"
#include "cxf/json/tape.h"
#include "cxf/json/writer.h"

namespace cxf::cxp {

namespace {

using json::Cursor;
using json::Kind;
using Writer = json::Writer<json::AppendStream<std::string>>;

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

void key(Writer& w, std::string_view name) { w.Key(name.data(), static_cast<rapidjson::SizeType>(name.size())); }

void text(Writer& w, std::string_view value, std::string_view what) {
    if (!json::valid_utf8(value)) throw Error(Errc::invalid, {"", std::string(what)}, "the text is not valid UTF-8");
    w.String(value.data(), static_cast<rapidjson::SizeType>(value.size()));
}

void jwk_value(Writer& w, const std::string& jwk) {
    json::Tape tape;
    try {
        json::parse(jwk, "key", {}, tape);
    } catch (const Error&) {
        throw Error(Errc::invalid, {"", "/hpke/key"}, "the offer's key is not JSON");
    }
    if (tape.nodes.empty() || tape.nodes[0].kind != Kind::object)
        throw Error(Errc::invalid, {"", "/hpke/key"}, "the offer's key is not a JSON object");
    w.RawValue(jwk.data(), jwk.size(), rapidjson::kObjectType);
}

void write_parameters(Writer& w, const HpkeParameters& p) {
    w.StartObject();
    key(w, "mode");
    text(w, mode_name(p.mode), "/hpke/mode");
    key(w, "kem");
    w.Uint(p.kem);
    key(w, "kdf");
    w.Uint(p.kdf);
    key(w, "aead");
    w.Uint(p.aead);
    if (p.key) {
        key(w, "key");
        jwk_value(w, *p.key);
    }
    w.EndObject();
}

void write_strings(Writer& w, std::string_view name, const std::vector<std::string>& values) {
    key(w, name);
    w.StartArray();
    for (const std::string& value : values) text(w, value, "/" + std::string(name));
    w.EndArray();
}

template <typename Body>
std::string write_object(Body body) {
    std::string out;
    json::AppendStream<std::string> stream(out);
    Writer w(stream);
    w.StartObject();
    body(w);
    w.EndObject();
    return out;
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
    return write_object([&](Writer& w) {
        key(w, "version");
        w.Uint64(request.version);
        key(w, "hpke");
        w.StartArray();
        for (const HpkeParameters& offer : request.hpke) write_parameters(w, offer);
        w.EndArray();
        key(w, "importer");
        text(w, request.importer, "/importer");
        if (request.credential_types) write_strings(w, "credentialTypes", *request.credential_types);
        if (request.known_extensions) write_strings(w, "knownExtensions", *request.known_extensions);
    });
}

std::string write_export_response(const ExportResponse& response) {
    return write_object([&](Writer& w) {
        key(w, "version");
        w.Uint64(response.version);
        key(w, "hpke");
        write_parameters(w, response.hpke);
        key(w, "exporter");
        text(w, response.exporter, "/exporter");
        key(w, "payload");
        const std::string payload = encoding::base64url_encode(response.payload);
        w.String(payload.data(), static_cast<rapidjson::SizeType>(payload.size()));
    });
}

std::string write_error_response(const ErrorResponse& response) {
    return write_object([&](Writer& w) {
        key(w, "version");
        w.Uint64(response.version);
        key(w, "error");
        text(w, error_code_name(response.error), "/error");
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
