// SPDX-License-Identifier: MIT
#include "cxf/kdbx/xml_elements.h"

#include <map>
#include <type_traits>

#include "cxf/encoding/base64.h"
#include "cxf/error.h"
#include "cxf/json/utf8.h"
#include "cxf/kdbx/gzip.h"
#include "cxf/kdbx/xml_parser.h"

namespace cxf::kdbx::detail {

class ElementReader::Impl {
public:
    Impl(const XmlReadContext& context, Database& rest) : ctx_(context), db_(rest), pool_size_(rest.binaries.size()) {}

    std::string place(const Node& node) const {
        return xml_place(node.line, node.name);
    }

    [[noreturn]] void fail(const Node& node, const std::string& message) const {
        throw Error(Errc::malformed, {ctx_.file, place(node)}, message);
    }

    static std::string text(const Node& node) { return std::string(node.own_text()); }

    // An empty element is an absent value: the field keeps its default, as KeePass, KeePassXC and
    // kdbxweb (which writes <MasterKeyChanged/> and the like) do.
    static std::optional<std::string_view> present(const Node& node) {
        const std::string_view t = node.own_text();
        if (trim(t).empty()) return std::nullopt;
        return t;
    }

    template <typename T>
    T parsed(const Node& node, const std::optional<T>& v, const char* what) const {
        if (!v) fail(node, what);
        return *v;
    }

    void value(const Node& node, Time& out) const {
        if (const auto t = present(node))
            out = parsed(node, parse_time(*t), "not a KDBX date (base64 seconds or ISO 8601)");
    }
    void value(const Node& node, std::optional<Time>& out) const {
        if (present(node)) value(node, out.emplace());
    }
    void value(const Node& node, bool& out) const {
        if (const auto t = present(node)) out = parsed(node, parse_bool(*t), "not a boolean (True or False)");
    }
    void value(const Node& node, Uuid& out) const {
        if (const auto t = present(node)) out = parsed(node, parse_uuid(*t), "not a UUID (base64 of 16 bytes)");
    }
    template <typename T>
        requires std::is_integral_v<T>
    void value(const Node& node, T& out) const {
        if (const auto t = present(node)) out = parsed(node, parse_integer<T>(*t), "not an integer in range");
    }

    // "null" (or nothing) means inherit from the parent group.
    std::optional<bool> tristate(const Node& node) const {
        const std::string_view t = trim(node.own_text());
        if (t.empty() || t == "null" || t == "Null" || t == "NULL") return std::nullopt;
        return parsed(node, parse_bool(t), "not a boolean (True or False)");
    }

    static bool flag(const Node& node, const char* attribute) {
        const char* value = node.attribute(attribute);
        return value && parse_bool(value).value_or(false);
    }

    crypto::SecureBytes base64(const Node& node) const {
        crypto::Secret compact;
        for (const char c : node.own_text())
            if (c != ' ' && c != '\t' && c != '\r' && c != '\n') compact.push_back(c);
        auto bytes = encoding::base64_decode_secure(compact.view());
        if (!bytes) fail(node, "not base64");
        return std::move(*bytes);
    }

    // Value@Protected: base64 of the text XORed with the next bytes of the inner stream.
    // A plain value moves out of its node, which is read once.
    crypto::Secret string_value(Node& node) const {
        if (!flag(node, "Protected")) return node.children.empty() ? std::move(node.text) : crypto::Secret(node.own_text());
        crypto::SecureBytes plain = base64(node);
        ctx_.stream.apply(plain);
        if (!json::valid_utf8(as_text(plain))) fail(node, "a protected value does not decrypt to UTF-8 text");
        return crypto::Secret(as_text(plain));
    }

    // Meta/Binaries/Binary and legacy inline Entry/Binary/Value: base64, maybe stream-encrypted,
    // maybe gzipped (KDBX 3.x).
    crypto::SecureBytes binary_value(const Node& node) const {
        crypto::SecureBytes data = base64(node);
        if (flag(node, "Protected")) ctx_.stream.apply(data);
        // An empty element stands for empty content even when marked Compressed (pykeepass writes that).
        if (flag(node, "Compressed") && !data.empty()) {
            try {
                data = gunzip(data, ctx_.limits, ctx_.inflate_budget, ctx_.file, "");
            } catch (const Error& e) {
                throw e.at_place(place(node));
            }
        }
        return data;
    }

