// SPDX-License-Identifier: MIT
// The custom-fields credential the importer made of a Bitwarden "bankAccount" → that object again.
// Fields with other labels were planned as custom fields of the cipher.
#include "exporters/bitwarden_json/cipher.h"

namespace cxf::bitwarden_json {

void write_bank_account(JsonOut& out, const Cipher& c) {
    constexpr std::string_view members[] = {"bankName", "nameOnAccount", "accountType", "accountNumber", "routingNumber",
                                            "branchNumber", "pin", "swiftCode", "iban", "bankContactPhone"};
    out.start_object();
    for (const std::string_view name : members) {
        out.key(name);
        const EditableField* found = nullptr;
        if (c.bank_account)
            for (const EditableField& f : c.bank_account->fields)
                if (f.label == name) found = &f;
        if (found) out.string(found->value.view());
        else out.null();
    }
    write_kept_members(out, c, "bankAccount");
    out.end_object();
}

}  // namespace cxf::bitwarden_json
