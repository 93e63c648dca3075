#!/usr/bin/python3
# SPDX-License-Identifier: MIT
# Writes the synthetic 1PUX fixtures of testdata/1password/ (see PROVENANCE.md): what the real
# KeePassXC sample lacks. Run from anywhere: /usr/bin/python3 testdata/1password/make_fixtures.py
# The output is deterministic (fixed zip dates) and checked in.
import json
import pathlib
import zipfile

from cryptography.hazmat.primitives import serialization

HERE = pathlib.Path(__file__).resolve().parent
SSH_KEY = HERE.parent / "bitwarden" / "openssh" / "id_ed25519"  # a throwaway key made for this project
DATE = (2024, 1, 1, 0, 0, 0)


def zip_file(path, entries):
    with zipfile.ZipFile(path, "w") as z:
        for name, data in entries:
            info = zipfile.ZipInfo(name, DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)


def attrs(**extra):
    base = {"version": 3, "description": "1Password Unencrypted Export"}
    base.update(extra)
    return json.dumps(base)


def inputs(keyboard="default"):
    return {"keyboard": keyboard, "correction": "default", "capitalization": "default"}


def field(fid, title, kind, value, index=0, guarded=False):
    return {"title": title, "id": fid, "value": {kind: value}, "indexAtSource": index, "guarded": guarded,
            "multiline": False, "dontGenerate": False, "inputTraits": inputs()}


def section(name, title, *fields):
    return {"title": title, "name": name, "fields": list(fields)}


def item(uuid, category, title, sections=(), **details):
    d = {"loginFields": [], "notesPlain": "", "sections": list(sections), "passwordHistory": []}
    d.update(details)
    return {"uuid": uuid, "favIndex": 0, "createdAt": 1700000000, "updatedAt": 1700000100, "state": "active",
            "categoryUuid": category, "details": d, "overview": {"title": title, "url": "", "tags": []}}


def export(items, vault_name="Synthetic"):
    return json.dumps({"accounts": [{
        "attrs": {"accountName": "Synthetic", "name": "Sam Synthetic", "avatar": "", "email": "sam@example.com",
                  "uuid": "SYNTHETICACCOUNTUUID000001", "domain": "https://my.1password.com/"},
        "vaults": [{"attrs": {"uuid": "syntheticvault000000000001", "desc": "", "name": vault_name, "type": "P"},
                    "items": items}]}]}, indent=1)


def ssh_key_value():
    text = SSH_KEY.read_text()
    key = serialization.load_ssh_private_key(text.encode(), password=None)
    pkcs8 = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                              serialization.NoEncryption()).decode()
    public = (SSH_KEY.parent / "id_ed25519.pub").read_text().split(" ")
    fingerprint = (SSH_KEY.parent / "id_ed25519.fingerprint").read_text().strip()
    return {"privateKey": text, "metadata": {"privateKey": pkcs8, "publicKey": public[0] + " " + public[1],
                                             "fingerprint": fingerprint, "keyType": "ed25519"}}


