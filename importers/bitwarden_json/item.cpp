// SPDX-License-Identifier: MIT
// A Bitwarden cipher → cxf::Item: the members every type shares, then the type's own object.
#include <algorithm>

#include "cxf/bitwarden/guid.h"
#include "cxf/bitwarden/map/codec.h"
#include "cxf/encoding/rfc3339.h"
#include "importers/bitwarden_json/items.h"

namespace cxf::bitwarden_json {

namespace {

constexpr std::string_view type_objects[] = {"login", "secureNote", "card", "identity", "sshKey",
                                             "bankAccount", "driversLicense", "passport"};

std::string_view type_object(std::int64_t type) {
    return type >= 1 && type <= 8 ? type_objects[static_cast<std::size_t>(type - 1)] : std::string_view();
}

std::optional<Timestamp> date(const json::Cursor& value, std::string_view key, ItemSource& source) {
    const auto text = source.string_or_null(value);
    if (!text) return std::nullopt;
    const auto time = encoding::parse_rfc3339(*text);
    if (!time) source.fail(value, "not an ISO 8601 date");
    keep_spelling(source, key, *text, encoding::format_rfc3339(*time, true));
    return time;
}

Id item_id(const json::Cursor& value, ItemSource& source) {
    const auto text = source.string_or_null(value);
    if (!text) return {};
    if (auto guid = bitwarden::parse_guid(*text)) return std::move(*guid);
    // Hand-made exports use ids like "aaaa…": Bitwarden only uses them to link items to folders.
    source.extension().set_string("id", *text);
    source.report().changed(value.pointer(), "the id is not a GUID; a GUID derived from it will be written");
    const ByteView bytes = as_bytes(*text);
    return Id(bytes.begin(), bytes.end());
}

// Bitwarden lists the newest earlier password first; Item::history is oldest first.
void read_history(const json::Cursor& list, Item& item, ItemSource& source) {
    if (!source.array_or_null(list)) return;
    std::vector<Item> newest_first;
    for (const json::Cursor entry : list.elements()) {
        if (!source.object_or_null(entry)) continue;
        Item earlier;
        earlier.id = item.id;
        earlier.title = item.title;
        ItemSource entry_source(source.file(), source.report());
        BasicAuth auth;
        for (const auto m : entry.members()) {
            if (m.key == "password") auth.password = entry_source.field(m.value, FieldType::concealed_string);
            else if (m.key == "lastUsedDate") earlier.modified_at = date(m.value, "lastUsedDate", entry_source);
            else entry_source.keep("extra", m);
        }
        earlier.credentials.emplace_back(std::move(auth));
        entry_source.extension().add_to(earlier.extensions);
        newest_first.push_back(std::move(earlier));
    }
    item.history.assign(std::make_move_iterator(newest_first.rbegin()), std::make_move_iterator(newest_first.rend()));
}

void read_type_object(CipherType type, const json::Cursor& object, Item& item, ItemSource& source) {
    switch (type) {
        case CipherType::login: read_login(object, item, source); break;
        case CipherType::secure_note:
            for (const auto m : object.members())
                if (m.key != "type" || source.integer_or_null(m.value).value_or(0) != 0) source.keep("secureNote", m);
            break;
        case CipherType::card: read_card(object, item, source); break;
        case CipherType::identity: read_identity(object, item, source); break;
        case CipherType::ssh_key: read_ssh_key(object, item, source); break;
        case CipherType::bank_account: read_bank_account(object, item, source); break;
        case CipherType::drivers_license: read_drivers_license(object, item, source); break;
        case CipherType::passport: read_passport(object, item, source); break;
    }
}

}  // namespace

bool is_item_path(const json::Path& path) {
    return path.depth() == 2 && !path.is_index(0) && path.key(0) == "items" && path.is_index(1);
}

ReadItem read_item(const json::Cursor& cipher, const std::string& file, Report& report) {
    ItemSource source(file, report);
    if (!source.object_or_null(cipher)) source.fail(cipher, "expected an item object, got null");
    const auto type_member = cipher.find("type");
    if (!type_member) source.fail(cipher, "an item needs a 'type'");
    const auto type = source.integer_or_null(*type_member);
    if (!type) source.fail(*type_member, "an item needs a 'type'");
    const std::string_view own_object = type_object(*type);
    source.extension().set_integer("type", *type);
    if (own_object.empty())
        report.note(type_member->pointer(), "item type " + std::to_string(*type) +
                                                " is unknown to cxf; its content is kept as it is in cxf.local/bitwarden");

    ReadItem out;
    Item& item = out.item;
    std::optional<json::Cursor> history, fields, notes, own;
    for (const auto m : cipher.members()) {
        if (m.key == "type") continue;
        if (m.key == "id") item.id = item_id(m.value, source);
        else if (m.key == "name") item.title = std::string(source.string_or_null(m.value).value_or(""));
        else if (m.key == "notes") notes = m.value;
        else if (m.key == "favorite") item.favorite = source.boolean_or_null(m.value).value_or(false);
        else if (m.key == "reprompt") {
            if (const auto reprompt = source.integer_or_null(m.value); reprompt && *reprompt != 0)
                source.extension().set_integer("reprompt", *reprompt);
        } else if (m.key == "creationDate") item.creation_at = date(m.value, "creationDate", source);
        else if (m.key == "revisionDate") item.modified_at = date(m.value, "revisionDate", source);
        else if (m.key == "folderId") {
            if (const auto id = source.string_or_null(m.value)) out.folder_id = std::string(*id);
        } else if (m.key == "organizationId") {
            if (source.string_or_null(m.value)) source.keep("extra", m);
        } else if (m.key == "collectionIds") {
            if (source.array_or_null(m.value))
                for (const json::Cursor id : m.value.elements())
                    if (const auto text = source.string_or_null(id)) out.collection_ids.emplace_back(*text);
        } else if (m.key == "fields") fields = m.value;
        else if (m.key == "passwordHistory") history = m.value;
        else if (m.key == own_object && !m.value.is_null()) own = m.value;
        else if ((m.key == "deletedDate" || m.key == "archivedDate") && m.value.is_null()) continue;
        else if (std::find(std::begin(type_objects), std::end(type_objects), m.key) != std::end(type_objects) &&
                 m.value.is_null())
            continue;  // the objects of the other types, written as null by older clients
        else source.keep("extra", m);
    }

    if (own) {
        if (!source.object_or_null(*own)) source.fail(*own, "expected an object");
        read_type_object(static_cast<CipherType>(*type), *own, item, source);
    } else if (*type == static_cast<std::int64_t>(CipherType::login)) {
        item.credentials.emplace_back(BasicAuth{});  // a login with nothing filled in is still a login
    }
    if (notes)
        if (const auto text = source.string_or_null(*notes)) item.credentials.emplace_back(Note{make_field(FieldType::string, *text)});
    if (fields) read_fields(*fields, item, source);
    if (history) read_history(*history, item, source);
    source.extension().add_to(item.extensions);
    return out;
}

}  // namespace cxf::bitwarden_json
