// SPDX-License-Identifier: MIT
// Every value the extension did not place: a typed credential's members in its category's template
// fields where 1Password has them (so a credit card is a Credit Card again), a basic-auth as login
// fields, notes as notesPlain, a document as documentAttributes, and everything else as section
// fields of the right kind, one section per credential. A value's label is its field's title and its
// id the field's id where 1PUX gives the field those; where not (a login field's title, notesPlain, an
// address value, a template field's id) they are reported lost in detail. Passkeys and unknown
// credential types have no place in 1PUX and are reported lost.
#include <map>

#include "cxf/json/extension.h"
#include "cxf/model/credential_fields.h"
#include "cxf/onepassword/map/template_fields.h"
#include "cxf/plugin/losses.h"
#include "exporters/onepux/field_values.h"
#include "exporters/onepux/plan.h"
#include "exporters/onepux/pointers.h"
#include "exporters/onepux/uuid.h"

namespace cxf::onepux::out {

namespace {

struct TypeTitle {
    std::string_view type, title;
};
constexpr TypeTitle section_titles[] = {
    {BasicAuth::type_name, "Login"},         {CreditCard::type_name, "Credit Card"},
    {Address::type_name, "Address"},         {ApiKey::type_name, "API Credential"},
    {DriversLicense::type_name, "Driver License"}, {IdentityDocument::type_name, "Identity Document"},
    {Passport::type_name, "Passport"},       {PersonName::type_name, "Name"},
    {SshKey::type_name, "SSH Key"},          {Wifi::type_name, "Wireless Router"},
    {Note::type_name, "Note"},
};

std::string section_title(std::string_view type) {
    for (const TypeTitle& t : section_titles)
        if (t.type == type) return std::string(t.title);
    return std::string(type);
}

// "verificationNumber" → "verification number", as 1Password titles its fields.
std::string words(std::string_view member) {
    std::string out;
    for (const char c : member) {
        if (c >= 'A' && c <= 'Z') {
            out += ' ';
            out += static_cast<char>(c - 'A' + 'a');
        } else {
            out += c;
        }
    }
    return out;
}

// The kind of a typed credential's member where 1Password has a special one.
std::string_view member_kind(std::string_view type, std::string_view member, FieldType field_type) {
    if (type == CreditCard::type_name && member == "number") return "creditCardNumber";
    if (type == CreditCard::type_name && member == "cardType") return "creditCardType";
    if (type == Address::type_name && member == "tel") return "phone";
    if (type == ApiKey::type_name && member == "keyType") return "menu";
    return kind_for(field_type);
}

class Placer {
public:
    Placer(ItemPlan& plan, PlanContext& context) : plan_(plan), context_(context) {}

    void run() {
        const Item& item = context_.item;
        for (std::size_t i = 0; i < item.credentials.size(); ++i)
            std::visit([&](const auto& c) { place(c, i); }, item.credentials[i]);
    }

private:
    std::string place_of(std::size_t index) const { return context_.place + credential_pointer(index); }
    std::string member_pointer_of(std::size_t index, std::string_view member) const {
        return context_.place + member_pointer(index, member);
    }

    bool take(const std::string& pointer) { return plan_.used.insert(pointer).second; }

    SectionOut& main_section() {
        if (!main_) {
            plan_.sections.emplace_back();
            main_ = plan_.sections.size() - 1;
        }
        return plan_.sections[*main_];
    }

    SectionOut& own_section(std::size_t index, std::string title, const Id& id = {}) {
        auto [it, added] = own_.try_emplace(index, plan_.sections.size());
        if (added) {
            SectionOut section;
            section.title = std::move(title);
            section.name = id.empty() ? "cxf_" + std::to_string(index) : uuid_text(id);
            plan_.sections.push_back(std::move(section));
        }
        return plan_.sections[it->second];
    }

    // The field's own id as the 1PUX field id, unless it has none or it names a template field of the
    // category (the reader would take the field for that member).
    std::string field_id(const EditableField& field, std::string fallback) const {
        if (field.id.empty()) return fallback;
        std::string id = uuid_text(field.id);
        return onepassword::find_template_field(plan_.category, id) ? fallback : id;
    }

