// SPDX-License-Identifier: MIT
// Memory for keys, passwords and decrypted plaintext: wiped when released.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string_view>
#include <type_traits>
#include <vector>

#include <openssl/crypto.h>
#include <string.h>

namespace cxf {

using Bytes = std::vector<std::uint8_t>;
using ByteView = std::span<const std::uint8_t>;

inline ByteView as_bytes(std::string_view text) noexcept {
    return {reinterpret_cast<const std::uint8_t*>(text.data()), text.size()};
}
inline std::string_view as_text(ByteView bytes) noexcept {
    return {reinterpret_cast<const char*>(bytes.data()), bytes.size()};
}

namespace crypto {

// Overwrites memory with zeros, a store the compiler may not drop as it may drop a memset just before
// a free. Large blocks go to glibc's explicit_bzero, a vectorised memset 3-4 times as fast as
// OPENSSL_cleanse's 8-byte stores; small ones, most of them, stay with OPENSSL_cleanse, as called
// millions of times between other work the vector memset slowed converting a large KDBX by a sixth.
inline void wipe(void* p, std::size_t n) noexcept {
    if (n >= 4096) explicit_bzero(p, n);
    else if (n > 0) OPENSSL_cleanse(p, n);
}

// Wipes every block it frees, so growth of a vector wipes the old block too. Limited to trivially
// destructible types: no destructor may run on memory that has already been wiped.
template <typename T>
    requires std::is_trivially_destructible_v<T>
struct ZeroingAllocator {
    using value_type = T;
    ZeroingAllocator() noexcept = default;
    template <typename U>
    ZeroingAllocator(const ZeroingAllocator<U>&) noexcept {}
    T* allocate(std::size_t n) { return std::allocator<T>{}.allocate(n); }
    void deallocate(T* p, std::size_t n) noexcept {
        wipe(p, n * sizeof(T));
        std::allocator<T>{}.deallocate(p, n);
    }
    template <typename U>
    bool operator==(const ZeroingAllocator<U>&) const noexcept { return true; }
};

using SecureBytes = std::vector<std::uint8_t, ZeroingAllocator<std::uint8_t>>;

inline SecureBytes secure_copy(ByteView bytes) { return SecureBytes(bytes.begin(), bytes.end()); }

// A text secret (password, passphrase, concealed field). Not std::string: short strings live inside
// the string object itself, out of reach of any allocator, and most passwords are short.
// Move-only; clone() when a copy is really meant. No stream operator, so it cannot be logged by accident.
class Secret {
public:
    using value_type = char;
    Secret() = default;
    explicit Secret(std::string_view text) : bytes_(text.begin(), text.end()) {}
    Secret(Secret&&) noexcept = default;
    Secret& operator=(Secret&&) noexcept = default;
    Secret(const Secret&) = delete;
    Secret& operator=(const Secret&) = delete;

    Secret clone() const { return Secret{view()}; }
    std::string_view view() const noexcept { return {bytes_.data(), bytes_.size()}; }
    ByteView bytes() const noexcept { return as_bytes(view()); }
    std::size_t size() const noexcept { return bytes_.size(); }
    bool empty() const noexcept { return bytes_.empty(); }
    void append(std::string_view text) { bytes_.insert(bytes_.end(), text.begin(), text.end()); }
    void push_back(char c) { bytes_.push_back(c); }
    void clear() noexcept { bytes_.clear(); }
    void shrink_to_fit() { bytes_.shrink_to_fit(); }
    // Empty, with what it held wiped and its memory kept for reuse.
    void wipe() noexcept {
        crypto::wipe(bytes_.data(), bytes_.size());
        bytes_.clear();
    }
    // Compared in constant time for equal lengths.
    friend bool operator==(const Secret& a, const Secret& b) noexcept;

private:
    std::vector<char, ZeroingAllocator<char>> bytes_;
};

// Equal length and equal bytes; the time depends only on the length. Use for every MAC, tag and key.
inline bool equal_ct(ByteView a, ByteView b) noexcept {
    return a.size() == b.size() && CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

inline bool operator==(const Secret& a, const Secret& b) noexcept { return equal_ct(a.bytes(), b.bytes()); }

}  // namespace crypto
}  // namespace cxf
