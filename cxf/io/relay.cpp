// SPDX-License-Identifier: MIT
#include "cxf/io/relay.h"

#include <algorithm>
#include <thread>
#include <utility>

namespace cxf::io {

Relay::Relay(std::size_t piece_bytes, std::size_t pieces_ahead)
    : piece_bytes_(std::max<std::size_t>(piece_bytes, 1)), pieces_ahead_(std::max<std::size_t>(pieces_ahead, 1)) {}

void Relay::write(ByteView bytes) {
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
    full_.push_back(std::exchange(filling_, {}));
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

ByteView Relay::next() {
    std::unique_lock lock(mutex_);
    if (reading_.capacity() > 0) {
        reading_.clear();
        spare_.push_back(std::exchange(reading_, {}));
    }
    changed_.wait(lock, [&] { return !full_.empty() || closed_; });
    if (full_.empty()) {
        if (error_) std::rethrow_exception(error_);
        return {};
    }
    reading_ = std::move(full_.front());
    full_.pop_front();
    changed_.notify_all();
    return reading_;
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

class ToConsumer final : public Output {
public:
    explicit ToConsumer(const std::function<void(ByteView)>& consume) : consume_(consume) {}
    void write(ByteView bytes) override {
        if (!bytes.empty()) consume_(bytes);
    }

private:
    const std::function<void(ByteView)>& consume_;
};

}  // namespace

void produce_ahead(const std::function<void(Output&)>& produce, const std::function<void(ByteView)>& consume) {
    if (std::thread::hardware_concurrency() < 2) {
        ToConsumer out(consume);
        return produce(out);
    }
    Relay relay(piece_bytes, pieces_ahead);
    std::thread producer([&] {
        try {
            produce(relay);
            relay.close();
        } catch (const Relay::Stopped&) {
            relay.close();
        } catch (...) {
            relay.close(std::current_exception());
        }
    });
    try {
        for (ByteView piece = relay.next(); !piece.empty(); piece = relay.next()) consume(piece);
    } catch (...) {
        relay.stop();
        producer.join();
        throw;
    }
    producer.join();
}

}  // namespace cxf::io
