// SPDX-License-Identifier: MIT
// Zip archives in memory (libzip), bounded: entry count, sizes, compression ratio and entry names are
// checked before anything is inflated.
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
struct zip_source;

namespace cxf::io {

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

private:
    std::string file_;
    Limits limits_;
    zip* archive_ = nullptr;
    std::vector<ZipEntry> entries_;
    std::map<std::string, std::size_t, std::less<>> by_name_;
};

// Builds an archive in memory. Entry data passes through libzip's own buffers, which are not wiped:
// only put ciphertext or data that is about to be written in the clear anyway into it.
class ZipWriter {
public:
    ZipWriter();
    ~ZipWriter();
    ZipWriter(const ZipWriter&) = delete;
    ZipWriter& operator=(const ZipWriter&) = delete;

    // Not copied: `data` must stay alive and unchanged until finish(). `modified` (Unix seconds) is
    // the entry's date; without it, the current time.
    void add(const std::string& name, ByteView data, bool deflate, std::optional<std::int64_t> modified = std::nullopt);
    // Compresses every entry and streams the archive into `out`.
    void finish(Output& out);

private:
    zip_source* buffer_ = nullptr;
    zip* archive_ = nullptr;
};

// Whether a zip entry name is a safe relative path (no absolute path, no "..", no backslash, no NUL).
bool safe_entry_name(std::string_view name) noexcept;

// True when the bytes start like a zip archive (local file header or empty-archive signature).
bool looks_like_zip(ByteView head) noexcept;

}  // namespace cxf::io
