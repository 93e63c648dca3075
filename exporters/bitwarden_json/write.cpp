// SPDX-License-Identifier: MIT
// The export around the ciphers: folders (individual) or collections (organisation) named by
// their path with "/", each item filed in them, then the password-protected envelope if asked.
#include "exporters/bitwarden_json/write.h"

#include <algorithm>
#include <ctime>
#include <deque>

#include "cxf/bitwarden/kdf.h"
#include "cxf/bitwarden/map/codec.h"
#include "cxf/bitwarden/protected_export.h"
#include "cxf/error.h"
#include "cxf/plugin/losses.h"
#include "exporters/bitwarden_json/cipher.h"
#include "exporters/bitwarden_json/folder_index.h"
#include "exporters/bitwarden_json/metadata.h"

namespace cxf::bitwarden_json {

namespace {

constexpr std::string_view empty_guid = "00000000-0000-0000-0000-000000000000";


std::size_t item_count(const Vault& vault) {
    std::size_t n = 0;
    for (const Account& a : vault.accounts) n += a.items.size();
    return n;
}

// A folder as written: its extension is parsed once for the id, organisation, external id and the
// members cxf does not map.
struct OutFolder {
    explicit OutFolder(const Folder& f) : folder(f), ext(f.collection->extensions, extension_name), guid(guid_of(f, ext)) {}

    static std::string guid_of(const Folder& f, const ExtensionView& ext) {
        const Id& id = f.collection->id;
        const auto kept_id = ext.string("id");
        const ByteView kept_bytes = kept_id ? as_bytes(*kept_id) : ByteView();
        return kept_id && std::equal(kept_bytes.begin(), kept_bytes.end(), id.begin(), id.end()) ? std::string(*kept_id)
                                                                                               : guid_for(id);
    }

    const Folder& folder;
    const ExtensionView ext;
    const std::string guid;
};

class ExportWriter {
public:
    ExportWriter(const Vault& vault, const BitwardenWriteOptions& settings, Report& report, Timestamp now)
        : vault_(vault), settings_(settings), report_(report), now_(now), index_(vault, report) {
        note_unkept_metadata(vault, index_, "Bitwarden", report);
        for (std::size_t a = 1; a < vault_.accounts.size(); ++a)
            report_.changed("/accounts/" + std::to_string(a), "accounts merged into one Bitwarden export");
        for (const Folder& f : index_.folders()) folders_.emplace_back(f);
    }

    void run(io::Output& out) {
        organization_ = organization_id();
        const bool organization = settings_.layout == BitwardenLayout::as_read ? source_layout() == "organization"
                                                                               : settings_.layout == BitwardenLayout::organization;
        json::Builder json(out, json::Layout::indented);
        json.begin_object();
        json.key("encrypted").boolean(false);
        if (organization) write_collections(json);
        else write_folders(json);
        json.key("items");
        json.begin_array();
        for (std::size_t a = 0; a < vault_.accounts.size(); ++a)
            for (std::size_t i = 0; i < vault_.accounts[a].items.size(); ++i)
                write_item(json, a, i, organization);
        json.end_array();
        if (!vault_.accounts.empty()) {
            const ExtensionView ext(vault_.accounts.front().extensions, extension_name);
            if (const auto extra = ext.find("extra"); extra && extra->is_object())
                for (const auto m : extra->members()) {
                    json.key(m.key);
                    json.copy(m.value);
                }
        }
        json.end_object();
        json.flush();
    }

private:
    std::string source_layout() const {
        if (vault_.accounts.empty()) return {};
        const ExtensionView ext(vault_.accounts.front().extensions, extension_name);
        return std::string(ext.string("layout").value_or(""));
    }

    void write_folders(json::Builder& json) {
        json.key("folders");
        json.begin_array();
        for (const OutFolder& f : folders_) {
            json.place = f.folder.place;
            json.begin_object();
            member(json, "id", f.guid);
            member(json, "name", f.folder.path);
            write_extra(json, f);
            json.end_object();
        }
        json.end_array();
    }

