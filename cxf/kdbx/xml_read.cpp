// SPDX-License-Identifier: MIT
// KDBX XML → Database. Element names and order as KeePass 2.55 KdbxFile.Read.Streamed; everything is
// read in document order, which is the order protected values consume the inner stream.
#include <cstring>
#include <map>
#include <type_traits>

#include <pugixml.hpp>

#include "cxf/encoding/base64.h"
#include "cxf/error.h"
#include "cxf/json/utf8.h"
#include "cxf/kdbx/gzip.h"
#include "cxf/kdbx/xml.h"
#include "cxf/kdbx/xml_values.h"

namespace cxf::kdbx::detail {

namespace {

using pugi::xml_node;

bool named(const xml_node& node, std::string_view name) { return std::string_view(node.name()) == name; }

struct StringWriter : pugi::xml_writer {
    explicit StringWriter(std::string& out) : out_(out) {}
    void write(const void* data, std::size_t size) override { out_.append(static_cast<const char*>(data), size); }
    std::string& out_;
};

// Child elements only (comments, processing instructions and whitespace skipped).
template <typename F>
void for_each_element(const xml_node& parent, F&& f) {
    for (xml_node child = parent.first_child(); child; child = child.next_sibling())
        if (child.type() == pugi::node_element) f(child);
}

class XmlReader {
public:
    XmlReader(std::span<std::uint8_t> xml, const XmlReadContext& context) : xml_(xml), ctx_(context) {}

    Database run(std::vector<Binary> pool) {
        pool_ = std::move(pool);
        check_utf8();
        pugi::xml_document doc;
        // parse_doctype keeps a DOCTYPE as a node so that it can be refused below; pugixml never
        // expands entities other than the five predefined ones and character references.
        constexpr unsigned options = pugi::parse_default | pugi::parse_ws_pcdata_single | pugi::parse_doctype;
        const pugi::xml_parse_result result =
            doc.load_buffer_inplace(xml_.data(), xml_.size(), options, pugi::encoding_utf8);
        if (!result)
            throw Error(Errc::malformed, {ctx_.file, line_place(static_cast<std::size_t>(result.offset), "XML")},
                        std::string("the XML is not well-formed: ") + result.description());
        check_tree(doc);

        const xml_node root = doc.document_element();
        if (!named(root, "KeePassFile")) fail(root, "the document element is not KeePassFile");
        Database db;
        bool seen_root = false;
        for_each_element(root, [&](const xml_node& child) {
            if (named(child, "Meta")) {
                read_meta(child, db.meta);
            } else if (named(child, "Root")) {
                read_root(child, db);
                seen_root = true;
            } else {
                db.unknown.push_back(serialize(child));
            }
        });
        if (!seen_root) fail(root, "KeePassFile has no Root element");
        db.binaries = std::move(pool_);
        return db;
    }

private:
    // --- checks over the whole document, before any value is used

    void check_utf8() const {
        if (json::valid_utf8(as_text(xml_))) return;
        std::size_t line = 1, start = 0;
        for (std::size_t i = 0; i <= xml_.size(); ++i) {
            if (i < xml_.size() && xml_[i] != '\n') continue;
            if (!json::valid_utf8(as_text(ByteView(xml_).subspan(start, i - start)))) break;
            ++line;
            start = i + 1;
        }
        throw Error(Errc::malformed, {ctx_.file, "XML line " + std::to_string(line)}, "the XML is not valid UTF-8");
    }

