// SPDX-License-Identifier: MIT
// Dashlane's legacy JSON export → Vault. AUTHENTIFIANT entries become logins (title, login, password,
// domain, note; email and secondaryLogin as custom fields); an entry of any other section becomes an
// item whose strings are custom fields labelled with their names, titled by its "title" or "name"
// member or else by its section.
#include "cxf/error.h"
#include "cxf/json/reader.h"
#include "cxf/json/tape.h"
#include "importers/dashlane/cells.h"
#include "importers/dashlane/dashlane.h"
#include "importers/dashlane/vault_builder.h"

namespace cxf::dashlane {

namespace {

// The names the export is known to use; a pointer shows any other key as "{key N}".
constexpr std::string_view member_names[] = {"AUTHENTIFIANT", "EMAIL",    "domain", "email",         "login",
                                             "note",          "password", "title",  "secondaryLogin", "name"};
constexpr std::string_view login_section = "AUTHENTIFIANT";

class ExportReader {
public:
    ExportReader(std::string file, Report& report) : reader_({std::move(file), "", "", json::Wording::expected_got}), report_(report) {}

    Vault run(const json::Cursor& root) {
        reader_.expect(root, json::Kind::object);
        for (const auto section : root.members()) {
            reader_.expect(section.value, json::Kind::array, section.key);
            if (section.key != login_section && section.value.size() > 0)
                report_.changed(section.value.pointer(), "a section with no CXF credential type: each entry's strings kept as custom fields");
            for (const json::Cursor entry : section.value.elements()) {
                reader_.expect(entry, json::Kind::object);
                builder_.add(section.key == login_section ? login(entry) : other(section.key, entry), entry.pointer());
            }
        }
        return std::move(builder_).finish();
    }

private:
    // Each member's string (null: absent), in order; a value of another type fails at its pointer.
    std::vector<std::pair<std::string_view, std::string_view>> strings(const json::Cursor& entry) const {
        std::vector<std::pair<std::string_view, std::string_view>> out;
        for (const auto m : entry.members())
            if (const auto value = reader_.string_or_null(m.value)) out.emplace_back(m.key, *value);
        return out;
    }

    Item login(const json::Cursor& entry) const {
        Item item;
        BasicAuth auth;
        CustomFields fields;
        std::string_view url, note;
        for (const auto& [key, value] : strings(entry)) {
            if (key == "title") item.title = value;
            else if (key == "login") auth.username = field(FieldType::string, value);
            else if (key == "password") auth.password = field(FieldType::concealed_string, value);
            else if (key == "domain") url = value;
            else if (key == "note") note = value;
            else if (!value.empty()) add_labelled(fields, key, key == "email" ? FieldType::email : FieldType::string, value);
        }
        item.credentials.emplace_back(std::move(auth));
        if (!url.empty()) {
            item.scope.emplace();
            item.scope->urls.emplace_back(url);
        }
        if (!note.empty()) item.credentials.emplace_back(Note{make_field(FieldType::string, note)});
        add_if_any(item, std::move(fields));
        return item;
    }

    Item other(std::string_view section, const json::Cursor& entry) const {
        Item item;
        CustomFields fields;
        fields.label = std::string(section);
        for (const auto& [key, value] : strings(entry)) {
            if ((key == "title" || key == "name") && item.title.empty()) item.title = value;
            else if (!value.empty()) add_labelled(fields, key, key == "email" ? FieldType::email : FieldType::string, value);
        }
        if (item.title.empty()) item.title = section;
        add_if_any(item, std::move(fields));
        return item;
    }

    json::Reader reader_;
    Report& report_;
    VaultBuilder builder_;
};

}  // namespace

Vault read_json(const Input& input, const ReadOptions& options, Report& report) {
    json::Tape tape;
    tape.names = member_names;
    json::parse(as_text(input.bytes), input.name, options.limits, tape);
    const std::string base;
    return ExportReader(input.name, report).run(json::Cursor(tape, 0, base));
}

}  // namespace cxf::dashlane
