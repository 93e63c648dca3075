// SPDX-License-Identifier: MIT
// Database → KDBX XML, handed on in pieces from a wiped buffer (no DOM and no whole document holds
// the plaintext). Element order as KeePass 2.55 KdbxFile.Write.
#include <algorithm>
#include <array>
#include <cstring>
#include <string>

#include "cxf/encoding/base64.h"
#include "cxf/error.h"
#include "cxf/io/deflate.h"
#include "cxf/json/utf8.h"
#include "cxf/kdbx/xml.h"
#include "cxf/kdbx/xml_values.h"

namespace cxf::kdbx::detail {

namespace {

// What escaped() does not copy as it is: markup, '\r', and the C0 controls XML cannot hold.
constexpr std::array<bool, 256> needs_care = [] {
    std::array<bool, 256> care{};
    for (int c = 0; c < 0x20; ++c) care[c] = c != '\n' && c != '\t';
    care['&'] = care['<'] = care['>'] = true;
    return care;
}();

// Bytes in, their base64 out in pieces of about a MiB, each handed on as text without repeats.
class Base64Writer final : public io::Output {
public:
    explicit Base64Writer(io::Output& out) : out_(out) { pending_.reserve(chunk); }

    void write(ByteView bytes) override {
        while (!bytes.empty()) {
            const std::size_t take = std::min(bytes.size(), chunk - pending_.size());
            pending_.insert(pending_.end(), bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(take));
            bytes = bytes.subspan(take);
            if (pending_.size() == chunk) hand_on();
        }
    }

    void finish() {
        if (!pending_.empty()) hand_on();
    }

private:
    static constexpr std::size_t chunk = 3 * 256 * 1024;  // a multiple of 3: the pieces' base64 concatenates

    // One buffer for every piece's text: an allocation per piece is an allocator's to keep or return.
    void hand_on() {
        encoding::base64_append(pending_, text_);
        out_.write_without_repeats(text_.bytes());
        text_.wipe();
        crypto::wipe(pending_.data(), pending_.size());
        pending_.clear();
    }

    io::Output& out_;
    crypto::SecureBytes pending_;
    crypto::Secret text_;
};

class XmlWriter {
public:
    XmlWriter(io::Output& sink, const XmlWriteContext& context) : sink_(sink), ctx_(context) {}

    void document(const Database& db) {
        pool_size_ = db.binaries.size();
        raw("<?xml version=\"1.0\" encoding=\"utf-8\" standalone=\"yes\"?>\n");
        open("KeePassFile");
        meta(db);
        open("Root");
        group(db.root);
        open("DeletedObjects");
        for (const DeletedObject& d : db.deleted_objects) {
            open("DeletedObject");
            element("UUID", format_uuid(d.uuid));
            element("DeletionTime", time(d.deletion_time));
            close("DeletedObject");
        }
        close("DeletedObjects");
        unknown(db.root_unknown);
        close("Root");
        unknown(db.unknown);
        close("KeePassFile");
        hand_on();
    }

private:
    bool kdbx4() const noexcept { return ctx_.version.major >= 4; }

    // --- output primitives

    void raw(std::string_view text) { out_.append(text); }

    // Each line starts here: the pieces go on from here.
    void indent() {
        if (out_.size() >= piece) hand_on();
        if (depth_ > 0) std::memset(out_.extend(depth_), '\t', depth_);
    }

    void hand_on() {
        sink_.write(out_.bytes());
        out_.wipe();
    }

    void open(std::string_view name) {
        indent();
        raw("<");
        raw(name);
        raw(">\n");
        ++depth_;
    }

    void close(std::string_view name) {
        --depth_;
        indent();
        raw("</");
        raw(name);
        raw(">\n");
    }

    // Markup-significant characters become references; '\r' too, so that it survives XML's line-end
    // normalisation. Characters XML 1.0 cannot hold at all (other C0 controls) are dropped, as KeePass
    // and KeePassXC drop them.
    // The runs between such characters are copied whole.
    void escaped(std::string_view text) {
        if (!json::valid_utf8(text)) throw Error(Errc::invalid, {}, "a text value is not valid UTF-8");
        std::size_t run = 0;
        for (std::size_t i = 0; i < text.size(); ++i) {
            const auto c = static_cast<unsigned char>(text[i]);
            if (!needs_care[c]) continue;
            raw(text.substr(run, i - run));
            run = i + 1;
            switch (c) {
                case '&': raw("&amp;"); break;
                case '<': raw("&lt;"); break;
                case '>': raw("&gt;"); break;
                case '\r': raw("&#xD;"); break;
                default: break;  // dropped
            }
        }
        raw(text.substr(run));
    }

    void element(std::string_view name, std::string_view text) {
        indent();
        raw("<");
        raw(name);
        if (text.empty()) {
            raw(" />\n");
            return;
        }
        raw(">");
        escaped(text);
        raw("</");
        raw(name);
        raw(">\n");
    }

