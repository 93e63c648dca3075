// SPDX-License-Identifier: MIT
#include "cxf/io/file.h"

#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <thread>
#include <utility>
#include <vector>

#include "cxf/error.h"
#include "cxf/io/output.h"

namespace cxf::io {

namespace {

// The cleanup signals: every catchable one whose default action ends the process. SIGXFSZ is ignored
// instead, so that writing past the file-size limit fails with EFBIG and is reported.
constexpr int cleanup_signals[] = {SIGHUP,  SIGINT,  SIGQUIT,   SIGTERM, SIGUSR1, SIGUSR2,
                                   SIGALRM, SIGPIPE, SIGVTALRM, SIGPROF, SIGXCPU};

// Names of temp files on disk, for the signal handler: malloc'ed paths or null; the table grows as
// needed. Outputs may be written by several threads at once, and a signal may be handled on any
// thread, so the table has a lock: a thread holds it (with the cleanup signals blocked on that
// thread, so the handler never interrupts the holder) while it changes the table, and while it
// creates a file whose name goes into it, so the name is in the table by the time the file exists.
// The handler takes the lock for good before it reads the table: it sees the table whole, and no
// thread creates a temp file after it has looked.
char** pending = nullptr;
std::size_t pending_size = 0;
std::atomic_flag table_lock = ATOMIC_FLAG_INIT;  // lock-free, so usable in a signal handler

extern "C" void on_signal(int signal_number) {
    while (table_lock.test_and_set(std::memory_order_acquire)) {}  // a holder releases it in a moment
    for (std::size_t i = 0; i < pending_size; ++i)
        if (pending[i]) unlink(pending[i]);
    ::signal(signal_number, SIG_DFL);
    ::raise(signal_number);
}

class TableLocked {
public:
    TableLocked() {
        sigset_t set;
        sigemptyset(&set);
        for (const int s : cleanup_signals) sigaddset(&set, s);
        ::pthread_sigmask(SIG_BLOCK, &set, &old_);
        while (table_lock.test_and_set(std::memory_order_acquire)) std::this_thread::yield();
    }
    ~TableLocked() {
        table_lock.clear(std::memory_order_release);
        ::pthread_sigmask(SIG_SETMASK, &old_, nullptr);
    }
    TableLocked(const TableLocked&) = delete;
    TableLocked& operator=(const TableLocked&) = delete;

private:
    sigset_t old_;
};

std::size_t free_slot() {
    for (std::size_t i = 0; i < pending_size; ++i)
        if (!pending[i]) return i;
    const std::size_t grown = pending_size ? 2 * pending_size : 16;
    char** table = new char*[grown]();
    std::copy(pending, pending + pending_size, table);
    delete[] std::exchange(pending, table);
    return std::exchange(pending_size, grown);
}

// Runs `create`, which makes a file on disk and returns its name (empty, errno set, when it could
// not), and enters that name in the table, both under the lock. Returns the slot, or -1 with errno
// set; a file made whose name cannot be entered (no memory) is removed again.
int create_registered(const std::function<std::string()>& create) {
    const TableLocked locked;
    const std::size_t slot = free_slot();  // may throw (no memory) before anything is created
    const std::string name = create();
    if (name.empty()) return -1;
    pending[slot] = ::strdup(name.c_str());
    if (pending[slot]) return static_cast<int>(slot);
    ::unlink(name.c_str());
    errno = ENOMEM;
    return -1;
}

void release_slot(int slot) {
    if (slot < 0) return;
    const TableLocked locked;
    std::free(std::exchange(pending[slot], nullptr));
}

[[noreturn]] void fail(const std::string& path, const std::string& what, int error_number) {
    if (error_number == EFBIG)
        throw Error(Errc::io, {path, ""}, what + ": file too large for the file-size limit (ulimit -f) or file system");
    throw Error(Errc::io, {path, ""}, what + ": " + errno_text(error_number));
}

// Reads until `block` is full or the end of input; returns the bytes read.
std::size_t read_block(int fd, const std::string& name, crypto::SecureBytes& block) {
    std::size_t used = 0;
    while (used < block.size()) {
        const ssize_t n = ::read(fd, block.data() + used, block.size() - used);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) fail(name, "cannot read", errno);
        if (n == 0) break;
        used += static_cast<std::size_t>(n);
    }
    return used;
}

constexpr std::size_t block_size = 1 << 20;

// A descriptor to read the file at `path` from, or Errc::io; `st` is what fstat says of it (zeros if
// it cannot say).
int open_input(const std::string& path, struct stat& st) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) fail(path, "cannot open", errno);
    if (::fstat(fd, &st) != 0) st = {};
    if (S_ISDIR(st.st_mode)) {
        ::close(fd);
        throw Error(Errc::io, {path, ""}, "is a directory");
    }
    return fd;
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

