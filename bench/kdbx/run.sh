#!/usr/bin/env bash
# KDBX benchmark: a 50 000-entry database (deterministic content, Argon2id 64 MiB / 2 passes / 2 lanes,
# AES-256, gzip, written by cxf) opened and converted by cxf, keepassxc-cli and pykeepass — the same
# file and password for every tool. Wall time and peak RSS from /usr/bin/time; each run 3 times.
# usage: bench/kdbx/run.sh [ENTRIES]   (CXF=path/to/cxf BENCH=path/to/bench_kdbx to use another build)
set -euo pipefail
cd "$(dirname "$0")/../.."
entries=${1:-50000}
if [[ -z "${CXF:-}" ]]; then
  scripts/build.sh >/dev/null
  CXF=build/tools/cxf/cxf
  BENCH=build/bench/bench_kdbx
fi
work=${TMPDIR:-/tmp}/cxf-bench-kdbx
mkdir -p "$work"
export PW=bench-password
db="$work/bench-$entries.kdbx"
if [[ ! -f "$db" ]]; then
  /usr/bin/python3 bench/kdbx/generate.py "$work/bench-$entries.cxf" --items "$entries"
  "$CXF" convert "$work/bench-$entries.cxf" "$db" --out-password-env PW --force \
    --kdbx-kdf argon2id --kdbx-memory-mib 64 --kdbx-iterations 2 --kdbx-parallelism 2 2>/dev/null
fi
ls -l "$db" | awk '{print "file: " $5 " bytes"}'
"$CXF" inspect "$db" --password-env PW | sed -n '3,12p'

source bench/measure.sh

echo "== in-process phases ($BENCH)"
"$BENCH" "$db" "$PW"
echo "== end to end"
measure "cxf inspect (open, map, count)" "$CXF" inspect "$db" --password-env PW
measure "cxf convert -> CXF JSON" "$CXF" convert "$db" "$work/out.cxf" --password-env PW --force
measure "cxf convert -> KDBX (same KDF)" "$CXF" convert "$db" "$work/out.kdbx" --password-env PW --out-password-env PW \
  --force --kdbx-memory-mib 64 --kdbx-iterations 2 --kdbx-parallelism 2
measure "keepassxc-cli export -f xml" sh -c "printf '%s\n' \"\$PW\" | keepassxc-cli export -q -f xml '$db'"
measure "keepassxc-cli export -f csv" sh -c "printf '%s\n' \"\$PW\" | keepassxc-cli export -q -f csv '$db'"
measure "pykeepass open" /usr/bin/python3 bench/kdbx/open_pykeepass.py "$db" "$PW"
measure "pykeepass open + read all" /usr/bin/python3 bench/kdbx/open_pykeepass.py "$db" "$PW" --read-all
rm -f "$work/out.cxf" "$work/out.kdbx" "$work/time.txt"
