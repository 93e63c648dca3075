// SPDX-License-Identifier: MIT
#include "cxf/csv/ids.h"

#include "cxf/crypto/hash.h"

namespace cxf::csv {

Id derived_id(std::string_view kind, std::string_view text) {
    const crypto::SecureBytes digest = crypto::sha256({as_bytes(kind), as_bytes(text)});
    return Id(digest.begin(), digest.begin() + 16);
}

Id account_id(std::string_view kind, const std::vector<Item>& items) {
    crypto::SecureBytes ids;
    for (const Item& item : items) ids.insert(ids.end(), item.id.begin(), item.id.end());
    return derived_id(kind, as_text(ids));
}

}  // namespace cxf::csv
