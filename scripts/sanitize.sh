#!/usr/bin/env bash
# The whole test suite under AddressSanitizer and UndefinedBehaviorSanitizer, built in build-sanitize/.
# About 20 minutes on 2 cores; CI runs it after the normal suite (scripts/test.sh --sanitizers).
# Warnings are not errors here: GCC 12 reports false maybe-uninitialized warnings once the sanitizers
# instrument the code.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --test
cmake -S . -B build-sanitize -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCXF_SANITIZE=address,undefined -DCXF_WERROR=OFF >/dev/null
cmake --build build-sanitize -j"$(nproc)"
cd build-sanitize
UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1:suppressions="$PWD/../fuzz/ubsan.supp" ctest --output-on-failure -j"$(nproc)"
