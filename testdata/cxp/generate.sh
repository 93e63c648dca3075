#!/bin/sh
# SPDX-License-Identifier: MIT
# Regenerates the .cxp fixtures here with the independent Python reference (tests/cxp/reference), not
# with cxf: a fresh X25519 importer key, its ExportRequest, and payload.cxf.json plus the 17-byte
# document "hello attachment\n" sealed the way nvinuesa/cxporter lays archives out.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
ref="$here/../../tests/cxp/reference"
py="/usr/bin/python3 -B"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

$py "$ref/jwe_ref.py" keygen X25519 "$here/importer-x25519.pem" "$tmp/key.jwk"
$py -c 'import json, sys
key = json.load(open(sys.argv[1]))
print(json.dumps({"version": 0, "hpke": [{"mode": "base", "kem": 32, "kdf": 1, "aead": 2, "key": key}],
                  "importer": "cxf.local"}))' "$tmp/key.jwk" > "$here/request-x25519.json"
mkdir "$tmp/documents"
printf 'hello attachment\n' > "$tmp/documents/ZmlsZS0x"
$py "$ref/cxp_archive_ref.py" seal "$here/request-x25519.json" "$here/payload.cxf.json" "$tmp/documents" \
    "$here/cxporter-shared-context.cxp" --cxporter --shared
