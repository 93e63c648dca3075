#!/usr/bin/env python3
"""Runs a command on a pseudo-terminal and answers its password prompt.

usage: tty_prompt.py PASSWORD COMMAND...
         types PASSWORD and Enter; prints what the terminal showed, exits with the command's code.
       tty_prompt.py --eof COMMAND...
         presses Ctrl-D (end of input) instead; prints what the terminal showed, exits with the
         command's code.
       tty_prompt.py --interrupt COMMAND...
         presses Ctrl-C instead; prints "signal N" or "exit N", then "echo on" or "echo off" (the
         terminal's state once the command has ended).
"""
import os
import pty
import sys
import termios


def prompted(shown):
    return b"password" in shown.lower() and shown.rstrip().endswith(b":")


def main():
    answer, command = sys.argv[1], sys.argv[2:]
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
        if not answered and prompted(shown):
            keys = {"--interrupt": b"\x03", "--eof": b"\x04"}
            os.write(fd, keys.get(answer, answer.encode() + b"\n"))
            answered = True
    _, status = os.waitpid(pid, 0)
    if answer == "--interrupt":
        echo = termios.tcgetattr(fd)[3] & termios.ECHO
        print(f"signal {os.WTERMSIG(status)}" if os.WIFSIGNALED(status) else f"exit {os.WEXITSTATUS(status)}")
        print("echo on" if echo else "echo off")
        return
    sys.stdout.write(shown.decode("utf-8", "replace"))
    sys.exit(os.waitstatus_to_exitcode(status))


if __name__ == "__main__":
    main()
