#!/usr/bin/env python3
"""Writes a synthetic CXF 1.0 document shaped like a KeePass database (deterministic for a seed),
for cxf to turn into the benchmark's KDBX file.

Every item a login (user, password, URL, tag) in one of 250 groups (50 top-level, 200 nested);
a third with TOTP, a tenth with a passkey, a fifth with notes, a seventh with custom fields, a
twentieth with two history versions, a hundredth with an extra URL. With --attachment-every K,
every K-th item also gets a file of 0.5–4.5 KB (incompressible bytes) and OUT is a CXF archive
(.cxf.zip: index.json and documents/); the rest of the content does not change.
usage: generate.py OUT.cxf [--items N] [--seed S]
       generate.py OUT.cxf.zip --attachment-every K [--items N] [--seed S]
"""
import argparse
import base64
import hashlib
import json
import random
import zipfile

# One EC P-256 PKCS#8 key (the CXF spec's Appendix A example): the bench measures parsing, not keygen.
P256_KEY = ("MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgARu_0sCt20EpgVxb4Puq3Ga5VVLpuTY75ngvZlyq3X6hRANCAASmd"
            "k1xLsK0oOlhxIPp0d1ZuS0sT9nf6BZtSelhqvLBW0fOL33l_bXgsr_STUHjCLn8l6gcRJwe7OQvbQubZ1dY")
WORDS = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliett", "kilo", "lima",
         "mike", "november", "oscar", "papa", "québec", "romeo", "sierra", "tango", "ünïcode", "victor", "whiskey"]


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def field(kind, value, label=None):
    f = {"fieldType": kind, "value": value}
    if label:
        f["label"] = label
    return f


def login(n, password):
    site = f"{WORDS[n % len(WORDS)]}{n}.example.com"
    return [{"type": "basic-auth", "username": field("string", f"user{n}@{site}"),
             "password": field("concealed-string", password)}], site


def item(rng: random.Random, n: int) -> dict:
    password = "".join(rng.choice("abcdefghijkmnpqrstuvwxyz0123456789!#$%") for _ in range(20))
    creds, site = login(n, password)
    if n % 10 == 0:
        creds.append({"type": "passkey", "credentialId": b64(rng.randbytes(32)), "rpId": site, "username": f"user{n}",
                      "userDisplayName": "", "userHandle": b64(rng.randbytes(16)), "key": P256_KEY})
    if n % 3 == 0:
        creds.append({"type": "totp", "secret": base64.b32encode(rng.randbytes(10)).decode(), "period": 30,
                      "digits": 6, "algorithm": "sha1"})
    if n % 5 == 0:
        creds.append({"type": "note", "content": field("string", " ".join(rng.choice(WORDS) for _ in range(30)))})
    if n % 7 == 0:
        creds.append({"type": "custom-fields", "fields": [field("string", rng.choice(WORDS), "hint"),
                                                          field("concealed-string", b64(rng.randbytes(12)), "pin")]})
    urls = [f"https://{site}/login"] + ([f"https://m.{site}/"] if n % 100 == 0 else [])
    out = {"id": b64(n.to_bytes(16, "big")), "creationAt": 1600000000 + n, "modifiedAt": 1700000000 + n,
           "title": f"{WORDS[n % len(WORDS)].capitalize()} {n}", "scope": {"urls": urls, "androidApps": []},
           "credentials": creds, "tags": [WORDS[(n // 7) % len(WORDS)]]}
    if n % 20 == 0:
        out["extensions"] = [{"name": "cxf.local/history", "items": [
            {"id": out["id"], "creationAt": 1600000000 + n, "modifiedAt": 1650000000 + n + v, "title": out["title"],
             "credentials": login(n, f"old-{v}-{password}")[0]} for v in range(2)]}]
    return out


def attachment(n: int) -> bytes:
    size = 512 + (n * 37) % 4096
    return b"".join(hashlib.sha256(b"%d/%d" % (n, k)).digest() for k in range(size // 32 + 1))[:size]


def attach_files(items, every):
    """Adds a file credential to every `every`-th item; returns {document name: bytes}."""
    documents = {}
    for n in range(0, len(items), every):
        data = attachment(n)
        file_id = b64(hashlib.sha256(b"file %d" % n).digest()[:16])
        items[n]["credentials"].append({"type": "file", "id": file_id, "name": f"scan-{n}.bin",
                                        "decryptedSize": len(data),
                                        "integrityHash": b64(hashlib.sha256(data).digest())})
        documents["documents/" + file_id] = data
    return documents


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--items", type=int, default=50_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--attachment-every", type=int, default=0)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    items = [item(rng, n) for n in range(args.items)]
    documents = attach_files(items, args.attachment_every) if args.attachment_every else None
    groups = [{"id": b64(b"group-%06d" % g), "title": f"Group {g}", "items": [], "subCollections": []} for g in range(50)]
    subs = [{"id": b64(b"sub-%06d" % s), "title": f"Sub {s}", "items": []} for s in range(200)]
    for s, sub in enumerate(subs):
        groups[s % 50]["subCollections"].append(sub)
    for n, it in enumerate(items):
        target = groups[n % 50] if n % 2 == 0 else subs[n % 200]
        target["items"].append({"item": it["id"]})
    doc = {"version": {"major": 1, "minor": 0}, "exporterRpId": "bench.example", "exporterDisplayName": "bench",
           "timestamp": 1700000000,
           "accounts": [{"id": b64(b"bench-account-01"), "username": "bench", "email": "bench@example.com",
                         "collections": groups, "items": items}]}
    if documents is None:
        with open(args.out, "w", encoding="utf-8") as f:
            json.dump(doc, f, ensure_ascii=False)
        return
    with zipfile.ZipFile(args.out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("index.json", json.dumps(doc, ensure_ascii=False))
        for name, data in documents.items():
            z.writestr(name, data, compress_type=zipfile.ZIP_STORED)


if __name__ == "__main__":
    main()
