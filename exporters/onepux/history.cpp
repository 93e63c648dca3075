// SPDX-License-Identifier: MIT
// Item::history → details.passwordHistory. 1Password keeps only earlier passwords, so what else an
// earlier version held (another title, username or note) is reported lost.
#include "cxf/json/extension.h"
#include "cxf/onepassword/map/extension.h"
#include "exporters/onepux/item.h"

namespace cxf::onepux::out {

namespace {

const EditableField* password_of(const Item& version) {
    for (const Credential& c : version.credentials)
        if (const auto* auth = std::get_if<BasicAuth>(&c); auth && auth->password) return auth->password.get();
    return nullptr;
}

// Whether the version holds more than one basic-auth password (what the 1PUX reader makes of an entry).
bool more_than_password(const Item& version) {
    if (version.credentials.size() != 1) return true;
    const auto* auth = std::get_if<BasicAuth>(&version.credentials.front());
    return !auth || auth->username || !version.history.empty();
}

}  // namespace

void write_password_history(json::Builder& out, const Item& item, ItemContext& context) {
    out.key("passwordHistory").begin_array();
    bool reported = false;
    for (std::size_t h = 0; h < item.history.size(); ++h) {
        const Item& version = item.history[h];
        if (more_than_password(version) && !reported) {
            reported = true;
            context.report.lost_detail(Feature::history, context.place + "/history/" + std::to_string(h), item.title,
                                       "history", "1Password keeps only the earlier passwords of an item, not its earlier versions");
        }
        const EditableField* password = password_of(version);
        if (!password) continue;
        out.begin_object();
        out.key("value").string(password->value.view());
        if (version.modified_at) out.key("time").integer(*version.modified_at);
        const json::ExtensionView extension(version.extensions, onepassword::extension_name);
        if (const auto extra = extension.find("extra"); extra && extra->is_object())
            for (const auto m : extra->members()) out.key(m.key).copy(m.value);
        out.end_object();
    }
    out.end_array();
}

}  // namespace cxf::onepux::out
