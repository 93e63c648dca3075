// SPDX-License-Identifier: MIT
// Where writers put their bytes: memory, nowhere (dry runs), or a file that appears under its name
// only when complete (a 0600 temp file in the same directory, renamed on commit).
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>

#include "cxf/secret.h"

namespace cxf::io {

class Output {
public:
    virtual ~Output() = default;
    virtual void write(ByteView bytes) = 0;
    // Bytes that compressing would not shrink (io::compresses): a stage that compresses may store them.
    virtual void write_incompressible(ByteView bytes) { write(bytes); }
    // Text with no repeated strings worth finding, such as base64 of compressed or encrypted bytes:
    // a stage that compresses may Huffman-code it only.
    virtual void write_without_repeats(ByteView bytes) { write(bytes); }
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

// Streams into a temp file (mode 0600) beside `path` — an unnamed O_TMPFILE where the file system has
// one, so that even SIGKILL leaves nothing, else a hidden named file removed on errors and on the
// terminating signals (see install_interrupt_cleanup). commit() flushes it to disk and renames it into
// place, without replacing an existing file unless `overwrite`. Destroyed uncommitted (an error, a
// refusal), nothing is left. A character device, FIFO or socket at `path` (/dev/null, /dev/stdout on
// a pipe) is written to directly, never renamed over or removed; a directory is refused. Throws Errc::io.
class AtomicFile final : public Output {
public:
    AtomicFile(std::string path, bool overwrite);
    ~AtomicFile() override;
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;

    void write(ByteView bytes) override;
    // Done writing: flushed to disk and closed (its descriptor released), still under a temp name
    // until committed. Called by commit; call it early when many files wait for one commit.
    void finish();
    void commit();

private:
    friend void commit_together(std::span<AtomicFile* const> files);
    void keep_old();  // with overwrite, the file to be replaced gets a second, hidden name
    void publish();   // renamed into place
    void withdraw() noexcept;  // a published file is taken back: the kept old file returns, or it is removed
    void discard() noexcept;   // closes and removes what is left: an unpublished temp file, a kept old file

    std::string path_, temp_, backup_;  // temp_ empty while an O_TMPFILE has no name yet
    bool overwrite_;
    bool direct_ = false;  // a special file, written in place
    bool published_ = false;
    int fd_ = -1;
    std::uint64_t written_ = 0, written_back_ = 0;  // bytes written, and those whose write-back is under way
    int temp_slot_ = -1, backup_slot_ = -1;  // entries in the signal-cleanup table
};

// Commits several files as one. All are finished first; every target that will be replaced is given
// a second, hidden name; then all are renamed into place. If anything fails before the last rename
// succeeds, every target is left as it was: new files are removed, replaced ones get their old file
// back. A signal or crash during the renames themselves may leave some replaced and some not (the
// hidden names are removed by the signal handler).
void commit_together(std::span<AtomicFile* const> files);

}  // namespace cxf::io
