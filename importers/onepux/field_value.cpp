// SPDX-License-Identifier: MIT
#include "importers/onepux/field_value.h"

#include "cxf/onepassword/map/values.h"
#include "cxf/otp/otpauth.h"

namespace cxf::onepux {

namespace {

using onepassword::ValueKind;

struct Target {
    std::string_view field_id;
    const std::optional<std::string>& title;
    SectionTarget& section;
    ItemSource& source;
    json::Builder& skeleton;
    std::string_view kind;
};

// A text value: where its category's template puts it, else a custom field of its section.
void place(EditableField field, Target& t) {
    field.label = t.title;
    if (auto placed = place_in_template(t.source, t.field_id, field)) {
        if (placed->spelling) t.skeleton.key("spelling").string(*placed->spelling);
        t.skeleton.key("at").string(placed->at);
        return;
    }
    t.skeleton.key("at").string(add_custom_field(t.source, t.section.custom, t.section.label, std::move(field)));
}

void place_text(FieldType type, std::string_view text, Target& t) {
    if (!text.empty()) place(EditableField(type, text), t);
}

void read_totp(const json::Cursor& value, Target& t) {
    const std::string_view text = t.source.string(value);
    if (text.empty()) return;
    auto totp = otp::parse(text);
    if (!totp) {
        t.source.report().changed(value.pointer(),
                                  "a one-time password that is neither an otpauth:// URI nor a Base32 secret (a Steam "
                                  "code, a typo); kept as a concealed custom field",
                                  "totp");
        place_text(FieldType::concealed_string, text, t);
        return;
    }
    const bool bare = !text.starts_with("otpauth:");
    const crypto::Secret again = bare && otp::is_plain(*totp) ? crypto::Secret(totp->secret.view()) : otp::to_uri(*totp);
    if (again.view() != text) t.skeleton.key("value").string(text);
    t.skeleton.key("at").string(t.source.add(std::move(*totp)));
}

void read_email(const json::Cursor& value, Target& t) {
    if (value.is_string()) return place_text(FieldType::email, value.string(), t);
    t.source.expect(value, json::Kind::object);
    if (const auto provider = value.find("provider"); provider && !provider->is_null())
        t.skeleton.key("provider").copy(*provider);
    place_text(FieldType::email, t.source.optional_string(value, "email_address").value_or(""), t);
}

void read_date(const json::Cursor& value, Target& t) {
    const std::int64_t seconds = t.source.integer(value);
    const auto text = onepassword::date_text(seconds);
    if (!text) t.source.fail(value, "a date out of the years 1 to 9999");
    if (!onepassword::is_midnight(seconds)) t.skeleton.key("seconds").integer(seconds);
    place_text(FieldType::date, *text, t);
}

void read_month_year(const json::Cursor& value, Target& t) {
    const std::int64_t number = t.source.integer(value);
    if (number == 0) return;  // how an empty template field may say "not set"
    const auto text = onepassword::month_year_text(number);
    if (!text) t.source.fail(value, "a monthYear is YYYYMM with a month from 01 to 12");
    place_text(FieldType::year_month, *text, t);
}

void read_address(const json::Cursor& value, Target& t) {
    t.source.expect(value, json::Kind::object);
    Address address;
    json::Builder kept;
    kept.begin_object();
    bool any = false, extra = false;
    for (const auto m : value.members()) {
        const auto text = t.source.string_or_null(m.value).value_or("");
        Field field = text.empty() ? nullptr : make_field(FieldType::string, text);
        any = any || field;
        if (m.key == "street") address.street_address = std::move(field);
        else if (m.key == "city") address.city = std::move(field);
        else if (m.key == "state") address.territory = std::move(field);
        else if (m.key == "zip") address.postal_code = std::move(field);
        else if (m.key == "country") {
            const auto code = onepassword::country_code(text);
            if (code) address.country = make_field(FieldType::country_code, *code);
            else address.country = std::move(field);
            if (code && *code != text) t.skeleton.key("spelling").string(text);
        } else {
            kept.key(m.key).copy(m.value);
            any = any || !text.empty();
            extra = true;
        }
    }
    kept.end_object();
    if (extra) t.skeleton.key("address").raw(kept.take().view());
    if (any) t.skeleton.key("at").string(t.source.add(std::move(address)));
}

void read_unknown(const json::Cursor& value, Target& t) {
    const bool text = value.is_string();
    const crypto::Secret kept = text ? crypto::Secret(value.string()) : json::to_json(value);
    if (!text) t.skeleton.key("json").boolean(true);
    t.source.report().changed(value.pointer(), "a value of kind '" + std::string(t.kind) +
                                                   "' unknown to cxf; kept as text in a custom field",
                              std::string(t.kind));
    place_text(FieldType::string, kept.view(), t);
}

}  // namespace

void read_field_value(const json::Cursor& value, std::string_view field_id, const std::optional<std::string>& title,
                      SectionTarget& section, ItemSource& source, json::Builder& skeleton) {
    source.expect(value, json::Kind::object);
    if (value.size() != 1) source.fail(value, "a field value has one member, named after its kind");
    const auto member = *value.members().begin();
    skeleton.key("kind").string(member.key);
    const json::Cursor& v = member.value;
    if (v.is_null()) return;
    Target t{field_id, title, section, source, skeleton, member.key};
    const ValueKind kind = onepassword::value_kind(member.key);
    switch (kind) {
        case ValueKind::totp: return read_totp(v, t);
        case ValueKind::email: return read_email(v, t);
        case ValueKind::date: return read_date(v, t);
        case ValueKind::month_year: return read_month_year(v, t);
        case ValueKind::address: return read_address(v, t);
        case ValueKind::ssh_key: {
            SshKey key = read_ssh_key(v, source, skeleton);
            skeleton.key("at").string(source.add(std::move(key)));
            return;
        }
        case ValueKind::file: {
            File file = source.documents().read(v, source);
            skeleton.key("at").string(source.add(std::move(file)));
            return;
        }
        case ValueKind::reference: {
            const std::string_view uuid = source.string(v);
            if (uuid.empty()) return;
            skeleton.key("at").string(source.add(ItemReference{LinkedItem{text_id(uuid), std::nullopt}}));
            return;
        }
        case ValueKind::passkey:
            report_passkey(v, source);
            skeleton.key("value").copy(v);
            return;
        case ValueKind::credit_card_type:
            return place_text(FieldType::string, onepassword::card_type_name(source.string(v)), t);
        case ValueKind::unknown: return read_unknown(v, t);
        default: return place_text(onepassword::field_type_of(kind), source.string(v), t);
    }
}

}  // namespace cxf::onepux
