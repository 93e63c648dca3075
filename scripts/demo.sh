#!/usr/bin/env bash
# Quick start 1: install what is missing, build, and run a real migration on a bundled sample:
# a Bitwarden export with passkeys → a KeePass database → CXF, with the loss report of each step.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh
cxf=build/tools/cxf/cxf
out=demo-output
mkdir -p "$out"
sample=testdata/bitwarden/synthetic-bitwarden-plain-with-passkeys.json
# The demo's KeePass password, given through the environment (never on the command line).
export CXF_DEMO_PASSWORD=correct-horse-battery-staple

echo "== cxf inspect $sample"
"$cxf" inspect "$sample"
echo
echo "== Bitwarden → KeePass: cxf convert $sample $out/vault.kdbx"
"$cxf" convert "$sample" "$out/vault.kdbx" --force --out-password-env CXF_DEMO_PASSWORD --report "$out/to-kdbx.report.json"
echo
echo "== cxf inspect $out/vault.kdbx"
"$cxf" inspect "$out/vault.kdbx" --password-env CXF_DEMO_PASSWORD
echo
echo "== KeePass → CXF: cxf convert $out/vault.kdbx $out/vault.cxf"
"$cxf" convert "$out/vault.kdbx" "$out/vault.cxf" --force --password-env CXF_DEMO_PASSWORD --report "$out/to-cxf.report.json"
echo
echo "== cxf validate $out/vault.cxf"
"$cxf" validate "$out/vault.cxf"
echo
echo "Done. In $out/ (all mode 0600): vault.kdbx (password: \$CXF_DEMO_PASSWORD = $CXF_DEMO_PASSWORD),"
echo "vault.cxf, and the two conversions' reports. Passkeys, TOTP, custom fields and history made both hops."
