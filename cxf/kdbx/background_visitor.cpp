// SPDX-License-Identifier: MIT
#include "cxf/kdbx/background_visitor.h"

#include <utility>

namespace cxf::kdbx {

namespace {

// Entries go over in batches, a few batches ahead at most: one lock per batch, and memory bounded
// whatever the size of the file.
constexpr std::size_t batch_size = 64;
constexpr std::size_t batches_ahead = 8;

// Unwinds the read once the target has failed; run() raises the target's error instead.
struct TargetFailed {};

}  // namespace

BackgroundVisitor::~BackgroundVisitor() { stop_consumer(); }

void BackgroundVisitor::run(const std::function<void(DatabaseVisitor&)>& read) {
    if (std::thread::hardware_concurrency() < 2) return read(target_);
    consumer_ = std::thread([this] { consume(); });
    try {
        read(*this);
    } catch (...) {
        // What was read before the error still reaches the target, which may fail on it first.
        {
            std::lock_guard lock(mutex_);
            if (!target_failed_ && !batch_.empty()) queue_.push_back(std::move(batch_));
        }
        stop_consumer();
        if (target_error_) std::rethrow_exception(target_error_);
        throw;
    }
    stop_consumer();
    if (target_error_) std::rethrow_exception(target_error_);
}

// A copy, since the target keeps using it while an error of the read may already have destroyed the
// reader's.
void BackgroundVisitor::meta(const Meta& meta, std::vector<Binary> pool) {
    meta_ = meta;
    push(MetaEvent{&meta_, std::move(pool)});
}
void BackgroundVisitor::binary(Binary inline_binary) { push(std::move(inline_binary)); }
void BackgroundVisitor::begin_group(const Group& members) { push(BeginGroup{group_members(members)}); }
void BackgroundVisitor::entry(Entry entry) { push(std::move(entry)); }
void BackgroundVisitor::end_group(Group members) { push(EndGroup{std::move(members)}); }

void BackgroundVisitor::end(Database& rest) {
    push(End{&rest});
    flush();
    stop_consumer();  // `rest` lives until this returns
    if (target_failed_) throw TargetFailed{};
}

void BackgroundVisitor::push(Event event) {
    batch_.push_back(std::move(event));
    if (batch_.size() >= batch_size) flush();
}

void BackgroundVisitor::flush() {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return queue_.size() < batches_ahead || target_failed_; });
    if (target_failed_) throw TargetFailed{};
    queue_.push_back(std::exchange(batch_, {}));
    batch_.reserve(batch_size);
    changed_.notify_all();
}

void BackgroundVisitor::consume() {
    for (;;) {
        Batch batch;
        {
            std::unique_lock lock(mutex_);
            changed_.wait(lock, [&] { return !queue_.empty() || reading_done_; });
            if (queue_.empty()) return;
            batch = std::move(queue_.front());
            queue_.pop_front();
            changed_.notify_all();
        }
        try {
            for (Event& event : batch) use(event);
        } catch (...) {
            std::lock_guard lock(mutex_);
            target_error_ = std::current_exception();
            target_failed_ = true;
            queue_.clear();
            changed_.notify_all();
            return;
        }
    }
}

void BackgroundVisitor::use(Event& event) {
    std::visit(
        [&](auto& e) {
            using E = std::decay_t<decltype(e)>;
            if constexpr (std::is_same_v<E, MetaEvent>) target_.meta(*e.meta, std::move(e.pool));
            else if constexpr (std::is_same_v<E, Binary>) target_.binary(std::move(e));
            else if constexpr (std::is_same_v<E, BeginGroup>) target_.begin_group(e.members);
            else if constexpr (std::is_same_v<E, Entry>) target_.entry(std::move(e));
            else if constexpr (std::is_same_v<E, EndGroup>) target_.end_group(std::move(e.members));
            else target_.end(*e.rest);
        },
        event);
}

void BackgroundVisitor::stop_consumer() noexcept {
    if (!consumer_.joinable()) return;
    {
        std::lock_guard lock(mutex_);
        reading_done_ = true;
        changed_.notify_all();
    }
    consumer_.join();
}

}  // namespace cxf::kdbx
