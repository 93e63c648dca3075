// SPDX-License-Identifier: MIT
// KDBX XML → the visitor, streamed through the XML parser: the document's structure (KeePassFile,
// Meta, Root, groups). Entries are read element by element as they stream by (xml_elements.h); each
// Meta child, group field and unknown element is gathered into a small tree of its own (xml_node.h),
// read when it closes, and emptied for the next one: nothing holds the whole document.
#include "cxf/error.h"
#include "cxf/kdbx/xml.h"
#include "cxf/kdbx/xml_elements.h"
#include "cxf/kdbx/xml_parser.h"

namespace cxf::kdbx::detail {

namespace {

Database with_pool(std::vector<Binary> pool) {
    Database db;
    db.binaries = std::move(pool);
    return db;
}

}  // namespace

class XmlReader::Impl final : public XmlHandler {
public:
    Impl(const XmlReadContext& context, std::vector<Binary> pool, DatabaseVisitor& visitor)
        : ctx_(context), visitor_(visitor), db_(with_pool(std::move(pool))), elements_(context, db_),
          parser_(context.file, context.limits.max_string_bytes, *this) {}

    void feed(ByteView xml) { parser_.feed(xml); }

    void finish(VariantMap public_custom_data) {
        parser_.finish();
        db_.public_custom_data = std::move(public_custom_data);
        visitor_.end(db_);
    }

private:
    // What an element at the structure level (outside the gathered trees) is.
    enum class Kind : std::uint8_t { keepass_file, meta, meta_binaries, pool_binary, root, group, deleted_objects };
    // What a gathered tree is read as when it closes.
    enum class Use : std::uint8_t { file_unknown, meta_child, ignored, root_unknown, group_field, entry_unknown, deleted };

    std::string place(std::string_view what) const {
        return xml_place(parser_.line(), what);
    }

    // --- the structure

    void start_element(std::string_view name, std::span<const XmlAttribute> attributes) override {
        if (++depth_ > ctx_.limits.max_depth)
            throw Error(Errc::limit_exceeded, {ctx_.file, place(name)},
                        "XML nesting deeper than the cap of " + std::to_string(ctx_.limits.max_depth) + " levels");
        if (!gathering_.empty()) {
            layout_.clear();  // before a child element: layout
            gathering_.push_back(&add_child(*gathering_.back()));
            fill(*gathering_.back(), name, attributes);
            return;
        }
        if (in_entry_) {
            if (!elements_.entry_element(name, attributes, parser_.line())) gather(Use::entry_unknown, name, attributes);
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
            case Kind::meta_binaries:
                if (name != "Binary") return gather(Use::ignored, name, attributes);
                elements_.begin_pool_binary(attributes, parser_.line());
                return structure_.push_back(Kind::pool_binary);
            case Kind::pool_binary: return gather(Use::ignored, name, attributes);  // only its own text counts
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
                    elements_.begin_entry();
                    in_entry_ = true;
                    return;
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

    void end_element() override {
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
        if (in_entry_) {
            if (elements_.entry_end()) end_entry();
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
            case Kind::pool_binary: elements_.end_pool_binary(); break;
            case Kind::meta_binaries:
            case Kind::deleted_objects: break;
        }
        structure_.pop_back();
    }

    void text(std::string_view data) override {
        if (gathering_.empty()) {
            if (in_entry_) elements_.entry_text(data, parser_.line());
            else if (!structure_.empty() && structure_.back() == Kind::pool_binary) elements_.pool_binary_text(data, parser_.line());
            return;  // else layout between structure elements
        }
        Node& node = *gathering_.back();
        const std::uint64_t size = node.text.size() + layout_.size() + data.size();
        if (size > ctx_.limits.max_string_bytes)
            throw Error(Errc::limit_exceeded, {ctx_.file, place(node.name)},
                        "a text value is longer than the cap of " + std::to_string(ctx_.limits.max_string_bytes) + " bytes");
        // Whitespace is held back until it is known not to be layout between child elements, so that
        // the elements holding others keep no text of their own.
        if (node.text.empty() && blank(data)) {
            layout_.append(data);
            return;
        }
        node.text.append(layout_);
        layout_.clear();
        node.text.append(data);
    }

    void fill(Node& node, std::string_view name, std::span<const XmlAttribute> attributes) const {
        node.name = name;
        node.line = parser_.line();
        for (const XmlAttribute& a : attributes) node.attributes.emplace_back(a.name, a.value);
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

    void gather(Use use, std::string_view name, std::span<const XmlAttribute> attributes) {
        use_ = use;
        fill(gathered_, name, attributes);
        gathering_.push_back(&gathered_);
    }

    void use(Node& node) {
        switch (use_) {
            case Use::file_unknown: db_.unknown.push_back(serialize(node)); break;
            case Use::meta_child: elements_.meta_child(node); break;
            case Use::ignored: break;
            case Use::root_unknown: db_.root_unknown.push_back(serialize(node)); break;
            case Use::group_field: elements_.group_field(node, groups_.back().members); break;
            case Use::entry_unknown: elements_.entry_unknown(serialize(node)); break;
            case Use::deleted: elements_.deleted_object(node); break;
        }
    }

    void end_entry() {
        in_entry_ = false;
        Entry entry = elements_.take_entry();
        for (Binary& b : elements_.take_inline_binaries()) visitor_.binary(std::move(b));
        visitor_.entry(std::move(entry));
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
    XmlParser parser_;
    std::uint32_t depth_ = 0;
    std::vector<Kind> structure_;
    std::vector<OpenGroup> groups_;
    Node gathered_;
    std::vector<Node*> gathering_;
    std::string layout_;  // whitespace read since the last tag, not yet known to be a value
    std::vector<Node> spare_;
    Use use_ = Use::file_unknown;
    bool in_entry_ = false;  // an entry is being read, element by element
    bool meta_handed_over_ = false, seen_root_ = false, seen_group_ = false;
};

XmlReader::XmlReader(const XmlReadContext& context, std::vector<Binary> pool, DatabaseVisitor& visitor)
    : impl_(std::make_unique<Impl>(context, std::move(pool), visitor)) {}

XmlReader::~XmlReader() = default;

void XmlReader::feed(ByteView xml) { impl_->feed(xml); }

void XmlReader::finish(VariantMap public_custom_data) { impl_->finish(std::move(public_custom_data)); }

}  // namespace cxf::kdbx::detail
