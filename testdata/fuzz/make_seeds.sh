#!/usr/bin/env bash
# Makes the fuzz seed corpus: one folder per fuzz target (fuzz/targets.cpp), each with small valid
# inputs the fuzzer mutates. Copies come from testdata/; the password-protected seeds are written by
# cxf itself with the password "fuzz" and KDF costs under the fuzz targets' limits, so the fuzzer
# reaches the payload. Usage: testdata/fuzz/make_seeds.sh path/to/cxf
set -euo pipefail
cxf=$(realpath "$1")
here=$(cd "$(dirname "$0")" && pwd)
data=$(dirname "$here")
cd "$here"
rm -rf format-* base-encodings otpauth pkcs8 kdbx-key-file kdbx-xml kdbx3-xml xml-against-expat bitwarden-enc-string json csv zip cxp-jwe
mkdir -p format-{kdbx,cxp,cxf-archive,1pux,cxf,bitwarden,bitwarden-csv,1password-csv,apple-csv,chrome-csv,firefox-csv,dashlane,dashlane-json} \
         base-encodings otpauth pkcs8 kdbx-key-file kdbx-xml kdbx3-xml xml-against-expat bitwarden-enc-string json csv zip cxp-jwe

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf 'fuzz' > "$work/pw"
source=$data/bitwarden/synthetic-bitwarden-plain-with-passkeys.json

"$cxf" convert "$source" format-kdbx/kdbx4-argon2id.kdbx --out-password-file "$work/pw" \
  --kdbx-memory-mib 1 --kdbx-iterations 1 --kdbx-parallelism 1 2>/dev/null
"$cxf" convert "$source" format-kdbx/kdbx4-chacha20-aeskdf.kdbx --out-password-file "$work/pw" \
  --kdbx-cipher chacha20 --kdbx-kdf aes-kdf --kdbx-iterations 100 2>/dev/null
"$cxf" convert "$source" format-kdbx/kdbx31.kdbx --out-password-file "$work/pw" \
  --kdbx-version 3.1 --kdbx-iterations 100 2>/dev/null
"$cxf" convert "$data/1password/synthetic-every-category.1pux" format-kdbx/kdbx4-every-category.kdbx \
  --out-password-file "$work/pw" --kdbx-memory-mib 1 --kdbx-iterations 1 --kdbx-parallelism 1 --kdbx-compression none 2>/dev/null

"$cxf" convert "$data/1password/synthetic-every-category.1pux" format-cxp/every-category.cxp \
  --recipient "$data/cxp/request-x25519.json" 2>/dev/null
cp "$data/cxp/cxporter-shared-context.cxp" format-cxp/
"$cxf" convert "$data/1password/synthetic-every-category.1pux" format-cxf-archive/every-category.cxf.zip 2>/dev/null

cp "$data"/1password/synthetic-*.1pux format-1pux/
cp "$data/cxf/apple-cxp-dashlane-account.json" "$data/cxp/payload.cxf.json" format-cxf/
"$cxf" convert "$source" format-cxf/bitwarden-synthetic.cxf 2>/dev/null
cp "$data/bitwarden/keepassxc-bitwarden_export.json" "$data/bitwarden/pass-import-bitwarden-org.json" "$source" format-bitwarden/
"$cxf" convert "$source" format-bitwarden/pbkdf2-fuzz.json --to bitwarden --out-password-file "$work/pw" \
  --bitwarden-kdf-iterations 5000 2>/dev/null
cp "$data"/bitwarden/pass-import-bitwarden*.csv format-bitwarden-csv/
cp "$data"/1password/pass-import-1password*.csv format-1password-csv/
cp "$data/csv/synthetic-apple.csv" format-apple-csv/
cp "$data/csv/pass-import-chrome.csv" format-chrome-csv/
cp "$data/csv/pass-import-firefox.csv" format-firefox-csv/
cp "$data/dashlane/dashlane-export.zip" "$data/dashlane/proton-dashlane-credentials.csv" format-dashlane/
cp "$data/dashlane/pass-import-dashlane.json" format-dashlane-json/

