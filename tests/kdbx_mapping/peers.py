#!/usr/bin/python3
# SPDX-License-Identifier: MIT
# Peer files for the KDBX mapping tests, written and read by other KeePass tools at test time:
#   peers.py sample                      the sample's content as JSON (what the tests expect)
#   peers.py xml OUT.xml                 the sample as KeePass XML, for `keepassxc-cli import`
#   peers.py pykeepass OUT.kdbx PASSWORD the sample written by pykeepass (KDBX 4, cheap Argon2d)
#   peers.py empty OUT.kdbx PASSWORD     an empty KDBX 4 database (cheap Argon2d), to merge into
#   peers.py dump FILE PASSWORD [KEYFILE] everything pykeepass reads from FILE, as JSON ("-": no password)
#   peers.py dump-xml FILE.xml           the same from a KeePass XML export (`keepassxc-cli export`);
#                                        attachments by name only, as the export has no bytes
# Run with Debian's /usr/bin/python3 (pykeepass 4.0.3). The passkey is the throwaway test key in
# testdata/kdbx/generated/webauthn.io-kara.passkey.
import base64
import json
import os
import sys
import uuid
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))
PASSKEY_FILE = os.path.join(HERE, "..", "..", "testdata", "kdbx", "generated", "webauthn.io-kara.passkey")


def sample():
    with open(PASSKEY_FILE, encoding="utf-8") as f:
        pk = json.load(f)
    blob = bytes(range(256))
    return {
        "groups": ["Work", "Work/Sub ünïcode", "Personal"],
        "entries": [
            {
                "uuid": "5f7a3c1e0b2d4e6f8a9b0c1d2e3f4a5b",
                "group": "Work",
                "title": "GitHub",
                "username": "octo",
                "password": "p@ss wörd <&>",
                "url": "https://github.com/login",
                "notes": "two\nlines",
                "tags": ["dev", "work"],
                "strings": [
                    ["KP2A_URL_1", "https://gist.github.com", False],
                    ["otp", "otpauth://totp/GitHub:octo?secret=JBSWY3DPEHPK3PXP&period=30&digits=6&issuer=GitHub", True],
                    ["Recovery code", "abcd-efgh", True],
                    ["Plain note", "visible ✓", False],
                ],
                "attachments": {"hello.txt": base64.b64encode(b"hello attachment\n").decode()},
                "history": [{"password": "old-pass"}],
                "expect": {
                    "urls": ["https://github.com/login", "https://gist.github.com"],
                    "totp": {"secret": "JBSWY3DPEHPK3PXP", "period": 30, "digits": 6, "algorithm": "sha1",
                             "issuer": "GitHub", "username": "octo"},
                    "custom": [["Recovery code", "abcd-efgh", True], ["Plain note", "visible ✓", False]],
                },
            },
            {
                "uuid": "0a1b2c3d4e5f40718293a4b5c6d7e8f9",
                "group": "Work/Sub ünïcode",
                "title": "webauthn.io (Passkey)",
                "username": "kara",
                "password": "",
                "url": "https://webauthn.io",
                "notes": "",
                "tags": ["Passkey"],
                "strings": [
                    ["KPEX_PASSKEY_USERNAME", pk["username"], False],
                    ["KPEX_PASSKEY_CREDENTIAL_ID", pk["credentialId"], True],
                    ["KPEX_PASSKEY_PRIVATE_KEY_PEM", pk["privateKey"], True],
                    ["KPEX_PASSKEY_RELYING_PARTY", pk["relyingParty"], False],
                    ["KPEX_PASSKEY_USER_HANDLE", pk["userHandle"], True],
                ],
                "attachments": {},
                "history": [],
                "expect": {
                    "urls": ["https://webauthn.io"],
                    "passkey": {"rpId": pk["relyingParty"], "username": pk["username"],
                                "credentialId": pk["credentialId"], "userHandle": pk["userHandle"],
                                "pem": pk["privateKey"]},
                    "custom": [],
                },
            },
            {
                "uuid": "1b2c3d4e5f6a40718293a4b5c6d7e8f0",
                "group": "Personal",
                "title": "Legacy TOTP",
                "username": "",
                "password": "pw",
                "url": "",
                "notes": "",
                "tags": [],
                "strings": [
                    ["TOTP Seed", "HXDMVJECJJWSRB3HWIZR4IFUGFTMXBOZ", True],
                    ["TOTP Settings", "30;8", False],
                ],
                "attachments": {"blob.bin": base64.b64encode(blob).decode()},
                "history": [],
                "expect": {
                    "urls": [],
                    "totp": {"secret": "HXDMVJECJJWSRB3HWIZR4IFUGFTMXBOZ", "period": 30, "digits": 8, "algorithm": "sha1"},
                    "custom": [],
                },
            },
            {
                "uuid": "2c3d4e5f6a7b40718293a4b5c6d7e8f1",
                "group": "",
                "title": "秘密 Ключ",
                "username": "ユーザー",
                "password": "日本語パスワード",
                "url": "",
                "notes": "Ελληνικά",
                "tags": [],
                "strings": [],
                "attachments": {},
                "history": [],
                "expect": {"urls": [], "custom": []},
            },
        ],
    }


