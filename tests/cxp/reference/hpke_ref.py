# SPDX-License-Identifier: MIT
# Independent reference HPKE (RFC 9180), base mode only, for cross-checking cxf's C++ implementation.
# Written from the RFC text on pyca/cryptography primitives; shares no code with cxf.
#
#   hpke_ref.py vectors FILE...   checks every base-mode vector of a supported suite; prints "checked N"

import hashlib
import hmac
import json
import os
import sys

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, x25519
from cryptography.hazmat.primitives.ciphers.aead import AESGCM, ChaCha20Poly1305

KEM_P256, KEM_X25519 = 0x0010, 0x0020
KDF_SHA256 = 0x0001
AEAD_AES128GCM, AEAD_AES256GCM, AEAD_CHACHA20, AEAD_EXPORT_ONLY = 0x0001, 0x0002, 0x0003, 0xFFFF
MODE_BASE = 0

P256_ORDER = 0xFFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551

AEADS = {  # id: (class, Nk)
    AEAD_AES128GCM: (AESGCM, 16),
    AEAD_AES256GCM: (AESGCM, 32),
    AEAD_CHACHA20: (ChaCha20Poly1305, 32),
    AEAD_EXPORT_ONLY: (None, 0),
}
NN, NH = 12, 32


def i2osp(n, w):
    return n.to_bytes(w, "big")


# RFC 5869 with SHA-256 (the only KDF this reference needs).
def hkdf_extract(salt, ikm):
    return hmac.new(salt or bytes(NH), ikm, hashlib.sha256).digest()


def hkdf_expand(prk, info, length):
    out, block, counter = b"", b"", 1
    while len(out) < length:
        block = hmac.new(prk, block + info + bytes([counter]), hashlib.sha256).digest()
        out += block
        counter += 1
    return out[:length]


# RFC 9180 §4.
def labeled_extract(suite_id, salt, label, ikm):
    return hkdf_extract(salt, b"HPKE-v1" + suite_id + label + ikm)


def labeled_expand(suite_id, prk, label, info, length):
    return hkdf_expand(prk, i2osp(length, 2) + b"HPKE-v1" + suite_id + label + info, length)


class Kem:
    """DHKEM(X25519, HKDF-SHA256) or DHKEM(P-256, HKDF-SHA256), RFC 9180 §4.1 and §7.1."""

    def __init__(self, kem_id):
        if kem_id not in (KEM_P256, KEM_X25519):
            raise ValueError("unsupported KEM 0x%04x" % kem_id)
        self.id = kem_id
        self.suite_id = b"KEM" + i2osp(kem_id, 2)
        self.npk = 65 if kem_id == KEM_P256 else 32

    def derive_key_pair(self, ikm):
        prk = labeled_extract(self.suite_id, b"", b"dkp_prk", ikm)
        if self.id == KEM_X25519:
            sk = x25519.X25519PrivateKey.from_private_bytes(labeled_expand(self.suite_id, prk, b"sk", b"", 32))
            return sk, sk.public_key()
        for counter in range(256):
            candidate = labeled_expand(self.suite_id, prk, b"candidate", bytes([counter]), 32)
            scalar = int.from_bytes(candidate, "big")  # bitmask 0xff for P-256
            if 0 < scalar < P256_ORDER:
                sk = ec.derive_private_key(scalar, ec.SECP256R1())
                return sk, sk.public_key()
        raise ValueError("DeriveKeyPairError")

    def generate_key_pair(self):
        return self.derive_key_pair(os.urandom(32))

    def serialize_public(self, pk):
        if self.id == KEM_X25519:
            return pk.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
        return pk.public_bytes(serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint)

    def serialize_private(self, sk):
        if self.id == KEM_X25519:
            return sk.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw,
                                    serialization.NoEncryption())
        return i2osp(sk.private_numbers().private_value, 32)

    def deserialize_public(self, data):
        if len(data) != self.npk:
            raise ValueError("public key length")
        if self.id == KEM_X25519:
            return x25519.X25519PublicKey.from_public_bytes(data)
        return ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), data)  # checks the curve

    def dh(self, sk, pk):
        if self.id == KEM_X25519:
            shared = sk.exchange(pk)
            if shared == bytes(32):
                raise ValueError("all-zero X25519 shared secret")
            return shared
        return sk.exchange(ec.ECDH(), pk)

    def extract_and_expand(self, dh, kem_context):
        eae_prk = labeled_extract(self.suite_id, b"", b"eae_prk", dh)
        return labeled_expand(self.suite_id, eae_prk, b"shared_secret", kem_context, 32)

    def encap(self, pk_r, ephemeral=None):
        sk_e, pk_e = ephemeral or self.generate_key_pair()
        enc = self.serialize_public(pk_e)
        kem_context = enc + self.serialize_public(pk_r)
        return self.extract_and_expand(self.dh(sk_e, pk_r), kem_context), enc

    def decap(self, enc, sk_r):
        pk_e = self.deserialize_public(enc)
        kem_context = enc + self.serialize_public(sk_r.public_key())
        return self.extract_and_expand(self.dh(sk_r, pk_e), kem_context)


