// SPDX-License-Identifier: MIT
// Entry attachments → file credentials.
#include "cxf/crypto/hash.h"
#include "cxf/kdbx/map/entry_source.h"

namespace cxf::kdbx_map {

Id attachment_id(const kdbx::Uuid& uuid, std::size_t version, std::size_t index) {
    Id id(uuid.begin(), uuid.end());
    for (const std::size_t n : {version, index}) {
        id.push_back(static_cast<std::uint8_t>((n >> 8) & 0xFF));
        id.push_back(static_cast<std::uint8_t>(n & 0xFF));
    }
    return id;
}

File read_attachment(EntrySource& source, std::size_t index, Id id) {
    source.binary_used[index] = true;
    const kdbx::BinaryRef& ref = source.entry.binaries[index];
    const crypto::SecureBytes& data = source.pool[ref.index].data;
    File file;
    file.id = std::move(id);
    file.name = ref.key;
    file.decrypted_size = data.size();
    const crypto::SecureBytes hash = crypto::sha256({data});
    file.integrity_hash.assign(hash.begin(), hash.end());
    file.data.emplace();
    if (!data.empty()) source.awaiting_bytes.push_back(ref.index);
    return file;
}

bool awaits_bytes(const File& file) noexcept { return file.data && file.data->size() != file.decrypted_size; }

}  // namespace cxf::kdbx_map
