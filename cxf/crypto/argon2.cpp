// SPDX-License-Identifier: MIT
#include "cxf/crypto/argon2.h"

#include <algorithm>
#include <new>
#include <string>
#include <thread>

#include <sys/mman.h>

#include <argon2.h>

#include "cxf/error.h"

namespace cxf::crypto {

namespace {

// Argon2's memory (tens of MiB and more) is mapped for it, in huge pages where the kernel allows them
// (transparent huge pages in "madvise" mode, Debian's default): a 2 MiB page faults once where 512 small
// ones would. libargon2 wipes the memory before it hands it back.
int map_memory(std::uint8_t** memory, std::size_t bytes) {
    void* mapped = ::mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (mapped == MAP_FAILED) return ARGON2_MEMORY_ALLOCATION_ERROR;
    ::madvise(mapped, bytes, MADV_HUGEPAGE);  // advice only: refused where huge pages are off
    *memory = static_cast<std::uint8_t*>(mapped);
    return ARGON2_OK;
}

void unmap_memory(std::uint8_t* memory, std::size_t bytes) { ::munmap(memory, bytes); }

}  // namespace

SecureBytes argon2(ByteView password, ByteView salt, const Argon2Params& params, std::size_t length) {
    SecureBytes out(length);
    argon2_context context{};
    context.out = out.data();
    context.outlen = static_cast<std::uint32_t>(out.size());
    // libargon2 takes non-const pointers; it writes through them only with the ARGON2_FLAG_CLEAR_* flags.
    context.pwd = const_cast<std::uint8_t*>(password.data());
    context.pwdlen = static_cast<std::uint32_t>(password.size());
    context.salt = const_cast<std::uint8_t*>(salt.data());
    context.saltlen = static_cast<std::uint32_t>(salt.size());
    context.secret = params.secret.empty() ? nullptr : const_cast<std::uint8_t*>(params.secret.data());
    context.secretlen = static_cast<std::uint32_t>(params.secret.size());
    context.ad = params.associated_data.empty() ? nullptr : const_cast<std::uint8_t*>(params.associated_data.data());
    context.adlen = static_cast<std::uint32_t>(params.associated_data.size());
    context.t_cost = params.iterations;
    context.m_cost = params.memory_kib;
    context.lanes = params.lanes;
    context.threads = std::min(std::max(std::thread::hardware_concurrency(), 1u), params.lanes);
    context.version = static_cast<std::uint32_t>(params.version);
    context.flags = ARGON2_DEFAULT_FLAGS;
    context.allocate_cbk = map_memory;
    context.free_cbk = unmap_memory;
    const int status = argon2_ctx(&context, params.type == Argon2Type::d ? Argon2_d : Argon2_id);
    if (status == ARGON2_MEMORY_ALLOCATION_ERROR) throw std::bad_alloc();
    if (status == ARGON2_THREAD_FAIL)
        throw Error(Errc::io, {"", "kdf"}, std::string("Argon2 could not start its threads: ") + argon2_error_message(status));
    if (status != ARGON2_OK)
        throw Error(Errc::unsupported, {"", "kdf"}, std::string("Argon2 refused the parameters: ") + argon2_error_message(status));
    return out;
}

}  // namespace cxf::crypto
