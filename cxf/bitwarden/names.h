// SPDX-License-Identifier: MIT
#pragma once

#include <string_view>

namespace cxf::bitwarden {

// The member names of Bitwarden exports (JSON pointers show other keys by position: json::Tape::names).
inline constexpr std::string_view member_names[] = {
    "accountNumber", "accountType", "address1", "address2", "address3", "archivedDate", "attachments", "autofillOnPageLoad",
    "bankAccount", "bankContactPhone", "bankName", "birthPlace", "branchNumber", "brand", "card", "cardholderName",
    "city", "code", "collectionIds", "collections", "company", "counter", "country", "creationDate",
    "credentialId", "data", "dateOfBirth", "deletedDate", "discoverable", "driversLicense", "email", "encKeyValidation_DO_NOT_EDIT",
    "encrypted", "expMonth", "expYear", "expirationDate", "externalId", "favorite", "fido2Credentials", "fields",
    "firstName", "folderId", "folders", "givenName", "iban", "id", "identity", "issueDate",
    "issuingAuthority", "issuingCountry", "issuingState", "items", "kdfIterations", "kdfMemory", "kdfParallelism", "kdfType",
    "key", "keyAlgorithm", "keyCurve", "keyFingerprint", "keyType", "keyValue", "lastName", "lastUsedDate",
    "licenseClass", "licenseNumber", "linkedId", "login", "match", "middleName", "name", "nameOnAccount",
    "nationalIdentificationNumber", "nationality", "notes", "number", "organizationId", "passport", "passportNumber", "passportType",
    "password", "passwordHistory", "passwordProtected", "passwordRevisionDate", "phone", "pin", "postalCode", "privateKey",
    "publicKey", "reprompt", "revisionDate", "routingNumber", "rpId", "rpName", "salt", "secureNote",
    "sex", "sshKey", "ssn", "state", "surname", "swiftCode", "title", "totp",
    "type", "uri", "uris", "userDisplayName", "userHandle", "userName", "username", "value",
};

}  // namespace cxf::bitwarden
