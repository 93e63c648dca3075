// SPDX-License-Identifier: MIT
// KDBX XML → the visitor, streamed through expat. Element names and order as KeePass 2.55
// KdbxFile.Read.Streamed; everything is read in document order, which is the order protected values
// consume the inner stream. Each entry, Meta child, group field and unknown element is gathered into
// a small tree of its own, read, and dropped when it closes: nothing holds the whole document.
#include <cstdlib>
#include <cstring>
#include <exception>
#include <map>
#include <type_traits>

#include <expat.h>
#include <openssl/crypto.h>

#include "cxf/encoding/base64.h"
#include "cxf/error.h"
#include "cxf/json/utf8.h"
#include "cxf/kdbx/gzip.h"
#include "cxf/kdbx/xml.h"
#include "cxf/kdbx/xml_values.h"

namespace cxf::kdbx::detail {

namespace {

// One element gathered while it streams by; its text (values, some of them secret) is wiped.
struct Node {
    std::string name;
    std::vector<std::pair<std::string, std::string>> attributes;
    crypto::Secret text;  // the element's own character data, CDATA included
    std::vector<Node> children;

    const char* attribute(std::string_view key) const {
        for (const auto& [k, v] : attributes)
            if (k == key) return v.c_str();
        return nullptr;
    }
    // Whitespace between child elements is layout, not a value.
    std::string_view own_text() const {
        if (!children.empty() && trim(text.view()).empty()) return {};
        return text.view();
    }
};

bool named(const Node& node, std::string_view name) { return node.name == name; }

// expat's buffers hold decrypted XML, so its memory is wiped when expat frees it. Each block keeps
// its size in front of what expat sees.
constexpr std::size_t size_prefix = alignof(std::max_align_t);

void* wiping_malloc(std::size_t n) {
    auto* block = static_cast<unsigned char*>(std::malloc(n + size_prefix));
    if (!block) return nullptr;
    std::memcpy(block, &n, sizeof n);
    return block + size_prefix;
}

void wiping_free(void* address) {
    if (!address) return;
    auto* block = static_cast<unsigned char*>(address) - size_prefix;
    std::size_t n;
    std::memcpy(&n, block, sizeof n);
    OPENSSL_cleanse(address, n);
    std::free(block);
}

void* wiping_realloc(void* address, std::size_t n) {
    void* fresh = wiping_malloc(n);
    if (!fresh || !address) return fresh;
    std::size_t old;
    std::memcpy(&old, static_cast<unsigned char*>(address) - size_prefix, sizeof old);
    std::memcpy(fresh, address, std::min(old, n));
    wiping_free(address);
    return fresh;
}

const XML_Memory_Handling_Suite wiping_memory{wiping_malloc, wiping_realloc, wiping_free};

// Whether the bytes start with something that is not a UTF-8 character (expat calls both that and
// XML syntax an invalid token).
bool starts_invalid_utf8(ByteView bytes) {
    if (bytes.empty()) return false;
    const std::uint8_t lead = bytes[0];
    const std::size_t length = lead < 0x80 ? 1 : lead >= 0xC2 && lead <= 0xDF ? 2 : lead >= 0xE0 && lead <= 0xEF ? 3
                               : lead >= 0xF0 && lead <= 0xF4 ? 4 : 0;
    if (length == 0 || length > bytes.size()) return length == 0;
    return !json::valid_utf8(as_text(bytes.first(length)));
}

void escape(std::string& out, std::string_view text, bool attribute) {
    for (const char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"':
                if (attribute) out += "&quot;";
                else out += c;
                break;
            default: out += c;
        }
    }
}

// The element as XML text, for elements the model keeps without understanding them.
void serialize(const Node& node, std::string& out) {
    out += '<';
    out += node.name;
    for (const auto& [key, value] : node.attributes) {
        out += ' ';
        out += key;
        out += "=\"";
        escape(out, value, true);
        out += '"';
    }
    const std::string_view text = node.own_text();
    if (text.empty() && node.children.empty()) {
        out += "/>";
        return;
    }
    out += '>';
    escape(out, text, false);
    for (const Node& child : node.children) serialize(child, out);
    out += "</";
    out += node.name;
    out += '>';
}

std::string serialize(const Node& node) {
    std::string out;
    serialize(node, out);
    return out;
}

}  // namespace