    // Depth and text sizes, walked without recursion so that depth itself cannot hurt.
    void check_tree(const pugi::xml_document& doc) const {
        std::uint32_t depth = 1;
        xml_node node = doc.first_child();
        while (node) {
            if (node.type() == pugi::node_doctype)
                throw Error(Errc::malformed, {ctx_.file, place(node)},
                            "a DOCTYPE declaration is not allowed in KDBX XML");
            if ((node.type() == pugi::node_pcdata || node.type() == pugi::node_cdata) &&
                std::strlen(node.value()) > ctx_.limits.max_string_bytes)
                throw Error(Errc::limit_exceeded, {ctx_.file, place(node.parent())},
                            "a text value is longer than the cap of " + std::to_string(ctx_.limits.max_string_bytes) +
                                " bytes");
            if (node.first_child()) {
                node = node.first_child();
                if (++depth > ctx_.limits.max_depth)
                    throw Error(
                        Errc::limit_exceeded, {ctx_.file, place(node)},
                        "XML nesting deeper than the cap of " + std::to_string(ctx_.limits.max_depth) + " levels");
                continue;
            }
            while (node && !node.next_sibling()) {
                node = node.parent();
                --depth;
            }
            if (node) node = node.next_sibling();
        }
    }

    // --- places and errors

    std::string line_place(std::size_t offset, std::string_view what) const {
        const std::size_t end = std::min(offset, xml_.size());
        const auto line = 1 + std::count(xml_.begin(), xml_.begin() + static_cast<std::ptrdiff_t>(end), '\n');
        return "XML line " + std::to_string(line) + " (" + std::string(what) + ")";
    }

    std::string place(const xml_node& node) const {
        return line_place(static_cast<std::size_t>(node.offset_debug()), node.name()[0] ? node.name() : "text");
    }

    [[noreturn]] void fail(const xml_node& node, const std::string& message) const {
        throw Error(Errc::malformed, {ctx_.file, place(node)}, message);
    }

    // --- values

    template <typename Out>
    static void append_text(const xml_node& node, Out& out) {
        for (xml_node c = node.first_child(); c; c = c.next_sibling())
            if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) out.append(c.value());
    }

    static std::string text(const xml_node& node) {
        std::string out;
        append_text(node, out);
        return out;
    }

    static std::string serialize(const xml_node& node) {
        std::string out;
        StringWriter writer(out);
        node.print(writer, "", pugi::format_raw);
        return out;
    }

    // An empty element is an absent value: the field keeps its default, as KeePass, KeePassXC and
    // kdbxweb (which writes <MasterKeyChanged/> and the like) do.
    static std::optional<std::string> present(const xml_node& node) {
        std::string t = text(node);
        if (trim(t).empty()) return std::nullopt;
        return t;
    }

    template <typename T>
    T parsed(const xml_node& node, const std::optional<T>& v, const char* what) const {
        if (!v) fail(node, what);
        return *v;
    }

    void value(const xml_node& node, Time& out) const {
        if (const auto t = present(node))
            out = parsed(node, parse_time(*t), "not a KDBX date (base64 seconds or ISO 8601)");
    }
    void value(const xml_node& node, std::optional<Time>& out) const {
        if (present(node)) value(node, out.emplace());
    }
    void value(const xml_node& node, bool& out) const {
        if (const auto t = present(node)) out = parsed(node, parse_bool(*t), "not a boolean (True or False)");
    }
    void value(const xml_node& node, Uuid& out) const {
        if (const auto t = present(node)) out = parsed(node, parse_uuid(*t), "not a UUID (base64 of 16 bytes)");
    }
    template <typename T>
        requires std::is_integral_v<T>
    void value(const xml_node& node, T& out) const {
        if (const auto t = present(node)) out = parsed(node, parse_integer<T>(*t), "not an integer in range");
    }

    // "null" (or nothing) means inherit from the parent group.
    std::optional<bool> tristate(const xml_node& node) const {
        const std::string t(trim(text(node)));
        if (t.empty() || t == "null" || t == "Null" || t == "NULL") return std::nullopt;
        return parsed(node, parse_bool(t), "not a boolean (True or False)");
    }

    static bool flag(const xml_node& node, const char* attribute) {
        return parse_bool(node.attribute(attribute).value()).value_or(false);
    }

