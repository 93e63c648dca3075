// SPDX-License-Identifier: MIT
// The custom-fields credential the importer made of a Bitwarden "bankAccount" → that object again.
// Fields with other labels were planned as custom fields of the cipher.
#include "exporters/bitwarden_json/cipher.h"

namespace cxf::bitwarden_json {

void write_bank_account(json::Builder& out, const Cipher& c) {
    out.begin_object();
    for (const ObjectMember& m : bank_account_members) labelled_member(out, m.name, c.bank_account);
    write_kept_members(out, c, "bankAccount");
    out.end_object();
}

}  // namespace cxf::bitwarden_json
