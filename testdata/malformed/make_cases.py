#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""Writes the malformed-input corpus: damaged copies of small seeds, one folder per format, and
cases.json saying for each file the format to read it as, the password or key it needs, and the error
code and place cxf must answer with. Every expectation comes from what this script damaged (the JSON
pointer it changed, the offset where it cut, the header field it broke, the zip entry, the CSV cell),
never from running cxf. The KDBX files are made by a small KDBX writer here, written from the format
description, not from cxf's code. See PROVENANCE.md.

Run: /usr/bin/python3 testdata/malformed/make_cases.py   (needs python3-cryptography; no network)
"""
import base64
import gzip
import hashlib
import hmac
import io
import json
import os
import random
import shutil
import struct
import sys
import warnings
import zipfile

from cryptography.hazmat.primitives import padding, serialization
from cryptography.hazmat.primitives.asymmetric import x25519
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

HERE = os.path.dirname(os.path.abspath(__file__))
TESTDATA = os.path.dirname(HERE)
PASSWORD = "malformed"
MAX_DEPTH = 256  # Limits::max_depth, the nesting a reader must refuse beyond

warnings.filterwarnings("ignore", "Duplicate name")  # the duplicate-name cases make them on purpose
rng = random.Random(20261205)  # every "random" byte (seeds, IVs, salts) is reproducible
cases = []


def seed_bytes(relative):
    with open(os.path.join(TESTDATA, relative), "rb") as f:
        return f.read()


def add(folder, name, data, fmt, code, place, what, match="exact", entry=None, message=None, **needs):
    """One case. `match`: "exact" (place == expected) or "prefix" (place == expected, or starts with
    expected + " ", e.g. "XML line 3" for "XML line 3 (DOCTYPE)"). `entry`: the zip entry whose text
    the place is in (the error names FILE:ENTRY). `message`: a part the message must contain."""
    path = os.path.join(folder, name)
    assert all(c["file"] != path for c in cases), path
    os.makedirs(os.path.join(HERE, folder), exist_ok=True)
    with open(os.path.join(HERE, path), "wb") as f:
        f.write(data)
    case = {"file": path, "from": fmt, "code": code, "place": place, "match": match, "what": what}
    if entry is not None:
        case["entry"] = entry
    if message is not None:
        case["message"] = message
    case.update({k: v for k, v in needs.items() if v is not None})
    cases.append(case)


# ---------------------------------------------------------------------------------------------
# JSON: a tokenizer and the path a streaming parser is at when it stops (docs/cli.md: a JSON
# pointer to the last member or element reached; the byte offset goes in the message).

def tokens(text):
    """(kind, start, end, value) for each token of a JSON text (bytes)."""
    out, i = [], 0
    while i < len(text):
        c = text[i:i + 1]
        if c in b" \t\r\n":
            i += 1
        elif c in b"{}[]:,":
            out.append((c.decode(), i, i + 1, None))
            i += 1
        elif c == b'"':
            j = i + 1
            while text[j:j + 1] != b'"':
                j += 2 if text[j:j + 1] == b"\\" else 1
            out.append(("string", i, j + 1, json.loads(text[i:j + 1])))
            i = j + 1
        else:
            j = i
            while j < len(text) and text[j:j + 1] not in b" \t\r\n{}[]:,":
                j += 1
            out.append(("scalar", i, j, None))
            i = j
    return out


class PathTracker:
    """Follows the parse: each open container is a step; an object step names its last key, an
    array step the index of its last element begun, or of the next one once a comma announced it."""

    def __init__(self):
        self.steps = []  # dicts: array (bool), index, next, key (None or str)

    def pointer(self):
        out = ""
        for s in self.steps:
            if s["array"]:
                out += "/%d" % s["index"]
            elif s["key"] is not None:
                out += "/" + s["key"].replace("~", "~0").replace("/", "~1")
        return out

    def begin_value(self):
        if self.steps and self.steps[-1]["array"]:
            s = self.steps[-1]
            s["index"] = s["next"]
            s["next"] += 1

    def feed(self, kind, value, expect_key):
        """Returns True when this token opens a container beyond MAX_DEPTH."""
        if kind in ("{", "["):
            self.begin_value()
            if len(self.steps) >= MAX_DEPTH:
                return True
            self.steps.append({"array": kind == "[", "index": 0, "next": 0, "key": None})
        elif kind in ("}", "]"):
            self.steps.pop()
        elif kind == "string" and expect_key:
            self.steps[-1]["key"] = value
        elif kind in ("string", "scalar"):
            self.begin_value()
        elif kind == "," and self.steps and self.steps[-1]["array"]:
            self.steps[-1]["index"] = self.steps[-1]["next"]
        return False


def walk(text):
    """Yields (token, pointer after it, too_deep) for each token."""
    tracker, expect_key = PathTracker(), []
    for tok in tokens(text):
        kind = tok[0]
        key = kind == "string" and bool(expect_key) and expect_key[-1]
        deep = tracker.feed(kind, tok[3], key)
        yield tok, tracker.pointer(), deep
        if deep:
            return
        if kind == "{":
            expect_key.append(True)
        elif kind == "[":
            expect_key.append(False)
        elif kind in ("}", "]"):
            expect_key.pop()
        elif kind == "string" and key:
            expect_key[-1] = False
        elif kind == "," and tracker.steps and not tracker.steps[-1]["array"]:
            expect_key[-1] = True


def json_truncations(folder, stem, text, emit, step=1):
    """Cuts the text after every token but the last (or every `step`th): the parser stops at the end,
    at the pointer it had reached, with the cut's length as byte offset."""
    emit(folder, "%s-cut-0000.json" % stem, b"", "", "(byte offset 0)", "empty document")
    toks = list(walk(text))
    for (kind, start, end, _), pointer, _ in toks[:-1][::step]:
        emit(folder, "%s-cut-%04d.json" % (stem, end), text[:end], pointer, "(byte offset %d)" % end,
             "cut after the %s token at byte %d" % (kind, start))


