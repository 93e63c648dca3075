#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Writes docs/api-reference.md from the public headers: every declaration libcxf exports (CXF_C_API,
CXF_API) and every struct or enum they use, each with the comment written above it in the header.
    scripts/api_reference.py            rewrite docs/api-reference.md
    scripts/api_reference.py --check    exit 1 if it is out of date (the test suite runs this)"""
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
HEADERS = [
    ("C API", "cxf/cxf.h", "c"),
    ("C++ API: reading and writing", "cxf/api/library.h", "cpp"),
    ("C++ API: reading as a given format", "cxf/pipeline/read_as.h", "cpp"),
    ("C++ API: a whole conversion", "cxf/pipeline/convert.h", "cpp"),
]
STARTS = re.compile(r"^(CXF_C_API|CXF_API|struct \w+ \{|enum( class)? \w+[^;]*\{|typedef enum|enum \{)")


def comment_text(lines):
    out = []
    for line in lines:
        line = line.strip()
        line = re.sub(r"^(//|/\*+|\*/|\*)\s?", "", line)
        line = re.sub(r"\s*\*/$", "", line)
        out.append(line)
    return " ".join(part for part in out if part).strip()


def code_of(line):
    return re.sub(r"\s*(/\*.*\*/|//.*)$", "", line).rstrip()


def declarations(text):
    lines = text.splitlines()
    comment, i = [], 0
    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        if stripped.startswith(("//", "/*", "*")) and not stripped.startswith("/* SPDX"):
            comment.append(line)
            i += 1
            continue
        if STARTS.match(line):
            block = [line]
            opens = line.count("{") - line.count("}")
            while (opens > 0 or not code_of(block[-1]).endswith(";")) and i + 1 < len(lines):
                i += 1
                block.append(lines[i])
                opens += lines[i].count("{") - lines[i].count("}")
            yield comment_text(comment), "\n".join(block)
        comment = [] if stripped == "" or not stripped.startswith(("//", "/*", "*")) else comment
        i += 1


def reference():
    out = ["# libcxf API reference", "",
           "Generated from the public headers by `scripts/api_reference.py`; the walkthrough and the stability",
           "promise are in [library.md](library.md).", ""]
    for title, path, language in HEADERS:
        out += [f"## {title} (`{path}`)", ""]
        for comment, code in declarations((ROOT / path).read_text()):
            code = code.replace("CXF_C_API ", "").replace("CXF_API ", "")
            if comment:
                out += [comment, ""]
            out += ["```" + language, code, "```", ""]
    return "\n".join(out)


def main():
    target = ROOT / "docs" / "api-reference.md"
    text = reference()
    if sys.argv[1:] == ["--check"]:
        if not target.exists() or target.read_text() != text:
            sys.exit("docs/api-reference.md is out of date: run scripts/api_reference.py")
        return
    target.write_text(text)


if __name__ == "__main__":
    main()
