#!/usr/bin/python3
# SPDX-License-Identifier: MIT
# Independent reference for Bitwarden's password-protected JSON export, written from the published
# scheme (shared/docs/formats/1password-bitwarden.md B.3; Bitwarden help "Encrypted exports") with
# Debian's python3-cryptography and python3-argon2, to cross-check the C++ implementation.
#
#   bw_export.py decrypt ENVELOPE OUT --password-file FILE
#   bw_export.py encrypt PLAIN OUT --password-file FILE --kdf pbkdf2 --iterations N
#   bw_export.py encrypt PLAIN OUT --password-file FILE --kdf argon2id --iterations N --memory MIB --parallelism P
#
# Exit status: 0 done, 2 wrong password, 3 data MAC mismatch, 1 anything else.

import argparse
import base64
import json
import os
import sys
import uuid

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, hmac, padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.kdf.hkdf import HKDFExpand
from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC

PBKDF2_SHA256 = 0
ARGON2ID = 1


class WrongPassword(Exception):
    pass


class DataIntegrity(Exception):
    pass


def master_key(password, salt_text, kdf_type, iterations, memory_mib, parallelism):
    # The salt is the base64 text as written, used as UTF-8 bytes, not the bytes it encodes.
    salt = salt_text.encode("utf-8")
    if kdf_type == PBKDF2_SHA256:
        return PBKDF2HMAC(algorithm=hashes.SHA256(), length=32, salt=salt, iterations=iterations).derive(password)
    if kdf_type == ARGON2ID:
        digest = hashes.Hash(hashes.SHA256())
        digest.update(salt)
        return hash_secret_raw(password, digest.finalize(), time_cost=iterations, memory_cost=memory_mib * 1024,
                               parallelism=parallelism, hash_len=32, type=Type.ID, version=19)
    raise ValueError("unknown kdfType %r" % kdf_type)


def stretch(master):
    # HKDF-Expand only (RFC 5869 section 2.3), the master key being the PRK.
    enc = HKDFExpand(algorithm=hashes.SHA256(), length=32, info=b"enc").derive(master)
    mac = HKDFExpand(algorithm=hashes.SHA256(), length=32, info=b"mac").derive(master)
    return enc, mac


def split_enc_string(text):
    kind, _, rest = text.partition(".")
    if kind != "2":
        raise ValueError("not a type 2 EncString")
    parts = rest.split("|")
    if len(parts) != 3:
        raise ValueError("a type 2 EncString has three parts")
    iv, ct, mac = (base64.b64decode(p, validate=True) for p in parts)
    if len(iv) != 16 or len(mac) != 32 or not ct or len(ct) % 16:
        raise ValueError("bad EncString part sizes")
    return iv, ct, mac


def mac_ok(mac_key, iv, ct, mac):
    h = hmac.HMAC(mac_key, hashes.SHA256())
    h.update(iv + ct)
    try:
        h.verify(mac)
        return True
    except InvalidSignature:
        return False


def aes_cbc_decrypt(enc_key, iv, ct):
    decryptor = Cipher(algorithms.AES(enc_key), modes.CBC(iv)).decryptor()
    padded = decryptor.update(ct) + decryptor.finalize()
    unpadder = padding.PKCS7(128).unpadder()
    return unpadder.update(padded) + unpadder.finalize()


def enc_string(enc_key, mac_key, plaintext):
    iv = os.urandom(16)
    padder = padding.PKCS7(128).padder()
    padded = padder.update(plaintext) + padder.finalize()
    encryptor = Cipher(algorithms.AES(enc_key), modes.CBC(iv)).encryptor()
    ct = encryptor.update(padded) + encryptor.finalize()
    h = hmac.HMAC(mac_key, hashes.SHA256())
    h.update(iv + ct)
    mac = h.finalize()
    return "2." + "|".join(base64.b64encode(x).decode("ascii") for x in (iv, ct, mac))


def decrypt(envelope_text, password):
    doc = json.loads(envelope_text)
    if doc.get("encrypted") is not True or doc.get("passwordProtected") is not True:
        raise ValueError("not a password-protected export")
    master = master_key(password, doc["salt"], doc["kdfType"], doc["kdfIterations"], doc.get("kdfMemory"),
                        doc.get("kdfParallelism"))
    enc_key, mac_key = stretch(master)
    if not mac_ok(mac_key, *split_enc_string(doc["encKeyValidation_DO_NOT_EDIT"])):
        raise WrongPassword()
    iv, ct, mac = split_enc_string(doc["data"])
    if not mac_ok(mac_key, iv, ct, mac):
        raise DataIntegrity()
    return aes_cbc_decrypt(enc_key, iv, ct)


def encrypt(plain, password, kdf_type, iterations, memory_mib, parallelism):
    salt = base64.b64encode(os.urandom(16)).decode("ascii")
    enc_key, mac_key = stretch(master_key(password, salt, kdf_type, iterations, memory_mib, parallelism))
    doc = {
        "encrypted": True,
        "passwordProtected": True,
        "salt": salt,
        "kdfType": kdf_type,
        "kdfIterations": iterations,
        "encKeyValidation_DO_NOT_EDIT": enc_string(enc_key, mac_key, str(uuid.uuid4()).encode("ascii")),
        "data": enc_string(enc_key, mac_key, plain),
    }
    if kdf_type == ARGON2ID:
        doc["kdfMemory"] = memory_mib
        doc["kdfParallelism"] = parallelism
    return json.dumps(doc, indent=2).encode("utf-8")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("command", choices=["decrypt", "encrypt"])
    parser.add_argument("input")
    parser.add_argument("output")
    parser.add_argument("--password-file", required=True)
    parser.add_argument("--kdf", choices=["pbkdf2", "argon2id"], default="pbkdf2")
    parser.add_argument("--iterations", type=int, default=600000)
    parser.add_argument("--memory", type=int, default=64)
    parser.add_argument("--parallelism", type=int, default=4)
    args = parser.parse_args()

    with open(args.password_file, "rb") as f:
        password = f.read()
    with open(args.input, "rb") as f:
        data = f.read()
    try:
        if args.command == "decrypt":
            out = decrypt(data.decode("utf-8"), password)
        else:
            kdf_type = ARGON2ID if args.kdf == "argon2id" else PBKDF2_SHA256
            out = encrypt(data, password, kdf_type, args.iterations, args.memory, args.parallelism)
    except WrongPassword:
        return 2
    except DataIntegrity:
        return 3
    with open(args.output, "wb") as f:
        f.write(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
