#!/usr/bin/env bash
# Quick start 2: install what is missing (peers included), build, and run the whole test suite.
#   scripts/test.sh [--sanitizers]   (--sanitizers: then the whole suite again under ASan and UBSan,
#                                     scripts/sanitize.sh; CI runs it this way)
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --test
scripts/build.sh
(cd build && ctest --output-on-failure -j"$(nproc)")
if [[ "${1:-}" == --sanitizers ]]; then
  scripts/sanitize.sh
fi