def members(node, pointer=""):
    """(pointer, value) for every object member, depth first."""
    if isinstance(node, dict):
        for k, v in node.items():
            p = pointer + "/" + k.replace("~", "~0").replace("/", "~1")
            yield p, v
            yield from members(v, p)
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from members(v, "%s/%d" % (pointer, i))


def replaced(node, pointer, value):
    node = json.loads(json.dumps(node))
    parts = [p.replace("~1", "/").replace("~0", "~") for p in pointer.split("/")[1:]]
    target = node
    for p in parts[:-1]:
        target = target[int(p)] if isinstance(target, list) else target[p]
    target[parts[-1]] = value
    return node


def wrong_type_for(value):
    if isinstance(value, bool):
        return "yes"
    if isinstance(value, (int, float)):
        return "7"
    if isinstance(value, str):
        return 7
    if isinstance(value, list):
        return "x"
    if isinstance(value, dict):
        return ["x"]
    return None


def json_wrong_types(folder, stem, document, emit, tolerated=lambda pointer: False):
    """Each member the seed has (the reader knows them all) given a value of another type, except
    those the format's reader takes whatever their type (`tolerated`)."""
    n = 0
    for pointer, value in members(document):
        if value is None or tolerated(pointer):
            continue
        bad = wrong_type_for(value)
        text = json.dumps(replaced(document, pointer, bad), indent=1).encode()
        emit(folder, "%s-type-%03d.json" % (stem, n), text, pointer, None,
             "%s: %s instead of %s" % (pointer, type(bad).__name__, type(value).__name__))
        n += 1


def json_invalid_utf8(folder, stem, text, emit, step=1):
    """A byte that is not UTF-8 at the start of each member's string value (a key is already read, so
    the pointer names the member)."""
    bad_sequences = [b"\xff", b"\xc0\xaf", b"\xed\xa0\x80", b"\xf4\x90\x80\x80", b"\xe2\x82"]
    n = 0
    expect_value = False
    for (kind, start, end, value), pointer, _ in walk(text):
        if kind == ":":
            expect_value = True
            continue
        if kind == "string" and expect_value and n % step == 0:
            seq = bad_sequences[n % len(bad_sequences)]
            at = start + 1
            emit(folder, "%s-utf8-%03d.json" % (stem, n), text[:at] + seq + text[at:], pointer,
                 "(byte offset %d)" % at, "bytes %s at %d in %s" % (seq.hex(), at, pointer))
        if kind == "string" and expect_value:
            n += 1
        expect_value = False


def json_deep(folder, stem, key, emit):
    """Arrays nested past the cap at the top, and below a member the format defines."""
    for name, text in (("%s-deep-arrays.json" % stem, b"[" * 300 + b"]" * 300),
                       ("%s-deep-member.json" % stem, b'{"' + key.encode() + b'":' + b"[" * 300 + b"]" * 300 + b"}")):
        for (kind, start, end, _), pointer, deep in walk(text):
            if deep:
                emit(folder, name, text, pointer, "(byte offset %d)" % start,
                     "nesting deeper than %d at byte %d" % (MAX_DEPTH, start), code="limit_exceeded")
                break
        else:
            raise AssertionError(name)


def json_family(folder, fmt, seed, emit, deep_key, tolerated):
    text = json.dumps(json.loads(seed), indent=1).encode()
    json_truncations(folder, fmt, text, emit)
    json_wrong_types(folder, fmt, json.loads(seed), emit, tolerated)
    json_invalid_utf8(folder, fmt, text, emit)
    json_deep(folder, fmt, deep_key, emit)


def plain_emitter(fmt):
    def emit(folder, name, data, pointer, message, what, code="malformed"):
        add(folder, name, data, fmt, code, pointer, what, message=message)
    return emit


# ---------------------------------------------------------------------------------------------
# Zip archives, written here so that every structure's offset is known.

FIXED_TIME = (2025, 1, 1, 0, 0, 0)


