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
#include "cxf/io/output.h"

namespace cxf::io {

namespace {

// Temp files being written, for the signal handler: fixed buffers, so it stays async-signal-safe.
constexpr int max_pending = 8;
char pending_path[max_pending][4096];
volatile sig_atomic_t pending_used[max_pending];

extern "C" void on_interrupt(int signal_number) {
    for (int i = 0; i < max_pending; ++i)
        if (pending_used[i]) unlink(pending_path[i]);
    ::signal(signal_number, SIG_DFL);
    ::raise(signal_number);
}

int claim_slot(const std::string& temp) {
    if (temp.size() >= sizeof pending_path[0]) return -1;
    for (int i = 0; i < max_pending; ++i) {
        if (pending_used[i]) continue;
        std::memcpy(pending_path[i], temp.c_str(), temp.size() + 1);
        pending_used[i] = 1;
        return i;
    }
    return -1;  // more outputs at once than slots: still removed on errors, just not on signals
}

void release_slot(int slot) {
    if (slot >= 0) pending_used[slot] = 0;
}

[[noreturn]] void fail(const std::string& path, const std::string& what, int error_number) {
    throw Error(Errc::io, {path, ""}, what + ": " + std::strerror(error_number));
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
            const int e = errno;
            out.resize(used);
            if (e == EINTR) continue;
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
        input.name = "<stdin>";
        read_all(STDIN_FILENO, input.name, limits, input.bytes);
        return input;
    }
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) fail(path, "cannot open", errno);
    try {
        struct stat st {};
        if (::fstat(fd, &st) == 0) {
            if (S_ISDIR(st.st_mode)) throw Error(Errc::io, {path, ""}, "is a directory");
            if (S_ISREG(st.st_mode)) {
                if (static_cast<std::uint64_t>(st.st_size) > limits.max_input_bytes)
                    throw Error(Errc::limit_exceeded, {path, ""},
                                "file of " + std::to_string(st.st_size) + " bytes is larger than the limit of " +
                                    std::to_string(limits.max_input_bytes) + " bytes");
                input.bytes.reserve(static_cast<std::size_t>(st.st_size) + (1 << 16));
            }
        }
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

AtomicFile::AtomicFile(std::string path, bool overwrite) : path_(std::move(path)), overwrite_(overwrite) {
    if (!overwrite_ && exists(path_)) throw Error(Errc::io, {path_, ""}, "already exists; use {overwrite} to replace it");
    temp_ = directory_of(path_) + "/." + base_name(path_) + ".cxf-XXXXXX";
    fd_ = ::mkostemp(temp_.data(), O_CLOEXEC);  // created with mode 0600
    if (fd_ < 0) fail(path_, "cannot create a temporary file in " + directory_of(path_), errno);
    slot_ = claim_slot(temp_);
    if (::fchmod(fd_, S_IRUSR | S_IWUSR) != 0) {
        const int e = errno;
        ::close(fd_);
        ::unlink(temp_.c_str());
        release_slot(slot_);
        fail(path_, "cannot set mode 0600", e);
    }
}

AtomicFile::~AtomicFile() {
    if (fd_ >= 0) ::close(fd_);
    if (!temp_.empty()) ::unlink(temp_.c_str());
    release_slot(slot_);
}

void AtomicFile::write(ByteView bytes) { write_all(fd_, bytes, path_); }

void AtomicFile::finish() {
    if (::fsync(fd_) != 0) fail(path_, "cannot flush to disk", errno);
    const int closed = ::close(fd_);
    fd_ = -1;
    if (closed != 0) fail(path_, "cannot write", errno);
}

void AtomicFile::publish() {
    const int renamed =
        overwrite_ ? ::rename(temp_.c_str(), path_.c_str()) : rename_no_replace(temp_.c_str(), path_.c_str());
    if (renamed != 0) {
        if (errno == EEXIST) throw Error(Errc::io, {path_, ""}, "already exists; use {overwrite} to replace it");
        fail(path_, "cannot move the finished file into place", errno);
    }
    published_ = true;
    temp_.clear();
    release_slot(slot_);
    slot_ = -1;
}

void AtomicFile::withdraw() {
    if (published_ && !overwrite_) ::unlink(path_.c_str());
}

void AtomicFile::commit() {
    finish();
    publish();
}

void commit_together(std::span<AtomicFile* const> files) {
    for (AtomicFile* file : files) file->finish();
    try {
        for (AtomicFile* file : files) file->publish();
    } catch (...) {
        for (AtomicFile* file : files) file->withdraw();
        throw;
    }
}

void write_atomically(const std::string& path, ByteView bytes, bool overwrite) {
    if (path == "-") {
        write_all(STDOUT_FILENO, bytes, "<stdout>");
        return;
    }
    AtomicFile file(path, overwrite);
    file.write(bytes);
    file.commit();
}

void install_interrupt_cleanup() {
    struct sigaction action {};
    action.sa_handler = on_interrupt;
    sigemptyset(&action.sa_mask);
    for (const int s : {SIGINT, SIGTERM, SIGHUP}) ::sigaction(s, &action, nullptr);
}

}  // namespace cxf::io