class Context:
    """RFC 9180 §5.1 key schedule (base mode) and §5.2/§5.3 encryption and export."""

    def __init__(self, kem, kdf_id, aead_id, shared_secret, info):
        if kdf_id != KDF_SHA256:
            raise ValueError("unsupported KDF 0x%04x" % kdf_id)
        if aead_id not in AEADS:
            raise ValueError("unsupported AEAD 0x%04x" % aead_id)
        self.aead_cls, nk = AEADS[aead_id]
        self.suite_id = b"HPKE" + i2osp(kem.id, 2) + i2osp(kdf_id, 2) + i2osp(aead_id, 2)
        psk, psk_id = b"", b""
        ks_context = (bytes([MODE_BASE]) + labeled_extract(self.suite_id, b"", b"psk_id_hash", psk_id)
                      + labeled_extract(self.suite_id, b"", b"info_hash", info))
        secret = labeled_extract(self.suite_id, shared_secret, b"secret", psk)
        self.key = labeled_expand(self.suite_id, secret, b"key", ks_context, nk)
        self.base_nonce = labeled_expand(self.suite_id, secret, b"base_nonce", ks_context, NN if nk else 0)
        self.exporter_secret = labeled_expand(self.suite_id, secret, b"exp", ks_context, NH)
        self.seq = 0

    def nonce(self, seq=None):
        seq = self.seq if seq is None else seq
        return bytes(a ^ b for a, b in zip(self.base_nonce, i2osp(seq, NN)))

    def seal(self, aad, pt):
        ct = self.aead_cls(self.key).encrypt(self.nonce(), pt, aad)
        self.seq += 1
        return ct

    def open(self, aad, ct, nonce=None):
        pt = self.aead_cls(self.key).decrypt(nonce or self.nonce(), ct, aad)
        if nonce is None:
            self.seq += 1
        return pt

    def export(self, exporter_context, length):
        return labeled_expand(self.suite_id, self.exporter_secret, b"sec", exporter_context, length)


def setup_base_s(kem, kdf_id, aead_id, pk_r, info, ephemeral=None):
    shared_secret, enc = kem.encap(pk_r, ephemeral)
    return enc, Context(kem, kdf_id, aead_id, shared_secret, info)


def setup_base_r(kem, kdf_id, aead_id, enc, sk_r, info):
    return Context(kem, kdf_id, aead_id, kem.decap(enc, sk_r), info)


# --- test vectors --------------------------------------------------------------------------------

def flatten(document):
    """Both vector shapes: a list of suites with modes (RFC), or one flat object (derived)."""
    if isinstance(document, dict):
        yield document, document
        return
    for suite in document:
        for mode in suite["modes"]:
            yield mode["setup"], mode


def check_vector(setup, body):
    h = bytes.fromhex
    kem = Kem(int(setup["kem_id"]))
    kdf_id, aead_id = int(setup["kdf_id"]), int(setup["aead_id"])
    sk_e, pk_e = kem.derive_key_pair(h(setup["ikmE"]))
    sk_r, pk_r = kem.derive_key_pair(h(setup["ikmR"]))
    assert kem.serialize_private(sk_e) == h(setup["skEm"]), "skEm"
    assert kem.serialize_public(pk_e) == h(setup["pkEm"]), "pkEm"
    assert kem.serialize_private(sk_r) == h(setup["skRm"]), "skRm"
    assert kem.serialize_public(pk_r) == h(setup["pkRm"]), "pkRm"
    info = h(setup["info"])
    enc, sender = setup_base_s(kem, kdf_id, aead_id, pk_r, info, (sk_e, pk_e))
    assert enc == h(setup["enc"]), "enc"
    assert sender.key == h(setup["key"]) and sender.base_nonce == h(setup["base_nonce"]), "key schedule"
    assert sender.exporter_secret == h(setup["exporter_secret"]), "exporter_secret"
    receiver = setup_base_r(kem, kdf_id, aead_id, enc, sk_r, info)
    for e in body.get("encryptions", []):
        seq = int(e.get("sequence number", e.get("sequence_number")))
        sender.seq = receiver.seq = seq
        assert sender.nonce() == h(e["nonce"]), "nonce %d" % seq
        assert sender.seal(h(e["aad"]), h(e["pt"])) == h(e["ct"]), "ct %d" % seq
        assert receiver.open(h(e["aad"]), h(e["ct"])) == h(e["pt"]), "pt %d" % seq
    for x in body["exports"]:
        expected = h(x["exported_value"])
        assert sender.export(h(x["exporter_context"]), int(x["L"])) == expected, "export"
        assert receiver.export(h(x["exporter_context"]), int(x["L"])) == expected, "export"


def supported(setup):
    return (int(setup["mode"]) == MODE_BASE and int(setup["kem_id"]) in (KEM_P256, KEM_X25519)
            and int(setup["kdf_id"]) == KDF_SHA256 and int(setup["aead_id"]) in AEADS)


def main(argv):
    if len(argv) < 3 or argv[1] != "vectors":
        sys.exit("usage: hpke_ref.py vectors FILE...")
    checked = 0
    for path in argv[2:]:
        with open(path) as f:
            document = json.load(f)
        for setup, body in flatten(document):
            if supported(setup):
                check_vector(setup, body)
                checked += 1
    print("checked %d" % checked)


if __name__ == "__main__":
    main(sys.argv)