class XmlReader::Impl {
public:
    Impl(const XmlReadContext& context, std::vector<Binary> pool, DatabaseVisitor& visitor)
        : ctx_(context), visitor_(visitor), parser_(XML_ParserCreate_MM("UTF-8", &wiping_memory, nullptr)) {
        if (!parser_) throw Error(Errc::io, {}, "expat: XML_ParserCreate failed");
        db_.binaries = std::move(pool);
        XML_SetUserData(parser_, this);
        XML_SetElementHandler(parser_, on_start, on_end);
        XML_SetCharacterDataHandler(parser_, on_text);
        // expat expands no external entities, but internal ones multiply: a DOCTYPE is refused as it
        // begins, before any declaration in it is read.
        XML_SetStartDoctypeDeclHandler(parser_, on_doctype);
    }
    ~Impl() { XML_ParserFree(parser_); }
    Impl(const Impl&) = delete;
    Impl& operator=(const Impl&) = delete;

    void feed(ByteView xml, bool final) {
        while (!xml.empty() || final) {
            const std::size_t n = std::min<std::size_t>(xml.size(), INT32_MAX);
            const bool last = final && n == xml.size();
            if (XML_Parse(parser_, reinterpret_cast<const char*>(xml.data()), static_cast<int>(n), last) !=
                XML_STATUS_OK)
                raise_parse_error();
            xml = xml.subspan(n);
            if (last) return;
        }
    }

    void finish(VariantMap public_custom_data) {
        feed({}, true);
        db_.public_custom_data = std::move(public_custom_data);
        visitor_.end(db_);
    }

private:
    // What an element at the structure level (outside the gathered trees) is.
    enum class Kind : std::uint8_t { keepass_file, meta, meta_binaries, root, group, deleted_objects };
    // What a gathered tree is read as when it closes.
    enum class Use : std::uint8_t { file_unknown, meta_child, pool_binary, root_unknown, group_field, entry, deleted };

    // --- expat callbacks: an exception stops the parser and is rethrown once XML_Parse returns

    template <typename F>
    static void guarded(void* user, F&& f) {
        auto* self = static_cast<Impl*>(user);
        if (self->pending_) return;
        try {
            f(*self);
        } catch (...) {
            self->pending_ = std::current_exception();
            XML_StopParser(self->parser_, XML_FALSE);
        }
    }
    static void on_start(void* user, const XML_Char* name, const XML_Char** attributes) {
        guarded(user, [&](Impl& self) { self.start(name, attributes); });
    }
    static void on_end(void* user, const XML_Char*) {
        guarded(user, [&](Impl& self) { self.end(); });
    }
    static void on_text(void* user, const XML_Char* text, int length) {
        guarded(user, [&](Impl& self) { self.text(std::string_view(text, static_cast<std::size_t>(length))); });
    }
    static void on_doctype(void* user, const XML_Char*, const XML_Char*, const XML_Char*, int) {
        guarded(user, [&](Impl& self) {
            throw Error(Errc::malformed, {self.ctx_.file, self.place("DOCTYPE")},
                        "a DOCTYPE declaration is not allowed in KDBX XML");
        });
    }

    [[noreturn]] void raise_parse_error() {
        if (pending_) std::rethrow_exception(pending_);
        const XML_Error code = XML_GetErrorCode(parser_);
        const std::string line = "XML line " + std::to_string(XML_GetCurrentLineNumber(parser_));
        if (code == XML_ERROR_INVALID_TOKEN) {
            int offset = 0, size = 0;
            const char* context = XML_GetInputContext(parser_, &offset, &size);
            if (context && offset >= 0 && offset <= size &&
                starts_invalid_utf8(as_bytes(std::string_view(context + offset, static_cast<std::size_t>(size - offset)))))
                throw Error(Errc::malformed, {ctx_.file, line}, "the XML is not valid UTF-8");
        }
        throw Error(Errc::malformed, {ctx_.file, line + " (XML)"},
                    std::string("the XML is not well-formed: ") + XML_ErrorString(code));
    }

