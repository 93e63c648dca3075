#!/usr/bin/env bash
# Issue 13's benchmark in one command. Makes deterministic vaults of each size (bench/suite/prepare.sh:
# the same content as a CXF archive, KDBX 4 with Argon2id 64 MiB / 2 passes / 2 lanes, KDBX 3.1 with
# AES-KDF, Bitwarden JSON and 1PUX; cached in ${TMPDIR:-/tmp}/cxf-bench), then runs every operation on
# every size, alternating tools, RUNS times: cxf's conversions and reads, and keepassxc-cli and
# pykeepass on the same KDBX 4 files; a 1-entry vault gives each operation's fixed cost (start-up and
# KDF), and libargon2's `argon2` CLI the KDF's reference time. Wall, user+sys CPU and peak RSS come from
# /usr/bin/time; the Markdown report of the medians (bench/suite/report.py) is printed and, with
# --write-docs, replaces the marked section of docs/benchmarks.md. On a shared machine compare CPU time
# and RSS, not wall time.
# usage: bench/run.sh [--sizes 1000,10000,100000] [--runs 3] [--write-docs]   (CXF=path/to/cxf: another build)
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=1000,10000,100000 runs=3 write_docs=
while (($#)); do
  case $1 in
    --sizes) sizes=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --write-docs) write_docs=1; shift ;;
    *) echo "usage: bench/run.sh [--sizes N,N,...] [--runs N] [--write-docs]" >&2; exit 2 ;;
  esac
done
IFS=, read -ra size_list <<<"$sizes"

for tool in keepassxc-cli strace unzip; do
  command -v "$tool" >/dev/null || { echo "bench/run.sh: $tool is missing (scripts/setup.sh --test installs keepassxc)" >&2; exit 1; }
done
/usr/bin/python3 -c 'import pykeepass' || { echo "bench/run.sh: pykeepass is missing (scripts/setup.sh --test)" >&2; exit 1; }
if ! command -v argon2 >/dev/null; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends argon2 >/dev/null
fi
if [[ -z "${CXF:-}" ]]; then
  scripts/build.sh >/dev/null
  CXF=$PWD/build/tools/cxf/cxf
fi
export CXF PW=bench-password work=${TMPDIR:-/tmp}/cxf-bench
kdf_passes=2 kdf_mib=64 kdf_lanes=2
export KDF="--kdbx-kdf argon2id --kdbx-memory-mib $kdf_mib --kdbx-iterations $kdf_passes --kdbx-parallelism $kdf_lanes"
read -ra kdf <<<"$KDF"
mkdir -p "$work"
for n in 1 "${size_list[@]}"; do
  echo "bench: preparing the $n-entry vaults" >&2
  bench/suite/prepare.sh "$n"
done

