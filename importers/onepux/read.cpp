// SPDX-License-Identifier: MIT
// A 1PUX zip → Vault: export.attributes gives the time, export.data the accounts; each vault becomes
// a collection of its account, and each item is mapped as soon as the parser has it.
#include <map>

#include "cxf/crypto/hash.h"
#include "cxf/error.h"
#include "cxf/io/relay.h"
#include "cxf/onepassword/entries.h"
#include "cxf/onepassword/names.h"
#include "importers/onepux/attributes.h"
#include "importers/onepux/item_source.h"
#include "importers/onepux/onepux.h"

namespace cxf::onepux {

namespace {

using onepassword::extension_name;

Id id_or_derived(std::optional<std::string_view> uuid, const json::Cursor& at, std::string_view what) {
    if (uuid && !uuid->empty()) return text_id(*uuid);
    const std::string place = at.pointer();
    const crypto::SecureBytes digest = crypto::sha256({as_bytes(what), as_bytes(place)});
    return Id(digest.begin(), digest.begin() + 16);
}

class ExportReader {
public:
    ExportReader(const Input& input, const ReadOptions& options, Report& report, const io::ZipReader& zip)
        : input_(input.bytes), input_name_(input.name), file_(input.name + ":" + std::string(onepassword::data_entry)), limits_(options.limits), report_(report),
          zip_(zip), documents_(zip, input.name), reader_({file_, "", "", json::Wording::expected_got}) {}

    Vault run(const std::optional<ExportAttributes>& attributes) {
        const auto entry = zip_.find(onepassword::data_entry);
        if (!entry)
            throw Error(Errc::malformed, {input_name_, std::string(onepassword::data_entry)},
                        "not a 1PUX export: the zip has no export.data entry");
        documents_.use(onepassword::data_entry);
        documents_.use(onepassword::attributes_entry);
        // export.data is inflated and checked on a second thread, through a zip handle of its own: one
        // libzip archive is not for two threads at once, and this one reads the attachments meanwhile.
        const io::ZipReader data_zip(input_, input_name_, limits_);
        io::ZipReader::Stream text = data_zip.open(*entry);
        io::ReadAhead inflated([&] { return text.next(); });
        json::Tape tape;
        tape.names = onepassword::member_names;
        const json::Handoff handoff{is_item_path, [&](const json::Tape& t, std::uint32_t index, const json::Path& path) {
                                        const std::string base = path.pointer();
                                        auto item = read_item(json::Cursor(t, index, base), file_, report_, documents_);
                                        if (!item) return;
                                        std::vector<Item>& list = items_[path.index(1)];
                                        placements_.push_back({path.index(1), path.index(3), list.size()});
                                        list.push_back(std::move(*item));
                                    }};
        json::parse([&] { return inflated.next(); }, file_, limits_, tape, &handoff);
        const std::string base;
        const json::Cursor root(tape, 0, base);
        reader_.expect(root, json::Kind::object);

        Vault vault;
        if (attributes) vault.timestamp = attributes->created;
        std::uint32_t a = 0;
        for (const json::Cursor account : reader_.required_member(root, "accounts", json::Kind::array).elements())
            vault.accounts.push_back(read_account(account, a++, attributes));
        for (const auto m : root.members())
            if (m.key != "accounts") report_.note(m.value.pointer(), "a member 1PUX does not define; ignored");
        documents_.report_unused(report_);
        return vault;
    }

private:
    // Where an item was in the export: its account's items are moved into the account whole.
    struct Placement {
        std::uint32_t account, vault;
        std::size_t index;  // in items_[account]
    };