    crypto::SecureBytes base64(const xml_node& node) const {
        crypto::Secret compact;
        for (xml_node c = node.first_child(); c; c = c.next_sibling()) {
            if (c.type() != pugi::node_pcdata && c.type() != pugi::node_cdata) continue;
            for (const char* p = c.value(); *p; ++p)
                if (*p != ' ' && *p != '\t' && *p != '\r' && *p != '\n') compact.push_back(*p);
        }
        auto bytes = encoding::base64_decode_secure(compact.view());
        if (!bytes) fail(node, "not base64");
        return std::move(*bytes);
    }

    // Value@Protected: base64 of the text XORed with the next bytes of the inner stream.
    crypto::Secret string_value(const xml_node& node) const {
        crypto::Secret value;
        if (!flag(node, "Protected")) {
            append_text(node, value);
            return value;
        }
        crypto::SecureBytes plain = base64(node);
        ctx_.stream.apply(plain);
        if (!json::valid_utf8(as_text(plain))) fail(node, "a protected value does not decrypt to UTF-8 text");
        return crypto::Secret(as_text(plain));
    }

    // Meta/Binaries/Binary and legacy inline Entry/Binary/Value: base64, maybe stream-encrypted,
    // maybe gzipped (KDBX 3.x).
    crypto::SecureBytes binary_value(const xml_node& node) const {
        crypto::SecureBytes data = base64(node);
        if (flag(node, "Protected")) ctx_.stream.apply(data);
        // An empty element stands for empty content even when marked Compressed (pykeepass writes that).
        if (flag(node, "Compressed") && !data.empty()) {
            // The place costs a count of the lines before it: only for an error.
            try {
                data = gunzip(data, ctx_.limits, ctx_.inflate_budget, ctx_.file, "");
            } catch (const Error& e) {
                throw e.at_place(place(node));
            }
        }
        return data;
    }

    // --- Meta

    void read_meta(const xml_node& meta, Meta& m) {
        for_each_element(meta, [&](const xml_node& c) {
            const std::string_view n = c.name();
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
                for_each_element(c, [&](const xml_node& icon) { m.custom_icons.push_back(read_icon(icon)); });
            else if (n == "RecycleBinEnabled") value(c, m.recycle_bin_enabled);
            else if (n == "RecycleBinUUID") value(c, m.recycle_bin_uuid);
            else if (n == "RecycleBinChanged") value(c, m.recycle_bin_changed);
            else if (n == "EntryTemplatesGroup") value(c, m.entry_templates_group);
            else if (n == "EntryTemplatesGroupChanged") value(c, m.entry_templates_group_changed);
            else if (n == "HistoryMaxItems") value(c, m.history_max_items);
            else if (n == "HistoryMaxSize") value(c, m.history_max_size);
            else if (n == "LastSelectedGroup") value(c, m.last_selected_group);
            else if (n == "LastTopVisibleGroup") value(c, m.last_top_visible_group);
            else if (n == "Binaries" && ctx_.version.major < 4) read_pool(c);
            else if (n == "CustomData") m.custom_data = read_custom_data(c);
            else m.unknown.push_back(serialize(c));
        });
    }

    // KeePass and KeePassXC check Meta/HeaderHash whenever it holds a hash, and skip an empty one;
    // KDBX 3.x has no other header check.
    void check_header_hash(const xml_node& node) const {
        const std::string hash = text(node);
        if (ctx_.header_hash.empty() || trim(hash).empty()) return;
        const auto stored = encoding::base64_decode(trim(hash));
        if (!stored || !crypto::equal_ct(*stored, ctx_.header_hash))
            throw Error(Errc::integrity, {ctx_.file, place(node)},
                        "the header is damaged: its SHA-256 does not match Meta/HeaderHash");
    }

    void read_memory_protection(const xml_node& node, MemoryProtection& p) const {
        // AutoEnableVisualHiding (obsolete since KeePass 2.x) is dropped, as KeePass does.
        for_each_element(node, [&](const xml_node& c) {
            const std::string_view n = c.name();
            if (n == "ProtectTitle") value(c, p.title);
            else if (n == "ProtectUserName") value(c, p.user_name);
            else if (n == "ProtectPassword") value(c, p.password);
            else if (n == "ProtectURL") value(c, p.url);
            else if (n == "ProtectNotes") value(c, p.notes);
        });
    }

