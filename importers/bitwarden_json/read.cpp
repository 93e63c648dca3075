// SPDX-License-Identifier: MIT
// A Bitwarden JSON export → Vault: open the envelope, map each item as soon as it is parsed, then
// rebuild the folder (or collection) tree from the "/" in the names and file the items in it.
#include <functional>
#include <map>

#include "cxf/bitwarden/guid.h"
#include "cxf/bitwarden/map/codec.h"
#include "cxf/bitwarden/names.h"
#include "cxf/bitwarden/protected_export.h"
#include "cxf/crypto/hash.h"
#include "cxf/error.h"
#include "importers/bitwarden_json/bitwarden_json.h"
#include "importers/bitwarden_json/folders.h"
#include "importers/bitwarden_json/items.h"

namespace cxf::bitwarden_json {

namespace {

class ExportReader {
public:
    ExportReader(std::string file, const Limits& limits, PasswordProvider password, Report& report)
        : file_(std::move(file)), limits_(limits), password_(std::move(password)), report_(report) {}

    // `parse` parses the export into the tape with the handoff.
    Vault run(const std::function<void(json::Tape&, const json::Handoff&)>& parse) {
        json::Tape tape;
        tape.names = bitwarden::member_names;
        json::Handoff handoff{is_item_path, [&](const json::Tape& t, std::uint32_t index, const json::Path& path) {
                                  const std::string base = path.pointer();
                                  const json::Cursor item(t, index, base);
                                  check_strings(item);
                                  ReadItem read = read_item(item, file_, report_);
                                  items_.push_back(std::move(read.item));
                                  filings_.push_back({std::move(read.folder_id), std::move(read.collection_ids)});
                              }};
        // One pass for every kind of export: a protected one is known only once its root is complete.
        parse(tape, handoff);
        const std::string base;
        const json::Cursor root(tape, 0, base);
        if (!root.is_object())
            throw Error(Errc::malformed, {file_, ""}, "expected a Bitwarden export object, got " +
                                                          std::string(json::type_name(root)));
        return map(root);
    }

private:
    [[noreturn]] void fail(const json::Cursor& at, const std::string& message) const {
        throw Error(Errc::malformed, {file_, at.pointer()}, message);
    }

    // The parse let strings grow to the input's size for a protected export's "data"; a plain
    // export's strings keep the string cap. (Recursion no deeper than the parse's depth limit.)
    void check_strings(const json::Cursor& value) const {
        const auto check = [&](std::size_t size, const json::Cursor& at) {
            if (size > limits_.max_string_bytes)
                throw Error(Errc::limit_exceeded, {file_, at.pointer()},
                            "a string of " + std::to_string(size) + " bytes is over the limit of " +
                                std::to_string(limits_.max_string_bytes));
        };
        if (value.is_string()) check(value.size(), value);
        if (value.is_object())
            for (const auto m : value.members()) {
                check(m.key.size(), m.value);
                check_strings(m.value);
            }
        if (value.is_array())
            for (const json::Cursor e : value.elements()) check_strings(e);
    }

    Vault map(const json::Cursor& root) {
        switch (bitwarden::envelope_kind(root)) {
            case bitwarden::Envelope::account_restricted:
                throw Error(Errc::unsupported, {file_, ""},
                            "an account-restricted encrypted export can only be opened by its own Bitwarden account; "
                            "export again choosing \"Password protected\" (or unencrypted)");
            case bitwarden::Envelope::password_protected: return open_protected(root);
            case bitwarden::Envelope::plain: break;
        }
        check_strings(root);
        const auto items = root.find("items");
        if (!items) throw Error(Errc::malformed, {file_, ""}, "not a Bitwarden export: no 'items' array");
        if (!items->is_array())
            throw Error(Errc::malformed, {file_, items->pointer()},
                        "not a Bitwarden export: 'items' is " + std::string(json::type_name(*items)) + ", not an array");
        for (const json::Cursor leftover : items->elements()) fail(leftover, "expected an item object");

        Account account;
        ExtensionBuilder account_extension{extension_name};
        for (const auto m : root.members()) {
            if (m.key == "items" || m.key == "encrypted") continue;
            if (m.key == "folders") read_groups(m.value, false);
            else if (m.key == "collections") {
                read_groups(m.value, true);
                account_extension.set_string("layout", "organization");
            } else {
                account_extension.set_in("extra", m.key, json::to_json(m.value));
            }
        }
        file_items();
        account.id = account_id();
        account.collections = folders_.build(limits_.max_depth, report_);
        account.items = std::move(items_);
        account_extension.add_to(account.extensions);
        Vault vault;
        vault.accounts.push_back(std::move(account));
        return vault;
    }

