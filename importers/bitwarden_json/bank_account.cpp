// SPDX-License-Identifier: MIT
// Bitwarden's newer "bankAccount" object (type 6): CXF has no bank-account credential, so it
// becomes a custom-fields credential marked as one, its fields labelled with Bitwarden's names.
#include "importers/bitwarden_json/items.h"

namespace cxf::bitwarden_json {

namespace {

struct Member {
    std::string_view name;
    FieldType type;
};

constexpr Member members[] = {
    {"bankName", FieldType::string},       {"nameOnAccount", FieldType::string},
    {"accountType", FieldType::string},    {"accountNumber", FieldType::concealed_string},
    {"routingNumber", FieldType::string},  {"branchNumber", FieldType::string},
    {"pin", FieldType::concealed_string},  {"swiftCode", FieldType::string},
    {"iban", FieldType::concealed_string}, {"bankContactPhone", FieldType::string},
};

}  // namespace

void read_bank_account(const json::Cursor& object, Item& item, ItemSource& source) {
    CustomFields fields = object_fields(bank_account_object);
    for (const auto m : object.members()) {
        const Member* known = nullptr;
        for (const Member& candidate : members)
            if (candidate.name == m.key) known = &candidate;
        if (!known) {
            source.keep("bankAccount", m);
            continue;
        }
        if (const auto value = source.text(m.value)) add_labelled(fields, known->name, known->type, *value);
    }
    item.credentials.emplace_back(std::move(fields));
}

}  // namespace cxf::bitwarden_json
