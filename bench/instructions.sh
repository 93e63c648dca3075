#!/usr/bin/env bash
# Instructions each build of cxf executes for bench/run.sh's conversions of the 10k-entry vaults,
# counted by callgrind, which the host's load does not change: the way to compare two builds on a
# shared machine. Prints a Markdown table, in millions, with the change from the first build to the
# last. The vaults come from bench/suite/prepare.sh (bench/run.sh makes them).
# usage: bench/instructions.sh [--size N] OLD_CXF NEW_CXF...   (PW and the vaults as bench/run.sh has them)
set -euo pipefail
cd "$(dirname "$0")/.."
size=10000
if [[ ${1:-} == --size ]]; then
  size=$2
  shift 2
fi
(($# >= 1)) || { echo "usage: bench/instructions.sh [--size N] CXF..." >&2; exit 2; }
command -v valgrind >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends valgrind >/dev/null
export PW=bench-password
work=${TMPDIR:-/tmp}/cxf-bench
v=$work/vault-$size
[[ -f $v.kdbx ]] || bench/suite/prepare.sh "$size"
[[ -f $work/vault-1.kdbx ]] || bench/suite/prepare.sh 1
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
kdf=(--kdbx-kdf argon2id --kdbx-memory-mib 64 --kdbx-iterations 2 --kdbx-parallelism 2)
aes=(--kdbx-kdf aes-kdf --kdbx-iterations 1000)

# Each conversion as bench/run.sh runs it: a label, then cxf's arguments.
conversions=(
  "KDBX → CXF JSON, 1 entry (Argon2 and start-up)|convert $work/vault-1.kdbx $out/o.cxf --password-env PW --force"
  "KDBX → CXF JSON|convert $v.kdbx $out/o.cxf --password-env PW --force"
  "KDBX → CXF archive|convert $v.kdbx $out/o.cxf.zip --password-env PW --force"
  "KDBX 3.1 → CXF JSON|convert $v.v31.kdbx $out/o.cxf --password-env PW --force"
  "CXF archive → KDBX|convert $v.cxf.zip $out/o.kdbx --out-password-env PW --force ${kdf[*]}"
  "CXF JSON → KDBX|convert $v.cxf $out/o.kdbx --out-password-env PW --force ${kdf[*]}"
  "Bitwarden JSON → KDBX|convert $v.bitwarden.json $out/o.kdbx --out-password-env PW --force ${kdf[*]}"
  "CXF archive → KDBX 3.1, AES-KDF|convert $v.cxf.zip $out/o.kdbx --out-password-env PW --force --kdbx-version 3.1 ${aes[*]}"
  "1PUX → CXF archive|convert $v.1pux $out/o.cxf.zip --force"
  "CXF JSON → CXF archive|convert $v.cxf $out/o.cxf.zip --force"
  "CXF archive → CXF archive|convert $v.cxf.zip $out/o.cxf.zip --force"
  "CXF archive read (\`cxf inspect\`)|inspect $v.cxf.zip"
)

thousands() { echo "$1" | sed -e ':a' -e 's/\B[0-9]\{3\}\>/,&/' -e 'ta'; }

# instructions CXF ARGS...: the millions of instructions, all threads together.
instructions() {
  local cxf=$1
  shift
  valgrind --tool=callgrind --callgrind-out-file="$out/cg.out" "$cxf" "$@" >/dev/null 2>"$out/err.txt" || {
    cat "$out/err.txt" >&2
    exit 1
  }
  sed -n 's/^==[0-9]*== Collected : //p' "$out/err.txt" | awk '{printf "%.0f", $1 / 1e6}'
}

printf '| conversion (%s entries) |' "$size"
for cxf in "$@"; do printf ' %s |' "$(git -C "$(dirname "$cxf")" rev-parse --short HEAD 2>/dev/null || echo "$cxf")"; done
(($# > 1)) && printf ' change |'
printf '\n| --- |'
for _ in "$@"; do printf ' ---: |'; done
(($# > 1)) && printf ' ---: |'
printf '\n'
for conversion in "${conversions[@]}"; do
  label=${conversion%%|*}
  read -ra args <<<"${conversion#*|}"
  counts=()
  for cxf in "$@"; do counts+=("$(instructions "$cxf" "${args[@]}")"); done
  printf '| %s |' "$label"
  for c in "${counts[@]}"; do printf ' %s |' "$(thousands "$c")"; done
  if (($# > 1)); then
    first=${counts[0]} last=${counts[-1]}
    printf ' %+d (%+.0f %%) |' $((last - first)) "$(awk -v a="$first" -v b="$last" 'BEGIN {print (b - a) * 100 / a}')" |
      sed 's/-/−/g'  # a minus sign, as docs/benchmarks.md writes it
  fi
  printf '\n'
done