    // --- places and errors: the parser's line, asked only when something is wrong

    std::string place(std::string_view what) const {
        return "XML line " + std::to_string(XML_GetCurrentLineNumber(parser_)) + " (" + std::string(what) + ")";
    }

    [[noreturn]] void fail(const Node& node, const std::string& message) const {
        throw Error(Errc::malformed, {ctx_.file, place(node.name)}, message);
    }

    // --- the structure

    void start(std::string_view name, const XML_Char** attributes) {
        if (++depth_ > ctx_.limits.max_depth)
            throw Error(Errc::limit_exceeded, {ctx_.file, place(name)},
                        "XML nesting deeper than the cap of " + std::to_string(ctx_.limits.max_depth) + " levels");
        if (!gathering_.empty()) {
            gathering_.push_back(&gathering_.back()->children.emplace_back());
            fill(*gathering_.back(), name, attributes);
            return;
        }
        if (structure_.empty()) {
            if (name != "KeePassFile")
                throw Error(Errc::malformed, {ctx_.file, place(name)}, "the document element is not KeePassFile");
            structure_.push_back(Kind::keepass_file);
            return;
        }
        switch (structure_.back()) {
            case Kind::keepass_file:
                if (name == "Meta") return structure_.push_back(Kind::meta);
                if (name == "Root") {
                    hand_over_meta();
                    return structure_.push_back(Kind::root);
                }
                return gather(Use::file_unknown, name, attributes);
            case Kind::meta:
                if (name == "Binaries" && ctx_.version.major < 4) return structure_.push_back(Kind::meta_binaries);
                return gather(Use::meta_child, name, attributes);
            case Kind::meta_binaries: return gather(Use::pool_binary, name, attributes);
            case Kind::root:
                if (name == "Group") {
                    if (seen_group_) throw Error(Errc::malformed, {ctx_.file, place(name)}, "Root holds more than one group");
                    seen_group_ = true;
                    groups_.emplace_back();
                    return structure_.push_back(Kind::group);
                }
                if (name == "DeletedObjects") return structure_.push_back(Kind::deleted_objects);
                return gather(Use::root_unknown, name, attributes);
            case Kind::group:
                if (name == "Entry") {
                    begin_group();
                    return gather(Use::entry, name, attributes);
                }
                if (name == "Group") {
                    begin_group();
                    groups_.emplace_back();
                    return structure_.push_back(Kind::group);
                }
                return gather(Use::group_field, name, attributes);
            case Kind::deleted_objects: return gather(Use::deleted, name, attributes);
        }
    }

    void end() {
        --depth_;
        if (gathering_.size() > 1) {
            gathering_.pop_back();
            return;
        }
        if (gathering_.size() == 1) {
            gathering_.clear();
            use(gathered_);
            gathered_ = Node();
            return;
        }
        const Kind kind = structure_.back();
        switch (kind) {
            case Kind::keepass_file:
                if (!seen_root_) throw Error(Errc::malformed, {ctx_.file, place("KeePassFile")}, "KeePassFile has no Root element");
                break;
            case Kind::meta: hand_over_meta(); break;
            case Kind::root:
                if (!seen_group_) throw Error(Errc::malformed, {ctx_.file, place("Root")}, "Root holds no group");
                seen_root_ = true;
                break;
            case Kind::group:
                begin_group();
                visitor_.end_group(std::move(groups_.back().members));
                groups_.pop_back();
                break;
            case Kind::meta_binaries:
            case Kind::deleted_objects: break;
        }
        structure_.pop_back();
    }

    void text(std::string_view data) {
        if (gathering_.empty()) return;  // layout between structure elements
        Node& node = *gathering_.back();
        if (node.text.size() + data.size() > ctx_.limits.max_string_bytes)
            throw Error(Errc::limit_exceeded, {ctx_.file, place(node.name)},
                        "a text value is longer than the cap of " + std::to_string(ctx_.limits.max_string_bytes) +
                            " bytes");
        node.text.append(data);
    }