    CustomIcon read_icon(const xml_node& node) const {
        CustomIcon icon;
        for_each_element(node, [&](const xml_node& c) {
            const std::string_view n = c.name();
            if (n == "UUID") value(c, icon.uuid);
            else if (n == "Data") {
                const crypto::SecureBytes data = base64(c);
                icon.data.assign(data.begin(), data.end());
            } else if (n == "Name") icon.name = text(c);
            else if (n == "LastModificationTime") value(c, icon.last_modified);
        });
        return icon;
    }

    // KDBX 3.x attachment pool: Binary@ID is what Entry/Binary/Value@Ref names.
    void read_pool(const xml_node& node) {
        for_each_element(node, [&](const xml_node& c) {
            if (!named(c, "Binary")) return;
            const std::string id = c.attribute("ID").value();
            if (!pool_ids_.emplace(id, pool_.size()).second) fail(c, "two pooled binaries have ID " + id);
            pool_.push_back(Binary{binary_value(c), flag(c, "Protected")});
        });
    }

    CustomData read_custom_data(const xml_node& node) const {
        CustomData data;
        for_each_element(node, [&](const xml_node& item) {
            if (!named(item, "Item")) return;
            CustomDataItem d;
            for_each_element(item, [&](const xml_node& c) {
                const std::string_view n = c.name();
                if (n == "Key") d.key = text(c);
                else if (n == "Value") d.value = text(c);
                else if (n == "LastModificationTime") value(c, d.last_modified);
            });
            data.push_back(std::move(d));
        });
        return data;
    }

    // --- Root, groups, entries

    void read_root(const xml_node& node, Database& db) {
        bool seen_group = false;
        for_each_element(node, [&](const xml_node& c) {
            if (named(c, "Group")) {
                if (seen_group) fail(c, "Root holds more than one group");
                read_group(c, db.root);
                seen_group = true;
            } else if (named(c, "DeletedObjects")) {
                for_each_element(c, [&](const xml_node& d) {
                    if (!named(d, "DeletedObject")) return;
                    DeletedObject object;
                    for_each_element(d, [&](const xml_node& f) {
                        if (named(f, "UUID")) value(f, object.uuid);
                        else if (named(f, "DeletionTime")) value(f, object.deletion_time);
                    });
                    db.deleted_objects.push_back(object);
                });
            } else {
                db.root_unknown.push_back(serialize(c));
            }
        });
        if (!seen_group) fail(node, "Root holds no group");
    }

    Times read_times(const xml_node& node) const {
        Times t;
        for_each_element(node, [&](const xml_node& c) {
            const std::string_view n = c.name();
            if (n == "LastModificationTime") value(c, t.last_modification);
            else if (n == "CreationTime") value(c, t.creation);
            else if (n == "LastAccessTime") value(c, t.last_access);
            else if (n == "ExpiryTime") value(c, t.expiry);
            else if (n == "Expires") value(c, t.expires);
            else if (n == "UsageCount") value(c, t.usage_count);
            else if (n == "LocationChanged") value(c, t.location_changed);
        });
        return t;
    }

    void read_group(const xml_node& node, Group& g) {
        for_each_element(node, [&](const xml_node& c) {
            const std::string_view n = c.name();
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
            else if (n == "Tags") g.tags = split_tags(text(c));
            else if (n == "PreviousParentGroup") value(c, g.previous_parent_group);
            else if (n == "CustomData") g.custom_data = read_custom_data(c);
            else if (n == "Entry") g.entries.push_back(read_entry(c));
            else if (n == "Group") read_group(c, g.groups.emplace_back());
            else g.unknown.push_back(serialize(c));
        });
    }

