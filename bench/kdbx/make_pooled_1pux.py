#!/usr/bin/python3
# SPDX-License-Identifier: MIT
# A deterministic 1PUX export of N items, 5 % of them documents of ~1.6 KB, for turning into a KDBX 3.1
# whose attachments sit in Meta/Binaries (bench/kdbx/pooled.sh).
# usage: make_pooled_1pux.py OUT.1pux N
import hashlib
import json
import sys
import zipfile

out, count = sys.argv[1], int(sys.argv[2])
items, files = [], []
for i in range(count):
    uuid = f"item{i:022d}"
    entry = {"uuid": uuid, "favIndex": 0, "createdAt": 1700000000 + i, "updatedAt": 1700000100 + i, "state": "active",
             "overview": {"title": f"Item {i}", "url": f"https://site{i}.example", "tags": []},
             "details": {"loginFields": [], "notesPlain": "", "sections": [], "passwordHistory": []}}
    if i % 20 == 0:
        doc_id = f"doc{i:023d}"
        data = b"".join(hashlib.sha256(f"{i}/{k}".encode()).digest() for k in range(50))
        entry["categoryUuid"] = "006"
        entry["details"]["documentAttributes"] = {"fileName": f"scan{i}.bin", "documentId": doc_id,
                                                  "decryptedSize": len(data)}
        files.append((f"files/{doc_id}__scan{i}.bin", data))
    else:
        entry["categoryUuid"] = "001"
        entry["details"]["loginFields"] = [
            {"value": f"user{i}", "name": "username", "fieldType": "T", "designation": "username"},
            {"value": f"pw-{i}-secret", "name": "password", "fieldType": "P", "designation": "password"}]
    items.append(entry)
data = {"accounts": [{"attrs": {"uuid": "BENCHACCOUNT", "name": "Bench", "email": "bench@example.com"},
                      "vaults": [{"attrs": {"uuid": "benchvault", "name": "Bench", "type": "P"}, "items": items}]}]}
with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("export.attributes", json.dumps({"version": 3, "description": "bench", "createdAt": 1700000000}))
    z.writestr("export.data", json.dumps(data))
    for name, content in files:
        z.writestr(name, content)