    // Members of a folder or collection cxf does not map, as the importer kept them.
    static void write_extra(json::Builder& json, const OutFolder& folder) {
        if (const auto extra = folder.ext.find("extra"); extra && extra->is_object())
            for (const auto m : extra->members()) {
                json.key(m.key);
                json.copy(m.value);
            }
    }

    std::string organization_id() const {
        for (const OutFolder& f : folders_)
            if (const auto id = f.ext.string("organizationId")) return std::string(*id);
        return std::string(empty_guid);
    }

    void write_collections(json::Builder& json) {
        json.key("collections");
        json.begin_array();
        for (const OutFolder& f : folders_) {
            json.place = f.folder.place;
            json.begin_object();
            member(json, "id", f.guid);
            member(json, "organizationId", std::string(f.ext.string("organizationId").value_or(organization_)));
            member(json, "name", f.folder.path);
            json.key("externalId");
            if (const auto external = f.ext.find("externalId")) json.copy(*external);
            else json.null();
            write_extra(json, f);
            json.end_object();
        }
        json.end_array();
    }

    void write_item(json::Builder& json, std::size_t a, std::size_t i, bool organization) {
        const Item& item = vault_.accounts[a].items[i];
        const std::string place = item_place(a, i);
        const ExtensionView ext(item.extensions, extension_name);
        const auto ciphers = plan(item, ext, place, report_);
        if (!item.tags.empty()) report_.lost(Feature::tags, place, item.title, "tags", "Bitwarden has no tags");
        if (item.scope && ciphers.front()->type != static_cast<std::int64_t>(CipherType::login) &&
            (!item.scope->urls.empty() || !item.scope->android_apps.empty()))
            report_.lost_detail(Feature::logins, place, item.title, "urls", "only Bitwarden logins hold URLs");

        Filing filing;
        filing.now = now_;
        const std::vector<std::size_t> in = index_.filing(item, place, organization, report_);
        if (organization) {
            filing.collection_ids.emplace();
            for (const std::size_t f : in) filing.collection_ids->push_back(folders_[f].guid);
            filing.organization_id = organization_;
        } else if (!in.empty()) {
            filing.folder_id = folders_[in.front()].guid;
        }
        for (const auto& cipher : ciphers) write_cipher(json, *cipher, filing, report_);
    }

    const Vault& vault_;
    const BitwardenWriteOptions& settings_;
    Report& report_;
    Timestamp now_;
    FolderIndex index_;
    std::deque<OutFolder> folders_;  // parallel to index_.folders(); a deque, as ExtensionView cannot move
    std::string organization_;
};

}  // namespace

void write(const Vault& vault, io::Output& out, const WriteOptions& options, Report& report) {
    const BitwardenWriteOptions& settings = options.bitwarden;
    if (settings.encrypt) {  // before anything is written or a password asked for
        bitwarden::check_importable(settings.kdf);
        if (!options.password)
            throw Error(Errc::usage, {}, "{out.bitwarden.encrypt} needs an output password ({out.password})");
    }
    const Timestamp now = options.now != 0 ? options.now : static_cast<Timestamp>(std::time(nullptr));
    if (item_count(vault) > import_item_limit)
        report.warning("", "Bitwarden imports at most " + std::to_string(import_item_limit) + " items from one file; this "
                           "export has " + std::to_string(item_count(vault)) + " ({split} " +
                           std::to_string(import_item_limit) + " writes several files)");
    report_extensions_lost(vault, extension_name, "Bitwarden", report);
    if (!settings.encrypt) {
        ExportWriter(vault, settings, report, now).run(out);
        return;
    }
    io::MemoryOutput plain;
    ExportWriter(vault, settings, report, now).run(plain);
    const crypto::Secret password = options.password();
    out.write(bitwarden::encrypt_export(plain.bytes(), password, settings.kdf).bytes());
}

}  // namespace cxf::bitwarden_json
