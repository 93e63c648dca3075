// SPDX-License-Identifier: MIT
// A CXF vault made to test what KDBX can and cannot hold: two accounts, several credentials of one
// kind in an item, names that look like KeePass's own, ids that are not UUIDs, absent times, an item
// in two collections and a link into another account. Attachment bytes are added by the tests.
#pragma once

#include <string_view>

namespace test::kdbx_mapping {

inline constexpr std::string_view kdbx_sink_cxf = R"json({
  "version": {"major": 1, "minor": 0},
  "exporterRpId": "exporter.example.com",
  "exporterDisplayName": "Exporter",
  "timestamp": 1705228800,
  "accounts": [{
    "id": "AAECAwQFBgcICQoLDA0ODw",
    "username": "jane",
    "email": "jane@example.com",
    "collections": [
      {"id": "MTExMTExMTExMTExMTExMQ", "creationAt": 1700000000, "modifiedAt": 1700000001, "title": "Wörk",
       "subtitle": "work things",
       "items": [{"item": "QUFBQUFBQUFBQUFBQUFBQQ"}],
       "subCollections": [{"id": "c3Vi", "title": "Sub", "subtitle": "", "items": [{"item": "Q0NDQ0NDQ0NDQ0NDQ0NDQw"}]}]},
      {"id": "MjIyMjIyMjIyMjIyMjIyMg", "title": "Second home",
       "items": [{"item": "QUFBQUFBQUFBQUFBQUFBQQ", "account": "AAECAwQFBgcICQoLDA0ODw"}, {"item": "RERERERERERERERERERERA"}]}
    ],
    "items": [
      {"id": "Q0NDQ0NDQ0NDQ0NDQ0NDQw", "creationAt": 1700000000, "modifiedAt": 1700000100, "title": "Plain passkey",
       "scope": {"urls": ["https://example.com"], "androidApps": []},
       "credentials": [
         {"type": "passkey", "credentialId": "Y3JlZC1j", "rpId": "example.com", "username": "cee", "userDisplayName": "",
          "userHandle": "aGFuZGxlLWM",
          "key": "MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgARu_0sCt20EpgVxb4Puq3Ga5VVLpuTY75ngvZlyq3X6hRANCAASmdk1xLsK0oOlhxIPp0d1ZuS0sT9nf6BZtSelhqvLBW0fOL33l_bXgsr_STUHjCLn8l6gcRJwe7OQvbQubZ1dY"},
         {"type": "file", "id": "ZmlsZS1j", "name": "shared.txt", "decryptedSize": 0, "integrityHash": ""}
       ]},
      {"id": "QUFBQUFBQUFBQUFBQUFBQQ", "creationAt": 1700000000, "modifiedAt": 1700000200, "title": "Ëverything twice",
       "tags": ["a", "b;c"],
       "credentials": [
         {"type": "basic-auth", "username": {"fieldType": "string", "value": "first"},
          "password": {"fieldType": "concealed-string", "value": "pw-1"}},
         {"type": "basic-auth", "username": {"fieldType": "email", "value": "second@example.com", "label": "Email"},
          "password": {"fieldType": "concealed-string", "value": "pw-2", "id": "cHcy"}},
         {"type": "note", "content": {"fieldType": "string", "value": "note one"}},
         {"type": "note", "content": {"fieldType": "string", "value": "note two ✓"}},
         {"type": "totp", "secret": "JBSWY3DPEHPK3PXP", "period": 30, "digits": 6, "algorithm": "sha1", "issuer": "Iss"},
         {"type": "totp", "secret": "GEZDGNBVGY3TQOJQ", "period": 60, "digits": 8, "username": "a:b", "algorithm": "sha512"},
         {"type": "passkey", "credentialId": "Y3JlZC1h", "rpId": "a.example", "username": "ay", "userDisplayName": "A Y",
          "userHandle": "aGFuZGxlLWE",
          "key": "MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgARu_0sCt20EpgVxb4Puq3Ga5VVLpuTY75ngvZlyq3X6hRANCAASmdk1xLsK0oOlhxIPp0d1ZuS0sT9nf6BZtSelhqvLBW0fOL33l_bXgsr_STUHjCLn8l6gcRJwe7OQvbQubZ1dY",
          "fido2Extensions": {"hmacCredentials": {"algorithm": "hmac-sha256",
                                                  "credWithUV": "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8",
                                                  "credWithoutUV": "ICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj8"},
                              "credBlob": "YmxvYg", "payments": false}},
         {"type": "passkey", "credentialId": "Y3JlZC1i", "rpId": "b.example", "username": "bee", "userDisplayName": "",
          "userHandle": "",
          "key": "MC4CAQAwBQYDK2VwBCIEID-U9VakauO4Fsv4b_znpDHcdYg74U68siZjnWLPn7Q1"},
         {"type": "custom-fields", "fields": [
           {"fieldType": "string", "value": "not a TOTP", "label": "otp"},
           {"fieldType": "string", "value": "https://not-a-url.example", "label": "KP2A_URL_1"},
           {"fieldType": "string", "value": "not the title", "label": "Title"},
           {"fieldType": "concealed-string", "value": "unlabelled"},
           {"fieldType": "string", "value": "dup 1", "label": "Same"},
           {"fieldType": "string", "value": "dup 2", "label": "Same"}]},
         {"type": "custom-fields", "id": "c2Vj", "label": "Second section", "fields": [
           {"fieldType": "number", "value": "7", "label": "Count", "id": "bnVt"}]},
         {"type": "file", "id": "ZmlsZS1h", "name": "shared.txt", "decryptedSize": 0, "integrityHash": ""},
         {"type": "file", "id": "ZmlsZS1hMg", "name": "shared.txt", "decryptedSize": 0, "integrityHash": ""},
         {"type": "file", "id": "ZmlsZS1hMw", "name": "described only.pdf", "decryptedSize": 5,
          "integrityHash": "LPJNul-wow4m6DsqxbninhsWHlwfp0JecwQzYpOLmCQ"}
       ],
       "extensions": [{"name": "cxf.local/history", "items": [
         {"id": "QUFBQUFBQUFBQUFBQUFBQQ", "creationAt": 1700000000, "modifiedAt": 1700000050, "title": "Ëverything (v1)",
          "credentials": [{"type": "basic-auth", "password": {"fieldType": "concealed-string", "value": "pw-0"}},
                          {"type": "file", "id": "ZmlsZS1oMQ", "name": "old.txt", "decryptedSize": 0, "integrityHash": ""}]},
         {"id": "b2xkLWlk", "creationAt": 1700000000, "title": "Ëverything (v2)", "favorite": true,
          "credentials": [{"type": "basic-auth", "password": {"fieldType": "concealed-string", "value": "pw-00"}}]}]}]},
      {"id": "RERERERERERERERERERERA", "title": "Empty scope", "scope": {"urls": [], "androidApps": []}, "credentials": []},
      {"id": "aXRlbS1i", "title": "Not a UUID", "subtitle": "", "favorite": true,
       "scope": {"urls": ["https://b.example.com", "https://b2.example.com"],
                 "androidApps": [{"bundleId": "com.example.b",
                                  "certificate": {"fingerprint": "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8", "hashAlg": "sha256"},
                                  "name": "B app"},
                                 {"bundleId": "com.example.b2"}]},
       "credentials": [
         {"type": "api-key", "key": {"fieldType": "concealed-string", "value": "sk-1"},
          "url": {"fieldType": "string", "value": "https://api.example.com"}},
         {"type": "wifi", "ssid": {"fieldType": "string", "value": "Home"},
          "passphrase": {"fieldType": "concealed-string", "value": "wifi-pass"},
          "hidden": {"fieldType": "boolean", "value": "false"}},
         {"type": "ssh-key", "keyType": "ssh-ed25519",
          "privateKey": "MC4CAQAwBQYDK2VwBCIEID-U9VakauO4Fsv4b_znpDHcdYg74U68siZjnWLPn7Q1",
          "keyComment": "jane@laptop"},
         {"type": "generated-password", "password": "Xk9#mP2$"},
         {"type": "item-reference", "reference": {"item": "QUFBQUFBQUFBQUFBQUFBQQ"}}
       ]}
    ]
  }, {
    "id": "YWNjdC0y",
    "username": "bob",
    "email": "bob@example.com",
    "fullName": "Bob B",
    "collections": [
      {"id": "MzMzMzMzMzMzMzMzMzMzMw", "title": "Bob's", "creationAt": 1700000000, "modifiedAt": 1700000000,
       "items": [{"item": "RUVFRUVFRUVFRUVFRUVFRQ"}, {"item": "QUFBQUFBQUFBQUFBQUFBQQ", "account": "AAECAwQFBgcICQoLDA0ODw"}]}
    ],
    "items": [
      {"id": "RUVFRUVFRUVFRUVFRUVFRQ", "creationAt": 1700000000, "modifiedAt": 1700000000, "title": "Bob's login",
       "credentials": [{"type": "basic-auth", "username": {"fieldType": "string", "value": "bob"},
                        "password": {"fieldType": "concealed-string", "value": "bob-pw"}}]},
      {"id": "RkZGRkZGRkZGRkZGRkZGRg", "creationAt": 1700000000, "modifiedAt": 1700000000, "title": "Bob's loose item",
       "credentials": [{"type": "note", "content": {"fieldType": "string", "value": "not in a collection"}}]}
    ]
  }]
})json";

}  // namespace test::kdbx_mapping
