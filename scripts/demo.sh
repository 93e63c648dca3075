#!/usr/bin/env bash
# Quick start 1: install what is missing, build, and run a real conversion of a bundled sample.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh
mkdir -p demo-output
sample=testdata/cxf/spec-appendix-a-ps-20250814.json
echo "== cxf inspect $sample"
build/tools/cxf/cxf inspect "$sample"
echo "== cxf convert $sample demo-output/spec-example.cxf"
build/tools/cxf/cxf convert "$sample" demo-output/spec-example.cxf --force --report demo-output/spec-example.report.json
echo "== cxf validate demo-output/spec-example.cxf"
build/tools/cxf/cxf validate demo-output/spec-example.cxf || true
echo "Done: demo-output/spec-example.cxf (mode 0600) and its report demo-output/spec-example.report.json"
