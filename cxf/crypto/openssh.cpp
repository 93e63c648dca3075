// SPDX-License-Identifier: MIT
#include "cxf/crypto/openssh.h"

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/err.h>
#include <openssl/param_build.h>

#include <algorithm>
#include <array>
#include <memory>

#include "cxf/crypto/hash.h"
#include "cxf/crypto/keys.h"
#include "cxf/encoding/base64.h"

namespace cxf::crypto {

namespace {

constexpr std::string_view pem_begin = "-----BEGIN OPENSSH PRIVATE KEY-----";
constexpr std::string_view pem_end = "-----END OPENSSH PRIVATE KEY-----";
constexpr std::string_view magic{"openssh-key-v1\0", 15};
constexpr std::size_t ed25519_bytes = 32;


struct Curve {
    std::string_view ssh;      // "nistp256"
    std::string_view openssl;  // "prime256v1"
};
constexpr std::array<Curve, 3> curves = {{{"nistp256", "prime256v1"}, {"nistp384", "secp384r1"}, {"nistp521", "secp521r1"}}};
constexpr std::string_view ecdsa_prefix = "ecdsa-sha2-";

// Reads the big-endian, length-prefixed fields of the SSH wire format (RFC 4251 §5).
class WireReader {
public:
    explicit WireReader(ByteView bytes) : bytes_(bytes) {}
    bool ok() const noexcept { return ok_; }
    bool done() const noexcept { return at_ == bytes_.size(); }
    std::uint32_t u32() {
        if (bytes_.size() - at_ < 4) return fail(), 0;
        const std::uint32_t v = (std::uint32_t{bytes_[at_]} << 24) | (std::uint32_t{bytes_[at_ + 1]} << 16) |
                                (std::uint32_t{bytes_[at_ + 2]} << 8) | std::uint32_t{bytes_[at_ + 3]};
        at_ += 4;
        return v;
    }
    ByteView string() {
        const std::uint32_t n = u32();
        if (!ok_ || bytes_.size() - at_ < n) return fail(), ByteView();
        const ByteView out = bytes_.subspan(at_, n);
        at_ += n;
        return out;
    }
    std::string_view text() { return as_text(string()); }
    BignumPtr mpint() {
        const ByteView b = string();
        return BignumPtr(BN_bin2bn(b.data(), static_cast<int>(b.size()), nullptr));
    }

private:
    void fail() noexcept { ok_ = false; }
    ByteView bytes_;
    std::size_t at_ = 0;
    bool ok_ = true;
};

class WireWriter {
public:
    void u32(std::uint32_t v) {
        for (int shift = 24; shift >= 0; shift -= 8) out.push_back(static_cast<std::uint8_t>(v >> shift));
    }
    void string(ByteView b) {
        u32(static_cast<std::uint32_t>(b.size()));
        out.insert(out.end(), b.begin(), b.end());
    }
    void text(std::string_view t) { string(as_bytes(t)); }
    // Positive mpint: magnitude, with a 0 byte in front when the top bit is set; zero is empty.
    void mpint(const BIGNUM* bn) {
        SecureBytes magnitude(static_cast<std::size_t>(BN_num_bytes(bn)));
        BN_bn2bin(bn, magnitude.data());
        if (!magnitude.empty() && (magnitude.front() & 0x80)) magnitude.insert(magnitude.begin(), 0);
        string(magnitude);
    }
    SecureBytes out;
};

PkeyPtr from_params(const char* type, OSSL_PARAM_BLD* bld) {
    const ParamsPtr params(OSSL_PARAM_BLD_to_param(bld));
    const PkeyCtxPtr ctx(EVP_PKEY_CTX_new_from_name(nullptr, type, nullptr));
    EVP_PKEY* key = nullptr;
    if (!params || !ctx || EVP_PKEY_fromdata_init(ctx.get()) <= 0 ||
        EVP_PKEY_fromdata(ctx.get(), &key, EVP_PKEY_KEYPAIR, params.get()) <= 0)
        return nullptr;
    return PkeyPtr(key);
}

PkeyPtr read_ed25519(WireReader& r) {
    const ByteView pub = r.string();
    const ByteView priv = r.string();
    if (!r.ok() || pub.size() != ed25519_bytes || priv.size() != 2 * ed25519_bytes) return nullptr;
    PkeyPtr key(EVP_PKEY_new_raw_private_key(EVP_PKEY_ED25519, nullptr, priv.data(), ed25519_bytes));
    std::array<std::uint8_t, ed25519_bytes> derived{};
    std::size_t n = derived.size();
    if (!key || EVP_PKEY_get_raw_public_key(key.get(), derived.data(), &n) <= 0 || !equal_ct(derived, pub))
        return nullptr;
    return key;
}

PkeyPtr read_ecdsa(WireReader& r, std::string_view key_type) {
    const std::string_view curve_name = r.text();
    const ByteView point = r.string();
    const BignumPtr d = r.mpint();
    if (!r.ok() || !d || key_type != std::string(ecdsa_prefix) + std::string(curve_name)) return nullptr;
    for (const Curve& curve : curves) {
        if (curve.ssh != curve_name) continue;
        const ParamBldPtr bld(OSSL_PARAM_BLD_new());
        const std::string group(curve.openssl);
        if (!bld || !OSSL_PARAM_BLD_push_utf8_string(bld.get(), OSSL_PKEY_PARAM_GROUP_NAME, group.c_str(), 0) ||
            !OSSL_PARAM_BLD_push_octet_string(bld.get(), OSSL_PKEY_PARAM_PUB_KEY, point.data(), point.size()) ||
            !OSSL_PARAM_BLD_push_BN(bld.get(), OSSL_PKEY_PARAM_PRIV_KEY, d.get()))
            return nullptr;
        return from_params("EC", bld.get());
    }
    return nullptr;
}

PkeyPtr read_rsa(WireReader& r) {
    const BignumPtr n = r.mpint(), e = r.mpint(), d = r.mpint(), iqmp = r.mpint(), p = r.mpint(), q = r.mpint();
    if (!r.ok() || !n || !e || !d || !iqmp || !p || !q) return nullptr;
    // PKCS#1 also wants d mod (p-1) and d mod (q-1), which OpenSSH does not store.
    const BnCtxPtr ctx(BN_CTX_secure_new());
    const BignumPtr p1(BN_dup(p.get())), q1(BN_dup(q.get())), dmp1(BN_secure_new()), dmq1(BN_secure_new());
    if (!ctx || !p1 || !q1 || !dmp1 || !dmq1 || !BN_sub_word(p1.get(), 1) || !BN_sub_word(q1.get(), 1) ||
        !BN_mod(dmp1.get(), d.get(), p1.get(), ctx.get()) || !BN_mod(dmq1.get(), d.get(), q1.get(), ctx.get()))
        return nullptr;
    const ParamBldPtr bld(OSSL_PARAM_BLD_new());
    if (!bld || !OSSL_PARAM_BLD_push_BN(bld.get(), OSSL_PKEY_PARAM_RSA_N, n.get()) ||
        !OSSL_PARAM_BLD_push_BN(bld.get(), OSSL_PKEY_PARAM_RSA_E, e.get()) ||
        !OSSL_PARAM_BLD_push_BN(bld.get(), OSSL_PKEY_PARAM_RSA_D, d.get()) ||
        !OSSL_PARAM_BLD_push_BN(bld.get(), OSSL_PKEY_PARAM_RSA_FACTOR1, p.get()) ||
        !OSSL_PARAM_BLD_push_BN(bld.get(), OSSL_PKEY_PARAM_RSA_FACTOR2, q.get()) ||
        !OSSL_PARAM_BLD_push_BN(bld.get(), OSSL_PKEY_PARAM_RSA_EXPONENT1, dmp1.get()) ||
        !OSSL_PARAM_BLD_push_BN(bld.get(), OSSL_PKEY_PARAM_RSA_EXPONENT2, dmq1.get()) ||
        !OSSL_PARAM_BLD_push_BN(bld.get(), OSSL_PKEY_PARAM_RSA_COEFFICIENT1, iqmp.get()))
        return nullptr;
    return from_params("RSA", bld.get());
}

BignumPtr bn_param(const EVP_PKEY* key, const char* name) {
    BIGNUM* bn = nullptr;
    if (EVP_PKEY_get_bn_param(key, name, &bn) <= 0) return nullptr;
    return BignumPtr(bn);
}

// The key's SSH type, public blob and the type-specific private fields of PROTOCOL.key.
struct SshParts {
    std::string key_type;
    WireWriter blob;
    WireWriter private_fields;
};

std::optional<SshParts> ssh_parts(ByteView pkcs8) {
    const PkeyPtr key = load_pkcs8(pkcs8);
    if (!key) return std::nullopt;
    SshParts parts;
    switch (EVP_PKEY_get_base_id(key.get())) {
        case EVP_PKEY_ED25519: {
            SecureBytes both(2 * ed25519_bytes);
            std::size_t priv_n = ed25519_bytes, pub_n = ed25519_bytes;
            if (EVP_PKEY_get_raw_private_key(key.get(), both.data(), &priv_n) <= 0 ||
                EVP_PKEY_get_raw_public_key(key.get(), both.data() + ed25519_bytes, &pub_n) <= 0)
                return std::nullopt;
            const ByteView pub(both.data() + ed25519_bytes, ed25519_bytes);
            parts.key_type = "ssh-ed25519";
            parts.blob.text(parts.key_type);
            parts.blob.string(pub);
            parts.private_fields.string(pub);
            parts.private_fields.string(both);
            return parts;
        }
        case EVP_PKEY_EC: {
            char group[64] = {};
            std::size_t length = 0;
            if (EVP_PKEY_get_utf8_string_param(key.get(), OSSL_PKEY_PARAM_GROUP_NAME, group, sizeof group, &length) <= 0)
                return std::nullopt;
            const Curve* curve = nullptr;
            for (const Curve& c : curves)
                if (c.openssl == std::string_view(group, length)) curve = &c;
            if (!curve) return std::nullopt;
            std::size_t point_n = 0;
            if (EVP_PKEY_get_octet_string_param(key.get(), OSSL_PKEY_PARAM_ENCODED_PUBLIC_KEY, nullptr, 0, &point_n) <= 0)
                return std::nullopt;
            Bytes point(point_n);
            const BignumPtr d = bn_param(key.get(), OSSL_PKEY_PARAM_PRIV_KEY);
            if (EVP_PKEY_get_octet_string_param(key.get(), OSSL_PKEY_PARAM_ENCODED_PUBLIC_KEY, point.data(), point.size(),
                                                &point_n) <= 0 || !d)
                return std::nullopt;
            parts.key_type = std::string(ecdsa_prefix) + std::string(curve->ssh);
            parts.blob.text(parts.key_type);
            parts.blob.text(curve->ssh);
            parts.blob.string(point);
            parts.private_fields.text(curve->ssh);
            parts.private_fields.string(point);
            parts.private_fields.mpint(d.get());
            return parts;
        }
        case EVP_PKEY_RSA: {
            const BignumPtr n = bn_param(key.get(), OSSL_PKEY_PARAM_RSA_N), e = bn_param(key.get(), OSSL_PKEY_PARAM_RSA_E),
                        d = bn_param(key.get(), OSSL_PKEY_PARAM_RSA_D),
                        p = bn_param(key.get(), OSSL_PKEY_PARAM_RSA_FACTOR1),
                        q = bn_param(key.get(), OSSL_PKEY_PARAM_RSA_FACTOR2),
                        iqmp = bn_param(key.get(), OSSL_PKEY_PARAM_RSA_COEFFICIENT1);
            if (!n || !e || !d || !p || !q || !iqmp) return std::nullopt;
            parts.key_type = "ssh-rsa";
            parts.blob.text(parts.key_type);
            parts.blob.mpint(e.get());
            parts.blob.mpint(n.get());
            for (const BIGNUM* bn : {n.get(), e.get(), d.get(), iqmp.get(), p.get(), q.get()}) parts.private_fields.mpint(bn);
            return parts;
        }
        default: return std::nullopt;
    }
}

std::uint32_t derived_check(ByteView blob) {
    const SecureBytes digest = sha256({blob});
    return (std::uint32_t{digest[0]} << 24) | (std::uint32_t{digest[1]} << 16) | (std::uint32_t{digest[2]} << 8) |
           std::uint32_t{digest[3]};
}

OpenSshParse problem(OpenSshProblem p, std::string detail = {}) { return {std::nullopt, p, std::move(detail)}; }

}  // namespace

OpenSshParse parse_openssh_private_key(std::string_view pem) {
    const auto first = pem.find(pem_begin);
    const auto last = pem.find(pem_end);
    if (first == std::string_view::npos || last == std::string_view::npos || last < first)
        return problem(OpenSshProblem::not_openssh);
    Secret body;
    std::size_t width = 0, line = 0;
    for (const char c : pem.substr(first + pem_begin.size(), last - first - pem_begin.size())) {
        if (c == '\n' || c == '\r') {
            width = std::max(width, line);
            line = 0;
        } else if (c != ' ' && c != '\t') {
            body.push_back(c);
            ++line;
        }
    }
    const auto raw = encoding::base64_decode_secure(body.view());
    if (!raw || raw->size() < magic.size() || as_text(ByteView(*raw).first(magic.size())) != magic)
        return problem(OpenSshProblem::malformed, "not an openssh-key-v1 structure");

    WireReader outer(ByteView(*raw).subspan(magic.size()));
    const std::string_view cipher = outer.text();
    outer.text();  // kdf name
    outer.string();  // kdf options
    const std::uint32_t keys = outer.u32();
    const ByteView public_blob = outer.string();
    const ByteView private_section = outer.string();
    if (!outer.ok()) return problem(OpenSshProblem::malformed, "truncated");
    if (cipher != "none") return problem(OpenSshProblem::encrypted, std::string(cipher));
    if (keys != 1) return problem(OpenSshProblem::unsupported_type, std::to_string(keys) + " keys in one file");

    WireReader r(private_section);
    const std::uint32_t check1 = r.u32(), check2 = r.u32();
    const std::string key_type(r.text());
    if (!r.ok() || check1 != check2) return problem(OpenSshProblem::malformed, "check integers differ");
    PkeyPtr key;
    if (key_type == "ssh-ed25519") key = read_ed25519(r);
    else if (key_type.starts_with(ecdsa_prefix)) key = read_ecdsa(r, key_type);
    else if (key_type == "ssh-rsa") key = read_rsa(r);
    else return problem(OpenSshProblem::unsupported_type, key_type);
    const std::string comment(r.text());
    ERR_clear_error();
    if (!key || !r.ok()) return problem(OpenSshProblem::malformed, "damaged " + key_type + " key");
    auto der = to_pkcs8(key.get());
    ERR_clear_error();
    if (!der) return problem(OpenSshProblem::malformed, "damaged " + key_type + " key");
    const auto parts = ssh_parts(*der);
    ERR_clear_error();
    if (!parts || !equal_ct(parts->blob.out, public_blob))
        return problem(OpenSshProblem::malformed, "the public key does not belong to the private key");
    return {OpenSshKey{std::move(*der), key_type, comment, check1, width == 0 ? body.size() : width}, OpenSshProblem::malformed, {}};
}

std::optional<Secret> openssh_private_key(ByteView pkcs8, std::string_view comment, std::optional<std::uint32_t> check,
                                          std::size_t line_width) {
    auto parts = ssh_parts(pkcs8);
    ERR_clear_error();
    if (!parts) return std::nullopt;
    const std::uint32_t check_value = check.value_or(derived_check(parts->blob.out));

    WireWriter section;
    section.u32(check_value);
    section.u32(check_value);
    section.text(parts->key_type);
    section.out.insert(section.out.end(), parts->private_fields.out.begin(), parts->private_fields.out.end());
    section.text(comment);
    for (std::uint8_t pad = 1; section.out.size() % 8 != 0; ++pad) section.out.push_back(pad);

    WireWriter file;
    file.out.assign(magic.begin(), magic.end());
    file.text("none");
    file.text("none");
    file.text("");
    file.u32(1);
    file.string(parts->blob.out);
    file.string(section.out);

    const Secret body = encoding::base64_encode_secret(file.out);
    Secret pem(pem_begin);
    pem.push_back('\n');
    if (line_width == 0) line_width = body.size();
    for (std::size_t at = 0; at < body.size(); at += line_width) {
        pem.append(body.view().substr(at, line_width));
        pem.push_back('\n');
    }
    pem.append(pem_end);
    pem.push_back('\n');
    return pem;
}

std::optional<Bytes> ssh_public_key_blob(ByteView pkcs8) {
    auto parts = ssh_parts(pkcs8);
    ERR_clear_error();
    if (!parts) return std::nullopt;
    return Bytes(parts->blob.out.begin(), parts->blob.out.end());
}

std::string ssh_public_key_line(ByteView blob, std::string_view comment) {
    WireReader r(blob);
    std::string line(r.text());
    line += ' ';
    line += encoding::base64_encode(blob);
    if (!comment.empty()) {
        line += ' ';
        line += comment;
    }
    return line;
}

std::string ssh_fingerprint_sha256(ByteView blob) {
    const SecureBytes digest = sha256({blob});
    std::string b64 = encoding::base64_encode(digest);
    while (!b64.empty() && b64.back() == '=') b64.pop_back();
    return "SHA256:" + b64;
}

}  // namespace cxf::crypto