    Entry read_entry(const xml_node& node) {
        Entry e;
        for_each_element(node, [&](const xml_node& c) {
            const std::string_view n = c.name();
            if (n == "UUID") value(c, e.uuid);
            else if (n == "IconID") value(c, e.icon_id);
            else if (n == "CustomIconUUID") value(c, e.custom_icon);
            else if (n == "ForegroundColor") e.foreground_color = text(c);
            else if (n == "BackgroundColor") e.background_color = text(c);
            else if (n == "OverrideURL") e.override_url = text(c);
            else if (n == "QualityCheck") value(c, e.quality_check);
            else if (n == "Tags") e.tags = split_tags(text(c));
            else if (n == "PreviousParentGroup") value(c, e.previous_parent_group);
            else if (n == "Times") e.times = read_times(c);
            else if (n == "String") e.strings.push_back(read_string(c));
            else if (n == "Binary") e.binaries.push_back(read_binary_ref(c));
            else if (n == "AutoType") e.auto_type = read_auto_type(c);
            else if (n == "CustomData") e.custom_data = read_custom_data(c);
            else if (n == "History") for_each_element(c, [&](const xml_node& h) {
                if (named(h, "Entry")) e.history.push_back(read_entry(h));
            });
            else e.unknown.push_back(serialize(c));
        });
        return e;
    }

    StringField read_string(const xml_node& node) const {
        StringField field;
        bool seen_key = false;
        for_each_element(node, [&](const xml_node& c) {
            if (named(c, "Key")) {
                field.key = text(c);
                seen_key = true;
            } else if (named(c, "Value")) {
                field.value = string_value(c);
                field.protect = flag(c, "Protected");
            }
        });
        if (!seen_key) fail(node, "an entry String has no Key");
        return field;
    }

    BinaryRef read_binary_ref(const xml_node& node) {
        BinaryRef ref;
        for_each_element(node, [&](const xml_node& c) {
            if (named(c, "Key")) {
                ref.key = text(c);
            } else if (named(c, "Value")) {
                if (const pugi::xml_attribute attr = c.attribute("Ref")) {
                    ref.index = resolve_ref(c, attr.value());
                } else {  // KDBX 2.x stored attachments inline
                    ref.index = pool_.size();
                    pool_.push_back(Binary{binary_value(c), flag(c, "Protected")});
                }
            }
        });
        return ref;
    }

    std::size_t resolve_ref(const xml_node& node, std::string_view ref) const {
        if (ctx_.version.major < 4) {
            const auto it = pool_ids_.find(std::string(ref));
            if (it == pool_ids_.end())
                fail(node, "binary reference '" + std::string(ref) + "' is not in Meta/Binaries");
            return it->second;
        }
        const auto index = parse_integer<std::uint64_t>(ref);
        if (!index || *index >= pool_.size())
            fail(node, "binary reference '" + std::string(ref) + "' is outside the " + std::to_string(pool_.size()) +
                           " binaries of the inner header");
        return static_cast<std::size_t>(*index);
    }

    AutoType read_auto_type(const xml_node& node) const {
        AutoType a;
        for_each_element(node, [&](const xml_node& c) {
            const std::string_view n = c.name();
            if (n == "Enabled") value(c, a.enabled);
            else if (n == "DataTransferObfuscation") value(c, a.obfuscation);
            else if (n == "DefaultSequence") a.default_sequence = text(c);
            else if (n == "Association") {
                AutoTypeAssociation assoc;
                for_each_element(c, [&](const xml_node& f) {
                    if (named(f, "Window")) assoc.window = text(f);
                    else if (named(f, "KeystrokeSequence")) assoc.sequence = text(f);
                });
                a.associations.push_back(std::move(assoc));
            }
        });
        return a;
    }

    std::span<std::uint8_t> xml_;
    const XmlReadContext& ctx_;
    std::vector<Binary> pool_;
    std::map<std::string, std::size_t> pool_ids_;
};

}  // namespace

Database read_xml(std::span<std::uint8_t> xml, std::vector<Binary> pool, const XmlReadContext& context) {
    return XmlReader(xml, context).run(std::move(pool));
}

}  // namespace cxf::kdbx::detail
