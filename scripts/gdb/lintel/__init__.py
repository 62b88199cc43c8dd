"""Lintel's GDB helpers: one module per subsystem, one gdb.Command per
command (its docstring is `help lx-...'), all named lx-*, in the manner
of Linux's scripts/gdb. Loaded by scripts/gdb/lintel-gdb.py."""

COMMANDS = ["lx-ps", "lx-vmas", "lx-vmatree", "lx-vmacheck", "lx-pt",
            "lx-shm", "lx-sem", "lx-msg", "lx-mem", "lx-dmesg", "lx-swap"]
