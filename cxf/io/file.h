// SPDX-License-Identifier: MIT
// Reading inputs whole (bounded), and writing a whole output atomically (see io::AtomicFile).
#pragma once

#include <string>
#include <string_view>

#include "cxf/io/input.h"
#include "cxf/limits.h"
#include "cxf/secret.h"

namespace cxf::io {

// "-" reads standard input. Throws Errc::io (cannot read) or Errc::limit_exceeded (too big).
Input read_input(const std::string& path, const Limits& limits);

// Writes `bytes` to `path` atomically ("-" writes standard output). Without `overwrite`, an existing
// file is never replaced (Errc::io). On any failure the temp file is removed and nothing is left.
void write_atomically(const std::string& path, ByteView bytes, bool overwrite);

bool exists(const std::string& path);

// Removes the named temp files being written when a catchable signal would end the process (SIGINT,
// SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGALRM, SIGPIPE, ...), and ignores SIGXFSZ so that writing past
// the file-size limit is an I/O error (EFBIG) rather than a kill.
void install_interrupt_cleanup();

}  // namespace cxf::io
