#!/usr/bin/env python3
"""mksyms.py - turn `nm -n` output into the kernel's symbol table.

Reads nm output on stdin (or nothing, for the first link), writes an
assembler file defining

    ksym_count            number of entries
    ksym_addrs[count]     function start addresses, ascending
    ksym_names[count]     offsets into ksym_strings
    ksym_strings          the names, NUL-terminated

in section .ksyms. kernel/ksyms.c searches it to print backtraces by name.
"""
import sys

KERNEL_BASE = 0xC0000000


def text_symbols(lines):
    seen = {}
    for line in lines:
        parts = line.split()
        if len(parts) != 3 or parts[1] not in "tTW":
            continue
        addr, name = int(parts[0], 16), parts[2]
        if addr < KERNEL_BASE:      # boot code that runs before paging
            continue
        if "." in name or name.startswith("$"):  # asm local labels
            continue
        seen.setdefault(addr, name)
    return sorted(seen.items())


def main():
    syms = text_symbols(sys.stdin.readlines()) if len(sys.argv) < 2 else []
    out = ['\t.section .ksyms, "a"', "\t.balign 4",
           "\t.globl ksym_count, ksym_addrs, ksym_names, ksym_strings",
           "ksym_count:", "\t.long %d" % len(syms), "ksym_addrs:"]
    out += ["\t.long 0x%x" % a for a, _ in syms]
    out.append("ksym_names:")
    offset = 0
    for _, name in syms:
        out.append("\t.long %d" % offset)
        offset += len(name) + 1
    out.append("ksym_strings:")
    out += ['\t.asciz "%s"' % name for _, name in syms]
    print("\n".join(out))


if __name__ == "__main__":
    main()
