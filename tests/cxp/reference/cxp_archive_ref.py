# SPDX-License-Identifier: MIT
# Independent reference for the `.cxp` archive convention (the project's archive contract, restated in
# docs/formats/cxp.md): a zip with index.jwe and documents/<file id>.jwe, each a JWE as jwe_ref.py
# writes it. Written from that contract on zipfile, hashlib and jwe_ref.py; shares no code with cxf.
#
#   cxp_archive_ref.py open PRIVATE_PEM ARCHIVE OUT_DIR
#       decrypts index.jwe to OUT_DIR/index.json and every document to OUT_DIR/documents/<file id>,
#       checking each against its file credential's decryptedSize and integrityHash; fails on a missing,
#       extra or mismatching document. Prints the layout, then one line per document.
#   cxp_archive_ref.py seal REQUEST_JSON INDEX_JSON DOCUMENTS_DIR ARCHIVE_OUT [--cxporter] [--shared] [--no-suffix]
#       encrypts INDEX_JSON as index.jwe and every file in DOCUMENTS_DIR (named by file id) as a
#       document, to the first offer of the ExportRequest it can use, without checking anything.
#       --cxporter: everything under CXP-Export/, with its directory entries, as nvinuesa/cxporter
#       writes; --shared: one HPKE context for all JWEs (iv = the context's nonce for each sequence
#       number); --no-suffix: documents/<file id> without ".jwe".

import base64
import hashlib
import json
import os
import sys
import zipfile

import hpke_ref as hpke
import jwe_ref

PREFIXES = ("", "CXP-Export/")
AEAD_LABELS = {hpke.AEAD_AES128GCM: "AES128GCM", hpke.AEAD_AES256GCM: "AES256GCM",
               hpke.AEAD_CHACHA20: "ChaCha20Poly1305"}


def b64u_decode(text):
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def file_credentials(node):
    """Every `file` credential anywhere in the document (items, and earlier versions kept in extensions)."""
    if isinstance(node, dict):
        if node.get("type") == "file" and "id" in node and "integrityHash" in node:
            yield node
        for value in node.values():
            yield from file_credentials(value)
    elif isinstance(node, list):
        for value in node:
            yield from file_credentials(value)


def open_archive(pem_path, archive_path, out_dir):
    with zipfile.ZipFile(archive_path) as archive:
        names = [n for n in archive.namelist() if not n.endswith("/")]
        prefix = next((p for p in PREFIXES if p + "index.jwe" in names), None)
        if prefix is None:
            raise ValueError("no index.jwe")
        print("layout %s" % (prefix or "top"))
        index = jwe_ref.decrypt(pem_path, archive.read(prefix + "index.jwe").decode("ascii"))
        os.makedirs(os.path.join(out_dir, "documents"), exist_ok=True)
        with open(os.path.join(out_dir, "index.json"), "wb") as f:
            f.write(index)
        expected = set()
        for credential in file_credentials(json.loads(index)):
            file_id = credential["id"]
            candidates = [prefix + "documents/" + file_id + ".jwe", prefix + "documents/" + file_id]
            name = next((c for c in candidates if c in names), None)
            if name is None:
                raise ValueError("no document for file %s" % file_id)
            expected.add(name)
            data = jwe_ref.decrypt(pem_path, archive.read(name).decode("ascii"))
            if len(data) != credential["decryptedSize"]:
                raise ValueError("document %s is %d bytes, decryptedSize says %d"
                                 % (file_id, len(data), credential["decryptedSize"]))
            if hashlib.sha256(data).digest() != b64u_decode(credential["integrityHash"]):
                raise ValueError("document %s does not match its integrityHash" % file_id)
            with open(os.path.join(out_dir, "documents", file_id), "wb") as f:
                f.write(data)
            print("document %s %d bytes sha256 ok" % (file_id, len(data)))
        extra = [n for n in names if n.startswith(prefix + "documents/") and n not in expected]
        if extra:
            raise ValueError("documents no file credential names: %s" % ", ".join(extra))


def usable_offer(request):
    for offer in request["hpke"]:
        if (offer.get("mode") == "base" and offer.get("kdf") == hpke.KDF_SHA256 and "key" in offer
                and offer.get("kem") in (hpke.KEM_X25519, hpke.KEM_P256) and offer.get("aead") in AEAD_LABELS):
            return offer
    raise ValueError("no offer this tool can encrypt to")


class Sealer:
    """One fresh HPKE context per JWE, or one shared by all of them."""

    def __init__(self, offer, shared):
        self.kem_id, self.public = jwe_ref.jwk_to_public_bytes(offer["key"])
        if self.kem_id != offer["kem"]:
            raise ValueError("the offer's key is not for its KEM")
        self.aead_id = offer["aead"]
        self.shared = shared
        self.context = None

    def seal(self, plaintext):
        if self.context is None or not self.shared:
            kem = hpke.Kem(self.kem_id)
            enc, self.context = hpke.setup_base_s(kem, hpke.KDF_SHA256, self.aead_id,
                                                  kem.deserialize_public(self.public), b"")
            self.protected = jwe_ref.header_for(self.kem_id, AEAD_LABELS[self.aead_id], enc)
        return jwe_ref.seal_one(self.context, self.protected, self.context.nonce(), plaintext)


def seal_archive(request_path, index_path, documents_dir, archive_path, flags):
    with open(request_path) as f:
        sealer = Sealer(usable_offer(json.load(f)), "--shared" in flags)
    prefix = "CXP-Export/" if "--cxporter" in flags else ""
    suffix = "" if "--no-suffix" in flags else ".jwe"
    with zipfile.ZipFile(archive_path, "w", zipfile.ZIP_DEFLATED) as archive:
        if prefix:
            archive.writestr(prefix, b"")
            archive.writestr(prefix + "documents/", b"")
        with open(index_path, "rb") as f:
            archive.writestr(prefix + "index.jwe", sealer.seal(f.read()))
        for file_id in sorted(os.listdir(documents_dir)):
            with open(os.path.join(documents_dir, file_id), "rb") as f:
                archive.writestr(prefix + "documents/" + file_id + suffix, sealer.seal(f.read()))


def main(argv):
    command = argv[1] if len(argv) > 1 else ""
    if command == "open" and len(argv) == 5:
        open_archive(argv[2], argv[3], argv[4])
    elif command == "seal" and len(argv) >= 6:
        flags = set(argv[6:])
        if not flags <= {"--cxporter", "--shared", "--no-suffix"}:
            sys.exit("unknown flag")
        seal_archive(argv[2], argv[3], argv[4], argv[5], flags)
    else:
        sys.exit("usage: see the comment at the top of cxp_archive_ref.py")


if __name__ == "__main__":
    try:
        main(sys.argv)
    except Exception as e:  # one line, not a traceback: the tests expect some failures
        sys.exit("cxp_archive_ref.py: %s: %s" % (type(e).__name__, e))
