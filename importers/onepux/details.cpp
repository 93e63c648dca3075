// SPDX-License-Identifier: MIT
// A 1PUX item's "details": login fields, the password of 005 Password items, sections, the
// document of 006 Document items, notes, password history. Members cxf does not map are kept.
#include "importers/onepux/item_source.h"

namespace cxf::onepux {

namespace {

// details.password is the password of 005 Password items, and of login items that have no
// designated password field; when a designated one exists, a different details.password is kept.
void read_password(const json::Cursor& value, ItemSource& source) {
    const auto password = source.string_or_null(value);
    if (!password || password->empty()) return;
    BasicAuth& auth = source.at<BasicAuth>(source.slot<BasicAuth>());
    if (!auth.password) {
        auth.password = make_field(FieldType::concealed_string, *password);
        source.extension().set_string("passwordIn", "details");
    } else if (auth.password->value.view() != *password) {
        source.extension().set_string("password", *password);
    }
}

void read_document(const json::Cursor& attributes, ItemSource& source) {
    source.add(source.documents().read(attributes, source));
    for (const auto m : attributes.members())
        if (m.key != "fileName" && m.key != "documentId" && m.key != "decryptedSize")
            source.extension().set_in("documentAttributes", m.key, json::to_json(m.value));
}

}  // namespace

void report_passkey(const json::Cursor& at, ItemSource& source) {
    source.report().lost(Feature::passkeys, at.pointer(), source.item.title, "passkey",
                         "a 1PUX export holds only a passkey's metadata, never its private key, so the passkey cannot "
                         "move this way; 1Password moves passkeys only through credential exchange (CXP)");
}

void read_details(const json::Cursor& details, ItemSource& source) {
    std::optional<json::Cursor> login_fields, password, sections, document, notes, history;
    for (const auto m : details.members()) {
        if (m.key == "loginFields") login_fields = m.value;
        else if (m.key == "password") password = m.value;
        else if (m.key == "sections") sections = m.value;
        else if (m.key == "documentAttributes") document = m.value;
        else if (m.key == "notesPlain") notes = m.value;
        else if (m.key == "passwordHistory") history = m.value;
        else {
            if (m.key == "passkey" || m.key == "passkeys") report_passkey(m.value, source);
            source.extension().set_in("details", m.key, json::to_json(m.value));
        }
    }
    if (login_fields) read_login_fields(*login_fields, source);
    if (password) read_password(*password, source);
    if (sections) read_sections(*sections, source);
    if (document && !document->is_null()) read_document(source.expect(*document, json::Kind::object), source);
    if (const auto text = notes ? source.string_or_null(*notes) : std::nullopt; text && !text->empty())
        source.add(Note{make_field(FieldType::string, *text)});
    if (history) read_password_history(*history, source);
}

}  // namespace cxf::onepux