// Gives a file a fresh hidden name beside `path` through `link_as` (which fails with EEXIST when the
// name is taken), registered for cleanup. Returns false (errno set) if no name could be made.
bool link_hidden(const std::string& path, const std::function<int(const char*)>& link_as, std::string& name,
                 int& slot) {
    static std::atomic<unsigned> counter = 0;
    for (int attempt = 0; attempt < 100; ++attempt) {
        const std::string candidate = directory_of(path) + "/." + base_name(path) + ".cxf-" +
                                      std::to_string(::getpid()) + "-" + std::to_string(++counter);
        slot = create_registered([&] { return link_as(candidate.c_str()) == 0 ? candidate : std::string(); });
        if (slot >= 0) {
            name = candidate;
            return true;
        }
        if (errno != EEXIST) return false;
    }
    return false;
}

bool is_special(const struct stat& st) { return S_ISCHR(st.st_mode) || S_ISFIFO(st.st_mode) || S_ISSOCK(st.st_mode); }

bool is_symlink(const std::string& path) {
    struct stat st {};
    return ::lstat(path.c_str(), &st) == 0 && S_ISLNK(st.st_mode);
}

}  // namespace

void check_readable(const std::string& path) {
    struct stat st {};
    if (path != "-") ::close(open_input(path, st));
}

Input read_input(const std::string& path, const Limits& limits) { return InputFile(path, limits, 0).whole(); }

InputFile::InputFile(const std::string& path, const Limits& limits, std::size_t head_bytes)
    : name_(path), limits_(limits) {
    struct stat st {};  // standard input is not looked at: the limit is counted as it is read
    if (path == "-") {
        name_ = "<stdin>";
        fd_ = STDIN_FILENO;
        owns_fd_ = false;
    } else {
        fd_ = open_input(path, st);
    }
    try {
        if (S_ISREG(st.st_mode) && static_cast<std::uint64_t>(st.st_size) > limits.max_input_bytes)
            throw Error(Errc::limit_exceeded, {path, ""},
                        "file of " + std::to_string(st.st_size) + " bytes is larger than the limit of " +
                            std::to_string(limits.max_input_bytes) + " bytes");
        head_.resize(head_bytes);
        head_.resize(read_block(fd_, name_, head_));
        count(head_.size());
    } catch (...) {
        if (owns_fd_) ::close(fd_);
        throw;
    }
}

InputFile::~InputFile() {
    if (owns_fd_) ::close(fd_);
}

// Counting as it reads, an oversized input is refused after at most the limit plus one block.
void InputFile::count(std::size_t bytes) {
    total_ += bytes;
    if (total_ > limits_.max_input_bytes)
        throw Error(Errc::limit_exceeded, {name_, ""},
                    "input is larger than the limit of " + std::to_string(limits_.max_input_bytes) + " bytes");
}

