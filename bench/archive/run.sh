#!/usr/bin/env bash
# Archive benchmark: a plain CXF archive with large attachments (default 4 × 64 MiB, incompressible)
# encrypted to a .cxp archive and decrypted back, copied to a plain archive, and converted to KDBX 4
# and to KDBX 3.1 (AES-KDF 1000 rounds: the KDF is not what is measured) and back. Wall time and peak
# RSS from /usr/bin/time; each run 3 times.
# usage: bench/archive/run.sh [ITEMS] [MIB] [random|text]   (CXF=path/to/cxf to use another build)
# text: the attachments are log lines, stored deflated, so the archive is a sixth of their size.
set -euo pipefail
cd "$(dirname "$0")/../.."
items=${1:-4}
mib=${2:-64}
kind=${3:-random}
if [[ -z "${CXF:-}" ]]; then
  scripts/build.sh >/dev/null
  CXF=build/tools/cxf/cxf
fi
work=${TMPDIR:-/tmp}/cxf-bench-archive
mkdir -p "$work"
in="$work/in-$items-$mib-$kind.cxf.zip"
text=()
[[ "$kind" == text ]] && text=(--text)
[[ -f "$in" ]] || /usr/bin/python3 bench/archive/generate.py "$in" --items "$items" --mib "$mib" "${text[@]}"
"$CXF" cxp keygen "$work/key.pem" "$work/request.json" --force 2>/dev/null
ls -l "$in" | awk '{print "input: " $5 " bytes"}'

source bench/measure.sh

measure "cxf.zip -> cxf.zip" "$CXF" convert "$in" "$work/out.cxf.zip" --force
measure "cxf.zip -> cxp (encrypt)" "$CXF" convert "$in" "$work/out.cxp" --recipient "$work/request.json" --force
measure "cxp -> cxf.zip (decrypt)" "$CXF" convert "$work/out.cxp" "$work/back.cxf.zip" --identity "$work/key.pem" --force
export PW=bench-password
measure "cxf.zip -> kdbx" "$CXF" convert "$in" "$work/out.kdbx" --out-password-env PW --force --kdbx-kdf aes-kdf \
  --kdbx-iterations 1000
measure "kdbx -> cxf.zip" "$CXF" convert "$work/out.kdbx" "$work/back.cxf.zip" --password-env PW --force
measure "cxf.zip -> kdbx 3.1" "$CXF" convert "$in" "$work/out3.kdbx" --out-password-env PW --force --kdbx-version 3.1 \
  --kdbx-kdf aes-kdf --kdbx-iterations 1000
measure "kdbx 3.1 -> cxf.zip" "$CXF" convert "$work/out3.kdbx" "$work/back.cxf.zip" --password-env PW --force
rm -f "$work/out.cxf.zip" "$work/back.cxf.zip" "$work/out.cxp" "$work/out.kdbx" "$work/out3.kdbx" "$work/time.txt"
