#!/usr/bin/env bash
# KDBX 3.1 with pooled attachments (Meta/Binaries), as KeePassXC writes them: N entries, 5 % with a
# ~1.6 KB document, AES-KDF 1000 rounds (the KDF is not what is measured). Times `cxf convert` to CXF.
# usage: bench/kdbx/pooled.sh [ENTRIES]   (CXF=path/to/cxf to time another build)
set -euo pipefail
cd "$(dirname "$0")/../.."
entries=${1:-50000}
if [[ -z "${CXF:-}" ]]; then
  scripts/build.sh >/dev/null
  CXF=build/tools/cxf/cxf
fi
work=${TMPDIR:-/tmp}/cxf-bench-kdbx
mkdir -p "$work"
export PW=bench-password
db="$work/pooled-$entries.kdbx"
if [[ ! -f "$db" ]]; then
  /usr/bin/python3 bench/kdbx/make_pooled_1pux.py "$work/pooled-$entries.1pux" "$entries"
  "$CXF" convert "$work/pooled-$entries.1pux" "$db" --kdbx-version 3.1 --kdbx-iterations 1000 \
    --out-password-env PW --force 2>/dev/null
fi
source bench/measure.sh
measure "cxf convert KDBX 3.1 ($entries entries) -> CXF JSON" "$CXF" convert "$db" "$work/out.cxf" --password-env PW --force
rm -f "$work/out.cxf" "$work/time.txt"
