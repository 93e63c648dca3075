// SPDX-License-Identifier: MIT
// A long JSON array written by two threads: a helper renders most of its chunks ahead, each into a
// nested builder laid out at the array's depth, while the writing thread renders the others itself
// and inserts the helper's in order. The text is what one thread writes, byte for byte.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>

#include "cxf/json/builder.h"
#include "cxf/report.h"

namespace cxf::json {

class RenderAhead {
public:
    using Render = std::function<void(std::size_t chunk, Builder& out, Report& report)>;

    // Two chunks in three are the helper's: the writing thread also copies and outputs them all.
    static bool helpers(std::size_t chunk) noexcept { return chunk % 3 != 0; }

    // Renders chunks [0, chunks) that helpers() gives it, in order, at most a few ahead of take().
    RenderAhead(std::size_t chunks, Layout layout, unsigned depth, Render render);
    ~RenderAhead();  // stops the helper without waiting for the rest
    RenderAhead(const RenderAhead&) = delete;
    RenderAhead& operator=(const RenderAhead&) = delete;

    // The helper's next chunk inserted into `out`, and its notices added to `report`: waits for it,
    // and rethrows the error the helper met rendering it.
    void take(Builder& out, Report& report);

private:
    struct Rendered {
        std::unique_ptr<Builder> json;
        Report report;
        std::exception_ptr error;
    };
    void run(std::size_t chunks, Layout layout, unsigned depth);

    Render render_;
    std::mutex mutex_;
    std::condition_variable changed_;
    std::deque<Rendered> ready_;
    bool stop_ = false;
    std::thread helper_;
};

}  // namespace cxf::json