    // --- Meta

    void read_meta_child(const Node& c) {
        Meta& m = db_.meta;
        const std::string_view n = c.name;
        if (n == "Generator") m.generator = text(c);
        else if (n == "HeaderHash") check_header_hash(c);
        else if (n == "SettingsChanged") value(c, m.settings_changed);
        else if (n == "DatabaseName") m.database_name = text(c);
        else if (n == "DatabaseNameChanged") value(c, m.database_name_changed);
        else if (n == "DatabaseDescription") m.database_description = text(c);
        else if (n == "DatabaseDescriptionChanged") value(c, m.database_description_changed);
        else if (n == "DefaultUserName") m.default_user_name = text(c);
        else if (n == "DefaultUserNameChanged") value(c, m.default_user_name_changed);
        else if (n == "MaintenanceHistoryDays") value(c, m.maintenance_history_days);
        else if (n == "Color") m.color = text(c);
        else if (n == "MasterKeyChanged") value(c, m.master_key_changed);
        else if (n == "MasterKeyChangeRec") value(c, m.master_key_change_rec);
        else if (n == "MasterKeyChangeForce") value(c, m.master_key_change_force);
        else if (n == "MasterKeyChangeForceOnce") value(c, m.master_key_change_force_once);
        else if (n == "MemoryProtection") read_memory_protection(c, m.memory_protection);
        else if (n == "CustomIcons")
            for (const Node& icon : c.children) m.custom_icons.push_back(read_icon(icon));
        else if (n == "RecycleBinEnabled") value(c, m.recycle_bin_enabled);
        else if (n == "RecycleBinUUID") value(c, m.recycle_bin_uuid);
        else if (n == "RecycleBinChanged") value(c, m.recycle_bin_changed);
        else if (n == "EntryTemplatesGroup") value(c, m.entry_templates_group);
        else if (n == "EntryTemplatesGroupChanged") value(c, m.entry_templates_group_changed);
        else if (n == "HistoryMaxItems") value(c, m.history_max_items);
        else if (n == "HistoryMaxSize") value(c, m.history_max_size);
        else if (n == "LastSelectedGroup") value(c, m.last_selected_group);
        else if (n == "LastTopVisibleGroup") value(c, m.last_top_visible_group);
        else if (n == "CustomData") m.custom_data = read_custom_data(c);
        else m.unknown.push_back(serialize(c));
    }

    // KeePass and KeePassXC check Meta/HeaderHash whenever it holds a hash, and skip an empty one;
    // KDBX 3.x has no other header check.
    void check_header_hash(const Node& node) const {
        const std::string_view hash = trim(node.own_text());
        if (ctx_.header_hash.empty() || hash.empty()) return;
        const auto stored = encoding::base64_decode(hash);
        if (!stored || !crypto::equal_ct(*stored, ctx_.header_hash))
            throw Error(Errc::integrity, {ctx_.file, place(node)},
                        "the header is damaged: its SHA-256 does not match Meta/HeaderHash");
    }

    void read_memory_protection(const Node& node, MemoryProtection& p) const {
        // AutoEnableVisualHiding (obsolete since KeePass 2.x) is dropped, as KeePass does.
        for (const Node& c : node.children) {
            const std::string_view n = c.name;
            if (n == "ProtectTitle") value(c, p.title);
            else if (n == "ProtectUserName") value(c, p.user_name);
            else if (n == "ProtectPassword") value(c, p.password);
            else if (n == "ProtectURL") value(c, p.url);
            else if (n == "ProtectNotes") value(c, p.notes);
        }
    }

