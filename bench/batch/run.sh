#!/usr/bin/env bash
# cxf batch benchmark: 100 vaults of mixed formats, converted to KDBX with --jobs 1 and --jobs 2.
# The vaults are made by cxf itself from CXF documents of bench/cxf_json/generate.py (ITEMS items each,
# one seed per vault), 20 of each: KDBX 4 (Argon2id 16 MiB, 2 passes, 1 lane: a cheap but real KDF),
# plain Bitwarden JSON, password-protected Bitwarden JSON (PBKDF2 100 000), 1PUX and CXF. The batch
# opens them with one shared password and writes KDBX with the same Argon2id settings; each --jobs
# value runs 3 times from an empty output directory: wall and CPU time of each run, then the median wall
# time (on a loaded machine, CPU time shows the work that wall time cannot).
# usage: bench/batch/run.sh [ITEMS]     (results go in docs/benchmarks.md by hand)
set -euo pipefail
cd "$(dirname "$0")/../.."
items=${1:-200}
scripts/build.sh >/dev/null
cxf=$PWD/build/tools/cxf/cxf
work=${TMPDIR:-/tmp}/cxf-bench-batch
rm -rf "$work"
mkdir -p "$work/in"
export PW=bench-password
kdf=(--kdbx-kdf argon2id --kdbx-memory-mib 16 --kdbx-iterations 2 --kdbx-parallelism 1)
for i in $(seq -w 0 99); do
    doc="$work/doc-$i.cxf"
    /usr/bin/python3 bench/cxf_json/generate.py "$doc" --items "$items" --seed "$((10#$i + 1))"
    case $((10#$i % 5)) in
        0) "$cxf" convert "$doc" "$work/in/v$i.kdbx" --out-password-env PW "${kdf[@]}" ;;
        1) "$cxf" convert "$doc" "$work/in/v$i.bitwarden.json" ;;
        2) "$cxf" convert "$doc" "$work/in/v$i.json" --to bitwarden --out-password-env PW --bitwarden-kdf-iterations 100000 ;;
        3) "$cxf" convert "$doc" "$work/in/v$i.1pux" ;;
        4) cp "$doc" "$work/in/v$i.cxf" ;;
    esac 2>/dev/null
    rm "$doc"
done
echo "inputs: $(ls "$work/in" | wc -l) files, $(du -sh "$work/in" | cut -f1), $items items each"

median() { sort -n | sed -n 2p; }
for jobs in 1 2; do
    times=()
    for run in 1 2 3; do
        rm -rf "$work/out"
        /usr/bin/time -f "%e %U %S" -o "$work/time.txt" "$cxf" batch "$work/in" --to kdbx -o "$work/out" --jobs "$jobs" \
            --password-env PW --out-password-env PW "${kdf[@]}" 2>"$work/err.txt" || { cat "$work/err.txt"; exit 1; }
        read -r wall user sys <"$work/time.txt"
        times+=("$wall")
        echo "--jobs $jobs run $run: wall $wall s, CPU $(echo "$user + $sys" | bc) s; $(tail -n 1 "$work/err.txt")"
    done
    echo "--jobs $jobs: median wall $(printf '%s\n' "${times[@]}" | median) s"
done
rm -rf "$work"
