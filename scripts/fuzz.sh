#!/usr/bin/env bash
# Fuzzes the readers with libFuzzer under AddressSanitizer and UndefinedBehaviorSanitizer.
#   scripts/fuzz.sh [--runs N] [SECONDS_PER_TARGET] [TARGET...]     (default: 60 s, every target)
# Builds build-fuzz/ with clang-14 and runs each target from its seed corpus (testdata/fuzz/TARGET)
# plus what earlier runs found (fuzz-corpus/TARGET, not checked in) until SECONDS have passed or,
# with --runs, N inputs have run, whichever comes first. A target that finds a crash, leak or
# sanitizer report stops there, leaving the input in fuzz-artifacts/; the others still run, and the
# script exits 1 at the end. fuzz-artifacts/summary.tsv gets one line per target: name, executions,
# seconds, result. A crash input belongs in testdata/fuzz/TARGET/reject-NAME once fixed, where every
# build replays it.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=()
if [[ ${1:-} == --runs ]]; then
  runs=(-runs="$2")
  shift 2
fi
seconds=${1:-60}
shift || true
command -v clang++-14 >/dev/null || apt-get install -y -qq --no-install-recommends clang-14 libfuzzer-14-dev >/dev/null
scripts/setup.sh
cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_C_COMPILER=clang-14 -DCMAKE_CXX_COMPILER=clang++-14 \
  -DCXF_FUZZ=ON -DCXF_SANITIZE=address,undefined -DCXF_WERROR=OFF -DCXF_BUILD_BENCH=OFF >/dev/null
cmake --build build-fuzz -j"$(nproc)" --target cxf-fuzz
targets=("$@")
if ((${#targets[@]} == 0)); then
  mapfile -t targets < <(CXF_FUZZ_TARGET= build-fuzz/fuzz/cxf-fuzz -runs=0 2>&1 | sed -n 's/^set CXF_FUZZ_TARGET to one of: //p' | tr ' ' '\n')
fi
mkdir -p fuzz-artifacts
failed=()
for target in "${targets[@]}"; do
  mkdir -p "fuzz-corpus/$target"
  echo "== $target (${seconds} s${runs:+, at most ${runs[0]#-runs=} inputs})"
  log=fuzz-artifacts/$target.log
  status=0
  start=$SECONDS
  CXF_FUZZ_TARGET=$target UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1:suppressions=fuzz/ubsan.supp \
    build-fuzz/fuzz/cxf-fuzz "fuzz-corpus/$target" "testdata/fuzz/$target" -max_total_time="$seconds" "${runs[@]}" \
    -rss_limit_mb=2048 -timeout=20 -print_final_stats=1 -artifact_prefix="fuzz-artifacts/$target-" >"$log" 2>&1 || status=$?
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
  result=clean
  if ((status != 0)); then
    result=FAILED
    failed+=("$target")
    tail -40 "$log"
  fi
  printf '%s\t%s\t%s\t%s\n' "$target" "${execs:-?}" "$((SECONDS - start))" "$result" | tee -a fuzz-artifacts/summary.tsv
done
if ((${#failed[@]} > 0)); then
  echo "fuzz: found problems in: ${failed[*]} (inputs and logs in fuzz-artifacts/)" >&2
  exit 1
fi
