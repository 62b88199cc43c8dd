#!/usr/bin/env python3
"""compdb.py - write compile_commands.json for clangd.

Arguments come in pairs: a compiler command line, then the sources it
compiles (space-separated). Run from the repository root.
"""
import json
import os
import sys


def main():
    root = os.getcwd()
    entries = []
    args = sys.argv[1:]
    for cmd, sources in zip(args[0::2], args[1::2]):
        for src in sources.split():
            if not src.endswith(".c"):
                continue
            entries.append({"directory": root, "file": src,
                            "command": "%s -c %s" % (cmd, src)})
    json.dump(entries, sys.stdout, indent=1)
    print()


if __name__ == "__main__":
    main()
