// SPDX-License-Identifier: MIT
// The vault as a KDBX database whose items become entries only as the file is written, so that a big
// vault is not held twice. Meta, the groups, the recycle bin and the attachment pool are built up
// front, after one pass that maps each item that may hold attachments or need KDBX 4.1 and lets it
// go, to learn the pool and the version. What the mapping reports goes into the report in document
// order once the entries are written (report_items).
#pragma once

#include <map>
#include <optional>
#include <unordered_map>
#include <vector>

#include "cxf/kdbx/kdbx.h"
#include "exporters/kdbx/context.h"
#include "exporters/kdbx/entry.h"

namespace cxf::kdbx_map {

// The time the writer dates what the vault leaves undated: `now` (Unix seconds), or the clock when 0.
kdbx::Time write_time(Timestamp now);

class VaultDatabase final : public kdbx::EntrySource {
public:
    // What the mapping loses or changes goes into `report`, once.
    VaultDatabase(const Vault& vault, Report& report, kdbx::Time now);
    VaultDatabase(const VaultDatabase&) = delete;
    VaultDatabase& operator=(const VaultDatabase&) = delete;

    // Without the items' entries, which entries() gives.
    const kdbx::Database& skeleton() const noexcept { return db_; }
    // With them: the whole database.
    kdbx::Database whole() &&;
    // What mapping the items lost or changed, into the report given to the constructor, in document
    // order: call it once every entry has been written.
    void report_items() const;

    void entries(const kdbx::Group& group, const std::function<void(const kdbx::Entry&)>& write) const override;
    bool needs_kdbx41() const override { return needs_41_; }

    // An item waiting for its group to be written.
    struct Slot {
        const Item* item = nullptr;
        std::size_t account = 0;
        std::size_t index = 0;                // in its account
        std::optional<std::size_t> position;  // kept in the entry when the groups put it elsewhere
        std::size_t staged_from = 0;          // where its attachments start among the staged ones
        PlainMemo memo;                       // from the first mapping
        bool learned = false;                 // mapped by the first pass
        mutable Report notices;               // what its mapping reported
    };

private:
    kdbx::Entry map(const Slot& slot, PlainMemo& memo, Report& report, Staging& staging) const;
    kdbx::Entry entry(const Slot& slot) const;

    friend class DatabaseBuilder;
    kdbx::Database db_;
    std::unordered_map<const kdbx::Group*, std::vector<Slot>> slots_;
    std::vector<const Slot*> document_order_;
    Report* report_;
    std::vector<std::size_t> pool_index_;  // staged attachment → its index in the pool
    std::map<std::size_t, crypto::SecureBytes> kept_bytes_;  // pool binaries the extension kept, by index
    bool needs_41_ = false;
    kdbx::Time now_;
};

}  // namespace cxf::kdbx_map