def make_zip(entries, method=zipfile.ZIP_DEFLATED):
    """entries: [(name, bytes)] → zip bytes (a fixed date, so the output is reproducible)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, data in entries:
            info = zipfile.ZipInfo(name, FIXED_TIME)
            info.compress_type = method
            info.external_attr = 0o600 << 16
            z.writestr(info, data)
    return buf.getvalue()


def zip_structure(data):
    """Offsets of each local header, its data, the central directory entries and the end record."""
    eocd = data.rfind(b"PK\x05\x06")
    count, cd_size, cd_offset = struct.unpack("<HII", data[eocd + 10:eocd + 20])
    locals_, centrals, at = [], [], cd_offset
    for _ in range(count):
        name_len, extra_len, comment_len = struct.unpack("<HHH", data[at + 28:at + 34])
        local = struct.unpack("<I", data[at + 42:at + 46])[0]
        comp = struct.unpack("<I", data[at + 20:at + 24])[0]
        l_name, l_extra = struct.unpack("<HH", data[local + 26:local + 30])
        locals_.append((local, local + 30 + l_name + l_extra, comp, data[at + 46:at + 46 + name_len].decode()))
        centrals.append(at)
        at += 46 + name_len + extra_len + comment_len
    return locals_, centrals, eocd


def set_uncompressed_size(data, name, size):
    """Claims `size` bytes for an entry in its local header and its central directory record."""
    out = bytearray(data)
    locals_, centrals, _ = zip_structure(data)
    for (local, _, _, n), central in zip(locals_, centrals):
        if n == name:
            struct.pack_into("<I", out, local + 22, size)
            struct.pack_into("<I", out, central + 24, size)
    return bytes(out)


def zip_cases(folder, fmt, stem, entries, bomb_entry, needs):
    """Truncation at every zip structure, a bomb, an entry claiming GiBs, unsafe names, duplicates."""
    archive = make_zip(entries)
    locals_, centrals, eocd = zip_structure(archive)
    cuts = set()
    for local, data_at, comp, _ in locals_:
        cuts.update({local, local + 4, local + 20, data_at, data_at + max(comp // 2, 1)})
    for central in centrals:
        cuts.update({central, central + 30})
    cuts.update({eocd, eocd + 12, len(archive) - 1})
    for cut in sorted(cuts):
        if 0 < cut < len(archive):
            add(folder, "%s-zip-cut-%05d.zip" % (stem, cut), archive[:cut], fmt, "malformed", "",
                "zip cut at byte %d" % cut, **needs)

    bomb = [(n, b"\0" * (64 << 20) if n == bomb_entry else d) for n, d in entries]
    data = make_zip(bomb)
    comp = next(c for _, _, c, n in zip_structure(data)[0] if n == bomb_entry)
    assert (64 << 20) // comp > 1000, "the bomb must inflate more than 1000 times"
    add(folder, "%s-zip-bomb.zip" % stem, data, fmt, "limit_exceeded", bomb_entry,
        "%s inflates 64 MiB of zeros from %d bytes" % (bomb_entry, comp), **needs)
    add(folder, "%s-zip-claims-3gib.zip" % stem, set_uncompressed_size(archive, bomb_entry, 3 << 30), fmt,
        "limit_exceeded", bomb_entry, "%s declares 3 GiB uncompressed" % bomb_entry, **needs)
    two_big = set_uncompressed_size(make_zip(entries + [("big-2", b"x")]), bomb_entry, 3 << 30)
    add(folder, "%s-zip-claims-6gib.zip" % stem, set_uncompressed_size(two_big, "big-2", 3 << 30), fmt,
        "limit_exceeded", "big-2", "two entries declaring 3 GiB each: the total is over the cap", **needs)
    for n, bad in enumerate(["../escape.txt", "/etc/absolute.txt", "folder\\back.txt", "a/../../up.txt"]):
        add(folder, "%s-zip-unsafe-name-%d.zip" % (stem, n), make_zip(entries + [(bad, b"x")]), fmt, "malformed",
            "entry %d" % len(entries), "entry named %r" % bad, **needs)
    duplicate = make_zip(entries + [(entries[0][0], entries[0][1])])
    add(folder, "%s-zip-duplicate-name.zip" % stem, duplicate, fmt, "malformed", "",
        "two entries named %s" % entries[0][0], **needs)


# ---------------------------------------------------------------------------------------------
# CXF, CXF archive

def cxf_cases():
    seed = seed_bytes("cxp/payload.cxf.json")
    # A credential whose type is not a string, and a field value of another JSON type, are CXF
    # validation errors: read, reported, and converted unless --strict (docs/model.md).
    tolerated = lambda p: (p.endswith("/type") and "/credentials/" in p) or p.endswith("/value")
    json_family("cxf", "cxf", seed, plain_emitter("cxf"), "accounts", tolerated)

    attachment = b"hello attachment\n"
    index = json.dumps(json.loads(seed), indent=1).encode()

    def in_archive(folder, name, data, pointer, message, what, code="malformed"):
        archive = make_zip([("index.json", data), ("documents/ZmlsZS0x", attachment)])
        add(folder, name.replace(".json", ".cxf.zip"), archive, "cxf-archive", code, pointer, what,
            entry="index.json", message=message)

    text = index
    json_truncations("cxf-archive", "index", text, in_archive, step=6)
    json_invalid_utf8("cxf-archive", "index", text, in_archive, step=4)
    json_deep("cxf-archive", "index", "accounts", in_archive)
    zip_cases("cxf-archive", "cxf-archive", "archive", [("index.json", index), ("documents/ZmlsZS0x", attachment)],
              "index.json", {})
    wrong = make_zip([("index.json", index), ("documents/ZmlsZS0x", b"hello attachment?")])
    add("cxf-archive", "document-altered.cxf.zip", wrong, "cxf-archive", "integrity", "documents/ZmlsZS0x",
        "the attachment's bytes do not match its integrityHash")


# ---------------------------------------------------------------------------------------------
# Bitwarden JSON, plain and password-protected

def b64(data):
    return base64.b64encode(data).decode()


def hkdf_expand(prk, info, length=32):
    out, block, counter = b"", b"", 1
    while len(out) < length:
        block = hmac.new(prk, block + info + bytes([counter]), hashlib.sha256).digest()
        out += block
        counter += 1
    return out[:length]


def enc_string(plain, enc_key, mac_key):
    iv = bytes(rng.getrandbits(8) for _ in range(16))
    padder = padding.PKCS7(128).padder()
    padded = padder.update(plain) + padder.finalize()
    encryptor = Cipher(algorithms.AES(enc_key), modes.CBC(iv)).encryptor()
    ct = encryptor.update(padded) + encryptor.finalize()
    mac = hmac.new(mac_key, iv + ct, hashlib.sha256).digest()
    return "2.%s|%s|%s" % (b64(iv), b64(ct), b64(mac))


def bitwarden_protected(plain_json, iterations=1000):
    salt = b64(bytes(rng.getrandbits(8) for _ in range(16)))
    master = hashlib.pbkdf2_hmac("sha256", PASSWORD.encode(), salt.encode(), iterations, 32)
    enc_key, mac_key = hkdf_expand(master, b"enc"), hkdf_expand(master, b"mac")
    return {"encrypted": True, "passwordProtected": True, "salt": salt, "kdfType": 0,
            "kdfIterations": iterations, "kdfMemory": None, "kdfParallelism": None,
            "encKeyValidation_DO_NOT_EDIT": enc_string(b"5c4a1f05-e8a6-4a87-a2a7-7c3e3d0e7a11", enc_key, mac_key),
            "data": enc_string(plain_json, enc_key, mac_key)}


def flip_in_enc_string(value, part, index):
    head, rest = value.split(".", 1)
    parts = rest.split("|")
    raw = bytearray(base64.b64decode(parts[part]))
    raw[index] ^= 0x01
    parts[part] = b64(bytes(raw))
    return head + "." + "|".join(parts)


def bitwarden_cases():
    seed = seed_bytes("bitwarden/bitwarden-to-keepass-test_passkey.json")
    # Anything but `true` in "encrypted" means a plain export, as Bitwarden reads it.
    json_family("bitwarden", "bitwarden", seed, plain_emitter("bitwarden"), "items", lambda p: p == "/encrypted")

    folder = "bitwarden-protected"
    envelope = bitwarden_protected(json.dumps(json.loads(seed)).encode())
    write = lambda doc: json.dumps(doc, indent=1).encode()
    needs = {"password": PASSWORD}
    add(folder, "wrong-password.json", write(envelope), "bitwarden", "wrong_password", "/encKeyValidation_DO_NOT_EDIT",
        "opened with another password", password="not-the-password")
    for member in ("encKeyValidation_DO_NOT_EDIT", "data"):
        code = "wrong_password" if member == "encKeyValidation_DO_NOT_EDIT" else "integrity"
        for part, part_name, index in ((0, "iv", 3), (1, "ciphertext", 5), (2, "mac", 31)):
            damaged = dict(envelope, **{member: flip_in_enc_string(envelope[member], part, index)})
            add(folder, "flip-%s-%s.json" % (member.split("_")[0], part_name), write(damaged), "bitwarden", code,
                "/" + member, "one bit of the %s of %s flipped" % (part_name, member), **needs)
        add(folder, "not-an-encstring-%s.json" % member.split("_")[0], write(dict(envelope, **{member: "2.abc"})),
            "bitwarden", "malformed", "/" + member, "%s is not an EncString" % member, **needs)
        add(folder, "bad-base64-%s.json" % member.split("_")[0],
            write(dict(envelope, **{member: envelope[member].replace("|", "|*", 1)})), "bitwarden", "malformed",
            "/" + member, "%s has a part that is not base64" % member, **needs)
    absurd = [
        ("pbkdf2-2e31", {"kdfIterations": 1 << 31}, "/kdfIterations", "limit_exceeded"),
        ("pbkdf2-2e40", {"kdfIterations": 1 << 40}, "/kdfIterations", "limit_exceeded"),
        ("argon2-memory-2e40-bytes", {"kdfType": 1, "kdfIterations": 3, "kdfMemory": 1 << 20, "kdfParallelism": 4},
         "/kdfMemory", "limit_exceeded"),
        ("argon2-iterations-2e32", {"kdfType": 1, "kdfIterations": 1 << 32, "kdfMemory": 64, "kdfParallelism": 4},
         "/kdfIterations", "limit_exceeded"),
        ("argon2-lanes-impossible", {"kdfType": 1, "kdfIterations": 3, "kdfMemory": 1, "kdfParallelism": 1 << 20},
         "/kdfParallelism", "malformed"),
        ("kdf-type-unknown", {"kdfType": 7}, "/kdfType", "unsupported"),
        ("kdf-iterations-zero", {"kdfIterations": 0}, "/kdfIterations", "malformed"),
    ]
    for name, change, pointer, code in absurd:
        add(folder, name + ".json", write(dict(envelope, **change)), "bitwarden", code, pointer,
            "KDF parameters %s" % json.dumps(change), **needs)
    for member in ("salt", "kdfType", "kdfIterations", "encKeyValidation_DO_NOT_EDIT", "data"):
        bad = wrong_type_for(envelope[member])
        add(folder, "type-%s.json" % member.split("_")[0], write(dict(envelope, **{member: bad})), "bitwarden",
            "malformed", "/" + member, "%s has the wrong type" % member, **needs)
        missing = {k: v for k, v in envelope.items() if k != member}
        add(folder, "missing-%s.json" % member.split("_")[0], write(missing), "bitwarden", "malformed", "/" + member,
            "%s is missing" % member, **needs)

    def emit(folder_, name, data, pointer, message, what, code="malformed"):
        add(folder_, name, data, "bitwarden", code, pointer, what, message=message, **needs)
    json_truncations(folder, "envelope", write(envelope), emit)


# ---------------------------------------------------------------------------------------------
# CSV: cells located by line and column (from 1), as RFC 4180 reads them

def csv_cells(text):
    """(line, column, start, end, quoted, close_line) of every cell; `start`/`end` bound its content."""
    cells, i, line, column = [], 0, 1, 1
    while i < len(text):
        start_line = line
        if text[i:i + 1] == b'"':
            j = i + 1
            while True:
                if text[j:j + 1] == b'"':
                    if text[j + 1:j + 2] == b'"':
                        j += 2
                        continue
                    break
                if text[j:j + 1] == b"\n":
                    line += 1
                j += 1
            cells.append((start_line, column, i + 1, j, True, line))
            i = j + 1
        else:
            j = i
            while j < len(text) and text[j:j + 1] not in b",\r\n":
                j += 1
            cells.append((start_line, column, i, j, False, line))
            i = j
        if text[i:i + 1] == b",":
            column += 1
            i += 1
        else:
            i += 2 if text[i:i + 2] == b"\r\n" else 1
            line += 1
            column = 1
    return cells


def csv_records(text, count):
    """The first `count` records of a CSV text."""
    cells = csv_cells(text)
    ends = [c for c in cells if c[1] == 1]
    if len(ends) <= count:
        return text
    cut = ends[count][2] - (1 if ends[count][4] else 0)
    return text[:cut]


def csv_cases(folder, fmt, seed, width_place):
    for line, column, start, end, quoted, close_line in csv_cells(seed):
        place = "line %d, column %d" % (line, column)
        add(folder, "utf8-line%d-col%d.csv" % (line, column), seed[:start] + b"\xff" + seed[start:], fmt, "malformed",
            place, "a byte that is not UTF-8 at the start of the cell")
        if quoted:
            add(folder, "unclosed-line%d-col%d.csv" % (line, column), seed[:start + (end - start) // 2], fmt,
                "malformed", place, "the file ends inside the quoted cell")
            add(folder, "after-quote-line%d-col%d.csv" % (line, column), seed[:end + 1] + b"x" + seed[end + 1:], fmt,
                "malformed", "line %d, column %d" % (close_line, column), "text after the closing quote")
    records = {}
    for cell in csv_cells(seed):
        if cell[1] == 1:
            records[cell[0]] = []
        records[list(records)[-1]].append(cell)
    header = len(list(records.values())[0])
    for row_line, row in list(records.items())[1:]:
        if len(row) < header:
            continue  # a short row (Chrome leaves out an empty last cell) is still short with one more
        end = row[-1][3] + (1 if row[-1][4] else 0)
        add(folder, "extra-cell-line%d.csv" % row_line, seed[:end] + b",extra" + seed[end:], fmt, "malformed",
            width_place(row_line, len(row) + 1, len(row)), "a record with one cell too many")


def bitwarden_csv_cases():
    seed = csv_records(seed_bytes("bitwarden/pass-import-bitwarden.csv"), 5)
    csv_cases("bitwarden-csv", "bitwarden-csv", seed, lambda line, cells, width: "line %d" % line)


def onepassword_csv_cases():
    seed = csv_records(seed_bytes("1password/pass-import-1password8.csv"), 4)
    csv_cases("1password-csv", "1password-csv", seed,
              lambda line, cells, width: "line %d, column %d" % (line, min(cells, width) + 1))


def browser_csv_cases():
    width = lambda line, cells, header: "line %d, column %d" % (line, min(cells, header) + 1)
    for fmt, seed in (("apple-csv", "csv/synthetic-apple.csv"), ("chrome-csv", "csv/pass-import-chrome.csv"),
                      ("firefox-csv", "csv/pass-import-firefox.csv")):
        csv_cases(fmt, fmt, csv_records(seed_bytes(seed), 4), width)


# ---------------------------------------------------------------------------------------------
# 1PUX

def onepux_cases():
    source = zipfile.ZipFile(os.path.join(TESTDATA, "1password/synthetic-legacy-shape.1pux"))
    attributes = source.read("export.attributes")
    data = json.dumps(json.loads(source.read("export.data")), indent=1).encode()

    def in_zip(folder, name, text, pointer, message, what, code="malformed"):
        archive = make_zip([("export.attributes", attributes), ("export.data", text)])
        add(folder, name.replace(".json", ".1pux"), archive, "1pux", code, pointer, what, entry="export.data",
            message=message)

    json_truncations("1pux", "data", data, in_zip, step=3)
    # A login field's value may be any JSON (linked accounts give an object); a trashed item (items/1)
    # is skipped unread.
    trashed = "/accounts/0/vaults/0/items/1/item/"
    json_wrong_types("1pux", "data", json.loads(data), in_zip,
                     lambda p: "/loginFields/" in p and p.endswith("/value") or
                     p.startswith(trashed) and p != trashed + "trashed")
    json_invalid_utf8("1pux", "data", data, in_zip, step=2)
    json_deep("1pux", "data", "accounts", in_zip)
    zip_cases("1pux", "1pux", "export", [("export.attributes", attributes), ("export.data", data)], "export.data", {})
    add("1pux", "no-export-data.1pux", make_zip([("export.attributes", attributes)]), "1pux", "malformed",
        "export.data", "the zip has no export.data")


# ---------------------------------------------------------------------------------------------
# CXP: the cxporter-layout fixture, damaged in its zip and in its JWE compact serialisation

def cxp_cases():
    folder = "cxp"
    identity = "../../cxp/importer-x25519.pem"
    needs = {"identity": identity}
    source = zipfile.ZipFile(os.path.join(TESTDATA, "cxp/cxporter-shared-context.cxp"))
    entries = [(i.filename, source.read(i)) for i in source.infolist() if not i.filename.endswith("/")]
    index_name = "CXP-Export/index.jwe"
    jwe = dict(entries)[index_name].decode().strip()
    parts = jwe.split(".")
    offsets = [sum(len(p) + 1 for p in parts[:k]) for k in range(5)]
    names = ["protected header", "encrypted key", "iv", "ciphertext", "tag"]

    def with_index(text):
        return make_zip([(n, text.encode() if n == index_name else d) for n, d in entries])

    def flip_part(k, index):
        raw = bytearray(base64.urlsafe_b64decode(parts[k] + "=" * (-len(parts[k]) % 4)))
        raw[index] ^= 0x01
        new = list(parts)
        new[k] = base64.urlsafe_b64encode(bytes(raw)).decode().rstrip("=")
        return ".".join(new)

    header = json.loads(base64.urlsafe_b64decode(parts[0] + "=" * (-len(parts[0]) % 4)))
    # With a kid naming the key, a tag that fails is damage; without one (cxporter writes none) it
    # cannot be told from another importer's key.
    failed_tag = "integrity" if "kid" in header else "wrong_password"
    for k, index in ((2, 0), (3, 0), (3, 40), (4, 15)):
        add(folder, "flip-%s-%d.cxp" % (names[k], index), with_index(flip_part(k, index)), "cxp", failed_tag,
            "offset %d (ciphertext)" % offsets[3], "one bit of the JWE %s flipped" % names[k], entry=index_name, **needs)

    def with_header(h):
        encoded = base64.urlsafe_b64encode(json.dumps(h).encode()).decode().rstrip("=")
        return with_index(".".join([encoded] + parts[1:]))

    for member in ("alg", "enc", "kid", "epk"):
        if member in header:
            add(folder, "header-type-%s.cxp" % member, with_header(dict(header, **{member: wrong_type_for(header[member])})),
                "cxp", "malformed", "protected header/" + member, "protected header member %s of the wrong type" % member,
                entry=index_name, **needs)
    add(folder, "header-alg-unknown.cxp", with_header(dict(header, alg="HPKE-Base-X448-SHA512-AES256GCM")), "cxp",
        "unsupported", "protected header/alg", "an HPKE suite cxf does not read", entry=index_name, **needs)
    add(folder, "header-zip.cxp", with_header(dict(header, zip="DEF")), "cxp", "unsupported", "protected header/zip",
        "compressed JWE content", entry=index_name, **needs)
    add(folder, "encrypted-key-present.cxp", with_index(".".join(parts[:1] + ["AAAA"] + parts[2:])), "cxp",
        "unsupported", "offset %d (encrypted key)" % offsets[1], "a JWE encrypted key where HPKE needs none",
        entry=index_name, **needs)
    add(folder, "short-tag.cxp", with_index(".".join(parts[:4] + [parts[4][:10]])), "cxp", "malformed",
        "offset %d (tag)" % offsets[4], "a 7-byte tag", entry=index_name, **needs)

    other = x25519.X25519PrivateKey.from_private_bytes(bytes(rng.getrandbits(8) for _ in range(32)))
    pem = other.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                              serialization.NoEncryption())
    with open(os.path.join(HERE, folder, "other-importer.pem"), "wb") as f:
        f.write(pem)
    add(folder, "wrong-key.cxp", make_zip(entries), "cxp", "wrong_password",
        "protected header/kid" if "kid" in header else "offset %d (ciphertext)" % offsets[3],
        "opened with another importer's key", entry=index_name, identity="other-importer.pem")
    zip_cases(folder, "cxp", "archive", entries, index_name, needs)


# ---------------------------------------------------------------------------------------------
# KDBX 3.1 and 4: a minimal writer (docs: KeePass's KDBX format description) with AES-256-CBC,
# AES-KDF with few rounds, gzip, and no protected values.

AES_CIPHER = bytes.fromhex("31c1f2e6bf714350be5805216afc5aff")
AES_KDF = bytes.fromhex("c9d9f39a628a4460bf740d08c18a4fea")
ARGON2D = bytes.fromhex("ef636ddf8c29444b91f7a9a403e30a0c")
SIG = struct.pack("<II", 0x9AA2D903, 0xB54BFB67)
FEW_ROUNDS = 100

XML = ('<?xml version="1.0" encoding="utf-8" standalone="yes"?>\n<KeePassFile>\n<Meta>\n'
       '<Generator>make_cases.py</Generator>\n<DatabaseName>malformed</DatabaseName>\n</Meta>\n<Root>\n<Group>\n'
       '<UUID>AAAAAAAAAAAAAAAAAAAAAQ==</UUID>\n<Name>Root</Name>\n<Entry>\n<UUID>AAAAAAAAAAAAAAAAAAAAAg==</UUID>\n'
       '<String><Key>Title</Key><Value>example</Value></String>\n'
       '<String><Key>UserName</Key><Value>someone</Value></String>\n</Entry>\n</Group>\n</Root>\n</KeePassFile>\n')


def random_bytes(n):
    return bytes(rng.getrandbits(8) for _ in range(n))


def aes_kdf(composite, seed, rounds):
    encryptor = Cipher(algorithms.AES(seed), modes.ECB()).encryptor()
    key = composite
    for _ in range(rounds):
        key = encryptor.update(key)
    return hashlib.sha256(key).digest()


def cbc(key, iv, plain):
    padder = padding.PKCS7(128).padder()
    encryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).encryptor()
    return encryptor.update(padder.update(plain) + padder.finalize()) + encryptor.finalize()


def fixed_gzip(data):
    return gzip.compress(data, mtime=0)


class Kdbx:
    """A database: `fields` is the outer header as (id, bytes) in order; build() gives the file and
    records where each field starts."""

    def __init__(self, version, xml=XML, kdf=None):
        self.version = version
        self.xml = xml.encode() if isinstance(xml, str) else xml
        self.master_seed, self.iv = random_bytes(32), random_bytes(16)
        self.kdf_seed = random_bytes(32)
        self.rounds = FEW_ROUNDS
        self.kdf = kdf  # KDBX 4: the KdfParameters dictionary bytes (default: AES-KDF, FEW_ROUNDS)
        self.stream_start = random_bytes(32)

    def fields(self):
        f = [(2, AES_CIPHER), (3, struct.pack("<I", 1)), (4, self.master_seed)]
        if self.version == 3:
            f += [(5, self.kdf_seed), (6, struct.pack("<Q", self.rounds)), (7, self.iv), (8, random_bytes(32)),
                  (9, self.stream_start), (10, struct.pack("<I", 2))]
        else:
            f += [(7, self.iv), (11, self.kdf if self.kdf is not None else
                                 variant_map([(0x42, "$UUID", AES_KDF), (0x05, "R", struct.pack("<Q", self.rounds)),
                                              (0x42, "S", self.kdf_seed)]))]
        return f + [(0, b"\r\n\r\n")]

    def header(self):
        out = SIG + struct.pack("<I", 0x00030001 if self.version == 3 else 0x00040000)
        self.field_at = []
        for fid, data in self.fields():
            self.field_at.append((fid, len(out), data))
            out += bytes([fid]) + (struct.pack("<H", len(data)) if self.version == 3 else struct.pack("<i", len(data)))
            out += data
        return out

    def keys(self, password=PASSWORD):
        composite = hashlib.sha256(hashlib.sha256(password.encode()).digest()).digest()
        transformed = aes_kdf(composite, self.kdf_seed, self.rounds)
        cipher_key = hashlib.sha256(self.master_seed + transformed).digest()
        hmac_base = hashlib.sha512(self.master_seed + transformed + b"\x01").digest()
        return cipher_key, hmac_base

    def build(self):
        header = self.header()
        cipher_key, hmac_base = self.keys()
        if self.version == 3:
            payload = fixed_gzip(self.xml)
            blocks = struct.pack("<I", 0) + hashlib.sha256(payload).digest() + struct.pack("<i", len(payload)) + payload
            blocks += struct.pack("<I", 1) + b"\0" * 32 + struct.pack("<i", 0)
            self.header_size = len(header)
            return header + cbc(cipher_key, self.iv, self.stream_start + blocks)
        inner = bytes([1]) + struct.pack("<i", 4) + struct.pack("<I", 3)
        inner += bytes([2]) + struct.pack("<i", 64) + random_bytes(64) + bytes([0]) + struct.pack("<i", 0)
        ciphertext = cbc(cipher_key, self.iv, fixed_gzip(inner + self.xml))
        header_key = hashlib.sha512(struct.pack("<Q", 0xFFFFFFFFFFFFFFFF) + hmac_base).digest()
        out = header + hashlib.sha256(header).digest() + hmac.new(header_key, header, hashlib.sha256).digest()
        self.header_size = len(header)
        self.blocks_at = len(out)
        for index, data in ((0, ciphertext), (1, b"")):
            block_key = hashlib.sha512(struct.pack("<Q", index) + hmac_base).digest()
            mac = hmac.new(block_key, struct.pack("<Qi", index, len(data)) + data, hashlib.sha256).digest()
            out += mac + struct.pack("<i", len(data)) + data
        return out


def variant_map(entries):
    out = struct.pack("<H", 0x0100)
    for kind, name, value in entries:
        out += bytes([kind]) + struct.pack("<i", len(name)) + name.encode() + struct.pack("<i", len(value)) + value
    return out + b"\0"


FIELD_NAMES = {0: "EndOfHeader", 2: "CipherID", 3: "CompressionFlags", 4: "MasterSeed", 5: "TransformSeed",
               6: "TransformRounds", 7: "EncryptionIV", 8: "ProtectedStreamKey", 9: "StreamStartBytes",
               10: "InnerRandomStreamID", 11: "KdfParameters"}


def kdbx_cases(version):
    folder = "kdbx%d" % version
    needs = {"password": PASSWORD}
    db = Kdbx(version)
    data = db.build()
    length_size = 2 if version == 3 else 4

    def cut(name, at, code, place, what):
        add(folder, name, data[:at], "kdbx", code, place, what, **needs)

    cut("cut-00008.kdbx", 8, "unrecognized", "offset 0", "cut inside the signature and version")
    for fid, at, field in db.field_at:
        name = FIELD_NAMES[fid]
        cut("cut-%05d-%s-id.kdbx" % (at, name), at, "malformed", "offset %d (header field id)" % at,
            "cut before the %s field" % name)
        cut("cut-%05d-%s-length.kdbx" % (at + 1, name), at + 1 + length_size // 2, "malformed",
            "offset %d (%s length)" % (at + 1, name), "cut inside the %s field's length" % name)
        data_at = at + 1 + length_size
        cut("cut-%05d-%s-data.kdbx" % (data_at, name), data_at + len(field) // 2, "malformed",
            "offset %d (%s)" % (data_at, name), "cut inside the %s field's data" % name)
    h = db.header_size
    add(folder, "wrong-password.kdbx", data, "kdbx", "wrong_password",
        "offset %d (header HMAC)" % (h + 32) if version == 4 else "offset %d (StreamStartBytes)" % h,
        "opened with another password", password="not-the-password")
    if version == 4:
        cut("cut-header-hash.kdbx", h + 10, "malformed", "offset %d (header hash)" % h, "cut inside the header's SHA-256")
        cut("cut-header-hmac.kdbx", h + 40, "malformed", "offset %d (header hash)" % h, "cut inside the header's HMAC")
        b0 = db.blocks_at
        cut("cut-block0-hmac.kdbx", b0 + 10, "malformed", "offset %d (block 0 HMAC)" % b0, "cut inside block 0's HMAC")
        cut("cut-block0-size.kdbx", b0 + 33, "malformed", "offset %d (block 0 size)" % (b0 + 32), "cut inside block 0's size")
        cut("cut-block0-data.kdbx", b0 + 40, "malformed", "offset %d (block 0 data)" % (b0 + 36), "cut inside block 0's data")
        final = len(data) - 36
        cut("cut-before-final-block.kdbx", final, "malformed", "offset %d (block 1)" % final, "cut before the final block")
        for name, at, place in (("header-hash", h + 3, "offset %d (header SHA-256)" % h),
                                ("master-seed", [a for f, a, _ in db.field_at if f == 4][0] + 9,
                                 "offset %d (header SHA-256)" % h),
                                ("block0-hmac", b0 + 7, "offset %d (block 0)" % b0),
                                ("block0-data", b0 + 50, "offset %d (block 0)" % b0),
                                ("final-block-hmac", final + 1, "offset %d (block 1)" % final)):
            flipped = bytearray(data)
            flipped[at] ^= 0x10
            add(folder, "flip-%s.kdbx" % name, bytes(flipped), "kdbx", "integrity", place,
                "one bit flipped in %s" % name, **needs)
        flipped = bytearray(data)
        flipped[h + 32 + 5] ^= 0x10
        add(folder, "flip-header-hmac.kdbx", bytes(flipped), "kdbx", "wrong_password", "offset %d (header HMAC)" % (h + 32),
            "one bit flipped in the header HMAC: KDBX 4 cannot tell that from a wrong key", **needs)
        huge = bytearray(data)
        kdf_at = [a for f, a, _ in db.field_at if f == 11][0]
        struct.pack_into("<i", huge, kdf_at + 1, 0x7FFFFFFF)
        add(folder, "huge-field-length.kdbx", bytes(huge), "kdbx", "malformed", "offset %d (KdfParameters)" % (kdf_at + 5),
            "KdfParameters claims 2^31-1 bytes", **needs)
        struct.pack_into("<i", huge, kdf_at + 1, -5)
        add(folder, "negative-field-length.kdbx", bytes(huge), "kdbx", "malformed",
            "offset %d (KdfParameters length)" % (kdf_at + 1), "KdfParameters claims -5 bytes", **needs)
        absurd = [
            ("argon2-memory-2e40", [(0x42, "$UUID", ARGON2D), (0x42, "S", random_bytes(32)),
                                    (0x04, "P", struct.pack("<I", 2)), (0x05, "M", struct.pack("<Q", 1 << 40)),
                                    (0x05, "I", struct.pack("<Q", 2)), (0x04, "V", struct.pack("<I", 0x13))],
             "limit_exceeded"),
            ("argon2-iterations-2e32-1", [(0x42, "$UUID", ARGON2D), (0x42, "S", random_bytes(32)),
                                          (0x04, "P", struct.pack("<I", 2)), (0x05, "M", struct.pack("<Q", 1 << 20)),
                                          (0x05, "I", struct.pack("<Q", (1 << 32) - 1)),
                                          (0x04, "V", struct.pack("<I", 0x13))], "limit_exceeded"),
            ("argon2-iterations-2e32", [(0x42, "$UUID", ARGON2D), (0x42, "S", random_bytes(32)),
                                        (0x04, "P", struct.pack("<I", 2)), (0x05, "M", struct.pack("<Q", 1 << 20)),
                                        (0x05, "I", struct.pack("<Q", 1 << 32)),
                                        (0x04, "V", struct.pack("<I", 0x13))], "malformed"),
            ("aes-kdf-rounds-2e40", [(0x42, "$UUID", AES_KDF), (0x05, "R", struct.pack("<Q", 1 << 40)),
                                     (0x42, "S", random_bytes(32))], "limit_exceeded"),
        ]
        for name, entries, code in absurd:
            absurd_db = Kdbx(4, kdf=variant_map(entries))
            add(folder, "kdf-%s.kdbx" % name, absurd_db.build(), "kdbx", code, "KdfParameters",
                "KDF parameters %s: refused before any work" % name, **needs)
        unknown = Kdbx(4, kdf=variant_map([(0x42, "$UUID", b"\x01" * 16), (0x42, "S", random_bytes(32))]))
        unknown_data = unknown.build()
        unknown_at = [a for f, a, _ in unknown.field_at if f == 11][0]
        add(folder, "kdf-unknown.kdbx", unknown_data, "kdbx", "unsupported", "offset %d (KdfParameters)" % unknown_at,
            "a KDF UUID nobody defines", **needs)
    else:
        cut("cut-after-header.kdbx", h, "malformed", "offset %d" % h, "nothing after the header")
        cut("cut-partial-cipher-block.kdbx", len(data) - 7, "malformed", "offset %d (encrypted payload)" % h,
            "the payload is not a whole number of cipher blocks")
        rounds = Kdbx(3)
        rounds.rounds = 1 << 40
        header = rounds.header()
        add(folder, "aes-kdf-rounds-2e40.kdbx", header + random_bytes(64), "kdbx", "limit_exceeded", "TransformRounds",
            "AES-KDF rounds 2^40: refused before any work", **needs)
        flipped = bytearray(data)
        flipped[h + 80] ^= 0x10
        add(folder, "flip-hashed-block.kdbx", bytes(flipped), "kdbx", "integrity", "decrypted payload offset 0 (block 0)",
            "one bit flipped in the first hashed block's ciphertext", **needs)
        huge = bytearray(data)
        seed_at = [a for f, a, _ in db.field_at if f == 4][0]
        struct.pack_into("<H", huge, seed_at + 1, 0xFFFF)
        add(folder, "huge-field-length.kdbx", bytes(huge), "kdbx", "malformed", "offset %d (MasterSeed)" % (seed_at + 3),
            "MasterSeed claims 65535 bytes", **needs)


def kdbx_xml_cases():
    """The XML inside the payload: DOCTYPE and entities, nesting, UTF-8, well-formedness. Places are
    "XML line N" of the XML text, the line the problem starts on."""
    folder = "kdbx-xml"
    needs = {"password": PASSWORD}
    laughs = ('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE KeePassFile [\n<!ENTITY a "aaaaaaaaaa">\n'
              + "".join('<!ENTITY %s "%s">\n' % (chr(98 + i), ("&%s;" % chr(97 + i)) * 10) for i in range(8))
              + ']>\n<KeePassFile><Meta><Generator>&i;</Generator></Meta><Root><Group><Name>r</Name></Group></Root>'
              '</KeePassFile>\n')
    external = ('<?xml version="1.0"?>\n<!DOCTYPE KeePassFile [\n<!ENTITY x SYSTEM "file:///etc/passwd">\n]>\n'
                '<KeePassFile><Meta><Generator>&x;</Generator></Meta><Root><Group/></Root></KeePassFile>\n')
    deep = ('<KeePassFile>\n' + "".join("<Group>\n" for _ in range(300)) + "".join("</Group>\n" for _ in range(300))
            + "</KeePassFile>\n")
    lines = XML.split("\n")
    name_line = next(i for i, l in enumerate(lines) if "<Name>" in l) + 1
    bad_utf8 = XML.encode().replace(b"<Name>Root", b"<Name>R\xffoot")
    for version in (3, 4):
        for name, xml, code, place, what in (
                ("billion-laughs", laughs, "malformed", "XML line 2", "a DOCTYPE defining nested entities"),
                ("external-entity", external, "malformed", "XML line 2", "a DOCTYPE with an external entity"),
                ("deep-nesting", deep, "limit_exceeded", "XML line %d" % (MAX_DEPTH + 1),
                 "Group elements nested 300 deep (KeePassFile is level 1)"),
                ("invalid-utf8", bad_utf8, "malformed", "XML line %d" % name_line, "a byte that is not UTF-8 in Name"),
                ("truncated", XML.encode()[:XML.rfind("</Root>") + 3], "malformed",
                 "XML line %d" % (XML[:XML.rfind("</Root>")].count("\n") + 1), "the XML ends inside </Root>")):
            add(folder, "kdbx%d-%s.kdbx" % (version, name), Kdbx(version, xml).build(), "kdbx", code, place, what,
                match="prefix", **needs)


def main():
    for entry in os.listdir(HERE):
        if os.path.isdir(os.path.join(HERE, entry)):
            shutil.rmtree(os.path.join(HERE, entry))
    cxf_cases()
    bitwarden_cases()
    bitwarden_csv_cases()
    onepassword_csv_cases()
    browser_csv_cases()
    onepux_cases()
    cxp_cases()
    kdbx_cases(3)
    kdbx_cases(4)
    kdbx_xml_cases()
    with open(os.path.join(HERE, "cases.json"), "w") as f:
        json.dump({"password": PASSWORD, "cases": cases}, f, indent=1)
        f.write("\n")
    counts = {}
    for c in cases:
        counts[c["from"]] = counts.get(c["from"], 0) + 1
    print(len(cases), "cases:", ", ".join("%s %d" % kv for kv in sorted(counts.items())), file=sys.stderr)


if __name__ == "__main__":
    main()
