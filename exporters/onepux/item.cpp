// SPDX-License-Identifier: MIT
// An item is planned (plan.h), then written in the member order 1Password's exports use.
#include "exporters/onepux/item.h"

#include "cxf/json/document.h"
#include "cxf/json/extension.h"
#include "cxf/json/reader.h"
#include "cxf/onepassword/map/categories.h"
#include "cxf/onepassword/map/extension.h"
#include "exporters/onepux/plan.h"
#include "exporters/onepux/uuid.h"

namespace cxf::onepux::out {

namespace {

// The members of a kept object, but those that are cxf's notes about it.
bool own_member(std::string_view key, std::initializer_list<std::string_view> notes) {
    for (const std::string_view n : notes)
        if (key == n) return false;
    return true;
}

void copy_members(json::Builder& out, const std::optional<json::Cursor>& object) {
    if (object && object->is_object())
        for (const auto m : object->members()) out.key(m.key).copy(m.value);
}

void write_login_field(json::Builder& out, const LoginFieldOut& field) {
    out.begin_object();
    out.key("value").raw(field.value.view());
    if (field.kept) {
        for (const auto m : field.kept->members())
            if (own_member(m.key, {"json", "at"})) out.key(m.key).copy(m.value);
    } else {
        out.key("id").string(field.id);
        out.key("name").string(field.name);
        out.key("fieldType").string(field.field_type);
        out.key("designation").string(field.designation);
    }
    out.end_object();
}

void write_input_traits(json::Builder& out) {
    out.key("inputTraits").begin_object();
    out.key("keyboard").string("default");
    out.key("correction").string("default");
    out.key("capitalization").string("default");
    out.end_object();
}

// A kept field's members come first, up to "kind" (the reader's notes follow); the value goes
// after "id", where 1Password writes it.
void write_field(json::Builder& out, const FieldOut& field, std::size_t index) {
    out.begin_object();
    if (field.kept) {
        bool written = field.value.empty();
        for (const auto m : field.kept->members()) {
            if (m.key == "kind") break;
            out.key(m.key).copy(m.value);
            if (m.key == "id" && !written) {
                out.key("value").raw(field.value.view());
                written = true;
            }
        }
        if (!written) out.key("value").raw(field.value.view());
    } else {
        out.key("title").string(field.title);
        out.key("id").string(field.id);
        out.key("value").raw(field.value.view());
        out.key("indexAtSource").unsigned_integer(index);
        out.key("guarded").boolean(false);
        out.key("multiline").boolean(field.multiline);
        out.key("dontGenerate").boolean(false);
        write_input_traits(out);
    }
    out.end_object();
}

void write_fields(json::Builder& out, const SectionOut& section) {
    out.key("fields").begin_array();
    for (std::size_t i = 0; i < section.fields.size(); ++i) write_field(out, section.fields[i], i);
    out.end_array();
}

void write_section(json::Builder& out, const SectionOut& section) {
    out.begin_object();
    if (section.kept) {
        bool fields = false;
        for (const auto m : section.kept->members()) {
            if (m.key != "fields") {
                out.key(m.key).copy(m.value);
            } else {
                write_fields(out, section);
                fields = true;
            }
        }
        if (!fields && !section.fields.empty()) write_fields(out, section);
    } else {
        out.key("title").string(section.title);
        out.key("name").string(section.name);
        write_fields(out, section);
    }
    out.end_object();
}

void write_document(json::Builder& out, const DocumentOut& document, const std::optional<json::Cursor>& kept) {
    out.key("documentAttributes").begin_object();
    out.key("fileName").string(document.file_name);
    out.key("documentId").string(document.document_id);
    out.key("decryptedSize").unsigned_integer(document.size);
    copy_members(out, kept);
    out.end_object();
}

std::optional<json::Cursor> find(const json::Cursor* extension, std::string_view key) {
    return extension ? extension->find(key) : std::nullopt;
}

class ItemWriter {
public:
    ItemWriter(const Item& item, ItemContext& context) : item_(item), context_(context) {
        if (const RawExtension* raw = json::find_extension(item.extensions, onepassword::extension_name)) {
            document_.emplace(raw->json.view(), std::string(onepassword::extension_name));
            if (document_->root().is_object()) extension_ = &document_->root();
        }
    }

    void write(json::Builder& out) {
        ItemPlan plan = make_plan();
        const auto wrapper = find(extension_, "wrapper");
        if (wrapper) out.begin_object().key("item");
        out.begin_object();
        out.key("uuid").string(uuid_text(item_.id));
        const auto fav = find(extension_, "favIndex");
        const auto fav_index = fav ? json::to_int64(*fav) : std::nullopt;
        out.key("favIndex").integer(item_.favorite ? fav_index.value_or(1) : 0);
        const Timestamp created = item_.creation_at.value_or(item_.modified_at.value_or(context_.now));
        out.key("createdAt").integer(created);
        out.key("updatedAt").integer(item_.modified_at.value_or(created));
        const auto state = find(extension_, "state");
        out.key("state").string(state && state->is_string() ? state->string() : "active");
        out.key("categoryUuid").string(plan.category_id);
        write_details(out, plan);
        write_overview(out, item_, extension_, context_);
        copy_members(out, find(extension_, "extra"));
        out.end_object();
        if (wrapper) {
            copy_members(out, wrapper);
            out.end_object();
        }
    }

private:
    ItemPlan make_plan() {
        ItemPlan plan;
        const auto kept = find(extension_, "category");
        if (kept && kept->is_string() && !kept->string().empty()) {
            plan.category_id = std::string(kept->string());
            plan.category = onepassword::category_of(plan.category_id);
        } else {
            plan.category = category_for(item_);
            plan.category_id = std::string(onepassword::category_id(plan.category));
        }
        PlanContext context{item_, context_.place, context_.report, context_.attachments};
        if (extension_) restore_from_extension(*extension_, plan, context);
        place_credentials(plan, context);
        return plan;
    }

    void write_details(json::Builder& out, const ItemPlan& plan) {
        out.key("details").begin_object();
        out.key("loginFields").begin_array();
        for (const LoginFieldOut& field : plan.login_fields) write_login_field(out, field);
        out.end_array();
        out.key("notesPlain").string(plan.notes ? plan.notes->view() : "");
        out.key("sections").begin_array();
        for (const SectionOut& section : plan.sections) write_section(out, section);
        out.end_array();
        write_password_history(out, item_, context_);
        if (plan.password) out.key("password").string(plan.password->view());
        if (plan.document) write_document(out, *plan.document, find(extension_, "documentAttributes"));
        copy_members(out, find(extension_, "details"));
        out.end_object();
    }

    const Item& item_;
    ItemContext& context_;
    std::optional<json::Document> document_;
    const json::Cursor* extension_ = nullptr;
};

}  // namespace

void write_item(json::Builder& out, const Item& item, ItemContext& context) { ItemWriter(item, context).write(out); }

}  // namespace cxf::onepux::out
