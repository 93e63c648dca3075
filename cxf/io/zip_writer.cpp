// SPDX-License-Identifier: MIT
// The zip writer (PKWARE APPNOTE 6.3.x): local header, data (and a data descriptor for deflated
// entries, whose CRC and sizes are known only at the end), then the central directory.
#include <algorithm>
#include <ctime>
#include <tuple>

#include <zlib.h>

#include "cxf/error.h"
#include "cxf/io/deflate.h"
#include "cxf/io/zip.h"

namespace cxf::io {

namespace {

constexpr std::uint32_t local_signature = 0x04034b50, descriptor_signature = 0x08074b50,
                        central_signature = 0x02014b50, end_signature = 0x06054b50,
                        end64_signature = 0x06064b50, locator_signature = 0x07064b50;
constexpr std::uint16_t utf8_names = 1 << 11, sizes_after_data = 1 << 3;
constexpr std::uint16_t version_20 = 20, version_zip64 = 45;
constexpr std::uint16_t made_on_unix = (3 << 8) | 45;
constexpr std::uint32_t mode_0600 = 0100600u << 16;
constexpr std::uint64_t four_gib = 0xFFFFFFFF;

struct Le {
    Bytes bytes;
    Le& u16(std::uint64_t v) { return put(v, 2); }
    Le& u32(std::uint64_t v) { return put(v, 4); }
    Le& u64(std::uint64_t v) { return put(v, 8); }
    Le& text(std::string_view s) {
        bytes.insert(bytes.end(), s.begin(), s.end());
        return *this;
    }
    Le& put(std::uint64_t v, int width) {
        for (int i = 0; i < width; ++i) bytes.push_back(static_cast<std::uint8_t>(v >> (8 * i)));
        return *this;
    }
};

// MS-DOS date and time in local time, as zip tools write them; clamped to what they can hold.
std::pair<std::uint16_t, std::uint16_t> dos_date_time(std::optional<std::int64_t> modified) {
    const std::time_t t = modified ? static_cast<std::time_t>(*modified) : std::time(nullptr);
    std::tm tm{};
    if (!localtime_r(&t, &tm) || tm.tm_year < 80) return {(0 << 9) | (1 << 5) | 1, 0};
    if (tm.tm_year > 207) return {(127 << 9) | (12 << 5) | 31, (23 << 11) | (59 << 5) | 29};
    const auto date = static_cast<std::uint16_t>(((tm.tm_year - 80) << 9) | ((tm.tm_mon + 1) << 5) | tm.tm_mday);
    const auto time = static_cast<std::uint16_t>((tm.tm_hour << 11) | (tm.tm_min << 5) | (tm.tm_sec / 2));
    return {date, time};
}

Error too_big(const std::string& name) {
    return Error(Errc::limit_exceeded, {name, ""}, "a zip entry of 4 GiB or more cannot be written");
}

}  // namespace

struct ZipWriter::Entry {
    std::string name;
    std::uint16_t flags = utf8_names, method = 0, date = 0, time = 0;
    std::uint32_t crc = 0;
    std::uint64_t compressed = 0, size = 0, offset = 0;
};

// What reaches the output, counted: entry offsets and the central directory's place come from it.
class ZipWriter::Counted final : public Output {
public:
    explicit Counted(Output& out) : out_(out) {}
    void write(ByteView bytes) override {
        out_.write(bytes);
        count_ += bytes.size();
    }
    std::uint64_t count() const noexcept { return count_; }

private:
    Output& out_;
    std::uint64_t count_ = 0;
};

ZipWriter::ZipWriter(Output& out) : out_(std::make_unique<Counted>(out)) {}

ZipWriter::~ZipWriter() = default;

void ZipWriter::local_header(Entry& entry) {
    entry.offset = out_->count();
    const bool later = entry.flags & sizes_after_data;
    Le h;
    h.u32(local_signature).u16(version_20).u16(entry.flags).u16(entry.method).u16(entry.time).u16(entry.date);
    h.u32(later ? 0 : entry.crc).u32(later ? 0 : entry.compressed).u32(later ? 0 : entry.size);
    h.u16(entry.name.size()).u16(0).text(entry.name);
    out_->write(h.bytes);
}

void ZipWriter::add(const std::string& name, ByteView data, ZipMethod method, std::optional<std::int64_t> modified) {
    if (method == ZipMethod::deflate_or_store) method = compresses(data) ? ZipMethod::deflate : ZipMethod::store;
    if (method != ZipMethod::store) {
        begin(name, method, modified).write(data);
        end_streamed();
        return;
    }
    end_streamed();
    if (data.size() >= four_gib) throw too_big(name);
    Entry entry;
    entry.name = name;
    std::tie(entry.date, entry.time) = dos_date_time(modified);
    entry.crc = crc32_of(data);
    entry.compressed = entry.size = data.size();
    local_header(entry);
    out_->write(data);
    entries_.push_back(std::move(entry));
}

Output& ZipWriter::begin(const std::string& name, ZipMethod method, std::optional<std::int64_t> modified) {
    if (method == ZipMethod::store || method == ZipMethod::deflate_or_store)
        throw Error(Errc::usage, {name, ""}, "a zip entry written as a stream must be deflated");
    end_streamed();
    Entry entry;
    entry.name = name;
    entry.flags |= sizes_after_data;
    entry.method = Z_DEFLATED;
    std::tie(entry.date, entry.time) = dos_date_time(modified);
    local_header(entry);
    entries_.push_back(std::move(entry));
    if (deflate_ && method_ == method) {
        deflate_->restart();
    } else {
        const int level = method == ZipMethod::deflate_tightest ? tightest_deflate : fast_deflate;
        const Repeats repeats = method == ZipMethod::deflate_huffman_only ? Repeats::none : Repeats::search;
        deflate_ = std::make_unique<DeflateWriter>(*out_, Framing::raw, level, repeats);
        method_ = method;
    }
    streaming_ = true;
    return *deflate_;
}

void ZipWriter::end_streamed() {
    if (!streaming_) return;
    streaming_ = false;
    DeflateWriter& deflate = *deflate_;
    deflate.finish();
    Entry& entry = entries_.back();
    if (deflate.bytes_in() >= four_gib || deflate.bytes_out() >= four_gib) throw too_big(entry.name);
    entry.crc = deflate.crc32();
    entry.size = deflate.bytes_in();
    entry.compressed = deflate.bytes_out();
    Le d;
    d.u32(descriptor_signature).u32(entry.crc).u32(entry.compressed).u32(entry.size);
    out_->write(d.bytes);
}

void ZipWriter::central_directory() {
    const std::uint64_t start = out_->count();
    for (const Entry& entry : entries_) {
        const bool far = entry.offset >= four_gib;  // sizes never are: such entries are refused
        Le c;
        c.u32(central_signature).u16(made_on_unix).u16(far ? version_zip64 : version_20).u16(entry.flags);
        c.u16(entry.method).u16(entry.time).u16(entry.date).u32(entry.crc).u32(entry.compressed).u32(entry.size);
        c.u16(entry.name.size()).u16(far ? 12 : 0).u16(0).u16(0).u16(0).u32(mode_0600);
        c.u32(far ? four_gib : entry.offset).text(entry.name);
        if (far) c.u16(1).u16(8).u64(entry.offset);  // the zip64 extra field, holding only the offset
        out_->write(c.bytes);
    }
    const std::uint64_t end = out_->count(), size = end - start, count = entries_.size();
    const bool zip64 = count > 0xFFFF || start >= four_gib || size >= four_gib;
    Le e;
    if (zip64) {
        e.u32(end64_signature).u64(44).u16(made_on_unix).u16(version_zip64).u32(0).u32(0);
        e.u64(count).u64(count).u64(size).u64(start);
        e.u32(locator_signature).u32(0).u64(end).u32(1);
    }
    // A value too big for its field is there as all ones, and read from the zip64 record.
    e.u32(end_signature).u16(0).u16(0).u16(std::min<std::uint64_t>(count, 0xFFFF)).u16(std::min<std::uint64_t>(count, 0xFFFF));
    e.u32(std::min(size, four_gib)).u32(std::min(start, four_gib)).u16(0);
    out_->write(e.bytes);
}

void ZipWriter::finish() {
    end_streamed();
    central_directory();
}

}  // namespace cxf::io
