// SPDX-License-Identifier: MIT
// The export around the items: export.attributes, then export.data with each account and its vaults,
// then the files/ entries the items named, in that order (how 1Password writes them, and what
// detection looks for first). Entries are dated with the export's time, so the same vault and time
// give the same bytes.
#include "exporters/onepux/write.h"

#include <ctime>

#include "cxf/io/relay.h"
#include "cxf/json/document.h"
#include "cxf/json/extension.h"
#include "cxf/onepassword/entries.h"
#include "cxf/onepassword/map/extension.h"
#include "cxf/plugin/losses.h"
#include "exporters/onepux/item.h"
#include "exporters/onepux/uuid.h"
#include "exporters/onepux/vaults.h"

namespace cxf::onepux {

namespace {

using onepassword::extension_name;

// The cxf.local/1password extension of a model object, parsed; no root when there is none.
class Kept {
public:
    explicit Kept(const std::vector<Extension>& extensions) {
        if (const RawExtension* raw = json::find_extension(extensions, extension_name))
            document_.emplace(raw->json.view(), std::string(extension_name));
    }
    std::optional<json::Cursor> find(std::string_view key) const {
        return document_ && document_->root().is_object() ? document_->root().find(key) : std::nullopt;
    }
    std::string_view string(std::string_view key, std::string_view otherwise = "") const {
        const auto m = find(key);
        return m && m->is_string() ? m->string() : otherwise;
    }
    void copy(json::Builder& out, std::string_view key) const {
        if (const auto m = find(key); m && m->is_object())
            for (const auto member : m->members()) out.key(member.key).copy(member.value);
    }

private:
    std::optional<json::Document> document_;
};

class ExportWriter {
public:
    ExportWriter(const Vault& vault, Timestamp now, Report& report) : vault_(vault), now_(now), report_(report) {}

    crypto::Secret attributes() const {
        json::Builder out;
        out.begin_object();
        const Timestamp created = vault_.timestamp.value_or(now_);
        const std::optional<Kept> kept = vault_.accounts.empty() ? std::nullopt : std::optional<Kept>(std::in_place, vault_.accounts.front().extensions);
        bool timestamp = false;
        if (const auto members = kept ? kept->find("attributes") : std::nullopt; members && members->is_object()) {
            for (const auto m : members->members()) {
                out.key(m.key);
                if (m.key == "timestamp") {
                    out.integer(created);  // the name the export used for its time
                    timestamp = true;
                } else {
                    out.copy(m.value);
                }
            }
        } else {
            out.key("version").integer(3);
            out.key("description").string("1Password Unencrypted Export");
        }
        if (!timestamp) out.key("createdAt").integer(created);
        out.end_object();
        return out.take();
    }

    void write_data(io::Output& entry) {
        json::Builder out(entry, json::Layout::compact);
        out.begin_object();
        out.key("accounts").begin_array();
        for (std::size_t a = 0; a < vault_.accounts.size(); ++a) write_account(out, a);
        out.end_array();
        out.end_object();
        out.flush();
    }

    const out::Attachments& attachments() const noexcept { return attachments_; }

private:
    // The account's username is written as its e-mail or its name when it is one of them; else it
    // has no place.
    void report_username(const Account& account, std::size_t index, std::string_view email, std::string_view account_name) {
        if (!account.username.empty() && account.username != email && account.username != account_name)
            report_.lost_detail(Feature::folders, "/accounts/" + std::to_string(index), {}, "account:username",
                                "a 1Password account has an e-mail and a name, and both are written with other text");
    }

    void write_account(json::Builder& out, std::size_t index) {
        const Account& account = vault_.accounts[index];
        const Kept kept(account.extensions);
        const std::string name = account.full_name.value_or("");
        const std::string_view account_name = kept.string("accountName", name.empty() ? account.username : name);
        const std::string_view email = account.email.empty() ? account.username : account.email;
        report_username(account, index, email, account_name);
        out.begin_object();
        out.key("attrs").begin_object();
        out.key("accountName").string(account_name);
        out.key("name").string(name);
        out.key("avatar").string(kept.string("avatar"));
        out.key("email").string(email);
        out.key("uuid").string(out::uuid_text(account.id));
        out.key("domain").string(kept.string("domain"));
        kept.copy(out, "attrs");
        out.end_object();
        out.key("vaults").begin_array();
        for (const out::VaultOut& vault : out::plan_vaults(account, index, report_)) write_vault(out, account, index, vault);
        out.end_array();
        kept.copy(out, "extra");
        out.end_object();
    }

    void write_vault(json::Builder& out, const Account& account, std::size_t account_index, const out::VaultOut& vault) {
        const Collection* collection = vault.collection;
        const Kept kept(collection ? collection->extensions : no_extensions_);
        out.begin_object();
        out.key("attrs").begin_object();
        out.key("uuid").string(out::uuid_text(collection ? collection->id : personal_id(account)));
        out.key("desc").string(collection ? collection->subtitle.value_or("") : "");
        if (const auto avatar = kept.string("avatar"); !avatar.empty()) out.key("avatar").string(avatar);
        out.key("name").string(vault.title);
        out.key("type").string(kept.string("type", collection ? "U" : "P"));
        kept.copy(out, "attrs");
        out.end_object();
        out.key("items").begin_array();
        for (const std::size_t i : vault.items) {
            const std::string place = item_place(account_index, i);
            out::ItemContext context{place, now_, report_, attachments_};
            out::write_item(out, account.items[i], context);
        }
        out.end_array();
        kept.copy(out, "extra");
        out.end_object();
    }

    // The personal vault's id: the account's, marked, so that it is the same in every export.
    static Id personal_id(const Account& account) {
        Id id = account.id;
        const std::string_view mark = "personal";
        id.insert(id.end(), mark.begin(), mark.end());
        return id;
    }

    const Vault& vault_;
    Timestamp now_;
    Report& report_;
    out::Attachments attachments_;
    const std::vector<Extension> no_extensions_;
};

}  // namespace

void write(const Vault& vault, io::Output& out, const WriteOptions& options, Report& report) {
    const Timestamp now = options.now != 0 ? options.now : static_cast<Timestamp>(std::time(nullptr));
    report_extensions_lost(vault, extension_name, "1Password 1PUX", report);
    ExportWriter writer(vault, now, report);
    const crypto::Secret attributes = writer.attributes();
    const Timestamp dated = vault.timestamp.value_or(now);
    io::ZipWriter zip(out);
    zip.add(std::string(onepassword::attributes_entry), attributes.bytes(), io::ZipMethod::deflate, dated);
    // export.data is deflated on a second thread while it is written.
    io::write_behind([&](io::Output& data) { writer.write_data(data); },
                     zip.begin(std::string(onepassword::data_entry), io::ZipMethod::deflate, dated));
    writer.attachments().write_to(zip, dated);
    zip.finish();
}

}  // namespace cxf::onepux