// Reads in blocks after the head, then joins them with one copy (each block released as it is copied).
Input InputFile::whole() {
    std::vector<crypto::SecureBytes> blocks;
    blocks.push_back(std::move(head_));
    for (;;) {
        crypto::SecureBytes& block = blocks.emplace_back(block_size);
        const std::size_t n = read_block(fd_, name_, block);
        block.resize(n);
        count(n);
        if (n < block_size) break;
    }
    Input input{name_, {}};
    input.bytes.reserve(static_cast<std::size_t>(total_));
    for (crypto::SecureBytes& block : blocks) {
        input.bytes.insert(input.bytes.end(), block.begin(), block.end());
        crypto::SecureBytes().swap(block);
    }
    return input;
}

InputStream InputFile::stream() {
    return {name_, [this]() -> ByteView {
                if (!head_given_) {
                    head_given_ = true;
                    if (!head_.empty()) return head_;
                }
                piece_.resize(block_size);
                const std::size_t n = read_block(fd_, name_, piece_);
                count(n);
                return ByteView(piece_.data(), n);
            }};
}

bool exists(const std::string& path) {
    struct stat st {};
    return ::lstat(path.c_str(), &st) == 0;
}

AtomicFile::AtomicFile(std::string path, bool overwrite) : path_(std::move(path)), overwrite_(overwrite) {
    struct stat st {};
    const bool found = ::stat(path_.c_str(), &st) == 0;
    if (found && S_ISDIR(st.st_mode)) throw Error(Errc::io, {path_, ""}, "is a directory");
    if (!overwrite_ && exists(path_)) throw Error(Errc::io, {path_, ""}, "already exists; use {overwrite} to replace it");
    if (found && !is_special(st) && is_symlink(path_)) {
        // Replace the file the link leads to and keep the link (a vault linked into a synced folder,
        // /dev/stdout redirected to a file). A link that cannot be resolved to a name (/dev/stdout
        // to a deleted file) is written through.
        if (char* target = ::realpath(path_.c_str(), nullptr)) {
            path_ = target;
            std::free(target);
        } else {
            direct_ = true;
        }
    }
    if (found && (direct_ || is_special(st))) {
        direct_ = true;
        fd_ = ::open(path_.c_str(), O_WRONLY | O_CLOEXEC | O_NOCTTY | (S_ISREG(st.st_mode) ? O_TRUNC : 0));
        if (fd_ < 0) fail(path_, "cannot open", errno);
        return;
    }
    fd_ = ::open(directory_of(path_).c_str(), O_TMPFILE | O_WRONLY | O_CLOEXEC, S_IRUSR | S_IWUSR);
    if (fd_ < 0 && errno != EOPNOTSUPP && errno != EISDIR && errno != EINVAL)
        fail(path_, "cannot create a temporary file in " + directory_of(path_), errno);
    if (fd_ < 0) {  // no O_TMPFILE here: a named temp file, removed on errors and signals
        std::string temp = directory_of(path_) + "/." + base_name(path_) + ".cxf-XXXXXX";
        temp_slot_ = create_registered([&] {
            fd_ = ::mkostemp(temp.data(), O_CLOEXEC);  // created with mode 0600
            return fd_ >= 0 ? temp : std::string();
        });
        if (temp_slot_ < 0) {
            const int e = errno;
            if (fd_ >= 0) ::close(std::exchange(fd_, -1));
            fail(path_, "cannot create a temporary file in " + directory_of(path_), e);
        }
        temp_ = std::move(temp);
    }
    if (::fchmod(fd_, S_IRUSR | S_IWUSR) != 0) {
        const int e = errno;
        discard();
        fail(path_, "cannot set mode 0600", e);
    }
}

AtomicFile::~AtomicFile() { discard(); }

void AtomicFile::discard() noexcept {
    if (fd_ >= 0) ::close(std::exchange(fd_, -1));
    if (!temp_.empty()) ::unlink(temp_.c_str());
    if (!backup_.empty()) ::unlink(backup_.c_str());
    release_slot(std::exchange(temp_slot_, -1));
    release_slot(std::exchange(backup_slot_, -1));
    temp_.clear();
    backup_.clear();
}