results=$work/results.tsv
: >"$results"
# timed SIZE OPERATION INPUT_KIND COMMAND...: one measurement appended to $results; stops the bench if it fails.
timed() {
  local n=$1 op=$2 kind=$3
  shift 3
  if ! /usr/bin/time -o "$work/time.txt" -f '%e	%U	%S	%M' "$@" >/dev/null 2>"$work/err.txt"; then
    echo "bench/run.sh: '$op' on $n entries failed:" >&2
    cat "$work/err.txt" "$work/time.txt" >&2
    exit 1
  fi
  printf '%s\t%s\t%s\t%s\n' "$n" "$op" "$kind" "$(tail -n 1 "$work/time.txt")" >>"$results"
  echo "bench: $n entries, $op: $(tail -n 1 "$work/time.txt" | awk '{printf "wall %s s, CPU %.2f s, %d MiB", $1, $2 + $3, $4 / 1024}')" >&2
}
operations() {
  local n=$1 v="$work/vault-$1" out="$work/out"
  timed "$n" "KDBX → CXF JSON" kdbx "$CXF" convert "$v.kdbx" "$out.cxf" --password-env PW --force
  timed "$n" "KDBX → CXF archive" kdbx "$CXF" convert "$v.kdbx" "$out.cxf.zip" --password-env PW --force
  timed "$n" "keepassxc-cli export -f xml" kdbx keepassxc-cli export -q -f xml "$v.kdbx" <<<"$PW"
  timed "$n" "pykeepass open + read all" kdbx /usr/bin/python3 bench/kdbx/open_pykeepass.py "$v.kdbx" "$PW" --read-all
  timed "$n" "KDBX read (cxf inspect)" kdbx "$CXF" inspect "$v.kdbx" --password-env PW
  timed "$n" "KDBX 3.1 (AES-KDF 1000 rounds) → CXF JSON" kdbx-3.1 "$CXF" convert "$v.v31.kdbx" "$out.cxf" \
    --password-env PW --force
  timed "$n" "CXF archive → KDBX" cxf-archive "$CXF" convert "$v.cxf.zip" "$out.kdbx" --out-password-env PW --force "${kdf[@]}"
  timed "$n" "CXF JSON → KDBX" cxf-json "$CXF" convert "$v.cxf" "$out.kdbx" --out-password-env PW --force "${kdf[@]}"
  timed "$n" "Bitwarden JSON → KDBX" bitwarden "$CXF" convert "$v.bitwarden.json" "$out.kdbx" --out-password-env PW \
    --force "${kdf[@]}"
  # The same two with a KDF that costs nothing: their peak memory without Argon2's.
  timed "$n" "CXF archive → KDBX, AES-KDF 1000 rounds" cxf-archive "$CXF" convert "$v.cxf.zip" "$out.kdbx" \
    --out-password-env PW --force --kdbx-kdf aes-kdf --kdbx-iterations 1000
  timed "$n" "Bitwarden JSON → KDBX, AES-KDF 1000 rounds" bitwarden "$CXF" convert "$v.bitwarden.json" "$out.kdbx" \
    --out-password-env PW --force --kdbx-kdf aes-kdf --kdbx-iterations 1000
  timed "$n" "CXF archive → KDBX 3.1, AES-KDF 1000 rounds" cxf-archive "$CXF" convert "$v.cxf.zip" "$out.kdbx" \
    --out-password-env PW --force --kdbx-version 3.1 --kdbx-kdf aes-kdf --kdbx-iterations 1000
  timed "$n" "1PUX → CXF archive" 1pux "$CXF" convert "$v.1pux" "$out.cxf.zip" --force
  timed "$n" "CXF JSON → CXF archive" cxf-json "$CXF" convert "$v.cxf" "$out.cxf.zip" --force
  timed "$n" "CXF archive read (cxf inspect)" cxf-archive "$CXF" inspect "$v.cxf.zip"
  timed "$n" "CXF archive → CXF archive" cxf-archive "$CXF" convert "$v.cxf.zip" "$out.cxf.zip" --force
}
argon2_cli="argon2 -id -t $kdf_passes -k $((kdf_mib * 1024)) -p $kdf_lanes"
for _ in $(seq "$runs"); do
  timed 1 "$argon2_cli" kdf argon2 cxf-bench-salt -id -t "$kdf_passes" -k "$((kdf_mib * 1024))" -p "$kdf_lanes" -r <<<"$PW"
  for n in 1 "${size_list[@]}"; do operations "$n"; done
done
rm -f "$work/out.cxf" "$work/out.cxf.zip" "$work/out.kdbx" "$work/time.txt" "$work/err.txt"

report=$work/report.md
{
  echo "$(date -u +%F), cxf $(git rev-parse --short HEAD), $runs runs per operation and size (medians);" \
    "$(lscpu | sed -n 's/^Model name: *//p'), $(nproc) cores, load average at the end $(cut -d' ' -f1-3 /proc/loadavg);" \
    "keepassxc-cli $(keepassxc-cli --version), pykeepass $(/usr/bin/python3 -c 'import pykeepass; print(pykeepass.__version__)')," \
    "argon2 CLI $(dpkg-query -W -f='${Version}' argon2). KDBX: Argon2id, $kdf_mib MiB, $kdf_passes passes, $kdf_lanes lanes."
  echo
  /usr/bin/python3 bench/suite/report.py "$results" "$work"
  read -r _ cxf_threads _ argon2_threads < <(bench/suite/argon2_threads.sh "$CXF" "$work/vault-1.kdbx" "$kdf_passes" \
    "$((kdf_mib * 1024))" "$kdf_lanes")
  # A KDBX read also starts the threads that decrypt ahead of the parser and map entries beside it
  # (docs/architecture.md, Threads).
  echo "- Threads started (strace, $kdf_lanes lanes, $(nproc) cores): \`cxf inspect\` $cxf_threads, two of them the" \
    "threads that decrypt ahead of the XML parser and map entries beside it, so $((cxf_threads - 2)) for Argon2;" \
    "\`argon2\` CLI $argon2_threads" \
    "(libargon2 starts one per lane and segment when it runs lanes in parallel, none on one thread)."
} >"$report"
cat "$report"
[[ -z "$write_docs" ]] || /usr/bin/python3 bench/suite/write_docs.py docs/benchmarks.md "$report"