    // <name attributes>text</name>; `attributes` is pre-escaped markup such as ` Protected="True"`.
    void element_with(std::string_view name, std::string_view attributes, std::string_view text, bool escape = true) {
        indent();
        raw("<");
        raw(name);
        raw(attributes);
        if (text.empty()) {
            raw(" />\n");
            return;
        }
        raw(">");
        if (escape) escaped(text);
        else raw(text);
        raw("</");
        raw(name);
        raw(">\n");
    }

    void unknown(const UnknownElements& elements) {
        for (const std::string& xml : elements) {
            indent();
            raw(xml);
            raw("\n");
        }
    }

    // --- values

    std::string time(Time t) const { return format_time(t, kdbx4()); }
    static std::string_view boolean(bool b) { return b ? "True" : "False"; }
    static std::string_view tristate(const std::optional<bool>& b) { return b ? boolean(*b) : "null"; }

    // --- Meta

    void meta(const Database& db) {
        const Meta& m = db.meta;
        open("Meta");
        element("Generator", m.generator);
        if (!ctx_.header_hash.empty()) element("HeaderHash", encoding::base64_encode(ctx_.header_hash));
        if (m.settings_changed) element("SettingsChanged", time(*m.settings_changed));
        element("DatabaseName", m.database_name);
        element("DatabaseNameChanged", time(m.database_name_changed));
        element("DatabaseDescription", m.database_description);
        element("DatabaseDescriptionChanged", time(m.database_description_changed));
        element("DefaultUserName", m.default_user_name);
        element("DefaultUserNameChanged", time(m.default_user_name_changed));
        element("MaintenanceHistoryDays", std::to_string(m.maintenance_history_days));
        element("Color", m.color);
        element("MasterKeyChanged", time(m.master_key_changed));
        element("MasterKeyChangeRec", std::to_string(m.master_key_change_rec));
        element("MasterKeyChangeForce", std::to_string(m.master_key_change_force));
        if (m.master_key_change_force_once) element("MasterKeyChangeForceOnce", boolean(true));
        open("MemoryProtection");
        element("ProtectTitle", boolean(m.memory_protection.title));
        element("ProtectUserName", boolean(m.memory_protection.user_name));
        element("ProtectPassword", boolean(m.memory_protection.password));
        element("ProtectURL", boolean(m.memory_protection.url));
        element("ProtectNotes", boolean(m.memory_protection.notes));
        close("MemoryProtection");
        if (!m.custom_icons.empty()) {
            open("CustomIcons");
            for (const CustomIcon& icon : m.custom_icons) {
                open("Icon");
                element("UUID", format_uuid(icon.uuid));
                element("Data", encoding::base64_encode(icon.data));
                if (!icon.name.empty()) element("Name", icon.name);
                if (icon.last_modified) element("LastModificationTime", time(*icon.last_modified));
                close("Icon");
            }
            close("CustomIcons");
        }
        element("RecycleBinEnabled", boolean(m.recycle_bin_enabled));
        element("RecycleBinUUID", format_uuid(m.recycle_bin_uuid));
        element("RecycleBinChanged", time(m.recycle_bin_changed));
        element("EntryTemplatesGroup", format_uuid(m.entry_templates_group));
        element("EntryTemplatesGroupChanged", time(m.entry_templates_group_changed));
        element("HistoryMaxItems", std::to_string(m.history_max_items));
        element("HistoryMaxSize", std::to_string(m.history_max_size));
        element("LastSelectedGroup", format_uuid(m.last_selected_group));
        element("LastTopVisibleGroup", format_uuid(m.last_top_visible_group));
        if (!kdbx4()) pool(db.binaries);
        custom_data(m.custom_data);
        unknown(m.unknown);
        close("Meta");
    }

    // KDBX 3.x attachment pool, streamed: each binary gzipped when the file is (as KeePass does) and
    // it compresses, then base64. Binary.protect is not written: stream-encrypted pool entries
    // (Protected="True") are legal, but pykeepass does not decrypt them and then misreads every later
    // protected value, so 3.1 drops the flag.
    void pool(const std::vector<Binary>& binaries) {
        open("Binaries");
        hand_on();
        Base64Writer text(sink_);  // one for all: its buffers are reserved, and wiped, once
        // The pool's markup goes out without repeats, as its base64 does: a deflater that changed its
        // strategy twice per attachment would end a block each time.
        const auto markup = [&](const std::string& tag) { sink_.write_without_repeats(as_bytes(tag)); };
        for (std::size_t i = 0; i < binaries.size(); ++i) {
            const ByteView data = binaries[i].bytes();
            const bool compressed = ctx_.compress_binaries && io::compresses(data);
            markup(std::string(depth_, '\t') + "<Binary ID=\"" + std::to_string(i) + "\"" +
                   (compressed ? " Compressed=\"True\">" : ">"));
            if (compressed) {
                io::DeflateWriter zipped(text, io::Framing::gzip);
                zipped.write(data);
                zipped.finish();
            } else {
                text.write(data);
            }
            text.finish();
            markup("</Binary>\n");
        }
        close("Binaries");
    }

