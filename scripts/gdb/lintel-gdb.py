"""lintel-gdb.py - load Lintel's GDB helpers (the package lintel/ beside
this file). scripts/gdb/lintel.gdb sources it; so can you:
    (gdb) source scripts/gdb/lintel-gdb.py
Loading twice is harmless: the modules are reloaded, so that edits to a
helper take effect without restarting GDB."""
import importlib
import os
import sys

import gdb

_here = os.path.dirname(os.path.abspath(__file__))
if _here not in sys.path:
    sys.path.insert(0, _here)

import lintel  # noqa: E402

# In dependency order, so that a reload sees the reloaded modules.
_MODULES = ["constants", "utils", "mmu", "tasks", "shm", "ipcsem", "vmas",
            "swap", "pgtable", "mem", "dmesg", "printers"]

for _name in _MODULES:
    _full = "lintel." + _name
    if _full in sys.modules:
        importlib.reload(sys.modules[_full])
    else:
        importlib.import_module(_full)

gdb.write("Lintel helpers: %s (help CMD; apropos lx-)\n"
          % " ".join(lintel.COMMANDS))