    Account read_account(const json::Cursor& account, std::uint32_t index, const std::optional<ExportAttributes>& attributes) {
        reader_.expect(account, json::Kind::object);
        Account out;
        ExtensionBuilder extension{extension_name};
        std::optional<std::string_view> uuid;
        if (const auto attrs = reader_.optional_object(account, "attrs")) {
            for (const auto m : attrs->members()) {
                if (m.key == "uuid") uuid = reader_.string(m.value);
                else if (m.key == "email") out.username = out.email = std::string(reader_.string(m.value));
                else if (m.key == "name") {
                    if (const auto name = reader_.string(m.value); !name.empty()) out.full_name = std::string(name);
                } else if (m.key == "accountName" || m.key == "domain" || m.key == "avatar") {
                    if (const auto text = reader_.string(m.value); !text.empty()) extension.set_string(m.key, text);
                } else {
                    extension.set_in("attrs", m.key, json::to_json(m.value));
                }
            }
        }
        out.id = id_or_derived(uuid, account, "1pux account");
        if (attributes && !attributes->kept.empty()) extension.set("attributes", attributes->kept.clone());
        std::uint32_t v = 0;
        if (const auto vaults = reader_.optional_array(account, "vaults"))
            for (const json::Cursor vault : vaults->elements()) out.collections.push_back(read_vault(vault, index, v++));
        for (const auto m : account.members())
            if (m.key != "attrs" && m.key != "vaults") extension.set_in("extra", m.key, json::to_json(m.value));
        if (const auto items = items_.find(index); items != items_.end()) out.items = std::move(items->second);
        extension.add_to(out.extensions);
        return out;
    }

    Collection read_vault(const json::Cursor& vault, std::uint32_t account, std::uint32_t index) {
        reader_.expect(vault, json::Kind::object);
        Collection out;
        ExtensionBuilder extension{extension_name};
        std::optional<std::string_view> uuid;
        if (const auto attrs = reader_.optional_object(vault, "attrs")) {
            for (const auto m : attrs->members()) {
                if (m.key == "uuid") uuid = reader_.string(m.value);
                else if (m.key == "name") out.title = std::string(reader_.string(m.value));
                else if (m.key == "desc") {
                    if (const auto desc = reader_.string(m.value); !desc.empty()) out.subtitle = std::string(desc);
                } else if (m.key == "type" || m.key == "avatar") {
                    if (const auto text = reader_.string(m.value); !text.empty()) extension.set_string(m.key, text);
                } else {
                    extension.set_in("attrs", m.key, json::to_json(m.value));
                }
            }
        }
        out.id = id_or_derived(uuid, vault, "1pux vault");
        if (const auto items = reader_.optional_array(vault, "items"))
            for (const json::Cursor leftover : items->elements()) reader_.fail_expected(leftover, "an item object");
        for (const auto m : vault.members())
            if (m.key != "attrs" && m.key != "items") extension.set_in("extra", m.key, json::to_json(m.value));
        for (const Placement& p : placements_)
            if (p.account == account && p.vault == index) out.items.push_back(LinkedItem{items_.at(account)[p.index].id, std::nullopt});
        extension.add_to(out.extensions);
        return out;
    }

    ByteView input_;
    std::string input_name_;
    std::string file_;
    Limits limits_;
    Report& report_;
    const io::ZipReader& zip_;
    Documents documents_;
    json::Reader reader_;
    std::map<std::uint32_t, std::vector<Item>> items_;  // by account
    std::vector<Placement> placements_;
};

}  // namespace

bool is_item_path(const json::Path& path) {
    const auto named = [&](std::size_t level, std::string_view key) { return !path.is_index(level) && path.key(level) == key; };
    return path.depth() == 6 && named(0, "accounts") && path.is_index(1) && named(2, "vaults") && path.is_index(3) &&
           named(4, "items") && path.is_index(5);
}

Vault read(const Input& input, const ReadOptions& options, Report& report) {
    const io::ZipReader zip(input.bytes, input.name, options.limits);
    const auto attributes = read_attributes(zip, input.name, options.limits);
    return ExportReader(input, options, report, zip).run(attributes);
}

}  // namespace cxf::onepux
