#!/bin/sh
# SPDX-License-Identifier: MIT
# Writes the peer sample (peers.py) with other KeePass tools into DIR, with cheap key derivation:
#   keepassxc-31.kdbx  keepassxc-cli 2.7.4 `import` of the sample's KeePass XML (KDBX 3.1, AES-KDF)
#   keepassxc-4.kdbx   the same merged by keepassxc-cli into an empty KDBX 4 file (KeePassXC's KDBX 4 writer)
#   pykeepass.kdbx     the sample written by pykeepass 4.0.3 (KDBX 4, Argon2d)
# All with the password "peer-pw". Debian's /usr/bin/python3 is used for pykeepass.
set -eu
dir=$1
here=$(dirname "$0")
py=/usr/bin/python3
"$py" "$here/peers.py" xml "$dir/sample.xml"
printf 'peer-pw\npeer-pw\n' | keepassxc-cli import -q -p -t 100 "$dir/sample.xml" "$dir/keepassxc-31.kdbx"
"$py" "$here/peers.py" empty "$dir/keepassxc-4.kdbx" peer-pw
printf 'peer-pw\n' | keepassxc-cli merge -q -s "$dir/keepassxc-4.kdbx" "$dir/keepassxc-31.kdbx"
"$py" "$here/peers.py" pykeepass "$dir/pykeepass.kdbx" peer-pw
