// SPDX-License-Identifier: MIT
#include "cxf/kdbx/xml_elements.h"

#include <array>
#include <cstring>
#include <map>
#include <optional>
#include <type_traits>

#include "cxf/encoding/base64.h"
#include "cxf/error.h"
#include "cxf/json/utf8.h"
#include "cxf/kdbx/binary_text.h"
#include "cxf/kdbx/gzip.h"
#include "cxf/kdbx/xml_parser.h"

namespace cxf::kdbx::detail {

namespace {

// An element holding a value, as the readers see it: its name and line for errors, and its own text.
struct Leaf {
    std::string_view name;
    std::uint64_t line = 0;
    std::string_view text;
};

Leaf leaf(const Node& node) { return {node.name, node.line, node.own_text()}; }

// An element's name kept past the parser's call, in place when it is short, as every KDBX name is.
class KeptName {
public:
    void assign(std::string_view name) {
        if (name.size() <= in_place_.size()) {
            std::memcpy(in_place_.data(), name.data(), name.size());
            size_ = name.size();
        } else {
            long_.assign(name);
            size_ = long_name;
        }
    }
    std::string_view view() const noexcept { return size_ == long_name ? std::string_view(long_) : std::string_view(in_place_.data(), size_); }

private:
    static constexpr std::size_t long_name = SIZE_MAX;
    std::array<char, 32> in_place_{};
    std::size_t size_ = 0;
    std::string long_;
};

bool is_true(std::string_view attribute) { return parse_bool(attribute).value_or(false); }
}  // namespace

class ElementReader::Impl {
public:
    Impl(const XmlReadContext& context, Database& rest) : ctx_(context), db_(rest), pool_size_(rest.binaries.size()) {}

    [[noreturn]] void fail(const Leaf& at, const std::string& message) const {
        throw Error(Errc::malformed, {ctx_.file, xml_place(at.line, at.name)}, message);
    }

    static std::string text(const Node& node) { return std::string(node.own_text()); }

    // An empty element is an absent value: the field keeps its default, as KeePass, KeePassXC and
    // kdbxweb (which writes <MasterKeyChanged/> and the like) do.
    static std::optional<std::string_view> present(const Leaf& v) {
        if (trim(v.text).empty()) return std::nullopt;
        return v.text;
    }

    template <typename T>
    T parsed(const Leaf& at, const std::optional<T>& v, const char* what) const {
        if (!v) fail(at, what);
        return *v;
    }

    void value(const Leaf& v, Time& out) const {
        if (const auto t = present(v)) out = parsed(v, parse_time(*t), "not a KDBX date (base64 seconds or ISO 8601)");
    }
    void value(const Leaf& v, std::optional<Time>& out) const {
        if (present(v)) value(v, out.emplace());
    }
    void value(const Leaf& v, bool& out) const {
        if (const auto t = present(v)) out = parsed(v, parse_bool(*t), "not a boolean (True or False)");
    }
    void value(const Leaf& v, Uuid& out) const {
        if (const auto t = present(v)) out = parsed(v, parse_uuid(*t), "not a UUID (base64 of 16 bytes)");
    }
    template <typename T>
        requires std::is_integral_v<T>
    void value(const Leaf& v, T& out) const {
        if (const auto t = present(v)) out = parsed(v, parse_integer<T>(*t), "not an integer in range");
    }
    template <typename T>
    void value(const Node& node, T& out) const {
        value(leaf(node), out);
    }

    // "null" (or nothing) means inherit from the parent group.
    std::optional<bool> tristate(const Node& node) const {
        const std::string_view t = trim(node.own_text());
        if (t.empty() || t == "null" || t == "Null" || t == "NULL") return std::nullopt;
        return parsed(leaf(node), parse_bool(t), "not a boolean (True or False)");
    }

    crypto::SecureBytes base64(const Leaf& v) const {
        crypto::Secret spare;
        auto bytes = encoding::base64_decode_secure(without_xml_space(v.text, spare));
        if (!bytes) fail(v, "not base64");
        return std::move(*bytes);
    }

