// SPDX-License-Identifier: MIT
// Where `cxf` gets passwords: a file, an environment variable, a file descriptor, or a no-echo
// prompt on a terminal. Never from a command-line value (argv is visible to every user).
#pragma once

#include <optional>
#include <string>

#include "cxf/plugin/format.h"

namespace cxf::cli {

struct PasswordOptions {
    std::optional<std::string> file;
    std::optional<std::string> env;
    std::optional<int> fd;

    bool given() const { return file || env || fd; }  // else a terminal prompt, if there is one
};

// What the password is for: opening an input, or protecting an output — a new password, asked twice
// on a terminal and refused when empty unless the user allowed it (--allow-empty-password).
enum class PasswordUse { open, create, create_may_be_empty };

// A provider that reads its source once, when first asked, and gives every later call (from any
// thread) that password, or the error reading it met. `what` names the password in prompts and
// errors ("the password of vault.kdbx"), `flag` the options that give it ("password" for
// --password-file…).
PasswordProvider password_provider(const PasswordOptions& options, std::string what, std::string flag, PasswordUse use);

// The content of a password file: all of it but one trailing newline ("\n" or "\r\n").
crypto::Secret strip_one_newline(crypto::Secret text);

}  // namespace cxf::cli
