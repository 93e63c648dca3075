// SPDX-License-Identifier: MIT
// A 1PUX item → cxf::Item: its own members (uuid, favourite, times, state, category), then the
// overview and the details.
#include "cxf/crypto/hash.h"
#include "importers/onepux/item_source.h"

namespace cxf::onepux {

namespace {

// Items exported without a uuid (seen for 005 Password items) get one derived from their place.
Id derived_id(const json::Cursor& item) {
    const std::string place = item.pointer();
    const crypto::SecureBytes digest = crypto::sha256({as_bytes("1pux item"), as_bytes(place)});
    return Id(digest.begin(), digest.begin() + 16);
}

void read_state(const json::Cursor& value, ItemSource& source) {
    const std::string_view state = source.string(value);
    if (state == "active") return;
    source.extension().set_string("state", state);
    if (state == "archived")
        source.report().changed(value.pointer(), "archived in 1Password; CXF has no archived state (kept in cxf.local/1password)",
                                "state");
}

}  // namespace

Id text_id(std::string_view text) {
    const ByteView bytes = as_bytes(text);
    return Id(bytes.begin(), bytes.end());
}

std::string credential_pointer(std::size_t index) { return "/credentials/" + std::to_string(index); }

std::string ItemSource::add(Credential credential) {
    item.credentials.push_back(std::move(credential));
    return credential_pointer(item.credentials.size() - 1);
}

std::optional<Item> read_item(const json::Cursor& element, const std::string& file, Report& report, Documents& documents) {
    ItemSource source(file, report, documents);
    source.expect(element, json::Kind::object);
    // Exports before 2022 wrap each item: {"item": {…}}.
    json::Cursor cursor = element;
    if (const auto wrapped = element.find("item"); wrapped && !element.find("categoryUuid")) {
        cursor = source.expect(*wrapped, json::Kind::object);
        for (const auto m : element.members())
            if (m.key != "item" && m.key != "trashed") source.extension().set_in("wrapper", m.key, json::to_json(m.value));
    }
    const auto trashed = [&](const json::Cursor& c) { return source.optional_boolean(c, "trashed").value_or(false); };
    if (trashed(cursor) || trashed(element)) {
        const auto overview = source.optional_object(cursor, "overview");
        const auto title = overview ? source.optional_string(*overview, "title") : std::nullopt;
        report.skipped(cursor.pointer(), std::string(title.value_or("")), "in 1Password's trash; left out");
        return std::nullopt;
    }
    const std::string_view category = source.required_string(cursor, "categoryUuid");
    source.category = onepassword::category_of(category);
    source.extension().set_string("category", category);
    if (source.category == Category::unknown)
        report.note(cursor.pointer() + "/categoryUuid", "category " + std::string(category) +
                                                            " is unknown to cxf; its sections are kept as custom fields");

    Item& item = source.item;
    std::optional<json::Cursor> overview, details;
    for (const auto m : cursor.members()) {
        if (m.key == "uuid") item.id = text_id(source.string(m.value));
        else if (m.key == "favIndex") {
            const std::int64_t index = source.integer(m.value);
            item.favorite = index != 0;
            if (index != 0 && index != 1) source.extension().set_integer("favIndex", index);
        } else if (m.key == "createdAt") item.creation_at = source.integer(m.value);
        else if (m.key == "updatedAt") item.modified_at = source.integer(m.value);
        else if (m.key == "state") read_state(m.value, source);
        else if (m.key == "overview") overview = source.expect(m.value, json::Kind::object);
        else if (m.key == "details") details = source.expect(m.value, json::Kind::object);
        else if (m.key == "categoryUuid" || m.key == "trashed") continue;
        else source.extension().set_in("extra", m.key, json::to_json(m.value));
    }
    if (item.id.empty()) item.id = derived_id(cursor);
    if (overview) read_overview(*overview, source);
    if (source.category == Category::login || source.category == Category::password) source.slot<BasicAuth>();
    if (details) read_details(*details, source);
    source.extension().add_to(item.extensions);
    return std::move(source.item);
}

}  // namespace cxf::onepux
