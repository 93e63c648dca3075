#!/usr/bin/env bash
# Installs (with apt-get, Debian 12) whatever cxf needs to build and test that is not there yet.
set -euo pipefail

packages=(
  g++ cmake make pkg-config
  rapidjson-dev libssl-dev libboost-program-options-dev libzip-dev catch2
  zlib1g-dev libpugixml-dev libexpat1-dev libargon2-dev nettle-dev libjemalloc-dev
)
if [[ "${1:-}" == "--test" ]]; then
  # Peers the interoperability tests run against.
  packages+=(keepassxc python3-pykeepass python3-cryptography python3-argon2)
  # groff checks that the man page renders without warnings.
  packages+=(groff-base)
  # Node may come from elsewhere than Debian (with its own npm): Debian's is installed only when none is there.
  command -v npm >/dev/null || packages+=(nodejs npm)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [[ "${1:-}" == "--test" ]]; then
  # kdbxweb (KeeWeb's KDBX library) and its Argon2, at the versions package-lock.json pins: the tests
  # never download anything themselves.
  (cd "$(dirname "$0")/../testdata/kdbx/kdbxweb-generated" && npm ci --no-audit --no-fund --silent)
fi
