// SPDX-License-Identifier: MIT
// KDBX XML → the visitor, streamed through expat: the document's structure (KeePassFile, Meta, Root,
// groups). Each entry, Meta child, group field and unknown element is gathered into a small tree of
// its own (xml_node.h), read by xml_elements.h when it closes, and emptied for the next one: nothing
// holds the whole document.
#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <exception>

#include <expat.h>
#include <openssl/crypto.h>

#include "cxf/error.h"
#include "cxf/json/utf8.h"
#include "cxf/kdbx/xml.h"
#include "cxf/kdbx/xml_elements.h"

namespace cxf::kdbx::detail {

namespace {

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

Database with_pool(std::vector<Binary> pool) {
    Database db;
    db.binaries = std::move(pool);
    return db;
}

}  // namespace

class XmlReader::Impl {
public:
    Impl(const XmlReadContext& context, std::vector<Binary> pool, DatabaseVisitor& visitor)
        : ctx_(context), visitor_(visitor), db_(with_pool(std::move(pool))), elements_(context, db_),
          parser_(XML_ParserCreate_MM("UTF-8", &wiping_memory, nullptr)) {
        if (!parser_) throw Error(Errc::io, {}, "expat: XML_ParserCreate failed");
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

    // --- the structure

    void start(std::string_view name, const XML_Char** attributes) {
        if (++depth_ > ctx_.limits.max_depth)
            throw Error(Errc::limit_exceeded, {ctx_.file, place(name)},
                        "XML nesting deeper than the cap of " + std::to_string(ctx_.limits.max_depth) + " levels");
        if (!gathering_.empty()) {
            layout_.clear();  // before a child element: layout
            gathering_.push_back(&add_child(*gathering_.back()));
            fill(*gathering_.back(), name, attributes);
            return;
        }
        if (structure_.empty()) {
            line_ = XML_GetCurrentLineNumber(parser_);
            if (name != "KeePassFile")
                throw Error(Errc::malformed, {ctx_.file, place(name)}, "the document element is not KeePassFile");
            structure_.push_back(Kind::keepass_file);
            return;
        }
        switch (structure_.back()) {
            case Kind::keepass_file:
                if (name == "Meta") {
                    // Meta and the pool are the visitor's once handed over: no second one changes them.
                    if (meta_handed_over_)
                        throw Error(Errc::malformed, {ctx_.file, place(name)}, "Meta comes again after Meta or Root");
                    return structure_.push_back(Kind::meta);
                }
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
        if (!gathering_.empty()) {
            Node& node = *gathering_.back();
            if (node.children.empty()) node.text.append(layout_);  // a value of whitespace
            layout_.clear();
        }
        if (gathering_.size() > 1) {
            gathering_.pop_back();
            return;
        }
        if (gathering_.size() == 1) {
            gathering_.clear();
            use(gathered_);
            recycle(gathered_);
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
        line_ += static_cast<std::uint64_t>(std::count(data.begin(), data.end(), '\n'));
        if (gathering_.empty()) return;  // layout between structure elements
        Node& node = *gathering_.back();
        if (node.text.size() + layout_.size() + data.size() > ctx_.limits.max_string_bytes)
            throw Error(Errc::limit_exceeded, {ctx_.file, place(node.name)},
                        "a text value is longer than the cap of " + std::to_string(ctx_.limits.max_string_bytes) +
                            " bytes");
        // Whitespace is held back until it is known not to be layout between child elements, so that
        // the elements holding others keep no text of their own.
        if (node.text.empty() && trim(data).empty()) {
            layout_.append(data);
            return;
        }
        node.text.append(layout_);
        layout_.clear();
        node.text.append(data);
    }

    void fill(Node& node, std::string_view name, const XML_Char** attributes) const {
        node.name = name;
        node.line = line_;
        for (const XML_Char** a = attributes; *a; a += 2) node.attributes.emplace_back(a[0], a[1]);
    }

    // The elements of one gathered tree are emptied and kept, with their memory, for the next.
    Node& add_child(Node& parent) {
        if (spare_.empty()) return parent.children.emplace_back();
        parent.children.push_back(std::move(spare_.back()));
        spare_.pop_back();
        return parent.children.back();
    }

    void recycle(Node& node) {
        for (Node& child : node.children) {
            recycle(child);
            spare_.push_back(std::move(child));
        }
        node.children.clear();
        node.name.clear();
        node.attributes.clear();
        node.text.wipe();
    }

    void gather(Use use, std::string_view name, const XML_Char** attributes) {
        use_ = use;
        fill(gathered_, name, attributes);
        gathering_.push_back(&gathered_);
    }

    void use(Node& node) {
        switch (use_) {
            case Use::file_unknown: db_.unknown.push_back(serialize(node)); break;
            case Use::meta_child: elements_.meta_child(node); break;
            case Use::pool_binary: elements_.pool_binary(node); break;
            case Use::root_unknown: db_.root_unknown.push_back(serialize(node)); break;
            case Use::group_field: elements_.group_field(node, groups_.back().members); break;
            case Use::entry: {
                Entry entry = elements_.entry(node);
                for (Binary& b : elements_.take_inline_binaries()) visitor_.binary(std::move(b));
                visitor_.entry(std::move(entry));
                break;
            }
            case Use::deleted: elements_.deleted_object(node); break;
        }
    }

    void hand_over_meta() {
        if (meta_handed_over_) return;
        meta_handed_over_ = true;
        visitor_.meta(db_.meta, std::exchange(db_.binaries, {}));
    }

    // A group's own members go out before its first entry or subgroup.
    void begin_group() {
        OpenGroup& group = groups_.back();
        if (group.begun) return;
        group.begun = true;
        visitor_.begin_group(group.members);
    }

    struct OpenGroup {
        Group members;
        bool begun = false;
    };

    const XmlReadContext& ctx_;
    DatabaseVisitor& visitor_;
    Database db_;  // everything but the groups and entries
    ElementReader elements_;
    XML_Parser parser_;
    std::exception_ptr pending_;
    std::uint32_t depth_ = 0;
    std::vector<Kind> structure_;
    std::vector<OpenGroup> groups_;
    Node gathered_;
    std::vector<Node*> gathering_;
    std::string layout_;  // whitespace read since the last tag, not yet known to be a value
    std::vector<Node> spare_;
    // The line of the parser's position, counted in the character data: expat's own count rescans
    // every byte and is asked only for errors. Newlines inside tags or comments are not counted, and a
    // newline written as a character reference is; no KDBX writer does either.
    std::uint64_t line_ = 1;
    Use use_ = Use::file_unknown;
    bool meta_handed_over_ = false, seen_root_ = false, seen_group_ = false;
};

XmlReader::XmlReader(const XmlReadContext& context, std::vector<Binary> pool, DatabaseVisitor& visitor)
    : impl_(std::make_unique<Impl>(context, std::move(pool), visitor)) {}

XmlReader::~XmlReader() = default;

void XmlReader::feed(ByteView xml) { impl_->feed(xml, false); }

void XmlReader::finish(VariantMap public_custom_data) { impl_->finish(std::move(public_custom_data)); }

}  // namespace cxf::kdbx::detail
