#!/usr/bin/env python3
# Writes the generated CSV fixtures of this folder (see PROVENANCE.md). Run from anywhere:
#   python3 testdata/csv/make_fixtures.py
# The values are made up; the TOTP secrets are RFC 4648 test strings, not anyone's keys.
import csv
import io
import pathlib

HERE = pathlib.Path(__file__).resolve().parent


def write(name, rows, encoding="utf-8", quoting=csv.QUOTE_MINIMAL):
    text = io.StringIO()
    csv.writer(text, quoting=quoting, lineterminator="\r\n").writerows(rows)
    (HERE / name).write_bytes(text.getvalue().encode(encoding))


# Apple Passwords (macOS 15 Passwords app, File > Export All Passwords): its header, and rows with
# what the format can hold: several websites of one account as separate rows, notes with commas,
# quotes and line breaks, an otpauth:// URI with an issuer and non-default parameters, a bare one,
# an empty URL, a title that is not ASCII.
write("synthetic-apple.csv", [
    ["Title", "URL", "Username", "Password", "Notes", "OTPAuth"],
    ["example.com (jane@example.com)", "https://example.com/", "jane@example.com", "h0rse,battery \"staple\"", "", ""],
    ["Bank", "https://bank.example/login", "jane", "pa55 word", "PIN is not here,\nask \"Bob\"\nthird line",
     "otpauth://totp/Bank:jane?secret=JBSWY3DPEHPK3PXP&issuer=Bank&algorithm=SHA256&digits=8&period=60"],
    ["mail.example", "https://mail.example/", "jane", "m41l", "",
     "otpauth://totp/mail.example:jane?secret=GEZDGNBVGY3TQOJQ&issuer=mail.example"],
    ["Caf\u00e9 W\u00fc\u00dfte", "", "guest", "wifi-ish", "no website", ""],
    ["example.com (jane@example.com)", "https://login.example.com/", "jane@example.com", "h0rse,battery \"staple\"", "", ""],
])

# A Chrome export as a spreadsheet saved in Windows' Western code page: '\u20ac' is 0x80 there, and
# does not exist in ISO-8859-1.
write("synthetic-chrome-windows-1252.csv", [
    ["name", "url", "username", "password", "note"],
    ["caf\u00e9.example", "https://caf\u00e9.example/", "ren\u00e9e", "\u20ac100-cr\u00e8me", "d\u00e9j\u00e0 vu"],
    ["plain.example", "https://plain.example/", "bob", "s3cr3t", ""],
], encoding="cp1252")
