#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Converts a password-manager export through libcxf's C API from Python (ctypes), as
`cxf convert INPUT OUTPUT --to FORMAT` does, and prints the run's loss count.

    usage: convert.py LIBCXF INPUT OUTPUT FORMAT     (the input's password, if any, from CXF_PASSWORD)
"""
import ctypes
import json
import os
import sys


def load(path):
    lib = ctypes.CDLL(path)
    lib.cxf_version.restype = ctypes.c_char_p
    lib.cxf_options_new.restype = ctypes.c_void_p
    lib.cxf_options_free.argtypes = [ctypes.c_void_p]
    lib.cxf_options_set_to.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.POINTER(ctypes.c_void_p)]
    lib.cxf_options_set_password.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_size_t]
    lib.cxf_convert.argtypes = [ctypes.c_char_p, ctypes.c_char_p, ctypes.c_void_p, ctypes.POINTER(ctypes.c_void_p)]
    lib.cxf_result_loss_count.argtypes = [ctypes.c_void_p]
    lib.cxf_result_loss_count.restype = ctypes.c_size_t
    lib.cxf_result_report_json.argtypes = [ctypes.c_void_p]
    lib.cxf_result_report_json.restype = ctypes.c_char_p
    lib.cxf_result_free.argtypes = [ctypes.c_void_p]
    lib.cxf_error_message.argtypes = [ctypes.c_void_p]
    lib.cxf_error_message.restype = ctypes.c_char_p
    lib.cxf_error_free.argtypes = [ctypes.c_void_p]
    return lib


def convert(lib, source, target, format_id):
    options = lib.cxf_options_new()
    try:
        error = ctypes.c_void_p()
        if lib.cxf_options_set_to(options, format_id.encode(), ctypes.byref(error)) != 0:
            message = lib.cxf_error_message(error).decode()
            lib.cxf_error_free(error)
            raise ValueError(message)
        password = os.environb.get(b"CXF_PASSWORD")
        if password is not None:
            lib.cxf_options_set_password(options, password, len(password))
        result = ctypes.c_void_p()
        status = lib.cxf_convert(source.encode(), target.encode(), options, ctypes.byref(result))
        report = json.loads(lib.cxf_result_report_json(result).decode())
        losses = lib.cxf_result_loss_count(result)
        lib.cxf_result_free(result)
        return status, losses, report
    finally:
        lib.cxf_options_free(options)


def main():
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    lib = load(sys.argv[1])
    status, losses, report = convert(lib, *sys.argv[2:5])
    if status != 0:
        print(f"convert: {report['error']['message']}", file=sys.stderr)
        sys.exit(status)
    print(f"libcxf {lib.cxf_version().decode()}: {report['input']['format']} -> {report['output']['format']}, "
          f"{losses} not carried")


if __name__ == "__main__":
    main()
