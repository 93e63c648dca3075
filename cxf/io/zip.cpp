// SPDX-License-Identifier: MIT
#include "cxf/io/zip.h"

#include <algorithm>
#include <memory>

#include <zip.h>

#include "cxf/error.h"

namespace cxf::io {

namespace {

std::string zip_message(zip_error_t* error) {
    std::string message = zip_error_strerror(error);
    zip_error_fini(error);
    return message;
}

std::uint64_t little_endian(ByteView bytes, std::size_t at, std::size_t width) {
    std::uint64_t v = 0;
    for (std::size_t i = width; i-- > 0;) v = (v << 8) | bytes[at + i];
    return v;
}

// The entry count the end-of-central-directory record (or its zip64 twin) declares, read before
// libzip allocates anything per entry; nullopt when there is no such record (libzip then refuses).
std::optional<std::uint64_t> declared_entry_count(ByteView archive) {
    constexpr std::size_t end_size = 22, locator_size = 20, end64_size = 56, max_comment = 0xFFFF;
    const std::size_t lowest = archive.size() > end_size + max_comment ? archive.size() - end_size - max_comment : 0;
    for (std::size_t at = archive.size() - end_size + 1; at-- > lowest;) {
        if (little_endian(archive, at, 4) != 0x06054b50) continue;
        const std::uint64_t count = little_endian(archive, at + 10, 2);
        if (count != 0xFFFF || at < locator_size) return count;
        const std::size_t locator = at - locator_size;
        if (little_endian(archive, locator, 4) != 0x07064b50) return count;
        const std::uint64_t end64 = little_endian(archive, locator + 8, 8);
        if (end64 > archive.size() - end64_size || little_endian(archive, end64, 4) != 0x06064b50) return std::nullopt;
        return little_endian(archive, end64 + 32, 8);
    }
    return std::nullopt;
}

}  // namespace

bool safe_entry_name(std::string_view name) noexcept {
    if (name.empty() || name.front() == '/' || name.find('\\') != std::string_view::npos ||
        name.find('\0') != std::string_view::npos)
        return false;
    std::size_t start = 0;
    while (start <= name.size()) {
        const std::size_t end = std::min(name.find('/', start), name.size());
        if (name.substr(start, end - start) == "..") return false;
        start = end + 1;
    }
    return true;
}

bool looks_like_zip(ByteView head) noexcept {
    return head.size() >= 4 && head[0] == 'P' && head[1] == 'K' &&
           ((head[2] == 3 && head[3] == 4) || (head[2] == 5 && head[3] == 6));
}

ZipReader::ZipReader(ByteView archive, std::string file_name, const Limits& limits)
    : file_(std::move(file_name)), limits_(limits) {
    constexpr std::size_t end_record_size = 22;  // the smallest zip: an end-of-central-directory record
    if (archive.size() < end_record_size) throw Error(Errc::malformed, {file_, ""}, "too short to be a zip archive");
    const auto too_many = [&](std::uint64_t count) {
        return Error(Errc::limit_exceeded, {file_, ""},
                     "zip archive of " + std::to_string(count) + " entries is over the limit of " +
                         std::to_string(limits_.max_zip_entries));
    };
    if (const auto count = declared_entry_count(archive); count && *count > limits_.max_zip_entries)
        throw too_many(*count);
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_buffer_create(archive.data(), archive.size(), 0, &error);
    if (!source) throw Error(Errc::malformed, {file_, ""}, "cannot read as a zip archive: " + zip_message(&error));
    archive_ = zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error);
    if (!archive_) {
        zip_source_free(source);
        // Two entries of one name would let a reader and a checker see different contents.
        if (zip_error_code_zip(&error) == ZIP_ER_EXISTS)
            throw Error(Errc::malformed, {file_, ""}, "two zip entries have the same name");
        throw Error(Errc::malformed, {file_, ""}, "not a readable zip archive: " + zip_message(&error));
    }
    zip_error_fini(&error);
    const zip_int64_t count = zip_get_num_entries(archive_, 0);
    if (count < 0 || static_cast<std::uint64_t>(count) > limits_.max_zip_entries) {
        zip_discard(archive_);
        throw too_many(static_cast<std::uint64_t>(count));
    }
    std::uint64_t total = 0;
    try {
        for (zip_int64_t i = 0; i < count; ++i) {
            zip_stat_t st;
            zip_stat_init(&st);
            if (zip_stat_index(archive_, static_cast<zip_uint64_t>(i), 0, &st) != 0)
                throw Error(Errc::malformed, {file_, "entry " + std::to_string(i)}, "unreadable zip entry");
            ZipEntry entry;
            entry.name = st.name ? st.name : "";
            entry.size = st.size;
            entry.compressed_size = st.comp_size;
            entry.is_directory = !entry.name.empty() && entry.name.back() == '/';
            if (!safe_entry_name(entry.name))
                throw Error(Errc::malformed, {file_, "entry " + std::to_string(i)},
                            "unsafe entry name (absolute, '..' or backslash)");
            if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE)
                throw Error(Errc::unsupported, {file_, entry.name}, "encrypted zip entries are not supported");
            total += entry.size;
            if (total > limits_.max_decompressed_bytes)
                throw Error(Errc::limit_exceeded, {file_, entry.name},
                            "zip entries inflate to more than the limit of " +
                                std::to_string(limits_.max_decompressed_bytes) + " bytes");
            by_name_.emplace(entry.name, entries_.size());
            entries_.push_back(std::move(entry));
        }
    } catch (...) {
        zip_discard(archive_);
        throw;
    }
}

