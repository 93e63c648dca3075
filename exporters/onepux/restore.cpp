// SPDX-License-Identifier: MIT
// An item that came from 1PUX: its login fields and sections as the extension kept them (every
// member, in order), each value taken back from where the reader put it in the item.
#include "cxf/json/extension.h"
#include "cxf/onepassword/map/values.h"
#include "exporters/onepux/field_values.h"
#include "exporters/onepux/plan.h"
#include "exporters/onepux/pointers.h"

namespace cxf::onepux::out {

namespace {

using onepassword::ValueKind;

std::optional<std::string_view> string_member(const json::Cursor& object, std::string_view key) {
    const auto m = object.find(key);
    return m && m->is_string() ? std::optional(m->string()) : std::nullopt;
}

bool flag(const json::Cursor& object, std::string_view key) {
    const auto m = object.find(key);
    return m && m->is(json::Kind::boolean) && m->boolean();
}

class Restorer {
public:
    Restorer(ItemPlan& plan, PlanContext& context) : plan_(plan), context_(context) {}

    void login_fields(const json::Cursor& fields) {
        for (const json::Cursor kept : fields.elements()) {
            if (!kept.is_object()) continue;
            LoginFieldOut out;
            out.kept = kept;
            const EditableField* field = field_named(kept);
            if (!field) out.value = json::json_string("");
            else if (flag(kept, "json")) out.value = json_or_string(field->value.view());
            else out.value = json::json_string(field->value.view());
            plan_.login_fields.push_back(std::move(out));
        }
    }

    void password(const json::Cursor& extension) {
        if (string_member(extension, "passwordIn") == "details") {
            for (std::size_t i = 0; i < context_.item.credentials.size(); ++i)
                if (const auto* auth = std::get_if<BasicAuth>(&context_.item.credentials[i]); auth && auth->password) {
                    plan_.password = crypto::Secret(auth->password->value.view());
                    plan_.used.insert(member_pointer(i, "password"));
                    return;
                }
        }
        if (const auto kept = string_member(extension, "password")) plan_.password = crypto::Secret(*kept);
    }

    void sections(const json::Cursor& sections) {
        for (const json::Cursor kept : sections.elements()) {
            if (!kept.is_object()) continue;
            SectionOut out;
            out.kept = kept;
            if (const auto fields = kept.find("fields"); fields && fields->is_array())
                for (const json::Cursor field : fields->elements())
                    if (field.is_object()) out.fields.push_back(section_field(field));
            plan_.sections.push_back(std::move(out));
        }
    }

private:
    // The field a login field's or text value's "at" names, marked as used.
    const EditableField* field_named(const json::Cursor& kept) {
        const auto pointer = string_member(kept, "at");
        const auto at = pointer ? parse_at(*pointer) : std::nullopt;
        const EditableField* field = at ? field_at(context_.item, *at) : nullptr;
        if (field) plan_.used.insert(std::string(*pointer));
        return field;
    }

    // The whole credential of type T a value's "at" names, marked as used.
    template <typename T>
    const T* credential_named(const json::Cursor& kept, std::size_t* index = nullptr) {
        const auto pointer = string_member(kept, "at");
        const auto at = pointer ? parse_at(*pointer) : std::nullopt;
        if (!at || !at->member.empty() || at->field) return nullptr;
        const Credential* credential = credential_at(context_.item, *at);
        const T* typed = credential ? std::get_if<T>(credential) : nullptr;
        if (typed) plan_.used.insert(std::string(*pointer));
        if (index) *index = at->credential;
        return typed;
    }

    FieldOut section_field(const json::Cursor& kept) {
        FieldOut out;
        out.kept = kept;
        if (const auto kind = string_member(kept, "kind")) out.value = value(*kind, kept);  // else it had no value
        return out;
    }

    crypto::Secret value(std::string_view kind, const json::Cursor& kept) {
        switch (onepassword::value_kind(kind)) {
            case ValueKind::passkey: {
                const auto metadata = kept.find("value");
                return metadata ? json_value(kind, json::to_json(*metadata).view()) : empty_value(kind);
            }
            case ValueKind::totp:
                if (const Totp* totp = credential_named<Totp>(kept)) {
                    const crypto::Secret text = totp_text(*totp, &kept);
                    return *text_value(kind, text.view());
                }
                break;  // text a TOTP could not be made of: a concealed field
            case ValueKind::address:
                if (std::size_t index = 0; const Address* address = credential_named<Address>(kept, &index)) {
                    for (const std::string_view member : {"streetAddress", "postalCode", "city", "territory", "country"})
                        plan_.used.insert(member_pointer(index, member));
                    return address_value(*address, &kept);
                }
                return empty_value(kind);
            case ValueKind::ssh_key:
                if (const SshKey* key = credential_named<SshKey>(kept)) return ssh_key_value(*key, &kept);
                return empty_value(kind);
            case ValueKind::file:
                if (const File* file = credential_named<File>(kept))
                    if (const auto document = context_.attachments.add(*file, context_.place, context_.item.title, context_.report))
                        return file_value(*document);
                return empty_value(kind);
            case ValueKind::reference:
                if (const ItemReference* reference = credential_named<ItemReference>(kept)) return reference_value(*reference);
                return empty_value(kind);
            default: break;
        }
        const auto pointer = string_member(kept, "at");
        const auto at = pointer ? parse_at(*pointer) : std::nullopt;
        const EditableField* field = at ? field_at(context_.item, *at) : nullptr;
        if (!field) return empty_value(kind, &kept);
        std::optional<crypto::Secret> value = onepassword::value_kind(kind) == ValueKind::unknown && flag(kept, "json")
                                                  ? json_value(kind, field->value.view())
                                                  : text_value(kind, field->value.view(), &kept);
        if (!value) return empty_value(kind, &kept);  // no longer of its kind: placed as a new field instead
        plan_.used.insert(std::string(*pointer));
        return std::move(*value);
    }

    ItemPlan& plan_;
    PlanContext& context_;
};

}  // namespace

void restore_from_extension(const json::Cursor& extension, ItemPlan& plan, PlanContext& context) {
    Restorer restorer(plan, context);
    if (const auto fields = extension.find("loginFields"); fields && fields->is_array()) restorer.login_fields(*fields);
    restorer.password(extension);
    if (const auto sections = extension.find("sections"); sections && sections->is_array()) restorer.sections(*sections);
}

}  // namespace cxf::onepux::out
