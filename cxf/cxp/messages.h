// SPDX-License-Identifier: MIT
// CXP messages (Credential Exchange Protocol working draft 2024-10-03, member names as in the
// bitwarden credential-exchange-protocol crate): ExportRequest, ExportResponse, ErrorResponse.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "cxf/cxp/keys.h"
#include "cxf/cxp/suite.h"
#include "cxf/limits.h"
#include "cxf/secret.h"

namespace cxf::cxp {

// One HPKE offer. The ids are kept as numbers because an offer may name algorithms cxf lacks.
struct HpkeParameters {
    hpke::Mode mode = hpke::Mode::base;
    std::uint16_t kem = 0;
    std::uint16_t kdf = 0;
    std::uint16_t aead = 0;
    std::optional<std::string> key;  // a JWK object as compact JSON text, unparsed until chosen
};

struct ExportRequest {
    std::uint64_t version = 0;
    std::vector<HpkeParameters> hpke;  // in the importer's order of preference
    std::string importer;              // the importer's RP ID
    std::optional<std::vector<std::string>> credential_types;
    std::optional<std::vector<std::string>> known_extensions;
};

struct ExportResponse {
    std::uint64_t version = 0;
    HpkeParameters hpke;  // the offer chosen
    std::string exporter;
    Bytes payload;  // the encrypted archive; base64url on the wire
};

enum class ErrorCode {
    user_canceled,
    incompatible_hpke_parameters,
    missing_importer_key,
    incorrect_importer_key_encoding,
    unsupported_version,
    invalid_json,
    forbidden_action,
};

struct ErrorResponse {
    std::uint64_t version = 0;
    ErrorCode error = ErrorCode::invalid_json;
};

// The wire name, e.g. "IncompatibleHpkeParameters".
std::string_view error_code_name(ErrorCode code) noexcept;
// "base", "psk", "auth" or "auth-psk".
std::string_view mode_name(hpke::Mode mode) noexcept;

// A base-mode offer of `suite` with `key` as its JWK.
HpkeParameters make_offer(const hpke::Suite& suite, const hpke::PublicKey& key);

// Parse a message. Throws Errc::malformed with the JSON pointer of the fault (an exporter answers that
// with ErrorCode::invalid_json) and Errc::limit_exceeded past `limits`. `archive` and `mode` members of
// older drafts, and unknown members, are ignored. `file` names the input in errors.
ExportRequest read_export_request(std::string_view json, const std::string& file, const Limits& limits = {});
// An ErrorResponse when the document has an "error" member, else an ExportResponse.
std::variant<ExportResponse, ErrorResponse> read_export_response(std::string_view json, const std::string& file,
                                                                 const Limits& limits = {});

// Compact JSON. Throws Errc::invalid for text that is not UTF-8 or a key that is not a JSON object.
std::string write_export_request(const ExportRequest& request);
std::string write_export_response(const ExportResponse& response);
std::string write_error_response(const ErrorResponse& response);

struct Choice {
    std::size_t offer = 0;  // index into ExportRequest::hpke
    hpke::Suite suite;
    hpke::PublicKey key;
};

// The first offer cxf can encrypt an archive to (base mode, a suite jwe_alg names, a readable key of
// the offer's KEM), or the error to answer with: unsupported_version for a version other than 0;
// otherwise the first problem of an offer cxf could use (missing_importer_key,
// incorrect_importer_key_encoding); otherwise incompatible_hpke_parameters.
std::variant<Choice, ErrorCode> choose_offer(const ExportRequest& request);

}  // namespace cxf::cxp
