#!/usr/bin/env python3
"""Writes a synthetic CXF 1.0 document with N items (deterministic for a given seed).

Items look like real vaults: every one a login (basic-auth, URL, tags), a third with TOTP, a tenth
with a passkey, a fifth with a note, some with custom fields; 1 000 collections link them.
usage: generate.py OUT.cxf [--items N] [--seed S]
"""
import argparse
import base64
import json
import random


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


# One EC P-256 PKCS#8 key (the CXF spec's Appendix A example): the bench measures parsing, not keygen.
P256_KEY = ("MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgARu_0sCt20EpgVxb4Puq3Ga5VVLpuTY75ngvZlyq3X6hRANCAASmd"
            "k1xLsK0oOlhxIPp0d1ZuS0sT9nf6BZtSelhqvLBW0fOL33l_bXgsr_STUHjCLn8l6gcRJwe7OQvbQubZ1dY")
WORDS = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliett", "kilo", "lima",
         "mike", "november", "oscar", "papa", "québec", "romeo", "sierra", "tango", "ünïcode", "victor", "whiskey"]


def field(kind, value, label=None):
    f = {"fieldType": kind, "value": value}
    if label:
        f["label"] = label
    return f


def item(rng: random.Random, n: int) -> dict:
    site = f"{rng.choice(WORDS)}{n}.example.com"
    creds = [{"type": "basic-auth",
              "username": field("string", f"user{n}@{site}"),
              "password": field("concealed-string", "".join(rng.choice("abcdefghijkmnpqrstuvwxyz0123456789!#$%") for _ in range(20)))}]
    if n % 3 == 0:
        creds.append({"type": "totp", "secret": base64.b32encode(rng.randbytes(10)).decode(), "period": 30,
                      "digits": 6, "algorithm": "sha1", "issuer": site})
    if n % 10 == 0:
        creds.append({"type": "passkey", "credentialId": b64(rng.randbytes(16)), "rpId": site, "username": f"user{n}",
                      "userDisplayName": f"User {n}", "userHandle": b64(rng.randbytes(32)), "key": P256_KEY})
    if n % 5 == 0:
        creds.append({"type": "note", "content": field("string", " ".join(rng.choice(WORDS) for _ in range(30)))})
    if n % 7 == 0:
        creds.append({"type": "custom-fields", "label": "Extra", "fields": [
            field("string", rng.choice(WORDS), "hint"), field("concealed-string", b64(rng.randbytes(12)), "pin")]})
    return {"id": b64(n.to_bytes(16, "big")), "creationAt": 1600000000 + n, "modifiedAt": 1700000000 + n,
            "title": f"{rng.choice(WORDS).capitalize()} {n}", "scope": {"urls": [f"https://{site}/login"], "androidApps": []},
            "credentials": creds, "tags": [rng.choice(WORDS)]}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    items = [item(rng, n) for n in range(args.items)]
    collections = [{"id": b64(b"col" + c.to_bytes(4, "big")), "title": f"Folder {c}",
                    "items": [{"item": items[i]["id"]} for i in range(c, args.items, 1000)]} for c in range(min(1000, args.items))]
    doc = {"version": {"major": 1, "minor": 0}, "exporterRpId": "bench.example", "exporterDisplayName": "bench",
           "timestamp": 1700000000, "accounts": [{"id": b64(b"account"), "username": "bench", "email": "bench@example.com",
                                                  "collections": collections, "items": items}]}
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump(doc, f, indent=2, ensure_ascii=False)


if __name__ == "__main__":
    main()
