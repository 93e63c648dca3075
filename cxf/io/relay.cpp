// SPDX-License-Identifier: MIT
#include "cxf/io/relay.h"

#include <algorithm>
#include <utility>

namespace cxf::io {

Relay::Relay(std::size_t piece_bytes, std::size_t pieces_ahead)
    : piece_bytes_(std::max<std::size_t>(piece_bytes, 1)), pieces_ahead_(std::max<std::size_t>(pieces_ahead, 1)) {}

void Relay::put(ByteView bytes, Hint hint) {
    if (bytes.empty()) return;
    if (hint != filling_hint_ && !filling_.empty()) {  // a piece holds bytes of one kind
        std::unique_lock lock(mutex_);
        hand_over(lock);
    }
    filling_hint_ = hint;
    while (!bytes.empty()) {
        if (filling_.capacity() < piece_bytes_) filling_.reserve(piece_bytes_);
        const std::size_t n = std::min(bytes.size(), piece_bytes_ - filling_.size());
        filling_.insert(filling_.end(), bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(n));
        bytes = bytes.subspan(n);
        if (filling_.size() == piece_bytes_) {
            std::unique_lock lock(mutex_);
            hand_over(lock);
        }
    }
}

void Relay::hand_over(std::unique_lock<std::mutex>& lock) {
    changed_.wait(lock, [&] { return full_.size() < pieces_ahead_ || stopped_; });
    if (stopped_) throw Stopped{};
    full_.push_back({std::exchange(filling_, {}), filling_hint_});
    if (!spare_.empty()) {
        filling_ = std::move(spare_.back());
        spare_.pop_back();
    }
    changed_.notify_all();
}

void Relay::close(std::exception_ptr error) {
    std::unique_lock lock(mutex_);
    if (!filling_.empty()) {
        try {
            hand_over(lock);
        } catch (const Stopped&) {  // the reader wants nothing more
        }
    }
    closed_ = true;
    error_ = std::move(error);
    changed_.notify_all();
}

Relay::Piece Relay::next() {
    std::unique_lock lock(mutex_);
    if (reading_.capacity() > 0) {
        reading_.clear();
        spare_.push_back(std::exchange(reading_, {}));
    }
    changed_.wait(lock, [&] { return !full_.empty() || closed_ || stopped_; });
    if (stopped_) return {};
    if (full_.empty()) {
        if (error_) std::rethrow_exception(error_);
        return {};
    }
    reading_ = std::move(full_.front().bytes);
    const Hint hint = full_.front().hint;
    full_.pop_front();
    changed_.notify_all();
    return {reading_, hint};
}

void Relay::stop() noexcept {
    std::lock_guard lock(mutex_);
    stopped_ = true;
    changed_.notify_all();
}

namespace {

// 64 KiB pieces, 8 ahead: each stage works on what fits in a core's cache, and waits for a lock once
// per piece.
constexpr std::size_t piece_bytes = 64 * 1024;
constexpr std::size_t pieces_ahead = 8;

bool one_core() { return std::thread::hardware_concurrency() < 2; }

class ToConsumer final : public Output {
public:
    explicit ToConsumer(const std::function<void(ByteView)>& consume) : consume_(consume) {}
    void write(ByteView bytes) override {
        if (!bytes.empty()) consume_(bytes);
    }

private:
    const std::function<void(ByteView)>& consume_;
};

void pass_on(const Relay::Piece& piece, Output& out) {
    switch (piece.hint) {
        case Hint::none: out.write(piece.bytes); break;
        case Hint::incompressible: out.write_incompressible(piece.bytes); break;
        case Hint::without_repeats: out.write_without_repeats(piece.bytes); break;
    }
}

// Runs `produce` into `relay`, then closes it: at the end, or with `produce`'s error in its place.
// A reader that stopped only ends the work early.
void fill(Relay& relay, const std::function<void(Output&)>& produce) {
    try {
        produce(relay);
        relay.close();
    } catch (const Relay::Stopped&) {
        relay.close();
    } catch (...) {
        relay.close(std::current_exception());
    }
}

}  // namespace

void produce_ahead(const std::function<void(Output&)>& produce, const std::function<void(ByteView)>& consume) {
    if (one_core()) {
        ToConsumer out(consume);
        return produce(out);
    }
    Relay relay(piece_bytes, pieces_ahead);
    std::thread producer([&] { fill(relay, produce); });
    try {
        for (Relay::Piece piece = relay.next(); !piece.bytes.empty(); piece = relay.next()) consume(piece.bytes);
    } catch (...) {
        relay.stop();
        producer.join();
        throw;
    }
    producer.join();
}

ReadAhead::ReadAhead(std::function<ByteView()> source) : source_(std::move(source)) {
    if (one_core()) return;
    relay_ = std::make_unique<Relay>(piece_bytes, pieces_ahead);
    puller_ = std::thread([this] {
        fill(*relay_, [this](Output& out) {
            for (ByteView piece = source_(); !piece.empty(); piece = source_()) out.write(piece);
        });
    });
}

ReadAhead::~ReadAhead() {
    if (!relay_) return;
    relay_->stop();
    puller_.join();
}

ByteView ReadAhead::next() { return relay_ ? relay_->next().bytes : source_(); }

void write_behind(const std::function<void(Output&)>& produce, Output& out) {
    if (one_core()) return produce(out);
    Relay relay(piece_bytes, pieces_ahead);
    std::exception_ptr out_error;
    std::thread writer([&] {
        try {
            for (Relay::Piece piece = relay.next(); !piece.bytes.empty(); piece = relay.next()) pass_on(piece, out);
        } catch (...) {
            out_error = std::current_exception();
            relay.stop();
        }
    });
    try {
        produce(relay);
        relay.close();
    } catch (const Relay::Stopped&) {  // `out` failed: its error is the one raised
        relay.close();
    } catch (...) {
        relay.stop();
        relay.close();
        writer.join();
        throw;
    }
    writer.join();
    if (out_error) std::rethrow_exception(out_error);
}

}  // namespace cxf::io
