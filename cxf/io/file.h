// SPDX-License-Identifier: MIT
// Reading inputs, whole or in pieces (bounded), and writing a whole output atomically (see io::AtomicFile).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "cxf/io/input.h"
#include "cxf/limits.h"
#include "cxf/secret.h"

namespace cxf::io {

// "-" reads standard input. Throws Errc::io (cannot read) or Errc::limit_exceeded (too big).
Input read_input(const std::string& path, const Limits& limits);

// Throws what reading `path` would throw first (Errc::io: cannot open, is a directory), without reading.
void check_readable(const std::string& path);

// An input opened for reading ("-": standard input): its first bytes, to tell its format, then either
// all of it or its pieces as a streaming reader takes them. Throws as read_input() does, at the
// point where the input turns out to be unreadable or too big.
class InputFile {
public:
    InputFile(const std::string& path, const Limits& limits, std::size_t head_bytes);
    ~InputFile();
    InputFile(const InputFile&) = delete;
    InputFile& operator=(const InputFile&) = delete;

    const std::string& name() const noexcept { return name_; }
    // Its first `head_bytes` (fewer when it is shorter).
    ByteView head() const noexcept { return head_; }
    // The whole input; call it or stream() once.
    Input whole();
    // The head, then the rest in pieces of 1 MiB; valid while this InputFile is.
    InputStream stream();

private:
    void count(std::size_t bytes);

    std::string name_;
    Limits limits_;
    int fd_ = -1;
    bool owns_fd_ = true;
    crypto::SecureBytes head_;
    crypto::SecureBytes piece_;
    std::uint64_t total_ = 0;
    bool head_given_ = false;
};

// Writes `bytes` to `path` atomically ("-" writes standard output). Without `overwrite`, an existing
// file is never replaced (Errc::io). On any failure the temp file is removed and nothing is left.
void write_atomically(const std::string& path, ByteView bytes, bool overwrite);

bool exists(const std::string& path);

// Removes the named temp files being written when a catchable signal would end the process (SIGINT,
// SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGALRM, SIGPIPE, ...), and ignores SIGXFSZ so that writing past
// the file-size limit is an I/O error (EFBIG) rather than a kill.
void install_interrupt_cleanup();

}  // namespace cxf::io
