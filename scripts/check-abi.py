#!/usr/bin/env python3
"""check-abi.py - do the kernel and our libc agree on what user space sees?

    python3 scripts/check-abi.py

System call numbers, errno, signals, open flags, stat, rlimit and mmap's
flags are defined once, in include/uapi/, and both sides include them.
What is still written twice (the SysV IPC flags and commands, ioctl
numbers, reboot magic, d_type values) is compared here:
every macro that the kernel's include/ and userland/libc/include/ both
define must have the same value on both sides. A name include/uapi/
defines must not be defined again on either side. The two cases print
in the test runner's format:

  test abi_one_definition: OK
  test abi_both_sides_agree: OK
"""
import glob
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
UAPI = "include/uapi"
KERNEL = "include"
LIBC = "userland/libc/include"

DEFINE = re.compile(r"^\s*#\s*define\s+(\w+)[ \t]+(.+?)\s*(?:/\*.*)?$", re.M)
CAST = re.compile(r"\(\s*(?:struct\s+)?\w+(?:\s*\(\s*\*\s*\)\s*\([^()]*\))?"
                  r"\s*\**\s*\)(?=\s*[-\w(])")
SUFFIX = re.compile(r"\b(0[xX][0-9a-fA-F]+|\d+)[uUlL]+\b")
OCTAL = re.compile(r"\b0([0-7]+)\b")

# Defined on both sides on purpose, with values that differ by design.
DIFFERENT_BY_DESIGN = {
    # the kernel counts signals 1..64; glibc's NSIG is one more
    "NSIG": "kernel _NSIG, libc _NSIG + 1 as glibc",
}


def headers(top, skip=None):
    paths = glob.glob(os.path.join(ROOT, top, "**", "*.h"), recursive=True)
    return sorted(p for p in paths
                  if not skip or not p.startswith(os.path.join(ROOT, skip)))


def read_defines(paths):
    """name -> (header, raw value) for every object-like #define."""
    out = {}
    for path in paths:
        with open(path) as f:
            text = f.read().replace("\\\n", " ")
        for name, value in DEFINE.findall(text):
            out.setdefault(name, (os.path.relpath(path, ROOT), value))
    return out


def evaluate(name, defines, depth=0):
    """The numeric value of a macro on one side, or its text if it has
    none (a cast of a number counts as the number)."""
    raw = defines[name][1]
    if depth > 10:
        return raw
    text = CAST.sub("", raw)
    text = SUFFIX.sub(r"\1", text)
    text = OCTAL.sub(r"0o\1", text)

    def resolve(m):
        word = m.group(0)
        if word in defines and word != name:
            value = evaluate(word, defines, depth + 1)
            return "(%s)" % value
        return word
    text = re.sub(r"\b[A-Za-z_]\w*\b", resolve, text)
    try:
        return eval(text, {"__builtins__": {}}, {}) & 0xffffffff
    except Exception:
        return " ".join(raw.split())


def case(name, problems):
    if problems:
        print("test %s: FAILED (%s)" % (name, "; ".join(problems)))
    else:
        print("test %s: OK" % name)


def main():
    uapi = read_defines(headers(UAPI))
    kernel = read_defines(headers(KERNEL, skip=UAPI))
    libc = read_defines(headers(LIBC))

    again = ["%s is in %s and again in %s" % (n, uapi[n][0], side[n][0])
             for side in (kernel, libc) for n in sorted(uapi) if n in side]
    case("abi_one_definition", again)

    differ = []
    shared = sorted(set(kernel) & set(libc))
    for n in shared:
        if n in DIFFERENT_BY_DESIGN:
            continue
        k, u = evaluate(n, kernel), evaluate(n, libc)
        if k != u:
            differ.append("%s: %s says %s, %s says %s" %
                          (n, kernel[n][0], kernel[n][1], libc[n][0],
                           libc[n][1]))
    case("abi_both_sides_agree", differ)
    print("(%d names from include/uapi, %d defined on both sides)" %
          (len(uapi), len(shared)))
    failed = (1 if again else 0) + (1 if differ else 0)
    print("%d passed, %d failed" % (2 - failed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
