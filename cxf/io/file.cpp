// SPDX-License-Identifier: MIT
#include "cxf/io/file.h"

#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "cxf/error.h"

namespace cxf::io {

namespace {

// The temp file being written, for the signal handler (plain char buffer: async-signal-safe).
char pending_temp[4096];
volatile sig_atomic_t have_pending_temp = 0;

extern "C" void on_interrupt(int signal_number) {
    if (have_pending_temp) unlink(pending_temp);
    ::signal(signal_number, SIG_DFL);
    ::raise(signal_number);
}

std::string os_error(int error_number) { return std::strerror(error_number); }

[[noreturn]] void fail(const std::string& path, const std::string& what, int error_number) {
    throw Error(Errc::io, {path, ""}, what + ": " + os_error(error_number));
}

void read_all(int fd, const std::string& name, const Limits& limits, crypto::SecureBytes& out) {
    constexpr std::size_t chunk = 1 << 16;
    for (;;) {
        const std::size_t used = out.size();
        if (used > limits.max_input_bytes)
            throw Error(Errc::limit_exceeded, {name, ""},
                        "input is larger than the limit of " + std::to_string(limits.max_input_bytes) + " bytes");
        out.resize(used + chunk);
        const ssize_t n = ::read(fd, out.data() + used, chunk);
        if (n < 0) {
            if (errno == EINTR) {
                out.resize(used);
                continue;
            }
            const int e = errno;
            out.resize(used);
            fail(name, "cannot read", e);
        }
        out.resize(used + static_cast<std::size_t>(n));
        if (n == 0) return;
    }
}

void write_all(int fd, ByteView bytes, const std::string& name) {
    std::size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0) {
            if (errno == EINTR) continue;
            fail(name, "cannot write", errno);
        }
        done += static_cast<std::size_t>(n);
    }
}

std::string directory_of(const std::string& path) {
    const auto slash = path.rfind('/');
    if (slash == std::string::npos) return ".";
    if (slash == 0) return "/";
    return path.substr(0, slash);
}

std::string base_name(const std::string& path) {
    const auto slash = path.rfind('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

// rename() without replacing an existing target: renameat2(RENAME_NOREPLACE), or link+unlink on
// file systems without it.
int rename_no_replace(const char* from, const char* to) {
    if (::renameat2(AT_FDCWD, from, AT_FDCWD, to, RENAME_NOREPLACE) == 0) return 0;
    if (errno != EINVAL && errno != ENOSYS) return -1;
    if (::link(from, to) != 0) return -1;
    ::unlink(from);
    return 0;
}

}  // namespace

Input read_input(const std::string& path, const Limits& limits) {
    Input input;
    input.name = path;
    if (path == "-") {
        read_all(STDIN_FILENO, "<stdin>", limits, input.bytes);
        input.name = "<stdin>";
        return input;
    }
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) fail(path, "cannot open", errno);
    struct stat st {};
    if (::fstat(fd, &st) == 0) {
        if (S_ISDIR(st.st_mode)) {
            ::close(fd);
            throw Error(Errc::io, {path, ""}, "is a directory");
        }
        if (S_ISREG(st.st_mode)) {
            if (static_cast<std::uint64_t>(st.st_size) > limits.max_input_bytes) {
                ::close(fd);
                throw Error(Errc::limit_exceeded, {path, ""},
                            "file of " + std::to_string(st.st_size) + " bytes is larger than the limit of " +
                                std::to_string(limits.max_input_bytes) + " bytes");
            }
            input.bytes.reserve(static_cast<std::size_t>(st.st_size) + (1 << 16));
        }
    }
    try {
        read_all(fd, path, limits, input.bytes);
    } catch (...) {
        ::close(fd);
        throw;
    }
    ::close(fd);
    return input;
}

bool exists(const std::string& path) {
    struct stat st {};
    return ::lstat(path.c_str(), &st) == 0;
}

void write_atomically(const std::string& path, ByteView bytes, bool overwrite) {
    if (path == "-") {
        write_all(STDOUT_FILENO, bytes, "<stdout>");
        return;
    }
    if (!overwrite && exists(path)) throw Error(Errc::io, {path, ""}, "already exists; use --force to replace it");
    std::string temp = directory_of(path) + "/." + base_name(path) + ".cxf-XXXXXX";
    if (temp.size() >= sizeof pending_temp) throw Error(Errc::io, {path, ""}, "path is too long");
    const int fd = ::mkostemp(temp.data(), O_CLOEXEC);  // mode 0600
    if (fd < 0) fail(path, "cannot create a temporary file in " + directory_of(path), errno);
    std::memcpy(pending_temp, temp.c_str(), temp.size() + 1);
    have_pending_temp = 1;
    try {
        if (::fchmod(fd, S_IRUSR | S_IWUSR) != 0) fail(path, "cannot set mode 0600", errno);
        write_all(fd, bytes, path);
        if (::fsync(fd) != 0) fail(path, "cannot flush to disk", errno);
        if (::close(fd) != 0) {
            const int e = errno;
            ::unlink(temp.c_str());
            have_pending_temp = 0;
            fail(path, "cannot write", e);
        }
        const int renamed = overwrite ? ::rename(temp.c_str(), path.c_str()) : rename_no_replace(temp.c_str(), path.c_str());
        if (renamed != 0) {
            const int e = errno;
            ::unlink(temp.c_str());
            have_pending_temp = 0;
            if (e == EEXIST) throw Error(Errc::io, {path, ""}, "already exists; use --force to replace it");
            fail(path, "cannot move the finished file into place", e);
        }
        have_pending_temp = 0;
    } catch (...) {
        if (have_pending_temp) {
            ::close(fd);
            ::unlink(temp.c_str());
            have_pending_temp = 0;
        }
        throw;
    }
}

void install_interrupt_cleanup() {
    struct sigaction action {};
    action.sa_handler = on_interrupt;
    sigemptyset(&action.sa_mask);
    for (const int s : {SIGINT, SIGTERM, SIGHUP}) ::sigaction(s, &action, nullptr);
}

}  // namespace cxf::io