def every_category():
    login = item("loginwithextras0000000001", "001", "Login With Extras", [
        section("add more", "Extra", field("TOTP_one", "one-time password", "totp",
                                           "otpauth://totp/Example:sam?secret=JBSWY3DPEHPK3PXP&issuer=Example&digits=8"),
                field("seen", "last seen", "date", 1700000000, 1),
                field("vin", "vehicle", "vehicleVin", "1HGCM82633A004352", 2),
                field("future", "future value", "futureKind", {"a": 1}, 3),
                field("ssn_link", "linked SSN", "reference", "ssnitem000000000000000001", 4),
                field("scan", "scan", "file", {"fileName": "scan.txt", "documentId": "scandocument00000000000001",
                                               "decryptedSize": 12}, 5),
                field("TOTP_two", "second code", "totp", "otpauth://totp/sam?issuer=Other&secret=GEZDGNBVGY3TQOJQ", 6))],
        loginFields=[{"value": "sam", "id": "", "name": "username", "fieldType": "T", "designation": "username"},
                     {"value": "hunter2", "id": "", "name": "password", "fieldType": "P", "designation": "password"},
                     {"value": "sam@example.com", "id": "", "name": "email", "fieldType": "E"}],
        passwordHistory=[{"value": "older", "time": 1600000000}, {"value": "old", "time": 1650000000}],
        passkey={"credentialId": "AAECAwQFBgcICQoLDA0ODw", "rpId": "example.com", "userHandle": "dXNlcg"})
    login["overview"].update({"url": "https://example.com", "tags": ["Work", "Work/Web"],
                              "urls": [{"label": "website", "url": "https://example.com"},
                                       {"label": "sign-in", "url": "https://login.example.com"}]})
    items = [
        login,
        item("softwarelicense0000000001", "100", "Software License", [
            section("", "", field("product_version", "version", "string", "2.7.9"),
                    field("reg_code", "license key", "concealed", "ABCD-EFGH-IJKL", 1)),
            section("customer", "Customer", field("reg_name", "licensed to", "string", "Sam Synthetic"),
                    field("reg_email", "registered email", "email",
                          {"email_address": "sam@example.com", "provider": "example"}, 1))]),
        item("databaseitem0000000000001", "102", "Database", [
            section("", "", field("database_type", "type", "menu", "mysql"),
                    field("hostname", "server", "string", "db.example.com", 1),
                    field("port", "port", "string", "3306", 2),
                    field("username", "username", "string", "dbuser", 3),
                    field("password", "password", "concealed", "dbpass", 4))]),
        item("driverlicense000000000001", "103", "Driver License", [
            section("", "", field("fullname", "full name", "string", "Sam Synthetic"),
                    field("birthdate", "date of birth", "date", 642772800, 1),
                    field("sex", "sex", "gender", "female", 2),
                    field("number", "number", "string", "D1234567", 3),
                    field("class", "license class", "string", "C", 4),
                    field("state", "state", "string", "CA", 5),
                    field("country", "country", "string", "US", 6),
                    field("expiry_date", "expiry date", "monthYear", 203005, 7))]),
        item("outdoorlicense00000000001", "104", "Outdoor License", [
            section("", "", field("name", "full name", "string", "Sam Synthetic"),
                    field("game", "approved wildlife", "string", "trout", 1),
                    field("expires", "expires", "date", 1767225600, 2))]),
        item("membershipitem00000000001", "105", "Membership", [
            section("", "", field("org_name", "group", "string", "Library"),
                    field("membership_no", "member ID", "string", "L-42", 1),
                    field("pin", "PIN", "concealed", "4242", 2),
                    field("member_since", "member since", "monthYear", 201909, 3))]),
        item("passportitem0000000000001", "106", "Passport", [
            section("", "", field("type", "type", "string", "P"),
                    field("issuing_country", "issuing country", "string", "de", 1),
                    field("number", "number", "string", "C01X00T47", 2),
                    field("fullname", "full name", "string", "Sam Synthetic", 3),
                    field("sex", "sex", "gender", "female", 4),
                    field("nationality", "nationality", "string", "German", 5),
                    field("issuing_authority", "issuing authority", "string", "Stadt Berlin", 6),
                    field("birthdate", "date of birth", "date", 642729600, 7),
                    field("birthplace", "place of birth", "string", "Berlin", 8),
                    field("issue_date", "issued on", "date", 1577836800, 9),
                    field("expiry_date", "expiry date", "date", 1893456000, 10))]),
        item("rewardprogram000000000001", "107", "Reward Program", [
            section("", "", field("company_name", "company name", "string", "Airline"),
                    field("membership_no", "member ID", "string", "FF-1001", 1),
                    field("pin", "PIN", "concealed", "9999", 2))]),
        item("ssnitem000000000000000001", "108", "Social Security Number", [
            section("", "", field("name", "name", "string", "Sam Synthetic"),
                    field("number", "number", "concealed", "078-05-1120", 1))]),
        item("wirelessrouter00000000001", "109", "Wireless Router", [
            section("", "", field("name", "base station name", "string", "router"),
                    field("password", "base station password", "concealed", "admin-pass", 1),
                    field("network_name", "network name", "string", "HomeNet", 2),
                    field("wireless_security", "wireless security", "menu", "wpa2-personal", 3),
                    field("wireless_password", "wireless network password", "concealed", "wifi-pass", 4))]),
        item("serveritem000000000000001", "110", "Server", [
            section("", "", field("url", "URL", "string", "https://server.example.com"),
                    field("username", "username", "string", "root", 1),
                    field("password", "password", "concealed", "server-pass", 2)),
            section("admin_console", "Admin Console",
                    field("admin_console_url", "admin console URL", "string", "https://admin.example.com"))]),
        item("emailaccount0000000000001", "111", "Email Account", [
            section("", "", field("pop_type", "type", "menu", "imap"),
                    field("pop_username", "username", "string", "sam@example.com", 1),
                    field("pop_server", "server", "string", "imap.example.com", 2),
                    field("pop_password", "password", "concealed", "mail-pass", 3)),
            section("SMTP", "SMTP", field("smtp_server", "SMTP server", "string", "smtp.example.com"))]),
        item("apicredential00000000001", "112", "API Credential", [
            section("", "", field("username", "username", "string", "api-user"),
                    field("credential", "credential", "concealed", "sk-test-123", 1),
                    field("type", "type", "menu", "bearer", 2),
                    field("hostname", "hostname", "string", "https://api.example.com", 3),
                    field("validFrom", "valid from", "date", 1704067200, 4),
                    field("expires", "expires", "date", 1767225600, 5))]),
        item("medicalrecord00000000001", "113", "Medical Record", [
            section("", "", field("patient", "patient", "string", "Sam Synthetic"),
                    field("reason", "reason for visit", "string", "check-up", 1)),
            section("medication", "Medication", field("medication", "medication", "string", "none"))]),
        item("sshkeyitem000000000000001", "114", "SSH Key", [
            section("", "", field("private_key", "private key", "sshKey", ssh_key_value()))]),
        item("cryptowallet000000000001", "115", "Crypto Wallet", [
            section("", "", field("recoveryPhrase", "recovery phrase", "concealed", "abandon ability able"),
                    field("walletAddress", "wallet address", "string", "bc1qexample", 1))]),
        item("customcategory0000000001", "999", "Custom Category", [
            section("custom", "Custom Section", field("colour", "colour", "string", "blue"),
                    field("secret", "secret", "concealed", "s3cret", 1))]),
    ]
    zip_file(HERE / "synthetic-every-category.1pux", [
        ("export.attributes", attrs(createdAt=1700000500)),
        ("export.data", export(items)),
        ("files/scandocument00000000000001__scan.txt", b"hello, scan\n"),
    ])