def protected_attr(protect, xml_export):
    if not protect:
        return ""
    return ' ProtectInMemory="True"' if xml_export else ' Protected="True"'


def xml_entry(e, binaries, with_history=True, password=None):
    out = ["<Entry>", "<UUID>%s</UUID>" % base64.b64encode(uuid.UUID(e["uuid"]).bytes).decode()]
    out.append("<Tags>%s</Tags>" % escape(";".join(e["tags"])))
    out.append("<Times><CreationTime>2024-01-02T03:04:05Z</CreationTime>"
               "<LastModificationTime>%s</LastModificationTime></Times>"
               % ("2024-02-03T04:05:06Z" if password is None else "2024-01-02T03:04:05Z"))
    standard = [("Title", e["title"], False), ("UserName", e["username"], False),
                ("Password", e["password"] if password is None else password, True), ("URL", e["url"], False),
                ("Notes", e["notes"], False)]
    for key, value, protect in standard + [tuple(s) for s in e["strings"]]:
        out.append("<String><Key>%s</Key><Value%s>%s</Value></String>"
                   % (escape(key), protected_attr(protect, True), escape(value)))
    for name in e["attachments"]:
        out.append('<Binary><Key>%s</Key><Value Ref="%d"/></Binary>' % (escape(name), binaries[name]))
    if with_history:
        out.append("<History>")
        for old in e["history"]:
            out.extend(xml_entry(e, binaries, False, old["password"]))
        out.append("</History>")
    out.append("</Entry>")
    return out


def xml(path):
    s = sample()
    binaries = {}
    for e in s["entries"]:
        for name in e["attachments"]:
            binaries[name] = len(binaries)
    out = ['<?xml version="1.0" encoding="utf-8" standalone="yes"?>', "<KeePassFile>", "<Meta>",
           "<Generator>peers.py</Generator>", "<DatabaseName>Peer sample</DatabaseName>", "<Binaries>"]
    for e in s["entries"]:
        for name, data in e["attachments"].items():
            out.append('<Binary ID="%d" Compressed="False">%s</Binary>' % (binaries[name], data))
    out += ["</Binaries>", "</Meta>", "<Root>", "<Group>",
            "<UUID>%s</UUID>" % base64.b64encode(uuid.UUID(int=1).bytes).decode(), "<Name>Root</Name>"]

    def group(path):
        lines = []
        for e in s["entries"]:
            if e["group"] == path:
                lines += xml_entry(e, binaries)
        for child in s["groups"]:
            if child.rpartition("/")[0] == path:
                lines += ["<Group>", "<UUID>%s</UUID>" % base64.b64encode(uuid.uuid5(uuid.NAMESPACE_URL, child).bytes).decode(),
                          "<Name>%s</Name>" % escape(child.rpartition("/")[2])]
                lines += group(child)
                lines.append("</Group>")
        return lines

    out += group("")
    out += ["</Group>", "</Root>", "</KeePassFile>"]
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(out))


def set_protected(entry, key, protect):
    for value in entry._element.xpath('String[Key="%s"]/Value' % key):
        if protect:
            value.attrib["Protected"] = "True"
        elif "Protected" in value.attrib:
            del value.attrib["Protected"]


def cheap_database(path, password):
    from pykeepass import create_database
    kp = create_database(path, password=password)
    kdf = kp.kdbx.header.value.dynamic_header.kdf_parameters.data.dict
    kdf["I"].value = 1
    kdf["M"].value = 1 << 20
    del kp.kdbx.header["data"]  # rebuild the header from the cheaper parameters
    return kp


def write_pykeepass(path, password):
    s = sample()
    kp = cheap_database(path, password)
    groups = {"": kp.root_group}
    for path_name in s["groups"]:
        parent, _, name = path_name.rpartition("/")
        groups[path_name] = kp.add_group(groups[parent], name)
    for e in s["entries"]:
        first_password = e["history"][0]["password"] if e["history"] else e["password"]
        entry = kp.add_entry(groups[e["group"]], e["title"], e["username"], first_password,
                             url=e["url"] or None, notes=e["notes"] or None, tags=e["tags"] or None)
        entry.uuid = uuid.UUID(e["uuid"])
        for key, value, protect in e["strings"]:
            if key == "otp":
                entry.otp = value  # pykeepass reserves the name for its own property
            else:
                entry.set_custom_property(key, value)
            set_protected(entry, key, protect)
        for name, data in e["attachments"].items():
            entry.add_attachment(kp.add_binary(base64.b64decode(data), compressed=False, protected=False), name)
        if e["history"]:
            entry.save_history()
            entry.password = e["password"]
    kp.save()


