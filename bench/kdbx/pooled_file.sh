# Sourced by pooled.sh and keepassxc.sh, from the repository root with `entries` set: builds cxf unless
# CXF names another build, and makes (once) $pooled, a KDBX 3.1 file of $entries entries with pooled
# attachments (Meta/Binaries) as KeePassXC writes them: 5 % with a ~1.6 KB document, AES-KDF 1000
# rounds, password $PW. Leaves CXF, work, PW and pooled set.
if [[ -z "${CXF:-}" ]]; then
  scripts/build.sh >/dev/null
  CXF=build/tools/cxf/cxf
fi
work=${TMPDIR:-/tmp}/cxf-bench-kdbx
mkdir -p "$work"
export PW=bench-password
pooled="$work/pooled-$entries.kdbx"
if [[ ! -f "$pooled" ]]; then
  /usr/bin/python3 bench/kdbx/make_pooled_1pux.py "$work/pooled-$entries.1pux" "$entries"
  "$CXF" convert "$work/pooled-$entries.1pux" "$pooled" --kdbx-version 3.1 --kdbx-iterations 1000 \
    --out-password-env PW --force 2>/dev/null
fi
