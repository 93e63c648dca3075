// SPDX-License-Identifier: MIT
// Zip archives: read in memory with libzip, bounded (entry count, sizes, compression ratio and entry
// names are checked before anything is inflated); written as a stream (zip_writer.cpp).
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cxf/io/output.h"
#include "cxf/limits.h"
#include "cxf/secret.h"

struct zip;

namespace cxf::io {

class DeflateWriter;

struct ZipEntry {
    std::string name;
    std::uint64_t size = 0;             // as declared in the central directory
    std::uint64_t compressed_size = 0;
    bool is_directory = false;
};

// Reads an archive held in memory (which must outlive the reader). Throws Errc::malformed (not a
// zip, damaged, unsafe entry name), Errc::unsupported (encrypted entries), Errc::limit_exceeded.
class ZipReader {
public:
    ZipReader(ByteView archive, std::string file_name, const Limits& limits);
    ~ZipReader();
    ZipReader(const ZipReader&) = delete;
    ZipReader& operator=(const ZipReader&) = delete;

    const std::vector<ZipEntry>& entries() const noexcept { return entries_; }
    std::optional<std::size_t> find(std::string_view name) const noexcept;
    // The entry's bytes, CRC-checked; never more than its declared size.
    crypto::SecureBytes read(std::size_t index) const;
    // The same in pieces, inflated as they are asked for: next() gives the following one (valid until
    // the next call), empty at the end, after the CRC and the size have been checked. The stream
    // must not outlive the reader.
    class Stream;
    Stream open(std::size_t index) const;

private:
    std::string file_;
    Limits limits_;
    zip* archive_ = nullptr;
    std::vector<ZipEntry> entries_;
    std::map<std::string, std::size_t, std::less<>> by_name_;
};

class ZipReader::Stream {
public:
    Stream(Stream&&) noexcept;
    ~Stream();
    ByteView next();

private:
    friend class ZipReader;
    struct State;
    explicit Stream(std::unique_ptr<State> state);
    std::unique_ptr<State> state_;
};

// deflate: at io::fast_deflate. deflate_or_store (for add()): deflated, unless a sample of the bytes
// shows they do not compress (files already compressed: images, PDFs, archives), then stored.
// deflate_huffman_only: deflated without looking for repeats (io::Repeats::none), for text that has
// none, such as base64 of encrypted bytes.
enum class ZipMethod { store, deflate, deflate_tightest, deflate_or_store, deflate_huffman_only };

// Writes a zip archive into `out` as entries come: deflated entries are compressed as they are written
// and followed by a data descriptor, so no entry or archive is held whole. Zip64 records are written when
// there are more than 65 535 entries or the archive passes 4 GiB; an entry of 4 GiB or more is refused
// (Errc::limit_exceeded). Names are marked UTF-8; entries get mode 0600.
class ZipWriter {
public:
    explicit ZipWriter(Output& out);
    ~ZipWriter();
    ZipWriter(const ZipWriter&) = delete;
    ZipWriter& operator=(const ZipWriter&) = delete;

    // An entry of these bytes. `modified` (Unix seconds) is its date; without it, the current time.
    void add(const std::string& name, ByteView data, ZipMethod method, std::optional<std::int64_t> modified = std::nullopt);
    // A deflated entry of what is written into the returned output, until the next call on the writer.
    Output& begin(const std::string& name, ZipMethod method = ZipMethod::deflate,
                  std::optional<std::int64_t> modified = std::nullopt);
    // Ends the entry begun, if any, and writes the central directory.
    void finish();

private:
    struct Entry;
    class Counted;
    void local_header(Entry& entry);
    void end_streamed();
    void central_directory();

    std::unique_ptr<Counted> out_;
    std::vector<Entry> entries_;
    std::unique_ptr<DeflateWriter> deflate_;  // kept from entry to entry of one method
    ZipMethod method_ = ZipMethod::store;  // deflate_'s
    bool streaming_ = false;  // an entry begun and not yet ended
};

// Whether a zip entry name is a safe relative path (no absolute path, no "..", no backslash, no NUL).
bool safe_entry_name(std::string_view name) noexcept;

// True when the bytes start like a zip archive (local file header or empty-archive signature).
bool looks_like_zip(ByteView head) noexcept;

}  // namespace cxf::io
