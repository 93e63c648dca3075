#!/usr/bin/env bash
# CXF JSON read/write benchmark: generates a 100 000-item CXF document (deterministic) and times
# reading and writing it, in-process phase by phase and end to end through `cxf convert`.
# usage: bench/cxf_json/run.sh [ITEMS]     (results go in docs/benchmarks.md by hand)
set -euo pipefail
cd "$(dirname "$0")/../.."
items=${1:-100000}
scripts/build.sh >/dev/null
work=${TMPDIR:-/tmp}/cxf-bench
mkdir -p "$work"
doc="$work/cxf-$items.cxf"
[[ -f "$doc" ]] || /usr/bin/python3 bench/cxf_json/generate.py "$doc" --items "$items"
echo "== in-process phases (build/bench/bench_cxf_json)"
build/bench/bench_cxf_json "$doc"
echo "== end to end: cxf convert (read, validate, write, fsync)"
rm -f "$work/out.cxf"
/usr/bin/time -f "wall %e s, peak RSS %M KiB" build/tools/cxf/cxf convert "$doc" "$work/out.cxf" 2>&1 | grep -v '^cxf:'
ls -l "$doc" | awk '{print "input bytes " $5}'
rm -f "$work/out.cxf"
