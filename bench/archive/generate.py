#!/usr/bin/env python3
"""Writes a plain CXF archive (.cxf.zip, docs/formats/cxp.md) holding ITEMS items, each with one
file credential of SIZE MiB of deterministic pseudo-random bytes (incompressible, like scans,
photos and PDFs), or with --text of log lines (which deflate about 6 times): the input of
bench/archive/run.sh.

usage: generate.py OUT.cxf.zip [--items N] [--mib SIZE] [--text]
"""
import argparse
import base64
import hashlib
import json
import random
import zipfile


def b64url(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--items", type=int, default=4)
    parser.add_argument("--mib", type=int, default=64)
    parser.add_argument("--text", action="store_true")
    args = parser.parse_args()
    rng = random.Random(20261127)
    documents, items = [], []
    for i in range(args.items):
        if args.text:
            data = b"".join(b"%08d log line of a text attachment: %d\n" % (j, rng.randrange(1 << 30))
                            for j in range((args.mib << 20) // 52))
        else:
            data = rng.randbytes(args.mib << 20)
        file_id = b64url(hashlib.sha256(b"file %d" % i).digest()[:16])
        items.append({
            "id": b64url(hashlib.sha256(b"item %d" % i).digest()[:16]),
            "title": "Scan %d" % i,
            "credentials": [{
                "type": "file",
                "id": file_id,
                "name": "scan-%d.bin" % i,
                "decryptedSize": len(data),
                "integrityHash": b64url(hashlib.sha256(data).digest()),
            }],
        })
        documents.append((file_id, data))
    index = {
        "version": {"major": 1, "minor": 0},
        "exporterRpId": "bench.example.com",
        "exporterDisplayName": "cxf bench",
        "timestamp": 1764201600,
        "accounts": [{"id": "YmVuY2g", "username": "bench", "email": "bench@example.com",
                      "collections": [], "items": items}],
    }
    with zipfile.ZipFile(args.out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("index.json", json.dumps(index, indent=2))
        for file_id, data in documents:
            z.writestr("documents/" + file_id, data,
                       compress_type=zipfile.ZIP_DEFLATED if args.text else zipfile.ZIP_STORED)


if __name__ == "__main__":
    main()