    void custom_data(const CustomData& data) {
        if (data.empty()) return;
        open("CustomData");
        for (const CustomDataItem& item : data) {
            open("Item");
            element("Key", item.key);
            element("Value", item.value);
            if (item.last_modified) element("LastModificationTime", time(*item.last_modified));
            close("Item");
        }
        close("CustomData");
    }

    // --- groups and entries

    void times(const Times& t) {
        open("Times");
        element("LastModificationTime", time(t.last_modification));
        element("CreationTime", time(t.creation));
        element("LastAccessTime", time(t.last_access));
        element("ExpiryTime", time(t.expiry));
        element("Expires", boolean(t.expires));
        element("UsageCount", std::to_string(t.usage_count));
        element("LocationChanged", time(t.location_changed));
        close("Times");
    }

    void group(const Group& g) {
        open("Group");
        element("UUID", format_uuid(g.uuid));
        element("Name", g.name);
        element("Notes", g.notes);
        element("IconID", std::to_string(g.icon_id));
        if (g.custom_icon != nil_uuid) element("CustomIconUUID", format_uuid(g.custom_icon));
        times(g.times);
        element("IsExpanded", boolean(g.is_expanded));
        element("DefaultAutoTypeSequence", g.default_auto_type_sequence);
        element("EnableAutoType", tristate(g.enable_auto_type));
        element("EnableSearching", tristate(g.enable_searching));
        element("LastTopVisibleEntry", format_uuid(g.last_top_visible_entry));
        if (g.previous_parent_group != nil_uuid) element("PreviousParentGroup", format_uuid(g.previous_parent_group));
        if (!g.tags.empty()) element("Tags", join_tags(g.tags));
        custom_data(g.custom_data);
        for (const Entry& e : g.entries) entry(e, false);
        if (ctx_.more)
            ctx_.more->entries(g, [&](const Entry& e) {
                check_binary_refs(e, pool_size_);
                entry(e, false);
            });
        for (const Group& child : g.groups) group(child);
        unknown(g.unknown);
        close("Group");
    }

    void entry(const Entry& e, bool in_history) {
        open("Entry");
        element("UUID", format_uuid(e.uuid));
        element("IconID", std::to_string(e.icon_id));
        if (e.custom_icon != nil_uuid) element("CustomIconUUID", format_uuid(e.custom_icon));
        element("ForegroundColor", e.foreground_color);
        element("BackgroundColor", e.background_color);
        element("OverrideURL", e.override_url);
        if (!e.quality_check) element("QualityCheck", boolean(false));
        element("Tags", join_tags(e.tags));
        if (e.previous_parent_group != nil_uuid) element("PreviousParentGroup", format_uuid(e.previous_parent_group));
        times(e.times);
        for (const StringField& s : e.strings) string_field(s);
        for (const BinaryRef& b : e.binaries) {
            open("Binary");
            element("Key", b.key);
            element_with("Value", " Ref=\"" + std::to_string(b.index) + "\"", "");
            close("Binary");
        }
        auto_type(e.auto_type);
        custom_data(e.custom_data);
        if (!in_history || !e.history.empty()) {  // KeePass gives history items no History of their own
            open("History");
            for (const Entry& h : e.history) entry(h, true);
            close("History");
        }
        unknown(e.unknown);
        close("Entry");
    }

    // A protected value goes out as base64 of its bytes XORed with the inner stream.
    void string_field(const StringField& s) {
        open("String");
        element("Key", s.key);
        if (s.protect && !s.value.empty()) {
            crypto::SecureBytes bytes = crypto::secure_copy(s.value.bytes());
            ctx_.stream.apply(bytes);
            element_with("Value", " Protected=\"True\"", encoding::base64_encode(bytes), false);
        } else {
            element_with("Value", s.protect ? " Protected=\"True\"" : "", s.value.view());
        }
        close("String");
    }

    void auto_type(const AutoType& a) {
        open("AutoType");
        element("Enabled", boolean(a.enabled));
        element("DataTransferObfuscation", std::to_string(a.obfuscation));
        element("DefaultSequence", a.default_sequence);
        for (const AutoTypeAssociation& assoc : a.associations) {
            open("Association");
            element("Window", assoc.window);
            element("KeystrokeSequence", assoc.sequence);
            close("Association");
        }
        close("AutoType");
    }

    static constexpr std::size_t piece = 64 * 1024;
    io::Output& sink_;
    crypto::Secret out_;
    const XmlWriteContext& ctx_;
    std::size_t depth_ = 0;
    std::size_t pool_size_ = 0;
};

}  // namespace

void check_binary_refs(const Entry& e, std::size_t pool_size) {
    for (const BinaryRef& ref : e.binaries)
        if (ref.index >= pool_size)
            throw Error(Errc::usage, {}, "attachment '" + ref.key + "' refers to binary " + std::to_string(ref.index) +
                                             " of a pool of " + std::to_string(pool_size));
    for (const Entry& h : e.history) check_binary_refs(h, pool_size);
}

void write_xml(const Database& database, const XmlWriteContext& context, io::Output& sink) {
    XmlWriter(sink, context).document(database);
}

}  // namespace cxf::kdbx::detail
