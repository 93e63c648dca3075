// SPDX-License-Identifier: MIT
#include "cxf/crypto/openssl_check.h"

#include <string>

#include <openssl/err.h>

#include "cxf/error.h"

namespace cxf::crypto {

void openssl_failed(std::string_view operation) {
    const char* reason = ERR_reason_error_string(ERR_get_error());
    std::string message = "OpenSSL could not run " + std::string(operation);
    if (reason) message += ": " + std::string(reason);
    ERR_clear_error();
    throw Error(Errc::unsupported, {"", ""}, message);
}

}  // namespace cxf::crypto
