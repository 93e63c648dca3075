// SPDX-License-Identifier: MIT
#include "tools/cxf/progress.h"

#include <unistd.h>

#include <iostream>
#include <string>

namespace cxf::cli {

namespace {

constexpr std::size_t bar_width = 30;

}  // namespace

Progress::Progress(std::size_t files) : shown_(::isatty(STDERR_FILENO) == 1), files_(files) {
    const std::lock_guard lock(mutex_);
    draw();
}

void Progress::file_done(bool failed) {
    const std::lock_guard lock(mutex_);
    ++done_;
    if (failed) ++failed_;
    draw();
}

PasswordProvider Progress::paused(PasswordProvider provider) {
    return [this, provider = std::move(provider)] {
        const std::lock_guard lock(mutex_);
        erase();
        struct Redraw {
            Progress& progress;
            ~Redraw() { progress.draw(); }
        } const redraw{*this};
        return provider();
    };
}

void Progress::finish() {
    const std::lock_guard lock(mutex_);
    erase();
    shown_ = false;
}

void Progress::draw() {
    if (!shown_) return;
    const std::size_t filled = files_ ? done_ * bar_width / files_ : bar_width;
    std::cerr << "\r\033[Kcxf batch [" << std::string(filled, '#') << std::string(bar_width - filled, '-') << "] "
              << done_ << '/' << files_ << " files";
    if (failed_) std::cerr << ", " << failed_ << " failed";
    std::cerr << std::flush;
}

void Progress::erase() {
    if (shown_) std::cerr << "\r\033[K" << std::flush;
}

}  // namespace cxf::cli