    CustomIcon read_icon(const Node& node) const {
        CustomIcon icon;
        for (const Node& c : node.children) {
            const std::string_view n = c.name;
            if (n == "UUID") value(c, icon.uuid);
            else if (n == "Data") {
                const crypto::SecureBytes data = base64(c);
                icon.data.assign(data.begin(), data.end());
            } else if (n == "Name") icon.name = text(c);
            else if (n == "LastModificationTime") value(c, icon.last_modified);
        }
        return icon;
    }

    // KDBX 3.x attachment pool: Binary@ID is what Entry/Binary/Value@Ref names.
    void read_pool_binary(const Node& c) {
        if (!named(c, "Binary")) return;
        const char* id_attribute = c.attribute("ID");
        const std::string id = id_attribute ? id_attribute : "";
        if (!pool_ids_.emplace(id, pool_size_).second) fail(c, "two pooled binaries have ID " + id);
        db_.binaries.push_back(Binary{binary_value(c), flag(c, "Protected")});
        ++pool_size_;
    }

    CustomData read_custom_data(const Node& node) const {
        CustomData data;
        for (const Node& item : node.children) {
            if (!named(item, "Item")) continue;
            CustomDataItem d;
            for (const Node& c : item.children) {
                const std::string_view n = c.name;
                if (n == "Key") d.key = text(c);
                else if (n == "Value") d.value = text(c);
                else if (n == "LastModificationTime") value(c, d.last_modified);
            }
            data.push_back(std::move(d));
        }
        return data;
    }

    // --- Root, groups, entries

    void read_deleted_object(const Node& d) {
        if (!named(d, "DeletedObject")) return;
        DeletedObject object;
        for (const Node& f : d.children) {
            if (named(f, "UUID")) value(f, object.uuid);
            else if (named(f, "DeletionTime")) value(f, object.deletion_time);
        }
        db_.deleted_objects.push_back(object);
    }

    Times read_times(const Node& node) const {
        Times t;
        for (const Node& c : node.children) {
            const std::string_view n = c.name;
            if (n == "LastModificationTime") value(c, t.last_modification);
            else if (n == "CreationTime") value(c, t.creation);
            else if (n == "LastAccessTime") value(c, t.last_access);
            else if (n == "ExpiryTime") value(c, t.expiry);
            else if (n == "Expires") value(c, t.expires);
            else if (n == "UsageCount") value(c, t.usage_count);
            else if (n == "LocationChanged") value(c, t.location_changed);
        }
        return t;
    }

    void read_group_field(const Node& c, Group& g) const {
        const std::string_view n = c.name;
        if (n == "UUID") value(c, g.uuid);
        else if (n == "Name") g.name = text(c);
        else if (n == "Notes") g.notes = text(c);
        else if (n == "IconID") value(c, g.icon_id);
        else if (n == "CustomIconUUID") value(c, g.custom_icon);
        else if (n == "Times") g.times = read_times(c);
        else if (n == "IsExpanded") value(c, g.is_expanded);
        else if (n == "DefaultAutoTypeSequence") g.default_auto_type_sequence = text(c);
        else if (n == "EnableAutoType") g.enable_auto_type = tristate(c);
        else if (n == "EnableSearching") g.enable_searching = tristate(c);
        else if (n == "LastTopVisibleEntry") value(c, g.last_top_visible_entry);
        else if (n == "Tags") g.tags = split_tags(c.own_text());
        else if (n == "PreviousParentGroup") value(c, g.previous_parent_group);
        else if (n == "CustomData") g.custom_data = read_custom_data(c);
        else g.unknown.push_back(serialize(c));
    }

    Entry read_entry(Node& node) {
        Entry e;
        for (Node& c : node.children) {
            const std::string_view n = c.name;
            if (n == "UUID") value(c, e.uuid);
            else if (n == "IconID") value(c, e.icon_id);
            else if (n == "CustomIconUUID") value(c, e.custom_icon);
            else if (n == "ForegroundColor") e.foreground_color = text(c);
            else if (n == "BackgroundColor") e.background_color = text(c);
            else if (n == "OverrideURL") e.override_url = text(c);
            else if (n == "QualityCheck") value(c, e.quality_check);
            else if (n == "Tags") e.tags = split_tags(c.own_text());
            else if (n == "PreviousParentGroup") value(c, e.previous_parent_group);
            else if (n == "Times") e.times = read_times(c);
            else if (n == "String") e.strings.push_back(read_string(c));
            else if (n == "Binary") e.binaries.push_back(read_binary_ref(c));
            else if (n == "AutoType") e.auto_type = read_auto_type(c);
            else if (n == "CustomData") e.custom_data = read_custom_data(c);
            else if (n == "History") {
                for (Node& h : c.children)
                    if (named(h, "Entry")) e.history.push_back(read_entry(h));
            } else e.unknown.push_back(serialize(c));
        }
        return e;
    }

