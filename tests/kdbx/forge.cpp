// SPDX-License-Identifier: MIT
// Hostile-file construction from the library's header, KDF, cipher and block-stream pieces.
#include "tests/kdbx/forge.h"

#include "cxf/crypto/hash.h"
#include "cxf/kdbx/block_stream.h"
#include "cxf/kdbx/cipher.h"
#include "cxf/kdbx/gzip.h"
#include "cxf/kdbx/inner_header.h"
#include "cxf/kdbx/kdf.h"
#include "cxf/kdbx/keys.h"

namespace test::kdbx {

using namespace cxf::kdbx;
using namespace cxf::kdbx::detail;

namespace {

cxf::Bytes random_public(std::size_t n) {
    const cxf::crypto::SecureBytes r = cxf::crypto::random_bytes(n);
    return cxf::Bytes(r.begin(), r.end());
}

OuterHeader cheap_header(FormatVersion version, Compression compression) {
    OuterHeader h;
    h.version = version;
    h.cipher = Cipher::aes256_cbc;
    h.compression = compression;
    h.master_seed = random_public(32);
    h.iv = random_public(16);
    h.kdf.kdf = Kdf::aes_kdf;
    h.kdf.rounds = 10;
    h.kdf.salt = random_public(32);
    h.stream_key = cxf::crypto::random_bytes(32);
    h.stream_start_bytes = random_public(32);
    h.inner_stream = InnerStream::salsa20;
    return h;
}

}  // namespace

cxf::Bytes forged_stream_key() { return cxf::Bytes(64, forged_stream_key_byte); }

cxf::Bytes forge_kdbx4(std::string_view xml, const CompositeKey& key, Compression compression,
                       std::optional<cxf::ByteView> raw_payload) {
    const OuterHeader h = cheap_header({4, 0}, compression);
    const cxf::Bytes header = write_header(h);
    const MasterKeys keys = derive_master_keys(h.master_seed, transform_key(key.hash, h.kdf));
    cxf::crypto::SecureBytes payload;
    if (raw_payload) {
        payload.assign(raw_payload->begin(), raw_payload->end());
    } else {
        cxf::io::MemoryOutput inner;
        write_inner_header(InnerStream::chacha20, forged_stream_key(), {}, inner);
        payload = std::move(inner.bytes());
        payload.insert(payload.end(), xml.begin(), xml.end());
    }
    if (compression == Compression::gzip) payload = gzip(payload, cxf::io::tightest_deflate);
    const cxf::Bytes ciphertext = encrypt_payload(h.cipher, keys.cipher_key, h.iv, payload);
    cxf::Bytes file = header;
    for (const auto& part : {cxf::crypto::sha256({header}), cxf::crypto::hmac_sha256(block_hmac_key(keys.hmac_base_key, UINT64_MAX), {header})})
        file.insert(file.end(), part.begin(), part.end());
    const cxf::Bytes blocks = write_hmac_blocks(ciphertext, keys.hmac_base_key);
    file.insert(file.end(), blocks.begin(), blocks.end());
    return file;
}

cxf::Bytes forge_header(const KdfParameters& kdf, FormatVersion version) {
    OuterHeader h = cheap_header(version, Compression::none);
    h.kdf = kdf;
    cxf::Bytes file = write_header(h);
    const cxf::crypto::SecureBytes hash = cxf::crypto::sha256({file});
    if (version.major >= 4) file.insert(file.end(), hash.begin(), hash.end());
    file.insert(file.end(), 96, 0x5A);
    return file;
}

}  // namespace test::kdbx
