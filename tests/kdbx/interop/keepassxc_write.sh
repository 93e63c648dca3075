#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Makes KDBX files with keepassxc-cli (KeePassXC 2.7.4) for the interop tests:
#   keepassxc_write.sh DIR PASSWORD
# writes DIR/keepassxc-4.kdbx (entry CustomData makes KeePassXC choose KDBX 4) and DIR/keepassxc-3.kdbx
# (no KDBX 4 content: KeePassXC writes 3.1). Both come from `keepassxc-cli import` of the KeePass XML
# below; the KDBX 4 file then gets a binary attachment through `keepassxc-cli attachment-import`.
# keepassxc-cli reads the password from stdin; -t 100 is its cheapest KDF setting.
set -euo pipefail
dir=$1 password=$2

# base64 of "KeePassXC attachment ✓\n"
attachment=S2VlUGFzc1hDIGF0dGFjaG1lbnQg4pyTCg==

write_xml() {  # $1: extra elements for the main entry
  cat <<XML
<?xml version="1.0" encoding="utf-8" standalone="yes"?>
<KeePassFile>
 <Meta>
  <Generator>cxf interop test</Generator>
  <DatabaseName>Interop Ünïcode</DatabaseName>
  <Binaries><Binary ID="0">${attachment}</Binary></Binaries>
 </Meta>
 <Root>
  <Group>
   <UUID>EREREREREREREREREREREQ==</UUID>
   <Name>Root</Name>
   <Group>
    <UUID>IiIiIiIiIiIiIiIiIiIiIg==</UUID>
    <Name>Finanzen €</Name>
    <Group>
     <UUID>MzMzMzMzMzMzMzMzMzMzMw==</UUID>
     <Name>Банк</Name>
     <Entry>
      <UUID>RERERERERERERERERERERA==</UUID>
      <Tags>bank;money</Tags>
      <String><Key>Title</Key><Value>Sparkasse Köln</Value></String>
      <String><Key>UserName</Key><Value>jürgen</Value></String>
      <String><Key>Password</Key><Value ProtectInMemory="True">geh€im-密码</Value></String>
      <String><Key>URL</Key><Value>https://bank.example.de</Value></String>
      <String><Key>Notes</Key><Value>first line
second line</Value></String>
      <String><Key>PIN</Key><Value ProtectInMemory="True">4711</Value></String>
      <String><Key>Branch</Key><Value>Köln-Süd</Value></String>
      <String><Key>otp</Key><Value ProtectInMemory="True">otpauth://totp/Sparkasse:j%C3%BCrgen?secret=JBSWY3DPEHPK3PXP&amp;period=30&amp;digits=6&amp;issuer=Sparkasse</Value></String>
      <Binary><Key>statement.txt</Key><Value Ref="0"/></Binary>
      $1
      <History>
       <Entry>
        <UUID>RERERERERERERERERERERA==</UUID>
        <String><Key>Title</Key><Value>Sparkasse</Value></String>
        <String><Key>UserName</Key><Value>jürgen</Value></String>
        <String><Key>Password</Key><Value ProtectInMemory="True">old-password</Value></String>
       </Entry>
      </History>
     </Entry>
    </Group>
   </Group>
   <Entry>
    <UUID>VVVVVVVVVVVVVVVVVVVVVQ==</UUID>
    <Tags>Passkey</Tags>
    <String><Key>Title</Key><Value>webauthn.io (Passkey)</Value></String>
    <String><Key>UserName</Key><Value>kara</Value></String>
    <String><Key>URL</Key><Value>https://webauthn.io</Value></String>
    <String><Key>KPEX_PASSKEY_USERNAME</Key><Value>kara</Value></String>
    <String><Key>KPEX_PASSKEY_CREDENTIAL_ID</Key><Value ProtectInMemory="True">nUVeo9NVdDIUfbSQ4qB2_koeiqOanYelQ23vmvURhAQ</Value></String>
    <String><Key>KPEX_PASSKEY_PRIVATE_KEY_PEM</Key><Value ProtectInMemory="True">-----BEGIN PRIVATE KEY-----
MC4CAQAwBQYDK2VwBCIEIPGYLzucNk02lunpU5oU+ZhE2LOfNq8jfmxPbwHBqtsX
-----END PRIVATE KEY-----
</Value></String>
    <String><Key>KPEX_PASSKEY_RELYING_PARTY</Key><Value>webauthn.io</Value></String>
    <String><Key>KPEX_PASSKEY_USER_HANDLE</Key><Value ProtectInMemory="True">rf1N5LTf26ljHmcwXUrEnw</Value></String>
    <String><Key>KPEX_PASSKEY_FLAG_BE</Key><Value>1</Value></String>
    <String><Key>KPEX_PASSKEY_FLAG_BS</Key><Value>1</Value></String>
   </Entry>
  </Group>
 </Root>
</KeePassFile>
XML
}

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

write_xml '<CustomData><Item><Key>cxf-interop</Key><Value>kdbx4</Value></Item></CustomData>' > "$scratch/4.xml"
write_xml '' > "$scratch/3.xml"
rm -f "$dir/keepassxc-4.kdbx" "$dir/keepassxc-3.kdbx"
printf '%s\n%s\n' "$password" "$password" | keepassxc-cli import -q -p -t 100 "$scratch/4.xml" "$dir/keepassxc-4.kdbx"
printf '%s\n%s\n' "$password" "$password" | keepassxc-cli import -q -p -t 100 "$scratch/3.xml" "$dir/keepassxc-3.kdbx"

# 256 bytes 00..ff: an attachment that is not text
printf "$(printf '\\x%02x' $(seq 0 255))" > "$scratch/bytes.bin"
printf '%s\n' "$password" | keepassxc-cli attachment-import -q "$dir/keepassxc-4.kdbx" \
  "Finanzen €/Банк/Sparkasse Köln" bytes.bin "$scratch/bytes.bin"