printf 'SGVsbG8sIHdvcmxkIQ==' > base-encodings/base64
printf 'SGVsbG8sIHdvcmxkIQ' > base-encodings/base64url
printf 'JBSWY3DPEHPK3PXP' > base-encodings/base32
printf '48656c6c6f' > base-encodings/hex
printf '2024-02-29T23:59:59.123Z' > base-encodings/rfc3339
printf 'otpauth://totp/Example:alice%%40example.com?secret=JBSWY3DPEHPK3PXP&issuer=Example&period=30&digits=6&algorithm=SHA256' > otpauth/uri
printf 'key=JBSWY3DPEHPK3PXP&size=8&step=60&otpHashMode=SHA512' > otpauth/keeotp
printf 'JBSWY3DPEHPK3PXP' > otpauth/secret
cp "$data/cxp/importer-x25519.pem" pkcs8/x25519.pem
openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out pkcs8/p256.pem 2>/dev/null
openssl pkey -in pkcs8/p256.pem -outform DER -out pkcs8/p256.der
openssl genpkey -algorithm ED25519 -out pkcs8/ed25519.pem 2>/dev/null
# The XML layer's seeds: KeePassXC's XML export of the KDBX seeds (values in clear, none protected).
for kdbx in kdbx4-argon2id kdbx4-every-category; do
  keepassxc-cli export -f xml "format-kdbx/$kdbx.kdbx" < "$work/pw" > "kdbx-xml/$kdbx.xml" 2>/dev/null
done
# KDBX 3.1's XML: one of those exports with a Meta/Binaries pool for its reference, a gzipped
# attachment, a stored one and a protected one.
/usr/bin/python3 - kdbx-xml/kdbx4-every-category.xml kdbx3-xml/kdbx31-pooled-binaries.xml <<'PY'
import base64, gzip, sys
xml = open(sys.argv[1], encoding="utf-8").read()
text = b"".join(b"line %d of a text attachment\n" % i for i in range(2000))
binaries = ("<Binaries>"
            f'<Binary ID="0" Compressed="True">{base64.b64encode(gzip.compress(text, mtime=0)).decode()}</Binary>'
            f'<Binary ID="1">{base64.b64encode(bytes(range(256)) * 4).decode()}</Binary>'
            f'<Binary ID="2" Protected="True">{base64.b64encode(bytes(range(100))).decode()}</Binary>'
            "</Binaries>")
open(sys.argv[2], "w", encoding="utf-8").write(xml.replace("</Meta>", binaries + "</Meta>", 1))
PY
printf '<KeePassFile><Meta><Binaries><Binary ID="0">bm90IGJh!c2U2NA==</Binary></Binaries></Meta><Root><Group><Name>r</Name></Group></Root></KeePassFile>' \
  > kdbx3-xml/reject-pool-binary-not-base64.xml
# The XML parser against expat: the same documents, and every construct of XML it must read as expat does.
# (small documents: the target parses each input five times, once fed a byte at a time)
sed -e '113,604d' kdbx-xml/kdbx4-argon2id.xml > xml-against-expat/kdbx4-one-entry.xml  # its first entry only
printf '\xEF\xBB\xBF<?xml version="1.0" encoding="utf-8" standalone="yes"?>\r\n<!-- a\r\ncomment -->\r\n<?pi data?>\r\n<K a="1 &amp; &#x41;&#66;" b='"'"'\t2\r\n'"'"'>\r\n<V>x &lt;&gt;&quot;&apos; \xC3\xA9 \xF0\x9F\x94\x91</V><![CDATA[<raw>\r]]><E/></K>\n' \
  > xml-against-expat/constructs.xml
printf '<a><b c="&#10;&#13;">]]</b>\r<d\n  e = "f"\n/></a   >' > xml-against-expat/layout.xml
cp "$data"/kdbx/keepassxc/FileKeyXml.key "$data"/kdbx/keepassxc/FileKeyXmlV2.keyx "$data"/kdbx/keepassxc/FileKeyHex.key \
   "$data"/kdbx/keepassxc/FileKeyBinary.key kdbx-key-file/
python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["data"], end="")' format-bitwarden/pbkdf2-fuzz.json \
  > bitwarden-enc-string/data
python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["encKeyValidation_DO_NOT_EDIT"], end="")' \
  format-bitwarden/pbkdf2-fuzz.json > bitwarden-enc-string/validation
cp "$data/cxp/payload.cxf.json" json/
cp "$data/bitwarden/keepassxc-bitwarden_export.json" json/
cp "$data/bitwarden/pass-import-bitwarden.csv" "$data/1password/pass-import-1password8.csv" csv/
cp "$data/1password/synthetic-legacy-shape.1pux" format-cxf-archive/every-category.cxf.zip zip/
python3 - "$data/cxp/cxporter-shared-context.cxp" format-cxp/every-category.cxp cxp-jwe <<'PY'
import sys, zipfile
for n, archive in enumerate(sys.argv[1:3]):
    with zipfile.ZipFile(archive) as z:
        for name in z.namelist():
            if name.endswith('.jwe'):
                open(f'{sys.argv[3]}/{n}-{name.rsplit("/", 1)[-1]}', 'wb').write(z.read(name))
PY
echo "seeds: $(find . -type f ! -name '*.sh' ! -name '*.md' | wc -l) files" >&2
