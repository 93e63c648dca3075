#!/usr/bin/env bash
# KDBX 3.1 with pooled attachments (Meta/Binaries), as KeePassXC writes them: N entries, 5 % with a
# ~1.6 KB document, AES-KDF 1000 rounds (the KDF is not what is measured). Times `cxf convert` to CXF.
# usage: bench/kdbx/pooled.sh [ENTRIES]   (CXF=path/to/cxf to time another build)
set -euo pipefail
cd "$(dirname "$0")/../.."
entries=${1:-50000}
source bench/kdbx/pooled_file.sh
source bench/measure.sh
measure "cxf convert KDBX 3.1 ($entries entries) -> CXF JSON" "$CXF" convert "$pooled" "$work/out.cxf" --password-env PW --force
rm -f "$work/out.cxf" "$work/time.txt"
