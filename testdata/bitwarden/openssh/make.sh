#!/bin/sh
# Regenerates the throwaway OpenSSH keys the openssh tests read, with ssh-keygen (OpenSSH 9): each
# key in OpenSSH format, its public key, its SHA-256 fingerprint as ssh-keygen prints it, and for
# RSA and ECDSA the same key as PKCS#8 PEM (ssh-keygen -m PKCS8). Rerunning makes new keys.
set -eu
cd "$(dirname "$0")"
rm -f id_*
ssh-keygen -q -t ed25519 -N "" -C "cxf test ed25519" -f id_ed25519
ssh-keygen -q -t ecdsa -b 256 -N "" -C "cxf test p256" -f id_ecdsa256
ssh-keygen -q -t ecdsa -b 384 -N "" -C "cxf test p384" -f id_ecdsa384
ssh-keygen -q -t ecdsa -b 521 -N "" -C "cxf test p521" -f id_ecdsa521
ssh-keygen -q -t rsa -b 2048 -N "" -C "cxf test rsa" -f id_rsa
ssh-keygen -q -t ed25519 -N "not-the-point" -C "cxf test encrypted" -f id_ed25519_encrypted
rm id_ed25519_encrypted.pub
for key in id_ed25519 id_ecdsa256 id_ecdsa384 id_ecdsa521 id_rsa; do
    ssh-keygen -l -E sha256 -f "$key.pub" | cut -d' ' -f2 > "$key.fingerprint"
done
for key in id_ecdsa256 id_ecdsa384 id_ecdsa521 id_rsa; do
    cp "$key" "$key.pkcs8"
    ssh-keygen -q -p -N "" -m PKCS8 -f "$key.pkcs8" > /dev/null
done
