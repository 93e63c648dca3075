// SPDX-License-Identifier: MIT
#include "importers/dashlane/rows.h"

#include "cxf/otp/otpauth.h"
#include "cxf/validate/validate.h"

namespace cxf::dashlane {

namespace {

bool is_country_code(std::string_view v) {
    return v.size() == 2 && v[0] >= 'A' && v[0] <= 'Z' && v[1] >= 'A' && v[1] <= 'Z';
}

// A date column as a CXF date, or, when it is not one, kept as written in `fields` (reported).
Field date(Cells& cells, std::string_view column, CustomFields& fields, Report& report) {
    const std::string_view value = cells.take(column);
    if (value.empty() || valid_date(value)) return field(FieldType::date, value);
    add_labelled(fields, column, FieldType::string, value);
    report.changed(cells.place(column), std::string(column) + " is not a date (YYYY-MM-DD); kept as a custom field", std::string(column));
    return nullptr;
}

void add_totp(Item& item, Cells& cells, std::string_view column, CustomFields& fields, Report& report) {
    const std::string_view text = cells.take(column);
    if (text.empty()) return;
    if (auto totp = otp::parse(text)) {
        item.credentials.emplace_back(std::move(*totp));
        return;
    }
    add_labelled(fields, column, FieldType::concealed_string, text);
    report.changed(cells.place(column), std::string(column) + " is no TOTP secret or otpauth URI cxf can read; kept as a custom field",
                   "totp");
}

void add_note(Item& item, std::string_view text) {
    if (!text.empty()) item.credentials.emplace_back(Note{make_field(FieldType::string, text)});
}

void add_url(Item& item, std::string_view url) {
    if (url.empty()) return;
    item.scope.emplace();
    item.scope->urls.emplace_back(url);
}

RowItem credentials(Cells& cells, Report& report) {
    RowItem out;
    Item& item = out.item;
    item.title = cells.take("title");
    BasicAuth auth;
    auth.username = field(FieldType::string, cells.take("username"));
    auth.password = field(FieldType::concealed_string, cells.take("password"));
    item.credentials.emplace_back(std::move(auth));
    add_url(item, cells.take("url"));
    add_note(item, cells.take("note"));
    out.category = cells.take("category");
    CustomFields fields;
    add_totp(item, cells, "otpSecret", fields, report);
    add_totp(item, cells, "otpUrl", fields, report);
    cells.keep_rest(fields);  // username2, username3
    add_if_any(item, std::move(fields));
    return out;
}

RowItem secure_note(Cells& cells) {
    RowItem out;
    out.item.title = cells.take("title");
    // A note credential even when empty: the row is a note.
    out.item.credentials.emplace_back(Note{make_field(FieldType::string, cells.take("note"))});
    out.category = cells.take("category");
    return out;
}

// "3"/"03" and "2024" → "2024-03"; nothing when either is missing or they make no year-month.
std::string year_month(std::string_view month, std::string_view year) {
    if (month.size() == 1) return std::string(year) + "-0" + std::string(month);
    return std::string(year) + "-" + std::string(month);
}

RowItem payment(Cells& cells, Report& report) {
    RowItem out;
    Item& item = out.item;
    CustomFields fields;
    const std::string_view type = cells.take("type");
    const std::string_view name = cells.take("name");
    if (type == "payment_card") {
        const std::string_view holder = cells.take("account_name");
        item.title = !name.empty() ? name : !holder.empty() ? holder : "Payment card";
        CreditCard card;
        card.number = field(FieldType::concealed_string, cells.take("cc_number"));
        card.full_name = field(FieldType::string, holder);
        card.verification_number = field(FieldType::concealed_string, cells.take("code"));
        const std::string_view month = cells.take("expiration_month"), year = cells.take("expiration_year");
        if (!month.empty() || !year.empty()) {
            const std::string expiry = year_month(month, year);
            if (valid_year_month(expiry)) {
                card.expiry_date = field(FieldType::year_month, expiry);
            } else {
                add_labelled(fields, "expiration_month", FieldType::string, month);
                add_labelled(fields, "expiration_year", FieldType::string, year);
                report.changed(cells.place("expiration_month"),
                               "expiration_month and expiration_year make no year-month; kept as custom fields", "expiryDate");
            }
        }
        item.credentials.emplace_back(std::move(card));
    } else {
        // A bank account (type "bank"), which CXF has no credential for, or a type cxf does not know:
        // every cell as a custom field.
        item.title = !name.empty() ? std::string(name) : type == "bank" ? "Bank account" : "Payment";
        fields.label = type == "bank" ? "bank account" : "payment: " + std::string(type);
        cells.keep(fields, "account_name");
        cells.keep(fields, "account_holder");
        cells.keep(fields, "account_number", FieldType::concealed_string);
        cells.keep(fields, "routing_number", FieldType::concealed_string);
        cells.keep(fields, "cc_number", FieldType::concealed_string);
        cells.keep(fields, "code", FieldType::concealed_string);
        if (type != "bank") report.changed(cells.place("type"), "a payment type cxf does not know; its cells kept as custom fields");
    }
    add_note(item, cells.take("note"));
    cells.keep_rest(fields);
    add_if_any(item, std::move(fields));
    return out;
}

// What every id document Dashlane writes has: the holder, the dates and the issuer.
template <typename Document>
Document document(Cells& cells, std::string_view name, CustomFields& fields, Report& report) {
    Document d;
    d.full_name = field(FieldType::string, name);
    d.issue_date = date(cells, "issue_date", fields, report);
    d.expiry_date = date(cells, "expiration_date", fields, report);
    d.issuing_authority = field(FieldType::string, cells.take("place_of_issue"));
    return d;
}

RowItem id_document(Cells& cells, Report& report) {
    RowItem out;
    Item& item = out.item;
    CustomFields fields;
    const std::string_view type = cells.take("type");
    const std::string_view name = cells.take("name");
    const std::string_view number = cells.take("number");
    const auto titled = [&](std::string_view kind) { item.title = name.empty() ? std::string(kind) : std::string(kind) + " (" + std::string(name) + ")"; };
    if (type == "passport") {
        titled("Passport");
        auto p = document<Passport>(cells, name, fields, report);
        p.passport_number = field(FieldType::string, number);
        item.credentials.emplace_back(std::move(p));
    } else if (type == "license") {
        titled("Driver's licence");
        auto d = document<DriversLicense>(cells, name, fields, report);
        d.license_number = field(FieldType::string, number);
        item.credentials.emplace_back(std::move(d));
    } else if (type == "card" || type == "social_security" || type == "tax_number") {
        titled(type == "card" ? "ID card" : type == "social_security" ? "Social security number" : "Tax number");
        auto d = document<IdentityDocument>(cells, name, fields, report);
        // An ID card's number is its document number; a social security or tax number identifies the person.
        (type == "card" ? d.document_number : d.identification_number) = field(FieldType::string, number);
        item.credentials.emplace_back(std::move(d));
    } else {
        titled("ID");
        add_labelled(fields, "type", FieldType::string, type);
        add_labelled(fields, "number", FieldType::string, number);
        if (!name.empty()) add_labelled(fields, "name", FieldType::string, name);
        report.changed(cells.place("type"), "an id type cxf does not know; its cells kept as custom fields");
    }
    cells.keep_rest(fields);  // state, and what did not fit
    add_if_any(item, std::move(fields));
    return out;
}

RowItem personal_info(Cells& cells) {
    RowItem out;
    Item& item = out.item;
    CustomFields fields;
    const std::string_view type = cells.take("type");
    const std::string_view item_name = cells.take("item_name");
    std::string_view kind = type;
    if (type == "name") {
        kind = "Name";
        PersonName n;
        n.title = field(FieldType::string, cells.take("title"));
        n.given = field(FieldType::string, cells.take("first_name"));
        n.given2 = field(FieldType::string, cells.take("middle_name"));
        n.surname = field(FieldType::string, cells.take("last_name"));
        item.credentials.emplace_back(std::move(n));
    } else if (type == "address") {
        kind = "Address";
        Address a;
        a.street_address = field(FieldType::string, cells.take("address"));
        a.postal_code = field(FieldType::string, cells.take("zip"));
        a.city = field(FieldType::string, cells.take("city"));
        if (const std::string_view country = cells.peek("country"); is_country_code(country))
            a.country = field(FieldType::country_code, cells.take("country"));
        item.credentials.emplace_back(std::move(a));
    } else {
        if (type == "email") kind = "E-mail";
        else if (type == "number") kind = "Phone";
        else if (type == "company") kind = "Company";
        else if (type == "website") kind = "Website";
        else add_labelled(fields, "type", FieldType::string, type);
        cells.keep(fields, "email", FieldType::email);
    }
    item.title = !item_name.empty() ? item_name : kind.empty() ? "Personal info" : kind;
    cells.keep_rest(fields);
    add_if_any(item, std::move(fields));
    return out;
}

}  // namespace

RowItem read_row(Member member, Cells& cells, Report& report) {
    switch (member) {
        case Member::credentials: return credentials(cells, report);
        case Member::secure_notes: return secure_note(cells);
        case Member::payments: return payment(cells, report);
        case Member::ids: return id_document(cells, report);
        case Member::personal_info: return personal_info(cells);
    }
    return {};
}

}  // namespace cxf::dashlane
