// SPDX-License-Identifier: MIT
// A batch's progress line on standard error, when that is a terminal (nothing otherwise):
// "cxf batch [##########----------] 37/100 files, 2 failed".
#pragma once

#include <cstddef>
#include <mutex>

#include "cxf/plugin/format.h"

namespace cxf::cli {

class Progress {
public:
    explicit Progress(std::size_t files);
    Progress(const Progress&) = delete;
    Progress& operator=(const Progress&) = delete;

    void file_done(bool failed);
    // `provider` answering with the line cleared and held back until it returns (it may prompt on the
    // terminal); one such call at a time. The result must not outlive this object.
    PasswordProvider paused(PasswordProvider provider);
    // Erases the line for good, before the closing messages.
    void finish();

private:
    void draw();    // with mutex_ held
    void erase();   // with mutex_ held

    std::mutex mutex_;
    bool shown_;
    std::size_t files_, done_ = 0, failed_ = 0;
};

}  // namespace cxf::cli
