// SPDX-License-Identifier: MIT
#include "cxf/json/render_ahead.h"

namespace cxf::json {

namespace {

// Enough to ride out one slow chunk; each holds a few hundred kilobytes of text at most.
constexpr std::size_t most_ahead = 4;

}  // namespace

RenderAhead::RenderAhead(std::size_t chunks, Layout layout, unsigned depth, Render render)
    : render_(std::move(render)), helper_([this, chunks, layout, depth] { run(chunks, layout, depth); }) {}

RenderAhead::~RenderAhead() {
    {
        const std::lock_guard lock(mutex_);
        stop_ = true;
    }
    changed_.notify_all();
    helper_.join();
}

void RenderAhead::run(std::size_t chunks, Layout layout, unsigned depth) {
    for (std::size_t chunk = 0; chunk < chunks; ++chunk) {
        if (!helpers(chunk)) continue;
        Rendered rendered{std::make_unique<Builder>(layout, depth), {}, nullptr};
        try {
            render_(chunk, *rendered.json, rendered.report);
        } catch (...) {
            rendered.error = std::current_exception();
        }
        const bool failed = rendered.error != nullptr;
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [&] { return stop_ || ready_.size() < most_ahead; });
        if (stop_) return;
        ready_.push_back(std::move(rendered));
        lock.unlock();
        changed_.notify_all();
        if (failed) return;
    }
}

void RenderAhead::take(Builder& out, Report& report) {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return !ready_.empty(); });
    Rendered rendered = std::move(ready_.front());
    ready_.pop_front();
    lock.unlock();
    changed_.notify_all();
    if (rendered.error) std::rethrow_exception(rendered.error);
    out.raw(rendered.json->values());
    for (const Notice& n : rendered.report.notices()) report.add(n);
}

}  // namespace cxf::json
