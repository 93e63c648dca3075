#!/usr/bin/python3
"""Replaces the text between `<!-- bench/run.sh begin -->` and `<!-- bench/run.sh end -->` in a Markdown
file with REPORT's content; fails if the markers are missing.
usage: write_docs.py DOC.md REPORT.md
"""
import sys

BEGIN, END = "<!-- bench/run.sh begin -->", "<!-- bench/run.sh end -->"


def main():
    doc_path, report_path = sys.argv[1], sys.argv[2]
    doc = open(doc_path, encoding="utf-8").read()
    start, end = doc.find(BEGIN), doc.find(END)
    if start < 0 or end < start:
        sys.exit(f"write_docs.py: {doc_path}: no '{BEGIN}' … '{END}' section")
    report = open(report_path, encoding="utf-8").read().strip()
    with open(doc_path, "w", encoding="utf-8") as f:
        f.write(doc[:start + len(BEGIN)] + "\n" + report + "\n" + doc[end:])


if __name__ == "__main__":
    main()
