// SPDX-License-Identifier: MIT
#include "tools/cxf/passwords.h"

#include <fcntl.h>
#include <signal.h>
#include <termios.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <iterator>
#include <memory>
#include <mutex>

#include "cxf/error.h"

namespace cxf::cli {

namespace {

constexpr std::size_t max_password_bytes = 1 << 16;

crypto::Secret read_fd(int fd, const std::string& source) {
    crypto::Secret out;
    char buffer[4096];
    for (;;) {
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n < 0) {
            if (errno == EINTR) continue;
            const int e = errno;
            crypto::wipe(buffer, sizeof buffer);
            throw Error(Errc::io, {source, ""}, std::string("cannot read the password: ") + errno_text(e));
        }
        if (n == 0) break;
        out.append(std::string_view(buffer, static_cast<std::size_t>(n)));
        if (out.size() > max_password_bytes) {
            crypto::wipe(buffer, sizeof buffer);
            throw Error(Errc::usage, {source, ""}, "the password source holds more than 64 KiB");
        }
    }
    crypto::wipe(buffer, sizeof buffer);
    return out;
}

crypto::Secret read_file(const std::string& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) throw Error(Errc::io, {path, ""}, std::string("cannot open the password file: ") + errno_text(errno));
    try {
        crypto::Secret s = read_fd(fd, path);
        ::close(fd);
        return s;
    } catch (...) {
        ::close(fd);
        throw;
    }
}

// Echo off on the terminal for as long as it lives. A signal meanwhile (Ctrl-C) first turns echo
// back on, then goes on to the handler that was there before (which removes temp files and exits).
constexpr int restored_on[] = {SIGINT, SIGTERM, SIGHUP};
termios terminal_before{};
struct sigaction handler_before[std::size(restored_on)];

extern "C" void restore_terminal(int signal_number) {
    ::tcsetattr(STDIN_FILENO, TCSANOW, &terminal_before);
    for (std::size_t i = 0; i < std::size(restored_on); ++i)
        if (restored_on[i] == signal_number) ::sigaction(signal_number, &handler_before[i], nullptr);
    ::raise(signal_number);  // delivered to the previous handler once this one returns
}

class EchoOff {
public:
    EchoOff() {
        if (::tcgetattr(STDIN_FILENO, &terminal_before) != 0) return;
        active_ = true;
        struct sigaction action {};
        action.sa_handler = restore_terminal;
        sigemptyset(&action.sa_mask);
        for (std::size_t i = 0; i < std::size(restored_on); ++i) ::sigaction(restored_on[i], &action, &handler_before[i]);
        termios quiet = terminal_before;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
    }
    ~EchoOff() {
        if (!active_) return;
        ::tcsetattr(STDIN_FILENO, TCSANOW, &terminal_before);
        for (std::size_t i = 0; i < std::size(restored_on); ++i) ::sigaction(restored_on[i], &handler_before[i], nullptr);
    }
    EchoOff(const EchoOff&) = delete;
    EchoOff& operator=(const EchoOff&) = delete;

private:
    bool active_ = false;
};

// One line from the terminal with echo off. Echo goes off before the prompt appears, so nothing
// typed after the prompt is flushed away (TCSAFLUSH discards only what was typed before it).
crypto::Secret prompt(const std::string& label) {
    crypto::Secret line;
    {
        const EchoOff quiet;
        const std::string text = label + ": ";
        if (::write(STDERR_FILENO, text.data(), text.size()) < 0) {}
        char c;
        while (::read(STDIN_FILENO, &c, 1) == 1 && c != '\n' && line.size() <= max_password_bytes) line.push_back(c);
    }
    if (::write(STDERR_FILENO, "\n", 1) < 0) {}
    return strip_one_newline(std::move(line));
}

// Reads the password from its source, or asks for it (twice for a new one on a terminal).
crypto::Secret read_password(const PasswordOptions& options, const std::string& what, const std::string& flag,
                             PasswordUse use) {
    crypto::Secret password;
    std::string source = "the prompt";
    const bool prompted = !options.given() && ::isatty(STDIN_FILENO);
    if (options.file) {
        source = *options.file;
        password = strip_one_newline(read_file(*options.file));
    } else if (options.env) {
        const char* value = std::getenv(options.env->c_str());
        if (!value)
            throw Error(Errc::usage, {}, "environment variable " + *options.env + " is not set (" + what + ")");
        password = crypto::Secret(value);
        source = "environment variable " + *options.env;
    } else if (options.fd) {
        source = "file descriptor " + std::to_string(*options.fd);
        password = strip_one_newline(read_fd(*options.fd, source));
    } else if (prompted) {
        password = prompt("Enter " + what);
    } else {
        throw Error(Errc::usage, {},
                    "password required (" + what + "): give --" + flag + "-file, --" + flag + "-env or --" + flag +
                        "-fd (no terminal to ask on)");
    }
    // Before the repeat prompt, so that Ctrl-D at the first one ends the run.
    if (use == PasswordUse::create && password.empty())
        throw Error(Errc::usage, {source, ""},
                    "the new password is empty (" + what + "); give --allow-empty-password if that is meant");
    if (prompted && use != PasswordUse::open && !(prompt("Repeat " + what) == password))
        throw Error(Errc::usage, {}, "the two passwords do not match");
    return password;
}

}  // namespace

crypto::Secret strip_one_newline(crypto::Secret text) {
    std::string_view v = text.view();
    if (!v.empty() && v.back() == '\n') v.remove_suffix(1);
    if (!v.empty() && v.back() == '\r') v.remove_suffix(1);
    if (v.size() == text.size()) return text;
    return crypto::Secret(v);
}

PasswordProvider password_provider(const PasswordOptions& options, std::string what, std::string flag, PasswordUse use) {
    // Shared by the copies of the provider, which several threads may call at once (cxf batch): the
    // first reads the source or prompts, the others wait for it and get the same password, or the
    // same error.
    struct Cache {
        std::mutex mutex;
        std::optional<crypto::Secret> password;
        std::optional<Error> failure;
    };
    auto cache = std::make_shared<Cache>();
    return [options, what = std::move(what), flag = std::move(flag), use, cache]() -> crypto::Secret {
        const std::lock_guard lock(cache->mutex);
        if (cache->password) return cache->password->clone();
        if (cache->failure) throw *cache->failure;
        try {
            cache->password = read_password(options, what, flag, use);
        } catch (const Error& e) {
            cache->failure = e;
            throw;
        }
        return cache->password->clone();
    };
}

}  // namespace cxf::cli
