#!/usr/bin/env bash
# Quick start 2: install what is missing (peers included), build, and run the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --test
scripts/build.sh
cd build
ctest --output-on-failure -j"$(nproc)"
