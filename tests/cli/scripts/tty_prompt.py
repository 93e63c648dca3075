#!/usr/bin/env python3
"""Runs a command on a pseudo-terminal, answers its password prompt, and reports what the terminal showed.

usage: tty_prompt.py PASSWORD COMMAND... ; prints the terminal output, exits with the command's code.
"""
import os
import pty
import sys


def main():
    password, command = sys.argv[1].encode(), sys.argv[2:]
    pid, fd = pty.fork()
    if pid == 0:
        os.execvp(command[0], command)
    shown = b""
    answered = False
    while True:
        try:
            chunk = os.read(fd, 1024)
        except OSError:
            break
        if not chunk:
            break
        shown += chunk
        if not answered and b"password" in shown.lower() and shown.rstrip().endswith(b":"):
            os.write(fd, password + b"\n")
            answered = True
    _, status = os.waitpid(pid, 0)
    sys.stdout.write(shown.decode("utf-8", "replace"))
    sys.exit(os.waitstatus_to_exitcode(status))


if __name__ == "__main__":
    main()