ZipReader::~ZipReader() {
    if (archive_) zip_discard(archive_);
}

std::optional<std::size_t> ZipReader::find(std::string_view name) const noexcept {
    const auto found = by_name_.find(name);
    if (found == by_name_.end()) return std::nullopt;
    return found->second;
}

struct ZipReader::Stream::State {
    std::unique_ptr<zip_file_t, int (*)(zip_file_t*)> file{nullptr, zip_fclose};
    const std::string* archive_name;
    const ZipEntry* entry;
    std::uint64_t read = 0;
    crypto::SecureBytes chunk;  // inflated: wiped
    bool ended = false;
};

ZipReader::Stream::Stream(std::unique_ptr<State> state) : state_(std::move(state)) {}
ZipReader::Stream::Stream(Stream&&) noexcept = default;
ZipReader::Stream::~Stream() = default;

ByteView ZipReader::Stream::next() {
    State& s = *state_;
    if (s.ended) return {};
    const zip_int64_t n = zip_fread(s.file.get(), s.chunk.data(), s.chunk.size());
    const auto fail = [&](const std::string& message) { return Error(Errc::malformed, {*s.archive_name, s.entry->name}, message); };
    if (n < 0) throw fail(std::string("damaged entry: ") + zip_file_strerror(s.file.get()));
    // The declared size may lie: never more than it, and not less either.
    if (static_cast<std::uint64_t>(n) > s.entry->size - s.read) throw fail("entry is longer than its declared size");
    s.read += static_cast<std::uint64_t>(n);
    if (n == 0) {
        s.ended = true;
        if (s.read != s.entry->size) throw fail("entry is shorter than its declared size");
        return {};
    }
    return ByteView(s.chunk.data(), static_cast<std::size_t>(n));
}

ZipReader::Stream ZipReader::open(std::size_t index) const {
    const ZipEntry& entry = entries_.at(index);
    // Small entries may compress very well; the ratio cap is for large ones.
    constexpr std::uint64_t ratio_floor = 1 << 20;
    if (entry.size > ratio_floor && entry.size / std::max<std::uint64_t>(entry.compressed_size, 1) > limits_.max_compression_ratio)
        throw Error(Errc::limit_exceeded, {file_, entry.name},
                    "entry inflates more than " + std::to_string(limits_.max_compression_ratio) + " times");
    if (entry.size > limits_.max_input_bytes)
        throw Error(Errc::limit_exceeded, {file_, entry.name},
                    "entry of " + std::to_string(entry.size) + " bytes is over the limit of " +
                        std::to_string(limits_.max_input_bytes));
    auto state = std::make_unique<Stream::State>();
    state->file.reset(zip_fopen_index(archive_, index, 0));
    if (!state->file) throw Error(Errc::malformed, {file_, entry.name}, std::string("cannot open entry: ") + zip_strerror(archive_));
    state->archive_name = &file_;
    state->entry = &entry;
    // Small entries (most attachments) get a small buffer: each is wiped when released. One byte more
    // than declared, so that an entry longer than its declaration shows.
    state->chunk.resize(static_cast<std::size_t>(std::min<std::uint64_t>(64 * 1024, entry.size + 1)));
    return Stream(std::move(state));
}

crypto::SecureBytes ZipReader::read(std::size_t index) const {
    const ZipEntry& entry = entries_.at(index);
    Stream stream = open(index);
    // Reserved only as far as the compressed size makes believable (attachments are mostly compressed
    // already): the zeroing allocator touches every reserved byte when it frees them.
    constexpr std::uint64_t chunk_size = 64 * 1024, believed_ratio = 4;
    crypto::SecureBytes data;
    data.reserve(static_cast<std::size_t>(std::min(entry.size, entry.compressed_size * believed_ratio + chunk_size)));
    for (ByteView piece; !(piece = stream.next()).empty();) data.insert(data.end(), piece.begin(), piece.end());
    return data;
}

}  // namespace cxf::io
