#!/usr/bin/python3
"""Opens a KDBX file with pykeepass (Debian's 4.0.3) and, with --read-all, reads every entry's
strings, tags and history, as a converter would.
usage: open_pykeepass.py FILE PASSWORD [--read-all]
"""
import sys

from pykeepass import PyKeePass


def main():
    kp = PyKeePass(sys.argv[1], password=sys.argv[2])
    if "--read-all" in sys.argv:
        values = 0
        for e in kp.entries:
            for s in e._element.findall("String"):
                values += len(s.findtext("Value") or "")
            values += len(e.tags or []) + len(e.history)
        print("entries", len(kp.entries), "characters", values, file=sys.stderr)


if __name__ == "__main__":
    main()
