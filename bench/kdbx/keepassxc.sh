#!/usr/bin/env bash
# KeePassXC-written KDBX with pooled attachments (issue 17): the pooled.sh content exported to XML and
# imported again by keepassxc-cli (KDBX 4.0, AES-KDF), then `cxf convert X.kdbx o.cxf` and
# `keepassxc-cli export -f xml` alternating, 3 runs each (RUNS=N for more); elapsed, user and system seconds and peak RSS
# (KiB) from /usr/bin/time. On a shared machine compare CPU time and RSS, not elapsed time.
# usage: bench/kdbx/keepassxc.sh [ENTRIES]   (CXF=path/to/cxf to time another build)
set -euo pipefail
cd "$(dirname "$0")/../.."
entries=${1:-50000}
source bench/kdbx/pooled_file.sh
db="$work/keepassxc-$entries.kdbx"
if [[ ! -f "$db" ]]; then
  echo "$PW" | keepassxc-cli export -q -f xml "$pooled" > "$work/keepassxc-$entries.xml"
  printf '%s\n%s\n' "$PW" "$PW" | keepassxc-cli import -q -p "$work/keepassxc-$entries.xml" "$db" >/dev/null
  rm -f "$work/keepassxc-$entries.xml"
fi
timed() { /usr/bin/time -o "$work/time.txt" -f '%e s elapsed, %U s user, %S s sys, %M KiB' "$@" >/dev/null 2>&1; cat "$work/time.txt"; }
for run in $(seq 1 "${RUNS:-3}"); do
  rm -f "$work/out.cxf"  # a new file each time, as a conversion makes: replacing one costs its old pages too
  echo "run $run cxf convert:           $(timed "$CXF" convert "$db" "$work/out.cxf" --password-env PW)"
  echo "run $run keepassxc-cli export:  $(echo "$PW" | timed keepassxc-cli export -q -f xml "$db")"
done
rm -f "$work/out.cxf" "$work/time.txt"
