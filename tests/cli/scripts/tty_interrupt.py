#!/usr/bin/env python3
"""Runs a command on a pseudo-terminal, presses Ctrl-C at its password prompt, and reports how it
ended and whether the terminal's echo is on again.

usage: tty_interrupt.py COMMAND... ; prints "signal N" or "exit N", then "echo on" or "echo off".
"""
import os
import pty
import sys
import termios


def main():
    pid, fd = pty.fork()
    if pid == 0:
        os.execvp(sys.argv[1], sys.argv[1:])
    shown = b""
    while not (b"password" in shown.lower() and shown.rstrip().endswith(b":")):
        try:
            chunk = os.read(fd, 1024)
        except OSError:
            break
        if not chunk:
            break
        shown += chunk
    os.write(fd, b"\x03")
    _, status = os.waitpid(pid, 0)
    echo = termios.tcgetattr(fd)[3] & termios.ECHO
    print(f"signal {os.WTERMSIG(status)}" if os.WIFSIGNALED(status) else f"exit {os.WEXITSTATUS(status)}")
    print("echo on" if echo else "echo off")


if __name__ == "__main__":
    main()
