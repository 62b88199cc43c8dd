#!/usr/bin/env python3
"""checkstyle.py - the rules of STYLE.md that a machine can check.

    python3 scripts/checkstyle.py          check the tree, print coverage
    python3 scripts/checkstyle.py FILE...  check only these files

Each rule below is one a reviewer would otherwise point out by hand, and
the tree keeps all of them, so a report is always worth acting on:

  trailing-space   no whitespace at the end of a line
  indent           indentation is tabs; after them at most 7 spaces, to
                   line a continuation up with the line above
  long-line        no line over 100 columns (80 is the aim; the editors'
                   .clang-format keeps new lines there)
  blank-lines      no two blank lines in a row, none right after a
                   function's opening brace, one newline at the end
  file-size        no kernel .c file over 700 lines
  if-0             no #if 0: dead code is deleted, not hidden
  void-param       no "(void)param;" lines: the kernel builds with
                   -Wno-unused-parameter

Not checked, because a script would get them wrong often enough to be
noise: how a line is broken, names, comment wording. Contract comments
are counted, not enforced: the coverage of each kernel directory is
printed, to watch it go up.

Exit status 0 if every file keeps every rule, 1 if not.
"""
import glob
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

KERNEL_DIRS = ["kernel", "mm", "ipc", "fs", "fs/proc", "drivers/char", "lib",
               "selftest"]
SOURCE_DIRS = ["boot", "kernel", "mm", "ipc", "fs", "drivers", "lib",
               "selftest", "include", "userland", "tests"]
SOURCE = re.compile(r"\.(c|h|S|asm|inc)$")

MAX_COLUMNS = 100
MAX_KERNEL_FILE_LINES = 700
TAB = 8

# The first line of a function definition at file scope: a return type,
# a name and an open parenthesis, with no semicolon on the line.
FUNCTION = re.compile(r"^[a-z_][\w \*]*?[\s\*](\w+)\([^;]*$")
VOID_PARAM = re.compile(r"^\s*\(void\)\w+;\s*$")


def source_files():
    """Every C, header and assembly file under the source directories."""
    files = []
    for d in SOURCE_DIRS:
        for path in glob.glob(os.path.join(ROOT, d, "**", "*"),
                              recursive=True):
            if SOURCE.search(path) and os.path.isfile(path):
                files.append(os.path.relpath(path, ROOT))
    return sorted(files)


def is_kernel_c(path):
    return path.endswith(".c") and os.path.dirname(path) in KERNEL_DIRS


def check_lines(path, lines, report):
    """The per-line rules."""
    for n, line in enumerate(lines, 1):
        if line != line.rstrip():
            report(path, n, "trailing-space", "whitespace at the end")
        indent = re.match(r"^\t*( *)", line).group(1)
        if len(indent) >= TAB and line.strip():
            report(path, n, "indent", "indented with spaces, not tabs")
        width = len(line.expandtabs(TAB))
        if width > MAX_COLUMNS:
            report(path, n, "long-line", "%d columns" % width)
        if line.strip() == "#if 0":
            report(path, n, "if-0", "#if 0: delete the code instead")
        if is_kernel_c(path) and VOID_PARAM.match(line):
            report(path, n, "void-param",
                   "(void)param: -Wno-unused-parameter is on")


def check_blank_lines(path, text, lines, report):
    """Blank lines: never two in a row, never after a function's '{'."""
    for n in range(1, len(lines)):
        if lines[n] == "" and lines[n - 1] == "" and n + 1 < len(lines):
            report(path, n + 1, "blank-lines", "two blank lines in a row")
        if lines[n] == "" and lines[n - 1] == "{":
            report(path, n + 1, "blank-lines",
                   "a blank line opens the function")
    if text and (not text.endswith("\n") or text.endswith("\n\n")):
        report(path, len(lines), "blank-lines",
               "the file must end with exactly one newline")


def check_file(path, report):
    with open(os.path.join(ROOT, path), encoding="utf-8",
              errors="replace") as f:
        text = f.read()
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines = lines[:-1]
    check_lines(path, lines, report)
    check_blank_lines(path, text, lines, report)
    if is_kernel_c(path) and len(lines) > MAX_KERNEL_FILE_LINES:
        report(path, len(lines), "file-size",
               "%d lines: split it (at most %d)" %
               (len(lines), MAX_KERNEL_FILE_LINES))


def definitions(lines):
    """(line index, name) of every function defined at file scope."""
    for i, line in enumerate(lines):
        m = FUNCTION.match(line)
        if not m or line.startswith("typedef"):
            continue
        j = i
        while j < len(lines) and not lines[j].startswith("{") and \
                not lines[j].rstrip().endswith(";"):
            j += 1
        if j < len(lines) and lines[j].startswith("{"):
            yield i, m.group(1)


def has_comment_above(lines, i):
    above = lines[i - 1].strip() if i > 0 else ""
    return above.endswith("*/") or above.startswith("//")


def contract_coverage():
    """Per kernel directory: functions, and how many have a comment."""
    rows = []
    for d in KERNEL_DIRS:
        total = commented = 0
        for path in sorted(glob.glob(os.path.join(ROOT, d, "*.c"))):
            with open(path) as f:
                lines = f.read().split("\n")
            for i, _ in definitions(lines):
                total += 1
                commented += has_comment_above(lines, i)
        rows.append((d, total, commented))
    return rows


def main(argv):
    problems = []

    def report(path, line, rule, what):
        problems.append("%s:%d: %s: %s" % (path, line, rule, what))

    files = argv[1:] or source_files()
    for path in files:
        check_file(path, report)
    for p in problems:
        print(p)
    if len(argv) == 1:
        print("contract comments above functions:")
        for d, total, commented in contract_coverage():
            print("  %-13s %3d of %3d (%d%%)" %
                  (d + "/", commented, total, 100 * commented // max(total, 1)))
    print("style: %d files, %d problems" % (len(files), len(problems)))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
