// SPDX-License-Identifier: MIT
// Memory for keys, passwords and decrypted plaintext: wiped when released.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <span>
#include <string_view>
#include <type_traits>
#include <utility>
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
// the string object itself, out of reach of any allocator, and most passwords are short. Its own
// buffer, wiped whole when released, rather than a vector: appending a few bytes, which builders of
// text do millions of times, is a compare and a copy.
// Move-only; clone() when a copy is really meant. No stream operator, so it cannot be logged by accident.
class Secret {
public:
    using value_type = char;
    Secret() = default;
    explicit Secret(std::string_view text) { append(text); }
    Secret(Secret&& other) noexcept
        : data_(std::exchange(other.data_, nullptr)), size_(std::exchange(other.size_, 0)),
          capacity_(std::exchange(other.capacity_, 0)) {}
    Secret& operator=(Secret&& other) noexcept {
        if (this != &other) {
            release();
            data_ = std::exchange(other.data_, nullptr);
            size_ = std::exchange(other.size_, 0);
            capacity_ = std::exchange(other.capacity_, 0);
        }
        return *this;
    }
    ~Secret() { release(); }
    Secret(const Secret&) = delete;
    Secret& operator=(const Secret&) = delete;

    Secret clone() const { return Secret{view()}; }
    std::string_view view() const noexcept { return {data_, size_}; }
    char* data() noexcept { return data_; }
    ByteView bytes() const noexcept { return as_bytes(view()); }
    std::size_t size() const noexcept { return size_; }
    bool empty() const noexcept { return size_ == 0; }
    void append(std::string_view text) {
        if (text.empty()) return;
        if (text.size() > capacity_ - size_) reallocate(std::max(size_ + text.size(), 2 * capacity_));
        std::memcpy(data_ + size_, text.data(), text.size());
        size_ += text.size();
    }
    void push_back(char c) {
        if (size_ == capacity_) reallocate(std::max<std::size_t>(16, 2 * capacity_));
        data_[size_++] = c;
    }
    // `n` bytes more at the end, for the caller to write at once: where they begin.
    char* extend(std::size_t n) {
        if (n > capacity_ - size_) reallocate(std::max(size_ + n, 2 * capacity_));
        char* at = data_ + size_;
        size_ += n;
        return at;
    }
    // Longer by zero bytes, or shorter.
    void resize(std::size_t size) {
        if (size > size_) std::memset(extend(size - size_), 0, size - size_);
        else size_ = size;
    }
    // Empty; what it held stays until it is overwritten or released (wipe() for now).
    void clear() noexcept { size_ = 0; }
    void shrink_to_fit() {
        if (size_ == 0) release();
        else if (capacity_ > size_) reallocate(size_);
    }
    // Empty, with what it held wiped and its memory kept for reuse.
    void wipe() noexcept {
        crypto::wipe(data_, size_);
        size_ = 0;
    }
    // Compared in constant time for equal lengths.
    friend bool operator==(const Secret& a, const Secret& b) noexcept;

private:
    void reallocate(std::size_t capacity) {
        char* fresh = std::allocator<char>{}.allocate(capacity);
        if (size_ > 0) std::memcpy(fresh, data_, size_);
        free_buffer();
        data_ = fresh;
        capacity_ = capacity;
    }
    void release() noexcept {
        free_buffer();
        data_ = nullptr;
        size_ = capacity_ = 0;
    }
    void free_buffer() noexcept {
        if (!data_) return;
        crypto::wipe(data_, capacity_);
        std::allocator<char>{}.deallocate(data_, capacity_);
    }

    char* data_ = nullptr;
    std::size_t size_ = 0, capacity_ = 0;
};

// Equal length and equal bytes; the time depends only on the length. Use for every MAC, tag and key.
inline bool equal_ct(ByteView a, ByteView b) noexcept {
    return a.size() == b.size() && CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

inline bool operator==(const Secret& a, const Secret& b) noexcept { return equal_ct(a.bytes(), b.bytes()); }

}  // namespace crypto
}  // namespace cxf