    static void fill(Node& node, std::string_view name, const XML_Char** attributes) {
        node.name = name;
        for (const XML_Char** a = attributes; *a; a += 2) node.attributes.emplace_back(a[0], a[1]);
    }

    void gather(Use use, std::string_view name, const XML_Char** attributes) {
        use_ = use;
        fill(gathered_, name, attributes);
        gathering_.push_back(&gathered_);
    }

    void use(const Node& node) {
        switch (use_) {
            case Use::file_unknown: db_.unknown.push_back(serialize(node)); break;
            case Use::meta_child: read_meta_child(node, db_.meta); break;
            case Use::pool_binary: read_pool_binary(node); break;
            case Use::root_unknown: db_.root_unknown.push_back(serialize(node)); break;
            case Use::group_field: read_group_field(node, groups_.back().members); break;
            case Use::entry: visitor_.entry(read_entry(node)); break;
            case Use::deleted: read_deleted_object(node); break;
        }
    }

    void hand_over_meta() {
        if (meta_handed_over_) return;
        meta_handed_over_ = true;
        visitor_.meta(db_.meta, db_.binaries);
    }

    // A group's own members go out before its first entry or subgroup.
    void begin_group() {
        OpenGroup& group = groups_.back();
        if (group.begun) return;
        group.begun = true;
        visitor_.begin_group(group.members);
    }

    // --- values

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
    crypto::Secret string_value(const Node& node) const {
        if (!flag(node, "Protected")) return crypto::Secret(node.own_text());
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
                throw e.at_place(place(node.name));
            }
        }
        return data;
    }

    // --- Meta

    void read_meta_child(const Node& c, Meta& m) {
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
            throw Error(Errc::integrity, {ctx_.file, place(node.name)},
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
        if (!pool_ids_.emplace(id, db_.binaries.size()).second) fail(c, "two pooled binaries have ID " + id);
        db_.binaries.push_back(Binary{binary_value(c), flag(c, "Protected")});
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

    Entry read_entry(const Node& node) {
        Entry e;
        for (const Node& c : node.children) {
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
                for (const Node& h : c.children)
                    if (named(h, "Entry")) e.history.push_back(read_entry(h));
            } else e.unknown.push_back(serialize(c));
        }
        return e;
    }

    StringField read_string(const Node& node) const {
        StringField field;
        bool seen_key = false;
        for (const Node& c : node.children) {
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
                    ref.index = db_.binaries.size();
                    db_.binaries.push_back(Binary{binary_value(c), flag(c, "Protected")});
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
        if (!index || *index >= db_.binaries.size())
            fail(node, "binary reference '" + std::string(ref) + "' is outside the " +
                           std::to_string(db_.binaries.size()) + " binaries of the inner header");
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

    struct OpenGroup {
        Group members;
        bool begun = false;
    };

    const XmlReadContext& ctx_;
    DatabaseVisitor& visitor_;
    XML_Parser parser_;
    std::exception_ptr pending_;
    std::uint32_t depth_ = 0;
    std::vector<Kind> structure_;
    std::vector<OpenGroup> groups_;
    Node gathered_;
    std::vector<Node*> gathering_;
    Use use_ = Use::file_unknown;
    Database db_;  // everything but the groups and entries
    std::map<std::string, std::size_t> pool_ids_;
    bool meta_handed_over_ = false, seen_root_ = false, seen_group_ = false;
};

XmlReader::XmlReader(const XmlReadContext& context, std::vector<Binary> pool, DatabaseVisitor& visitor)
    : impl_(std::make_unique<Impl>(context, std::move(pool), visitor)) {}

XmlReader::~XmlReader() = default;

void XmlReader::feed(ByteView xml) { impl_->feed(xml, false); }

void XmlReader::finish(VariantMap public_custom_data) { impl_->finish(std::move(public_custom_data)); }

}  // namespace cxf::kdbx::detail
