#!/usr/bin/python3
# orca-line-buffered.py: runs Debian's Orca unchanged, except that its
# --debug-file is written a line at a time.
#
# Copyright 2026 The Veto developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Orca opens its debug file block-buffered: what it said after a key press
# reaches the file only kilobytes later, so a test reading it would match
# speech to the wrong key. Only the buffering of that one file changes.

import builtins
import runpy
import shutil
import sys

log_path = sys.argv[sys.argv.index("--debug-file") + 1]
_open = builtins.open


def _open_line_buffered(file, mode="r", *args, **kwargs):
    if file == log_path and "w" in mode and not args and "buffering" not in kwargs:
        kwargs["buffering"] = 1
    return _open(file, mode, *args, **kwargs)


builtins.open = _open_line_buffered
sys.argv[0] = shutil.which("orca")
runpy.run_path(sys.argv[0], run_name="__main__")
