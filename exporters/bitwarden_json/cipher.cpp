// SPDX-License-Identifier: MIT
// A planned cipher → Bitwarden JSON, members in the order CipherWithIdExport builds them:
// passwordHistory, revisionDate, creationDate, deletedDate, id, organizationId, folderId, type,
// reprompt, name, notes, favorite, fields, the type's object, collectionIds.
#include <algorithm>

#include "cxf/bitwarden/map/codec.h"
#include "cxf/encoding/base64.h"
#include "cxf/encoding/rfc3339.h"
#include "cxf/otp/otpauth.h"
#include "exporters/bitwarden_json/cipher.h"

namespace cxf::bitwarden_json {

namespace {

constexpr std::string_view extra_handled[] = {"deletedDate", "archivedDate", "organizationId"};

const crypto::Secret* history_password(const Item& earlier) {
    for (const Credential& c : earlier.credentials)
        if (const auto* auth = std::get_if<BasicAuth>(&c); auth && auth->password) return &auth->password->value;
    return nullptr;
}

// Bitwarden keeps earlier passwords, newest first; other differences between versions are not kept.
void write_history(json::Builder& out, const Cipher& c, Report& report) {
    out.key("passwordHistory");
    if (c.item.history.empty()) {
        out.null();
        return;
    }
    const crypto::Secret* newer = c.auth && c.auth->password ? &c.auth->password->value : nullptr;
    bool reshaped = false, without_password = false;
    out.begin_array();
    for (auto it = c.item.history.rbegin(); it != c.item.history.rend(); ++it) {
        const Item& earlier = *it;
        const crypto::Secret* password = history_password(earlier);
        if (earlier.credentials.size() != 1 || !std::holds_alternative<BasicAuth>(earlier.credentials.front()) ||
            std::get<BasicAuth>(earlier.credentials.front()).username)
            reshaped = true;
        if (!password) {
            without_password = true;
            continue;
        }
        if (newer && *newer == *password) {
            reshaped = true;  // a version that kept the password is no earlier password
            continue;
        }
        newer = password;
        const ExtensionView ext(earlier.extensions, extension_name);
        out.begin_object();
        out.key("lastUsedDate");
        const auto when = earlier.modified_at ? earlier.modified_at : earlier.creation_at;
        if (when) out.string(iso_date(ext, "lastUsedDate", *when));
        else out.null();
        member(out, "password", password->view());
        if (const auto extra = ext.find("extra"); extra && extra->is_object())
            for (const auto m : extra->members()) {
                out.key(m.key);
                out.copy(m.value);
            }
        out.end_object();
    }
    out.end_array();
    if (without_password) report.lost_detail(Feature::history, c.place, c.item.title, "history", "Bitwarden keeps only earlier passwords; a version without one is dropped");
    if (reshaped) report.changed(c.place, "earlier versions written as Bitwarden's password history (earlier passwords only)", "history");
}

void write_fields(json::Builder& out, const Cipher& c) {
    if (c.fields.empty()) return;
    out.key("fields");
    out.begin_array();
    for (const OutField& f : c.fields) {
        if (f.kept) {
            out.copy(*f.kept);
            continue;
        }
        out.begin_object();
        member(out, "name", f.name);
        member(out, "value", f.value.view());
        out.key("type").integer(f.type);
        member(out, "linkedId", nullptr);
        out.end_object();
    }
    out.end_array();
}

void write_type_object(json::Builder& out, const Cipher& c, const Filing& filing, Report& report) {
    switch (static_cast<CipherType>(c.type)) {
        case CipherType::login:
            out.key("login");
            write_login(out, c, filing.now, report);
            break;
        case CipherType::secure_note:
            out.key("secureNote");
            out.begin_object();
            out.key("type").integer(0);
            write_kept_members(out, c, "secureNote");
            out.end_object();
            break;
        case CipherType::card:
            out.key("card");
            write_card(out, c);
            break;
        case CipherType::identity:
            out.key("identity");
            write_identity(out, c);
            break;
        case CipherType::ssh_key:
            out.key("sshKey");
            write_ssh_key(out, c);
            break;
        case CipherType::bank_account:
            out.key("bankAccount");
            write_bank_account(out, c);
            break;
        case CipherType::drivers_license:
            out.key("driversLicense");
            write_drivers_license(out, c);
            break;
        case CipherType::passport:
            out.key("passport");
            write_passport(out, c);
            break;
    }
}

}  // namespace

std::string iso_date(const ExtensionView& ext, std::string_view key, Timestamp seconds) {
    const auto kept = spelling(ext, key, [&](std::string_view text) {
        return encoding::parse_rfc3339(text) == seconds;
    });
    return kept ? std::string(*kept) : encoding::format_rfc3339(seconds, true);
}

void labelled_member(json::Builder& out, std::string_view key, const CustomFields* fields) {
    out.key(key);
    if (fields)
        for (const EditableField& f : fields->fields)
            if (f.label == key) {
                out.string(f.value.view());
                return;
            }
    out.null();
}

void write_kept_members(json::Builder& out, const Cipher& c, std::string_view object, std::initializer_list<std::string_view> handled) {
    const auto kept = c.ext.find(object);
    if (!kept || !kept->is_object()) return;
    for (const auto m : kept->members()) {
        if (std::find(handled.begin(), handled.end(), m.key) != handled.end()) continue;
        out.key(m.key);
        out.copy(m.value);
    }
}

std::optional<crypto::Secret> totp_text(const Totp* totp, const ExtensionView& ext) {
    const auto kept = ext.string("totp");
    if (!totp) {
        // A TOTP the importer could not read (Steam) exists only in the extension.
        if (kept && !otp::parse(*kept)) return crypto::Secret(*kept);
        return std::nullopt;
    }
    if (kept) {
        const auto again = otp::parse(*kept);
        const Totp& t = *totp;
        if (again && otp::same_secret(again->secret, t.secret) && again->period == t.period && again->digits == t.digits &&
            again->algorithm == t.algorithm && again->username == t.username && again->issuer == t.issuer)
            return crypto::Secret(*kept);
    }
    if (otp::is_plain(*totp)) return totp->secret.clone();
    return otp::to_uri(*totp);
}

void write_cipher(json::Builder& out, const Cipher& c, const Filing& filing, Report& report) {
    const Item& item = c.item;
    const auto extra = c.ext.find("extra");
    const auto extra_member = [&](std::string_view key) { return extra ? extra->find(key) : std::nullopt; };
    out.place = c.place;

    out.begin_object();
    if (c.primary) write_history(out, c, report);
    else member(out, "passwordHistory", nullptr);
    out.key("revisionDate");
    if (item.modified_at) out.string(iso_date(c.ext, "revisionDate", *item.modified_at));
    else out.null();
    out.key("creationDate");
    if (item.creation_at) out.string(iso_date(c.ext, "creationDate", *item.creation_at));
    else out.null();
    out.key("deletedDate");
    if (const auto deleted = extra_member("deletedDate")) out.copy(*deleted);
    else out.null();
    if (const auto archived = extra_member("archivedDate")) {
        out.key("archivedDate");
        out.copy(*archived);
    }
    member(out, "id", c.id);
    out.key("organizationId");
    if (const auto organization = extra_member("organizationId")) out.copy(*organization);
    else if (filing.organization_id) out.string(*filing.organization_id);
    else out.null();
    member(out, "folderId", filing.folder_id);
    out.key("type").integer(c.type);
    out.key("reprompt").integer(c.ext.integer("reprompt").value_or(0));
    member(out, "name", item.title);
    out.key("notes");
    if (c.notes) out.string(c.notes->view());
    else out.null();
    out.key("favorite").boolean(item.favorite);
    write_fields(out, c);
    write_type_object(out, c, filing, report);
    out.key("collectionIds");
    if (filing.collection_ids) {
        out.begin_array();
        for (const std::string& id : *filing.collection_ids) out.string(id);
        out.end_array();
    } else {
        out.null();
    }
    if (extra && extra->is_object())
        for (const auto m : extra->members()) {
            if (std::find(std::begin(extra_handled), std::end(extra_handled), m.key) != std::end(extra_handled)) continue;
            out.key(m.key);
            out.copy(m.value);
        }
    out.end_object();
}

}  // namespace cxf::bitwarden_json