    // What a 1PUX place without a title or an id of its own cannot hold of `field`.
    void lose_label(const EditableField& field, Feature feature, const std::string& place, std::string_view member) {
        if (field.label)
            context_.report.lost_detail(feature, place, context_.item.title, "label:" + std::string(member),
                                        "the 1PUX field this value goes into has no title");
    }
    void lose_id(const EditableField& field, Feature feature, const std::string& place, std::string_view member) {
        if (!field.id.empty())
            context_.report.lost_detail(feature, place, context_.item.title, "field-id:" + std::string(member),
                                        "the 1PUX field this value goes into has an id of its own");
    }

    static void add(SectionOut& section, std::string title, std::string id, crypto::Secret value, bool multiline = false) {
        FieldOut field;
        field.title = std::move(title);
        field.id = std::move(id);
        field.multiline = multiline;
        field.value = std::move(value);
        section.fields.push_back(std::move(field));
    }

    // A text field in the kind asked for, or as plain text when it is not of that kind.
    static crypto::Secret value_of(std::string_view kind, const EditableField& field) {
        if (auto value = text_value(kind, field.value.view())) return std::move(*value);
        return *text_value("string", field.value.view());
    }

    static bool multiline(const EditableField& field) { return field.value.view().find('\n') != std::string_view::npos; }

    // A typed credential's members that are not written yet: a template field of the item's
    // category, else a field of the credential's own section.
    template <typename T>
    void members(const T& credential, std::size_t index) {
        for (const FieldMember<T>& m : field_members<T>()) {
            const EditableField* field = (credential.*m.member).get();
            if (!field || !take(member_pointer(index, m.name))) continue;
            const std::string_view kind = member_kind(T::type_name, m.name, field->type);
            const auto* slot = onepassword::find_template_field(plan_.category, T::type_name, m.name);
            if (slot) {
                lose_id(*field, credential_feature<T>(), member_pointer_of(index, m.name), m.name);
                add(main_section(), field->label.value_or(words(slot->field_id)), std::string(slot->field_id), value_of(kind, *field),
                    multiline(*field));
            } else {
                add(own_section(index, section_title(T::type_name)), field->label.value_or(words(m.name)),
                    field_id(*field, std::string(T::type_name) + "." + std::string(m.name)), value_of(kind, *field), multiline(*field));
            }
        }
    }

    bool has_designated(std::string_view designation) const {
        for (const LoginFieldOut& f : plan_.login_fields) {
            if (f.designation == designation) return true;
            if (f.kept)
                if (const auto d = f.kept->find("designation"); d && d->is_string() && d->string() == designation) return true;
        }
        return false;
    }

    void place(const BasicAuth& auth, std::size_t index) {
        const bool login = plan_.category == Category::login || plan_.category == Category::password;
        for (const auto& [member, field] : {std::pair{std::string_view("username"), auth.username.get()},
                                            std::pair{std::string_view("password"), auth.password.get()}}) {
            if (!field || !login || onepassword::find_template_field(plan_.category, BasicAuth::type_name, member) ||
                has_designated(member) || !take(member_pointer(index, member)))
                continue;
            lose_label(*field, Feature::logins, member_pointer_of(index, member), member);
            LoginFieldOut out;
            if (!field->id.empty()) out.id = uuid_text(field->id);
            out.name = std::string(member);
            out.field_type = member == "password" ? "P" : "T";
            out.designation = std::string(member);
            out.value = json::json_string(field->value.view());
            plan_.login_fields.push_back(std::move(out));
        }
        members(auth, index);
    }

    void place(const Note& note, std::size_t index) {
        if (!note.content || !take(member_pointer(index, "content"))) return;
        const EditableField& content = *note.content;
        if (!plan_.notes) {
            lose_label(content, Feature::notes, member_pointer_of(index, "content"), "content");
            lose_id(content, Feature::notes, member_pointer_of(index, "content"), "content");
            plan_.notes = crypto::Secret(content.value.view());
        } else {
            add(main_section(), content.label.value_or("notes"), field_id(content, "notes_" + std::to_string(index)),
                value_of("string", content), true);
        }
    }

    void place(const Address& address, std::size_t index) {
        const bool any = address.street_address || address.postal_code || address.city || address.territory || address.country;
        if (any && take(credential_pointer(index))) {
            for (const std::string_view member : {"streetAddress", "postalCode", "city", "territory", "country"})
                take(member_pointer(index, member));
            lose_address_labels_and_ids(address, index);
            SectionOut& section = plan_.category == Category::identity ? main_section() : own_section(index, "Address");
            add(section, "address", plan_.category == Category::identity ? "address" : "address." + std::to_string(index),
                address_value(address, nullptr));
        }
        members(address, index);
    }

