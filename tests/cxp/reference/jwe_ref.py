# SPDX-License-Identifier: MIT
# Independent reference for the CXP JWE convention (cxf's docs: the `.cxp` archive contract): JWE compact
# serialisation with HPKE base mode as the content encryption. Written from that contract and RFC 7516/7517,
# on hpke_ref.py; shares no code with cxf.
#
#   jwe_ref.py keygen X25519|P-256 PRIVATE_PEM_OUT PUBLIC_JWK_OUT
#   jwe_ref.py encrypt PUBLIC_JWK AES128GCM|AES256GCM|ChaCha20Poly1305 PLAINTEXT JWE_OUT
#   jwe_ref.py encrypt-shared PUBLIC_JWK AEAD OUT_PREFIX PLAINTEXT...   one HPKE context, iv = nonce(seq)
#   jwe_ref.py decrypt PRIVATE_PEM JWE PLAINTEXT_OUT
#   jwe_ref.py thumbprint PUBLIC_JWK                                    prints the RFC 7638 thumbprint

import base64
import hashlib
import json
import sys

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, x25519

import hpke_ref as hpke

AEAD_NAMES = {  # alg suffix: (HPKE AEAD id, JWE enc)
    "AES128GCM": (hpke.AEAD_AES128GCM, "A128GCM"),
    "AES256GCM": (hpke.AEAD_AES256GCM, "A256GCM"),
    "ChaCha20Poly1305": (hpke.AEAD_CHACHA20, "C20P"),
}
KEM_NAMES = {"X25519": hpke.KEM_X25519, "P256": hpke.KEM_P256}


def b64u(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def unb64u(text):
    if any(c not in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_" for c in text):
        raise ValueError("not base64url")
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


# RFC 7517 JWK <-> serialised KEM public key (RFC 9180 §7.1.1).
def jwk_to_public_bytes(jwk):
    if jwk.get("kty") == "OKP" and jwk.get("crv") == "X25519":
        return hpke.KEM_X25519, unb64u(jwk["x"])
    if jwk.get("kty") == "EC" and jwk.get("crv") == "P-256":
        return hpke.KEM_P256, b"\x04" + unb64u(jwk["x"]) + unb64u(jwk["y"])
    raise ValueError("unsupported JWK")


def public_bytes_to_jwk(kem_id, data):
    if kem_id == hpke.KEM_X25519:
        return {"kty": "OKP", "crv": "X25519", "x": b64u(data)}
    return {"kty": "EC", "crv": "P-256", "x": b64u(data[1:33]), "y": b64u(data[33:65])}


# RFC 7638 §3: the required members only, sorted, no whitespace.
def thumbprint(jwk):
    required = ["crv", "kty", "x"] + (["y"] if jwk["kty"] == "EC" else [])
    canonical = json.dumps({k: jwk[k] for k in required}, sort_keys=True, separators=(",", ":"))
    return b64u(hashlib.sha256(canonical.encode("utf-8")).digest())


def header_for(kem_id, aead_name, enc):
    kem_name = "X25519" if kem_id == hpke.KEM_X25519 else "P256"
    header = {"alg": "HPKE-Base-%s-SHA256-%s" % (kem_name, aead_name), "enc": AEAD_NAMES[aead_name][1],
              "epk": public_bytes_to_jwk(kem_id, enc)}
    return b64u(json.dumps(header, separators=(",", ":")).encode("utf-8"))


def seal_one(context, protected, iv, plaintext):
    sealed = context.seal(protected.encode("ascii"), plaintext)
    return ".".join([protected, "", b64u(iv), b64u(sealed[:-16]), b64u(sealed[-16:])])


def encrypt(jwk_path, aead_name, plaintexts):
    with open(jwk_path) as f:
        kem_id, pk_bytes = jwk_to_public_bytes(json.load(f))
    kem = hpke.Kem(kem_id)
    enc, context = hpke.setup_base_s(kem, hpke.KDF_SHA256, AEAD_NAMES[aead_name][0],
                                     kem.deserialize_public(pk_bytes), b"")
    protected = header_for(kem_id, aead_name, enc)
    out = []
    for plaintext in plaintexts:
        iv = context.nonce()
        out.append(seal_one(context, protected, iv, plaintext))
    return out


def decrypt(pem_path, jwe):
    parts = jwe.strip().split(".")
    if len(parts) != 5 or parts[1] != "":
        raise ValueError("not a 5-part JWE with an empty encrypted key")
    header = json.loads(unb64u(parts[0]))
    prefix, _, rest = header["alg"].partition("HPKE-Base-")
    kem_name, kdf_name, aead_name = rest.split("-")
    if prefix or kdf_name != "SHA256" or kem_name not in KEM_NAMES or aead_name not in AEAD_NAMES:
        raise ValueError("unsupported alg")
    if header["enc"] != AEAD_NAMES[aead_name][1]:
        raise ValueError("enc does not match alg")
    kem_id, enc = jwk_to_public_bytes(header["epk"])
    if kem_id != KEM_NAMES[kem_name]:
        raise ValueError("epk does not match alg")
    with open(pem_path, "rb") as f:
        sk = serialization.load_pem_private_key(f.read(), password=None)
    kem = hpke.Kem(kem_id)
    context = hpke.setup_base_r(kem, hpke.KDF_SHA256, AEAD_NAMES[aead_name][0], enc, sk, b"")
    return context.open(parts[0].encode("ascii"), unb64u(parts[3]) + unb64u(parts[4]), nonce=unb64u(parts[2]))


def keygen(curve, pem_out, jwk_out):
    if curve == "X25519":
        sk = x25519.X25519PrivateKey.generate()
        kem_id = hpke.KEM_X25519
    else:
        sk = ec.generate_private_key(ec.SECP256R1())
        kem_id = hpke.KEM_P256
    with open(pem_out, "wb") as f:
        f.write(sk.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                 serialization.NoEncryption()))
    with open(jwk_out, "w") as f:
        json.dump(public_bytes_to_jwk(kem_id, hpke.Kem(kem_id).serialize_public(sk.public_key())), f)


def main(argv):
    command = argv[1] if len(argv) > 1 else ""
    if command == "keygen" and len(argv) == 5:
        keygen(argv[2], argv[3], argv[4])
    elif command == "encrypt" and len(argv) == 6:
        with open(argv[4], "rb") as f:
            jwe = encrypt(argv[2], argv[3], [f.read()])[0]
        with open(argv[5], "w") as f:
            f.write(jwe)
    elif command == "encrypt-shared" and len(argv) >= 6:
        plaintexts = []
        for path in argv[5:]:
            with open(path, "rb") as f:
                plaintexts.append(f.read())
        for i, jwe in enumerate(encrypt(argv[2], argv[3], plaintexts)):
            with open("%s%d.jwe" % (argv[4], i), "w") as f:
                f.write(jwe)
    elif command == "thumbprint" and len(argv) == 3:
        with open(argv[2]) as f:
            print(thumbprint(json.load(f)))
    elif command == "decrypt" and len(argv) == 5:
        with open(argv[3]) as f:
            plaintext = decrypt(argv[2], f.read())
        with open(argv[4], "wb") as f:
            f.write(plaintext)
    else:
        sys.exit("usage: see the comment at the top of jwe_ref.py")


if __name__ == "__main__":
    try:
        main(sys.argv)
    except Exception as e:  # one line, not a traceback: the tests expect some failures
        sys.exit("jwe_ref.py: %s: %s" % (type(e).__name__, e))
