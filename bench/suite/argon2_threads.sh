#!/usr/bin/env bash
# Counts the threads the Argon2 of `cxf inspect` (on KDBX, with PW set) and of libargon2's `argon2` CLI
# start for the same parameters (strace -f: clone calls with CLONE_THREAD). libargon2 starts one per lane
# and segment (passes × 4 × lanes) when it runs them in parallel and none when it runs them on one thread.
# usage: argon2_threads.sh CXF KDBX PASSES MEMORY_KIB LANES
set -euo pipefail
cxf=$1 kdbx=$2 t=$3 kib=$4 p=$5
trace=$(mktemp)
trap 'rm -f "$trace"' EXIT
threads() {
  strace -f -qq -e trace=clone,clone3 -o "$trace" "$@" >/dev/null 2>&1
  grep -c CLONE_THREAD "$trace" || true
}
echo "cxf $(threads "$cxf" inspect "$kdbx" --password-env PW) argon2 $(threads argon2 cxf-bench-salt -id -t "$t" -k "$kib" -p "$p" -r <<<"$PW")"