def legacy_shape():
    kept = item("legacyitem000000000000001", "001", "Legacy Login",
                loginFields=[{"value": "old-user", "name": "username", "fieldType": "T", "designation": "username"}])
    kept["trashed"] = False
    gone = item("trasheditem00000000000001", "003", "Trashed Note", notesPlain="gone")
    gone["trashed"] = True
    zip_file(HERE / "synthetic-legacy-shape.1pux", [
        ("export.attributes", attrs(version=2, createdAt=1600000000)),
        ("export.data", export([{"item": kept}, {"item": gone}], "Legacy")),
    ])


def malformed():
    out = HERE / "malformed"
    good = export([item("plainitem0000000000000001", "003", "Note", notesPlain="hi")])
    zip_file(out / "no-export-data.1pux", [("export.attributes", attrs(createdAt=1))])
    zip_file(out / "truncated-json.1pux", [("export.attributes", attrs(createdAt=1)), ("export.data", good[:200])])
    wrong = json.loads(good)
    wrong["accounts"][0]["vaults"][0]["items"][0]["createdAt"] = "yesterday"
    zip_file(out / "wrong-type.1pux", [("export.attributes", attrs(createdAt=1)), ("export.data", json.dumps(wrong))])
    zip_file(out / "traversal-entry.1pux", [("export.attributes", attrs(createdAt=1)), ("export.data", good),
                                            ("files/../x", b"escape")])
    escape = json.loads(good)
    escape["accounts"][0]["vaults"][0]["items"][0]["details"]["documentAttributes"] = {
        "fileName": "../x", "documentId": "doc", "decryptedSize": 6}
    zip_file(out / "document-escape.1pux", [("export.attributes", attrs(createdAt=1)),
                                            ("export.data", json.dumps(escape))])


every_category()
legacy_shape()
malformed()
