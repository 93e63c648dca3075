// SPDX-License-Identifier: MIT
// Where writers put their bytes: memory, nowhere (dry runs), or a file that appears under its name
// only when complete (a 0600 temp file in the same directory, renamed on commit).
#pragma once

#include <cstddef>
#include <span>
#include <string>

#include "cxf/secret.h"

namespace cxf::io {

class Output {
public:
    virtual ~Output() = default;
    virtual void write(ByteView bytes) = 0;
};

class MemoryOutput final : public Output {
public:
    void write(ByteView bytes) override { bytes_.insert(bytes_.end(), bytes.begin(), bytes.end()); }
    crypto::SecureBytes& bytes() noexcept { return bytes_; }

private:
    crypto::SecureBytes bytes_;
};

// Counts what would have been written (--dry-run).
class NullOutput final : public Output {
public:
    void write(ByteView bytes) override { size_ += bytes.size(); }
    std::size_t size() const noexcept { return size_; }

private:
    std::size_t size_ = 0;
};

// Streams into a temp file (mode 0600) beside `path`; commit() flushes it to disk and renames it into
// place — without replacing an existing file unless `overwrite`. Destroyed uncommitted (an error, a
// refusal), the temp file is removed, so no partial output is ever left. Throws Errc::io.
class AtomicFile final : public Output {
public:
    AtomicFile(std::string path, bool overwrite);
    ~AtomicFile() override;
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;

    void write(ByteView bytes) override;
    void commit();

private:
    friend void commit_together(std::span<AtomicFile* const> files);
    void finish();    // flushed to disk and closed, still under the temp name
    void publish();   // renamed into place
    void withdraw();  // a published file that replaced nothing is removed again

    std::string path_, temp_;
    bool overwrite_;
    bool published_ = false;
    int fd_ = -1;
    int slot_ = -1;  // its entry in the interrupt-cleanup table
};

// Commits several files as one: all are flushed first, then renamed; if a rename fails, the files
// already renamed that replaced nothing are removed, so a failure leaves no new file behind.
void commit_together(std::span<AtomicFile* const> files);

}  // namespace cxf::io