    Vault open_protected(const json::Cursor& envelope) {
        if (!password_)
            throw Error(Errc::usage, {file_, ""},
                        "this Bitwarden export is password-protected: give its password with {password}");
        const crypto::Secret password = password_();
        const crypto::SecureBytes plain = bitwarden::decrypt_export(envelope, file_, password, limits_);
        const std::string file = file_ + " (decrypted data)";
        return ExportReader(file, limits_, nullptr, report_).run([&](json::Tape& tape, const json::Handoff& handoff) {
            json::parse(as_text(plain), file, bitwarden::parse_limits(limits_), tape, &handoff);
        });
    }

    // Organisation exports: the organisation's id; individual ones: 16 bytes of a hash of the item
    // ids, so the same export (plain, protected, or written again by cxf) always gives the same account.
    Id account_id() const {
        if (organization_id_)
            if (auto guid = bitwarden::parse_guid(*organization_id_)) return std::move(*guid);
        crypto::SecureBytes ids;
        for (const Item& item : items_) ids.insert(ids.end(), item.id.begin(), item.id.end());
        const crypto::SecureBytes digest = crypto::sha256({as_bytes("bitwarden account"), ids});
        return Id(digest.begin(), digest.begin() + 16);
    }

    void read_groups(const json::Cursor& list, bool organization) {
        ItemSource source(file_, report_);
        if (!source.array_or_null(list)) return;
        for (const json::Cursor g : list.elements()) {
            if (!source.object_or_null(g)) fail(g, "expected a folder or collection object");
            std::string id_text, path;
            Id id;
            ExtensionBuilder extension{extension_name};
            for (const auto m : g.members()) {
                if (m.key == "id") {
                    id_text = std::string(source.string_or_null(m.value).value_or(""));
                    if (auto guid = bitwarden::parse_guid(id_text)) {
                        id = std::move(*guid);
                    } else {
                        const ByteView bytes = as_bytes(id_text);
                        id.assign(bytes.begin(), bytes.end());
                        extension.set_string("id", id_text);
                    }
                } else if (m.key == "name") {
                    path = std::string(source.string_or_null(m.value).value_or(""));
                } else if (organization && m.key == "organizationId") {
                    if (const auto organization_id = source.string_or_null(m.value)) {
                        if (!organization_id_) organization_id_ = std::string(*organization_id);
                        extension.set("organizationId", json::to_json(m.value));
                    }
                } else if (organization && m.key == "externalId") {
                    if (!m.value.is_null()) extension.set("externalId", json::to_json(m.value));
                } else {
                    extension.set_in("extra", m.key, json::to_json(m.value));
                }
            }
            by_id_.emplace(id_text, folders_.add(std::move(id), std::move(path), std::move(extension), g.pointer()));
        }
    }

    void file_items() {
        for (std::size_t n = 0; n < items_.size(); ++n) {
            const Filing& filing = filings_[n];
            std::vector<std::string> ids = filing.collection_ids;
            if (filing.folder_id) ids.insert(ids.begin(), *filing.folder_id);
            for (const std::string& id : ids) {
                const auto folder = by_id_.find(id);
                if (folder == by_id_.end()) {
                    report_.changed("/items/" + std::to_string(n), "filed in a folder or collection that is not in the "
                                                                   "export; left at the top level");
                    continue;
                }
                folders_.file(folder->second, items_[n].id);
            }
        }
    }

    std::string file_;
    Limits limits_;
    PasswordProvider password_;
    Report& report_;
    // Items apart from where they are filed, so that they move into the account whole.
    struct Filing {
        std::optional<std::string> folder_id;
        std::vector<std::string> collection_ids;
    };
    std::vector<Item> items_;
    std::vector<Filing> filings_;
    FolderTree folders_;
    std::map<std::string, std::size_t, std::less<>> by_id_;
    std::optional<std::string> organization_id_;
};

}  // namespace

Vault read(const Input& input, const ReadOptions& options, Report& report) {
    return ExportReader(input.name, options.limits, options.password, report)
        .run([&](json::Tape& tape, const json::Handoff& handoff) {
            json::parse(as_text(input.bytes), input.name, bitwarden::parse_limits(options.limits), tape, &handoff);
        });
}

Vault read_stream(const InputStream& input, const ReadOptions& options, Report& report) {
    return ExportReader(input.name, options.limits, options.password, report)
        .run([&](json::Tape& tape, const json::Handoff& handoff) {
            json::parse(input.next, input.name, bitwarden::parse_limits(options.limits), tape, &handoff);
        });
}

}  // namespace cxf::bitwarden_json