    // One 1PUX address value holds five members: their labels and ids have no place.
    void lose_address_labels_and_ids(const Address& address, std::size_t index) {
        for (const FieldMember<Address>& m : field_members<Address>()) {
            const EditableField* field = (address.*m.member).get();
            if (!field || m.name == "tel") continue;
            lose_label(*field, Feature::identities, member_pointer_of(index, m.name), m.name);
            lose_id(*field, Feature::identities, member_pointer_of(index, m.name), m.name);
        }
    }

    void place(const Totp& totp, std::size_t index) {
        if (!take(credential_pointer(index))) return;
        add(main_section(), "one-time password", "TOTP_" + std::to_string(index),
            *text_value("totp", totp_text(totp, nullptr).view()));
    }

    void place(const File& file, std::size_t index) {
        if (!take(credential_pointer(index))) return;
        const auto document = context_.attachments.add(file, place_of(index), context_.item.title, context_.report);
        if (!document) return;
        if (plan_.category == Category::document && !plan_.document) plan_.document = *document;
        else add(main_section(), file.name, "file_" + std::to_string(index), file_value(*document));
    }

    void place(const CustomFields& custom, std::size_t index) {
        for (std::size_t f = 0; f < custom.fields.size(); ++f) {
            const EditableField& field = custom.fields[f];
            if (!take(field_pointer(index, f))) continue;
            add(own_section(index, custom.label.value_or(""), custom.id), field.label.value_or(""),
                field_id(field, "custom_" + std::to_string(index) + "_" + std::to_string(f)), value_of(kind_for(field.type), field),
                multiline(field));
        }
    }

    void place(const ItemReference& reference, std::size_t index) {
        if (take(credential_pointer(index))) add(main_section(), "linked item", "reference_" + std::to_string(index), reference_value(reference));
    }

    void place(const GeneratedPassword& generated, std::size_t index) {
        if (take(credential_pointer(index)))
            add(main_section(), "generated password", "generated_" + std::to_string(index),
                *text_value("concealed", generated.password.view()));
    }

    void place(const SshKey& key, std::size_t index) {
        if (take(credential_pointer(index))) {
            const bool primary = plan_.category == Category::ssh_key;
            add(primary ? main_section() : own_section(index, "SSH Key"), "private key",
                primary ? "private_key" : "private_key." + std::to_string(index), ssh_key_value(key, nullptr));
        }
        members(key, index);
    }

    void place(const Passkey&, std::size_t index) {
        if (take(credential_pointer(index)))
            context_.report.lost(Feature::passkeys, place_of(index), context_.item.title, "passkey",
                                 "1Password imports passkeys only through credential exchange (CXP); a 1PUX file cannot hold one");
    }

    void place(const UnknownCredential& unknown, std::size_t index) {
        if (take(credential_pointer(index)))
            context_.report.lost(Feature::unknown_data, place_of(index), context_.item.title, "credential:" + unknown.type,
                                 "a credential type cxf does not know has no place in 1PUX");
    }

    template <typename T>
    void place(const T& credential, std::size_t index) {
        members(credential, index);
    }

    ItemPlan& plan_;
    PlanContext& context_;
    std::optional<std::size_t> main_;
    std::map<std::size_t, std::size_t> own_;  // credential index → its section
};

template <typename... T>
bool holds_any(const Item& item) noexcept {
    for (const Credential& c : item.credentials)
        if ((std::holds_alternative<T>(c) || ...)) return true;
    return false;
}

}  // namespace

Category category_for(const Item& item) noexcept {
    if (holds_any<BasicAuth, Passkey>(item)) return Category::login;
    if (holds_any<CreditCard>(item)) return Category::credit_card;
    if (holds_any<SshKey>(item)) return Category::ssh_key;
    if (holds_any<Wifi>(item)) return Category::wireless_router;
    if (holds_any<Passport>(item)) return Category::passport;
    if (holds_any<DriversLicense>(item)) return Category::drivers_license;
    if (holds_any<ApiKey>(item)) return Category::api_credential;
    if (holds_any<IdentityDocument>(item)) return Category::social_security_number;  // its number and name have fields there
    if (holds_any<PersonName, Address>(item)) return Category::identity;
    if (holds_any<Totp, GeneratedPassword>(item)) return Category::login;
    if (holds_any<File>(item)) return Category::document;
    return Category::secure_note;
}

void place_credentials(ItemPlan& plan, PlanContext& context) { Placer(plan, context).run(); }

}  // namespace cxf::onepux::out