def strings_of(entry):
    out = []
    for s in entry._element.findall("String"):
        value = s.find("Value")
        out.append([s.findtext("Key"), value.text or "", value.attrib.get("Protected") == "True"])
    return out


def unix(moment):
    return int(moment.timestamp())


def dump_entry(entry):
    return {
        "uuid": entry.uuid.hex,
        "times": [unix(entry.ctime), unix(entry.mtime)],
        "title": entry.title or "",
        "group": "/".join(entry.group.path) if entry.group.path else "",
        "tags": entry.tags or [],
        "strings": strings_of(entry),
        "attachments": {a.filename: base64.b64encode(a.data).decode() for a in entry.attachments},
        "custom_data": [[i.findtext("Key"), i.findtext("Value")] for i in entry._element.findall("CustomData/Item")],
        "history": [dump_entry(h) for h in entry.history],
    }


def dump(path, password, keyfile):
    from pykeepass import PyKeePass
    kp = PyKeePass(path, password=password, keyfile=keyfile)
    groups = ["/".join(g.path) for g in kp.groups if g.path]
    recycle = kp.recyclebin_group
    entries = [dump_entry(e) for e in kp.entries if not recycle or not e.is_a_history_entry and e.group != recycle]
    print(json.dumps({"version": "%d.%d" % kp.version, "groups": sorted(groups), "entries": entries}, ensure_ascii=False))


def xml_time(text):
    # ISO 8601 text (KDBX 3.1) or base64 seconds since year 1 (KDBX 4), which may contain a "T" too.
    if len(text) == 20 and text[4] == "-" and text.endswith("Z"):
        import datetime
        return int(datetime.datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=datetime.timezone.utc).timestamp())
    return int.from_bytes(base64.b64decode(text), "little", signed=True) - 62135596800


def xml_dump_entry(e, group):
    tags = (e.findtext("Tags") or "").replace(",", ";")
    strings = []
    for s in e.findall("String"):
        value = s.find("Value")
        strings.append([s.findtext("Key"), value.text or "", value.attrib.get("ProtectInMemory") == "True"])
    times = e.find("Times")
    return {
        "uuid": base64.b64decode(e.findtext("UUID")).hex(),
        "times": [xml_time(times.findtext("CreationTime")), xml_time(times.findtext("LastModificationTime"))],
        "title": next((s[1] for s in strings if s[0] == "Title"), ""),
        "group": group,
        "tags": [t for t in tags.split(";") if t],
        "strings": strings,
        "attachments": {b.findtext("Key"): None for b in e.findall("Binary")},
        "custom_data": [[i.findtext("Key"), i.findtext("Value")] for i in e.findall("CustomData/Item")],
        "history": [xml_dump_entry(h, group) for h in e.findall("History/Entry")],
    }


def dump_xml(path):
    import xml.etree.ElementTree as ET
    root = ET.parse(path).getroot()
    recycle = root.findtext("Meta/RecycleBinUUID")
    groups, entries = [], []

    def walk(g, path):
        for e in g.findall("Entry"):
            entries.append(xml_dump_entry(e, path))
        for child in g.findall("Group"):
            if child.findtext("UUID") == recycle and root.findtext("Meta/RecycleBinEnabled") == "True":
                continue
            child_path = (path + "/" if path else "") + (child.findtext("Name") or "")
            groups.append(child_path)
            walk(child, child_path)

    walk(root.find("Root/Group"), "")
    print(json.dumps({"groups": sorted(groups), "entries": entries}, ensure_ascii=False))


def main():
    command = sys.argv[1]
    if command == "sample":
        print(json.dumps(sample(), ensure_ascii=False))
    elif command == "xml":
        xml(sys.argv[2])
    elif command == "empty":
        cheap_database(sys.argv[2], sys.argv[3]).save()
    elif command == "pykeepass":
        write_pykeepass(sys.argv[2], sys.argv[3])
    elif command == "dump":
        dump(sys.argv[2], sys.argv[3] if sys.argv[3] != "-" else None, sys.argv[4] if len(sys.argv) > 4 else None)
    elif command == "dump-xml":
        dump_xml(sys.argv[2])
    else:
        sys.exit("unknown command " + command)


if __name__ == "__main__":
    main()
