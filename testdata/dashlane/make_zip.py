#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""Writes dashlane-export.zip as Dashlane names the files of its CSV export: Proton Pass's Dashlane
test files (credentials, secure notes, payments, personal info) and synthetic-ids.csv. A fixed date,
so the zip is the same every time. Run: /usr/bin/python3 testdata/dashlane/make_zip.py"""
import os
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
MEMBERS = [
    ("credentials.csv", "proton-dashlane-credentials.csv"),
    ("securenotes.csv", "proton-dashlane-secure-notes.csv"),
    ("payments.csv", "proton-dashlane-payments.csv"),
    ("ids.csv", "synthetic-ids.csv"),
    ("personalInfo.csv", "proton-dashlane-personal-info.csv"),
]

with zipfile.ZipFile(os.path.join(HERE, "dashlane-export.zip"), "w") as z:
    for name, source in MEMBERS:
        info = zipfile.ZipInfo(name, (2025, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        info.external_attr = 0o600 << 16
        with open(os.path.join(HERE, source), "rb") as f:
            z.writestr(info, f.read())
