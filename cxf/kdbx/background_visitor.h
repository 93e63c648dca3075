// SPDX-License-Identifier: MIT
// A DatabaseVisitor that hands what a read visits to another visitor on a second thread, so that
// using each entry overlaps with decrypting, inflating and parsing the next ones.
#pragma once

#include <condition_variable>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>
#include <variant>
#include <vector>

#include "cxf/kdbx/kdbx.h"

namespace cxf::kdbx {

class BackgroundVisitor final : public DatabaseVisitor {
public:
    explicit BackgroundVisitor(DatabaseVisitor& target) : target_(target) {}
    ~BackgroundVisitor() override;
    BackgroundVisitor(const BackgroundVisitor&) = delete;
    BackgroundVisitor& operator=(const BackgroundVisitor&) = delete;

    // Runs `read`, which visits this, with `target` visited beside it in the same order (on one
    // core, in turn). Errors are those of reading with `target` itself: the target's error, from
    // earlier in the document, wins over the read's, which comes only once the target has used
    // everything before it.
    void run(const std::function<void(DatabaseVisitor&)>& read);

    void meta(const Meta& meta, std::vector<Binary> pool) override;
    void binary(Binary inline_binary) override;
    void begin_group(const Group& members) override;
    void entry(Entry entry) override;
    void end_group(Group members) override;
    void end(Database& rest) override;  // returns once the target has used everything

private:
    struct MetaEvent {
        const Meta* meta;
        std::vector<Binary> pool;
    };
    struct BeginGroup {
        Group members;
    };
    struct EndGroup {
        Group members;
    };
    struct End {
        Database* rest;
    };
    using Event = std::variant<MetaEvent, Binary, BeginGroup, Entry, EndGroup, End>;
    using Batch = std::vector<Event>;

    void push(Event event);
    void flush();
    void consume();
    void use(Event& event);
    void stop_consumer() noexcept;

    DatabaseVisitor& target_;
    Meta meta_;
    Batch batch_;
    std::mutex mutex_;
    std::condition_variable changed_;
    std::deque<Batch> queue_;
    bool reading_done_ = false;
    bool target_failed_ = false;
    std::exception_ptr target_error_;
    std::thread consumer_;
};

}  // namespace cxf::kdbx
