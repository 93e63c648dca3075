#!/usr/bin/python3
# SPDX-License-Identifier: MIT
# Writes a KDBX 4 file with pykeepass (python3-pykeepass 4.0.3) for the interop tests:
#   pykeepass_write.py OUT.kdbx PASSWORD
# Content: nested groups with non-ASCII names, protected and plain custom fields, KeePassXC passkey
# attributes, an otp URI, tags, a binary attachment and a history item. Cheap Argon2 so tests stay fast.
import sys

from pykeepass import create_database


def protect(entry, key):
    entry._element.xpath('String/Key[text()="{}"]/../Value'.format(key))[0].set('Protected', 'True')


out, password = sys.argv[1], sys.argv[2]
kp = create_database(out, password=password)
kdf = kp.kdbx.header.value.dynamic_header.kdf_parameters.data.dict
kdf['I'].value = 1
kdf['M'].value = 1 << 20
del kp.kdbx.header['data']  # the header is a construct RawCopy: without this its old bytes are written back

mail = kp.add_group(kp.root_group, 'E-Mail')
work = kp.add_group(mail, 'Wörk ☃')
deep = kp.add_group(work, 'Deep 日本')

gmail = kp.add_entry(mail, 'Gmail', 'ålice@example.com', 'pässwörd-🔑', url='https://mail.google.com',
                     notes='line one\nline two', tags=['mail', 'personal'],
                     otp='otpauth://totp/Gmail:alice?secret=JBSWY3DPEHPK3PXP&period=30&digits=6&issuer=Gmail')
gmail.set_custom_property('Recovery code', 'R3C0V3RY-ß')
protect(gmail, 'Recovery code')
gmail.set_custom_property('Plain field', 'visible <&> value')

passkey = kp.add_entry(work, 'webauthn.io (Passkey)', 'kara', '', url='https://webauthn.io', tags=['Passkey'])
attributes = [
    ('KPEX_PASSKEY_USERNAME', 'kara', False),
    ('KPEX_PASSKEY_CREDENTIAL_ID', 'nUVeo9NVdDIUfbSQ4qB2_koeiqOanYelQ23vmvURhAQ', True),
    ('KPEX_PASSKEY_PRIVATE_KEY_PEM',
     '-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIPGYLzucNk02lunpU5oU+ZhE2LOfNq8jfmxPbwHBqtsX\n-----END PRIVATE KEY-----\n',
     True),
    ('KPEX_PASSKEY_RELYING_PARTY', 'webauthn.io', False),
    ('KPEX_PASSKEY_USER_HANDLE', 'rf1N5LTf26ljHmcwXUrEnw', True),
    ('KPEX_PASSKEY_FLAG_BE', '1', False),
    ('KPEX_PASSKEY_FLAG_BS', '1', False),
]
for key, value, protected in attributes:
    passkey.set_custom_property(key, value)
    if protected:
        protect(passkey, key)

files = kp.add_entry(deep, 'Files 📎', 'bob', 'first-password')
files.save_history()
files.password = 'second-password'
blob = kp.add_binary(bytes(range(256)) * 4, compressed=True, protected=False)
files.add_attachment(blob, 'bytes.bin')
text = kp.add_binary('héllo attachment\n'.encode('utf-8'), compressed=True, protected=True)
files.add_attachment(text, 'hello.txt')

kp.save()