    StringField read_string(Node& node) const {
        StringField field;
        bool seen_key = false;
        for (Node& c : node.children) {
            if (named(c, "Key")) {
                field.key = text(c);
                seen_key = true;
            } else if (named(c, "Value")) {
                field.value = string_value(c);
                field.protect = flag(c, "Protected");
            }
        }
        if (!seen_key) fail(node, "an entry String has no Key");
        return field;
    }

    BinaryRef read_binary_ref(const Node& node) {
        BinaryRef ref;
        for (const Node& c : node.children) {
            if (named(c, "Key")) {
                ref.key = text(c);
            } else if (named(c, "Value")) {
                if (const char* attribute = c.attribute("Ref")) {
                    ref.index = resolve_ref(c, attribute);
                } else {  // KDBX 2.x stored attachments inline
                    ref.index = pool_size_++;
                    inline_.push_back(Binary{binary_value(c), flag(c, "Protected")});
                }
            }
        }
        return ref;
    }

    std::size_t resolve_ref(const Node& node, std::string_view ref) const {
        if (ctx_.version.major < 4) {
            const auto it = pool_ids_.find(std::string(ref));
            if (it == pool_ids_.end())
                fail(node, "binary reference '" + std::string(ref) + "' is not in Meta/Binaries");
            return it->second;
        }
        const auto index = parse_integer<std::uint64_t>(ref);
        if (!index || *index >= pool_size_)
            fail(node, "binary reference '" + std::string(ref) + "' is outside the " +
                           std::to_string(pool_size_) + " binaries of the inner header");
        return static_cast<std::size_t>(*index);
    }

    AutoType read_auto_type(const Node& node) const {
        AutoType a;
        for (const Node& c : node.children) {
            const std::string_view n = c.name;
            if (n == "Enabled") value(c, a.enabled);
            else if (n == "DataTransferObfuscation") value(c, a.obfuscation);
            else if (n == "DefaultSequence") a.default_sequence = text(c);
            else if (n == "Association") {
                AutoTypeAssociation assoc;
                for (const Node& f : c.children) {
                    if (named(f, "Window")) assoc.window = text(f);
                    else if (named(f, "KeystrokeSequence")) assoc.sequence = text(f);
                }
                a.associations.push_back(std::move(assoc));
            }
        }
        return a;
    }

    std::vector<Binary> take_inline() { return std::exchange(inline_, {}); }

private:
    const XmlReadContext& ctx_;
    Database& db_;
    std::map<std::string, std::size_t> pool_ids_;
    std::size_t pool_size_;  // the pool as the visitor has it, with the inline binaries handed over
    std::vector<Binary> inline_;
};

ElementReader::ElementReader(const XmlReadContext& context, Database& rest)
    : impl_(std::make_unique<Impl>(context, rest)) {}

ElementReader::~ElementReader() = default;

void ElementReader::meta_child(const Node& node) { impl_->read_meta_child(node); }
void ElementReader::pool_binary(const Node& node) { impl_->read_pool_binary(node); }
void ElementReader::group_field(const Node& node, Group& group) const { impl_->read_group_field(node, group); }
Entry ElementReader::entry(Node& node) { return impl_->read_entry(node); }
std::vector<Binary> ElementReader::take_inline_binaries() { return impl_->take_inline(); }
void ElementReader::deleted_object(const Node& node) { impl_->read_deleted_object(node); }

}  // namespace cxf::kdbx::detail
