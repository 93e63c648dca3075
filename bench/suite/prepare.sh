#!/usr/bin/env bash
# Makes (once) the inputs of bench/run.sh for SIZE entries in $work: vault-SIZE.cxf.zip from
# bench/kdbx/generate.py (deterministic; every 20th item with a small attachment), and from it, by cxf,
# vault-SIZE.kdbx (KDBX 4, Argon2id with the KDF options in $KDF), .v31.kdbx (KDBX 3.1, AES-KDF 1000
# rounds: 3.1 has no Argon2), .cxf (CXF JSON), .bitwarden.json (plain) and .1pux; then
# vault-SIZE.decrypted.tsv: each input kind and its decrypted size in bytes (CXF archive and 1PUX: the
# zip's entries inflated; KDBX: the XML `keepassxc-cli export -f xml` prints; CXF JSON and Bitwarden:
# the file). Inputs made by an older version of this script, without KDBX 3.1, are made again.
# usage: prepare.sh SIZE   (with CXF, PW, KDF (a space-separated list of options) and work set)
set -euo pipefail
n=$1
: "${CXF:?}" "${PW:?}" "${KDF:?}" "${work:?}"
base="$work/vault-$n"
[[ -f "$base.decrypted.tsv" ]] && grep -q '^kdbx-3.1' "$base.decrypted.tsv" && exit 0
read -ra kdf <<<"$KDF"
cxf() {
  "$CXF" "$@" 2>"$work/prepare.err" || { echo "prepare.sh: cxf $* failed:" >&2; cat "$work/prepare.err" >&2; exit 1; }
}
inflated() { unzip -Zt "$1" | awk '{print $3}'; }
/usr/bin/python3 bench/kdbx/generate.py "$base.cxf.zip" --items "$n" --attachment-every 20
cxf convert "$base.cxf.zip" "$base.kdbx" --out-password-env PW --force "${kdf[@]}"
cxf convert "$base.cxf.zip" "$base.v31.kdbx" --out-password-env PW --force --kdbx-version 3.1 --kdbx-kdf aes-kdf \
  --kdbx-iterations 1000
cxf convert "$base.cxf.zip" "$base.cxf" --force
cxf convert "$base.cxf.zip" "$base.bitwarden.json" --force
cxf convert "$base.cxf.zip" "$base.1pux" --force
xml_bytes=$(keepassxc-cli export -q -f xml "$base.kdbx" <<<"$PW" | wc -c)
{
  printf 'cxf-archive\t%s\n' "$(inflated "$base.cxf.zip")"
  printf 'kdbx\t%s\n' "$xml_bytes"
  printf 'kdbx-3.1\t%s\n' "$(keepassxc-cli export -q -f xml "$base.v31.kdbx" <<<"$PW" | wc -c)"
  printf 'cxf-json\t%s\n' "$(stat -c %s "$base.cxf")"
  printf 'bitwarden\t%s\n' "$(stat -c %s "$base.bitwarden.json")"
  printf '1pux\t%s\n' "$(inflated "$base.1pux")"
} >"$base.decrypted.tsv.tmp"
mv "$base.decrypted.tsv.tmp" "$base.decrypted.tsv"