    // Value@Protected: base64 of the text XORed with the next bytes of the inner stream.
    crypto::Secret protected_value(const Leaf& v) const {
        crypto::Secret spare, plain;
        if (!encoding::base64_decode_append(without_xml_space(v.text, spare), plain)) fail(v, "not base64");
        ctx_.stream.apply({reinterpret_cast<std::uint8_t*>(plain.data()), plain.size()});
        if (!json::valid_utf8(plain.view())) fail(v, "a protected value does not decrypt to UTF-8 text");
        return plain;
    }

    // Legacy inline Entry/Binary/Value (KDBX 2.x): base64, maybe stream-encrypted, maybe gzipped.
    crypto::SecureBytes binary_value(const Leaf& v, bool is_protected, bool compressed) const {
        crypto::SecureBytes data = base64(v);
        if (is_protected) ctx_.stream.apply(data);
        // An empty element stands for empty content even when marked Compressed (pykeepass writes that).
        if (compressed && !data.empty()) {
            try {
                data = gunzip(data, ctx_.limits, ctx_.inflate_budget, ctx_.file, "");
            } catch (const Error& e) {
                throw e.at_place(xml_place(v.line, v.name));
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
            throw Error(Errc::integrity, {ctx_.file, xml_place(node.line, node.name)},
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
                const crypto::SecureBytes data = base64(leaf(c));
                icon.data.assign(data.begin(), data.end());
            } else if (n == "Name") icon.name = text(c);
            else if (n == "LastModificationTime") value(c, icon.last_modified);
        }
        return icon;
    }

    // KDBX 3.x attachment pool: Binary@ID is what Entry/Binary/Value@Ref names.
    void begin_pool_binary(std::span<const XmlAttribute> attributes, std::uint64_t line) {
        std::string id;
        bool is_protected = false, compressed = false;
        for (const XmlAttribute& a : attributes) {
            if (a.name == "ID") id = a.value;
            else if (a.name == "Protected") is_protected = is_true(a.value);
            else if (a.name == "Compressed") compressed = is_true(a.value);
        }
        if (!pool_ids_.emplace(id, pool_size_).second) fail({"Binary", line, {}}, "two pooled binaries have ID " + id);
        pool_binary_.emplace(ctx_, is_protected, compressed, "Binary", line);
        pool_binary_protected_ = is_protected;
    }
    void pool_binary_text(std::string_view data, std::uint64_t line) { pool_binary_->feed(data, line); }
    void end_pool_binary() {
        db_.binaries.push_back(Binary{pool_binary_->finish(), pool_binary_protected_});
        pool_binary_.reset();
        ++pool_size_;
    }

    // The Key, Value and LastModificationTime of a CustomData/Item.
    void custom_data_field(CustomDataItem& item, const Leaf& v) const {
        if (v.name == "Key") item.key = v.text;
        else if (v.name == "Value") item.value = v.text;
        else if (v.name == "LastModificationTime") value(v, item.last_modified);
    }

    CustomData read_custom_data(const Node& node) const {
        CustomData data;
        for (const Node& item : node.children) {
            if (!named(item, "Item")) continue;
            CustomDataItem d;
            for (const Node& c : item.children) custom_data_field(d, leaf(c));
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

    void times_field(Times& t, const Leaf& v) const {
        const std::string_view n = v.name;
        if (n == "LastModificationTime") value(v, t.last_modification);
        else if (n == "CreationTime") value(v, t.creation);
        else if (n == "LastAccessTime") value(v, t.last_access);
        else if (n == "ExpiryTime") value(v, t.expiry);
        else if (n == "Expires") value(v, t.expires);
        else if (n == "UsageCount") value(v, t.usage_count);
        else if (n == "LocationChanged") value(v, t.location_changed);
    }

    Times read_times(const Node& node) const {
        Times t;
        for (const Node& c : node.children) times_field(t, leaf(c));
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

    // --- an entry, element by element as it streams by, with no tree of its elements

    // Where an element inside an entry is: the scope it opens.
    enum class Scope : std::uint8_t { entry, times, string, binary, auto_type, association, custom_data, item, history, value };
    // The elements directly in an entry that hold a value.
    enum class EntryValue : std::uint8_t {
        uuid, icon_id, custom_icon, foreground_color, background_color, override_url, quality_check, tags,
        previous_parent_group, none
    };

    static EntryValue entry_value(std::string_view n) {
        if (n == "UUID") return EntryValue::uuid;
        if (n == "IconID") return EntryValue::icon_id;
        if (n == "CustomIconUUID") return EntryValue::custom_icon;
        if (n == "ForegroundColor") return EntryValue::foreground_color;
        if (n == "BackgroundColor") return EntryValue::background_color;
        if (n == "OverrideURL") return EntryValue::override_url;
        if (n == "QualityCheck") return EntryValue::quality_check;
        if (n == "Tags") return EntryValue::tags;
        if (n == "PreviousParentGroup") return EntryValue::previous_parent_group;
        return EntryValue::none;
    }

    void entry_field(Entry& e, EntryValue field, const Leaf& v) const {
        switch (field) {
            case EntryValue::uuid: value(v, e.uuid); break;
            case EntryValue::icon_id: value(v, e.icon_id); break;
            case EntryValue::custom_icon: value(v, e.custom_icon); break;
            case EntryValue::foreground_color: e.foreground_color = v.text; break;
            case EntryValue::background_color: e.background_color = v.text; break;
            case EntryValue::override_url: e.override_url = v.text; break;
            case EntryValue::quality_check: value(v, e.quality_check); break;
            case EntryValue::tags: e.tags = split_tags(v.text); break;
            case EntryValue::previous_parent_group: value(v, e.previous_parent_group); break;
            case EntryValue::none: break;
        }
    }

    void begin_entry() {
        scopes_.assign(1, Scope::entry);
        entries_.resize(1);
        entries_[0] = Entry{};
        skipped_ = 0;
    }

    bool entry_element(std::string_view name, std::span<const XmlAttribute> attributes, std::uint64_t line) {
        if (skipped_ > 0) {
            ++skipped_;
            return true;
        }
        Entry& e = entries_.back();
        switch (scopes_.back()) {
            case Scope::entry:
                if (name == "Times") {
                    e.times = Times{};
                    return open(Scope::times);
                }
                if (name == "String") {
                    string_ = StringField{};
                    string_key_ = false;
                    string_line_ = line;
                    return open(Scope::string);
                }
                if (name == "Binary") {
                    binary_ = BinaryRef{};
                    return open(Scope::binary);
                }
                if (name == "AutoType") {
                    e.auto_type = AutoType{};
                    return open(Scope::auto_type);
                }
                if (name == "CustomData") {
                    e.custom_data.clear();
                    return open(Scope::custom_data);
                }
                if (name == "History") return open(Scope::history);
                entry_value_ = entry_value(name);
                if (entry_value_ == EntryValue::none) return false;
                break;
            case Scope::auto_type:
                if (name == "Association") {
                    association_ = AutoTypeAssociation{};
                    return open(Scope::association);
                }
                break;
            case Scope::custom_data:
                if (name != "Item") return skip();
                item_ = CustomDataItem{};
                return open(Scope::item);
            case Scope::history:
                if (name != "Entry") return skip();
                entries_.emplace_back();
                return open(Scope::entry);
            case Scope::value:  // an element inside a value: the value keeps its own text
                value_children_ = true;
                value_layout_.clear();
                return skip();
            case Scope::times:
            case Scope::string:
            case Scope::binary:
            case Scope::association:
            case Scope::item: break;
        }
        value_name_.assign(name);
        value_line_ = line;
        value_text_.wipe();
        value_layout_.clear();
        value_children_ = false;
        value_protected_ = value_compressed_ = false;
        value_ref_.reset();
        for (const XmlAttribute& a : attributes) {
            if (a.name == "Protected") value_protected_ = is_true(a.value);
            else if (a.name == "Compressed") value_compressed_ = is_true(a.value);
            else if (a.name == "Ref") value_ref_.emplace(a.value);
        }
        return open(Scope::value);
    }

    void entry_text(std::string_view data, std::uint64_t line) {
        if (skipped_ > 0 || scopes_.back() != Scope::value) return;
        const std::uint64_t size = value_text_.size() + value_layout_.size() + data.size();
        if (size > ctx_.limits.max_string_bytes) {  // asked only then: text comes in many small pieces
            // An inline attachment (KDBX 2.x, Binary/Value) is capped as an input, not as a string.
            const bool attachment = scopes_[scopes_.size() - 2] == Scope::binary && value_name_.view() == "Value";
            const std::uint64_t cap = attachment ? ctx_.limits.max_input_bytes : ctx_.limits.max_string_bytes;
            if (size > cap)
                throw Error(Errc::limit_exceeded, {ctx_.file, xml_place(line, value_name_.view())},
                            "a text value is longer than the cap of " + std::to_string(cap) + " bytes");
        }
        // Whitespace is held back until it is known not to be layout around an element inside the value.
        if (value_text_.empty() && blank(data)) {
            value_layout_.append(data);
            return;
        }
        value_text_.append(value_layout_);
        value_layout_.clear();
        value_text_.append(data);
    }

    bool entry_end() {
        if (skipped_ > 0) {
            --skipped_;
            return false;
        }
        const Scope closed = scopes_.back();
        scopes_.pop_back();
        Entry& e = entries_.back();
        switch (closed) {
            case Scope::value: end_value(); break;
            case Scope::string:
                if (!string_key_) fail(Leaf{"String", string_line_, {}}, "an entry String has no Key");
                e.strings.push_back(std::move(string_));
                break;
            case Scope::binary: e.binaries.push_back(std::move(binary_)); break;
            case Scope::association: e.auto_type.associations.push_back(std::move(association_)); break;
            case Scope::item: e.custom_data.push_back(std::move(item_)); break;
            case Scope::entry:
                if (scopes_.empty()) return true;
                {
                    Entry old = std::move(entries_.back());
                    entries_.pop_back();
                    entries_.back().history.push_back(std::move(old));
                }
                break;
            case Scope::times:
            case Scope::auto_type:
            case Scope::custom_data:
            case Scope::history: break;
        }
        return false;
    }

    void entry_unknown(std::string xml) { entries_.back().unknown.push_back(std::move(xml)); }

    Entry take_entry() { return std::move(entries_.front()); }

    std::vector<Binary> take_inline() { return std::exchange(inline_, {}); }

private:
    bool open(Scope scope) {
        scopes_.push_back(scope);
        return true;
    }
    bool skip() {
        skipped_ = 1;
        return true;
    }

    // A value element has ended: into the field of the scope that holds it.
    void end_value() {
        if (!value_children_) value_text_.append(value_layout_);  // a value of whitespace
        value_layout_.clear();
        const std::string_view own = value_children_ && blank(value_text_.view()) ? std::string_view() : value_text_.view();
        const Leaf v{value_name_.view(), value_line_, own};
        Entry& e = entries_.back();
        switch (scopes_.back()) {
            case Scope::entry: entry_field(e, entry_value_, v); break;
            case Scope::times: times_field(e.times, v); break;
            case Scope::string:
                if (v.name == "Key") {
                    string_.key = v.text;
                    string_key_ = true;
                } else if (v.name == "Value") {
                    string_.protect = value_protected_;
                    if (value_protected_) string_.value = protected_value(v);
                    else if (own.size() == value_text_.size()) string_.value = std::move(value_text_);
                    else string_.value = crypto::Secret(own);
                }
                break;
            case Scope::binary:
                if (v.name == "Key") {
                    binary_.key = v.text;
                } else if (v.name == "Value") {
                    if (value_ref_) {
                        binary_.index = resolve_ref(v, *value_ref_);
                    } else {  // KDBX 2.x stored attachments inline
                        binary_.index = pool_size_++;
                        inline_.push_back(Binary{binary_value(v, value_protected_, value_compressed_), value_protected_});
                    }
                }
                break;
            case Scope::auto_type:
                if (v.name == "Enabled") value(v, e.auto_type.enabled);
                else if (v.name == "DataTransferObfuscation") value(v, e.auto_type.obfuscation);
                else if (v.name == "DefaultSequence") e.auto_type.default_sequence = v.text;
                break;
            case Scope::association:
                if (v.name == "Window") association_.window = v.text;
                else if (v.name == "KeystrokeSequence") association_.sequence = v.text;
                break;
            case Scope::item: custom_data_field(item_, v); break;
            case Scope::custom_data:
            case Scope::history:
            case Scope::value: break;  // not opened around a value
        }
    }

    std::size_t resolve_ref(const Leaf& node, std::string_view ref) const {
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

    const XmlReadContext& ctx_;
    Database& db_;
    std::map<std::string, std::size_t> pool_ids_;
    std::size_t pool_size_;  // the pool as the visitor has it, with the inline binaries handed over
    std::vector<Binary> inline_;

    // The entry being read: its scopes, innermost last, and the entry with the history entry open in it.
    std::vector<Scope> scopes_;
    std::vector<Entry> entries_;
    std::uint32_t skipped_ = 0;  // the depth inside an element no field is read from
    StringField string_;
    bool string_key_ = false;
    std::uint64_t string_line_ = 0;
    BinaryRef binary_;
    std::optional<BinaryText> pool_binary_;
    bool pool_binary_protected_ = false;
    AutoTypeAssociation association_;
    CustomDataItem item_;
    // The value element being read.
    EntryValue entry_value_ = EntryValue::none;
    KeptName value_name_;
    std::uint64_t value_line_ = 0;
    crypto::Secret value_text_;
    std::string value_layout_;  // whitespace not yet known to be part of the value
    std::optional<std::string> value_ref_;
    bool value_children_ = false, value_protected_ = false, value_compressed_ = false;
};

ElementReader::ElementReader(const XmlReadContext& context, Database& rest)
    : impl_(std::make_unique<Impl>(context, rest)) {}

ElementReader::~ElementReader() = default;

void ElementReader::meta_child(const Node& node) { impl_->read_meta_child(node); }
void ElementReader::begin_pool_binary(std::span<const XmlAttribute> attributes, std::uint64_t line) {
    impl_->begin_pool_binary(attributes, line);
}
void ElementReader::pool_binary_text(std::string_view data, std::uint64_t line) { impl_->pool_binary_text(data, line); }
void ElementReader::end_pool_binary() { impl_->end_pool_binary(); }
void ElementReader::group_field(const Node& node, Group& group) const { impl_->read_group_field(node, group); }
void ElementReader::deleted_object(const Node& node) { impl_->read_deleted_object(node); }
void ElementReader::begin_entry() { impl_->begin_entry(); }
bool ElementReader::entry_element(std::string_view name, std::span<const XmlAttribute> attributes, std::uint64_t line) {
    return impl_->entry_element(name, attributes, line);
}
void ElementReader::entry_text(std::string_view data, std::uint64_t line) { impl_->entry_text(data, line); }
bool ElementReader::entry_end() { return impl_->entry_end(); }
void ElementReader::entry_unknown(std::string xml) { impl_->entry_unknown(std::move(xml)); }
Entry ElementReader::take_entry() { return impl_->take_entry(); }
std::vector<Binary> ElementReader::take_inline_binaries() { return impl_->take_inline(); }

}  // namespace cxf::kdbx::detail