// The disk writes begin as the file is written, so that finish()'s fsync waits only for the last of
// them: a third of the time to write a 60 MB file.
void AtomicFile::write(ByteView bytes) {
    write_all(fd_, bytes, path_);
    written_ += bytes.size();
    constexpr std::uint64_t write_back_every = 8 << 20;
    if (direct_ || written_ - written_back_ < write_back_every) return;
    // A failure here is fsync's to report.
    ::sync_file_range(fd_, static_cast<off_t>(written_back_), static_cast<off_t>(written_ - written_back_), SYNC_FILE_RANGE_WRITE);
    written_back_ = written_;
}

void AtomicFile::finish() {
    if (fd_ < 0) return;
    if (direct_) {
        if (::close(std::exchange(fd_, -1)) != 0) fail(path_, "cannot write", errno);
        return;
    }
    if (::fsync(fd_) != 0) fail(path_, "cannot flush to disk", errno);
    if (temp_.empty()) {
        const std::string self = "/proc/self/fd/" + std::to_string(fd_);
        const auto link_as = [&](const char* name) {
            const int linked = ::linkat(AT_FDCWD, self.c_str(), AT_FDCWD, name, AT_SYMLINK_FOLLOW);
            if (linked != 0 && errno == ENOENT) return ::linkat(fd_, "", AT_FDCWD, name, AT_EMPTY_PATH);  // no /proc
            return linked;
        };
        if (!link_hidden(path_, link_as, temp_, temp_slot_)) fail(path_, "cannot name the finished file", errno);
    }
    if (::close(std::exchange(fd_, -1)) != 0) fail(path_, "cannot write", errno);
}

void AtomicFile::keep_old() {
    if (direct_ || !overwrite_ || !exists(path_)) return;
    const auto link_as = [&](const char* name) { return ::link(path_.c_str(), name); };
    if (!link_hidden(path_, link_as, backup_, backup_slot_)) fail(path_, "cannot keep the old file while replacing it", errno);
}

void AtomicFile::publish() {
    if (!direct_) {
        const int renamed =
            overwrite_ ? ::rename(temp_.c_str(), path_.c_str()) : rename_no_replace(temp_.c_str(), path_.c_str());
        if (renamed != 0) {
            if (errno == EEXIST) throw Error(Errc::io, {path_, ""}, "already exists; use {overwrite} to replace it");
            fail(path_, "cannot move the finished file into place", errno);
        }
        temp_.clear();
        release_slot(std::exchange(temp_slot_, -1));
    }
    published_ = true;
}

void AtomicFile::withdraw() noexcept {
    if (!published_ || direct_) return;
    if (!backup_.empty()) {
        // Put back; should that fail, the old file stays under its hidden name rather than be removed.
        if (::rename(backup_.c_str(), path_.c_str()) != 0) release_slot(std::exchange(backup_slot_, -1));
        backup_.clear();
    } else {
        ::unlink(path_.c_str());
    }
    published_ = false;
}

void AtomicFile::commit() {
    AtomicFile* self[] = {this};
    commit_together(self);
}

void commit_together(std::span<AtomicFile* const> files) {
    for (AtomicFile* file : files) file->finish();
    try {
        for (AtomicFile* file : files) file->keep_old();
        for (AtomicFile* file : files) file->publish();
    } catch (...) {
        for (AtomicFile* file : files) file->withdraw();
        throw;
    }
    for (AtomicFile* file : files) file->discard();  // drops the kept old files
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
    action.sa_handler = on_signal;
    sigemptyset(&action.sa_mask);
    for (const int s : cleanup_signals) sigaddset(&action.sa_mask, s);
    for (const int s : cleanup_signals) ::sigaction(s, &action, nullptr);
    ::signal(SIGXFSZ, SIG_IGN);
}

}  // namespace cxf::io
