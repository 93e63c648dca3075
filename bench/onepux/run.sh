#!/usr/bin/env bash
# 1PUX benchmark: writes the CXF benchmark document (bench/cxf_json/generate.py) as a 1PUX export with
# cxf, then times both directions of `cxf convert`, three runs each.
# usage: bench/onepux/run.sh [ITEMS]     (results go in docs/benchmarks.md by hand)
set -euo pipefail
cd "$(dirname "$0")/../.."
items=${1:-100000}
scripts/build.sh >/dev/null
work=${TMPDIR:-/tmp}/cxf-bench
mkdir -p "$work"
doc="$work/cxf-$items.cxf"
[[ -f "$doc" ]] || /usr/bin/python3 bench/cxf_json/generate.py "$doc" --items "$items"
cxf=build/tools/cxf/cxf
for run in 1 2 3; do
    rm -f "$work/big.1pux"
    /usr/bin/time -f "CXF → 1PUX  wall %e s, peak RSS %M KiB" "$cxf" convert "$doc" "$work/big.1pux" 2>&1 | grep -v '^cxf:\|^  '
done
for run in 1 2 3; do
    rm -f "$work/back.cxf"
    /usr/bin/time -f "1PUX → CXF  wall %e s, peak RSS %M KiB" "$cxf" convert "$work/big.1pux" "$work/back.cxf" 2>&1 | grep -v '^cxf:\|^  '
done
ls -l "$work/big.1pux" | awk '{print "1PUX bytes " $5}'
unzip -l "$work/big.1pux" | awk 'END {print "export.data and attributes inflated: " $1 " bytes"}'
rm -f "$work/big.1pux" "$work/back.cxf"
