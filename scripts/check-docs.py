#!/usr/bin/env python3
"""check-docs.py - do the names in docs/ exist in the code?

    python3 scripts/check-docs.py            check every docs/*.md

The walkthroughs name files and functions so that a reader can follow
them in the source; a name that does not exist is a bug in the page. In
each page, outside fenced code blocks, every `code span` is checked:

  `mm/fault.c`                the file (or directory) exists
  `mm/fault.c:do_page_fault`  the file exists and defines the name (a
                              function, macro, label or linker symbol)
  `do_page_fault()`,          the identifier occurs in the sources
  `do_page_fault`
  `lx-pt ...`                 a GDB command of scripts/gdb/lintel/
  `make docs`                 a Makefile target (when there is a Makefile)

plus every relative link [text](page.md). Names that belong to Linux
1.2.13 alone (the departures page needs them) are listed in ONLY_1213.

Prints "test docs_<page>: OK|FAILED (...)" per page and "N passed, N
failed"; exits 1 if any page failed.
"""
import argparse
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DOCS = os.path.join(ROOT, "docs")
SOURCE_DIRS = ["boot", "kernel", "mm", "ipc", "fs", "drivers", "include",
               "lib", "userland", "scripts", "tests"]
SOURCE_EXTS = (".c", ".h", ".asm", ".S", ".ld", ".py", ".gdb", ".sh",
               ".cfg", ".mk")

# Names the docs cite as 1.2.13's, which Lintel does not have (on purpose).
ONLY_1213 = {
    "BAD_PAGE", "BAD_PAGETABLE", "ZERO_PAGE", "SET_PAGE_DIR", "vm_task",
    "vm_inode", "unmap_fixup", "pte_reuse", "clone_page_tables",
    "clear_page_tables", "zeromap_page_range", "try_to_free_page",
    "shm_swap", "swap_out", "wp_works_ok", "EIDRM", "ret_from_sys_call",
    "SET_LINKS", "new_stat", "ljmp", "chrdevs", "swapoff",
}

# Files of the 1.2.13 tree that Lintel has no counterpart of by that path.
ONLY_1213_FILES = {"arch/i386/mm/fault.c", "init/main.c"}

# Words in code spans that are not names in the code: units, shell words,
# values printed by the tools, field names of user-space structures.
NOT_NAMES = {
    "dest", "new", "existing", "quiet", "init", "anon", "stack", "shm",
    "dot", "readelf", "bt", "finish", "continue", "frame", "print",
    "hbreak", "ipcs", "ipcrm", "shmwriter", "shmreader", "helper_gdbshm",
    "trapno", "err", "cr2", "cr3", "cr0", "eip", "esp", "eax", "ebx",
    "si_signo", "si_code", "si_addr", "siginfo_t", "fault", "cow",
    "mmap", "munmap", "mprotect", "brk", "fork", "vfork", "exec", "exit",
    "shmget", "shmat", "shmdt", "shmctl", "ipc", "read", "write",
    "clone", "iret", "invlpg", "cli", "sti", "main", "LOAD", "VirtAddr",
    "PhysAddr",
}

IDENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
SPAN = re.compile(r"`([^`]+)`")   # may run over a line break
LINK = re.compile(r"\]\(([^)#\s]+)(#[^)]*)?\)")
# build/ is made by make, and may not exist yet: its paths are not checked
TOP_DIRS = set(SOURCE_DIRS) | {"docs", "etc"}
FILE_EXT = re.compile(r"\.(c|h|asm|ld|py|md|txt|cfg|sh|S|mk|gdb|json)$")


def source_files():
    for d in SOURCE_DIRS:
        for dirpath, dirnames, filenames in os.walk(os.path.join(ROOT, d)):
            dirnames[:] = [n for n in dirnames if n != "__pycache__"]
            for name in filenames:
                if name.endswith(SOURCE_EXTS):
                    yield os.path.join(dirpath, name)
    yield os.path.join(ROOT, "Makefile")


def read(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        return f.read()


def all_identifiers():
    words = set()
    for path in source_files():
        if os.path.exists(path):
            words.update(IDENT.findall(read(path)))
    return words


def defines(text, name):
    """Does a source file define name (not merely mention it)?"""
    n = re.escape(name)
    patterns = [
        r"^(?!\s)(?!return\b)[^;=\n]*?\b%s\s*\(" % n,  # function, prototype
        r"^#\s*define\s+%s\b" % n,                       # macro
        r"^\s*%s:" % n,                                   # asm label
        r"^\s*%%macro\s+%s\b" % n,                        # nasm macro
        r"^\s*%s\s+equ\b" % n,                            # nasm constant
        r"^\s*%s\s*=" % n,                                # linker symbol
        r"^\s*(struct|union)\s+%s\b" % n,                 # a type
        r"^(?!\s)[^;(\n]*\b%s\s*(\[[^\]]*\])?\s*[=;]" % n,  # a global
        r"^\s*(class|def)\s+%s\b" % n,                    # python
    ]
    return any(re.search(p, text, re.M) for p in patterns)


def gdb_commands():
    cmds = set()
    gdbdir = os.path.join(ROOT, "scripts", "gdb")
    for dirpath, _, filenames in os.walk(gdbdir):
        for name in filenames:
            if name.endswith(".py"):
                cmds.update(re.findall(r'"(lx-[a-z-]+)"',
                                       read(os.path.join(dirpath, name))))
    return cmds


def make_targets():
    path = os.path.join(ROOT, "Makefile")
    if not os.path.exists(path):
        return None
    return set(re.findall(r"^([a-z][\w.-]*)\s*:(?!=)", read(path), re.M)) | \
        set(t for line in re.findall(r"^\.PHONY:(.*)$", read(path), re.M)
            for t in line.split())


def strip_fences(text):
    """The page without its fenced code blocks (kept as blank lines)."""
    out, fenced = [], False
    for line in text.split("\n"):
        if line.lstrip().startswith("```"):
            fenced = not fenced
            out.append("")
            continue
        out.append("" if fenced else line)
    return "\n".join(out)


class Checker:
    def __init__(self):
        self.words = all_identifiers()
        self.commands = gdb_commands()
        self.targets = make_targets()
        self.file_text = {}

    def text_of(self, rel):
        if rel not in self.file_text:
            self.file_text[rel] = read(os.path.join(ROOT, rel))
        return self.file_text[rel]

    def check_span(self, span):
        """A list of problems with one code span (empty: fine)."""
        s = span.strip()
        m = re.match(r"^([\w.\-/]+\.(?:c|h|asm|ld|S|py)):([A-Za-z_]\w*)$", s)
        if m:
            rel, name = m.groups()
            if not os.path.isfile(os.path.join(ROOT, rel)):
                return ["no file %s" % rel]
            if not defines(self.text_of(rel), name):
                return ["%s does not define %s" % (rel, name)]
            return []
        if s.startswith("lx-"):
            cmd = s.split()[0]
            if cmd == "lx-":            # the prefix, "the lx- helpers"
                return []
            return [] if cmd in self.commands else ["no GDB command %s" % cmd]
        if s.startswith("make ") and self.targets is not None:
            words = s.split()
            target = words[1] if len(words) > 1 else ""
            if "=" in target or target.startswith("-"):
                return []
            return [] if target in self.targets else \
                ["no make target %s" % target]
        if re.fullmatch(r"[\w.\-/]+", s) and "/" in s and \
                s.split("/")[0] in TOP_DIRS | {"arch", "init"} and \
                (FILE_EXT.search(s) or s.endswith("/")):
            rel = s.rstrip("/")
            if rel in ONLY_1213_FILES or \
                    os.path.exists(os.path.join(ROOT, rel)):
                return []
            return ["no file %s" % s]
        m = re.match(r"^([A-Za-z_]\w*)\s*\(", s)
        if m:
            return self.check_name(m.group(1))
        if IDENT.fullmatch(s):
            return self.check_name(s)
        return []

    def check_name(self, name):
        if name in self.words or name in ONLY_1213 or name in NOT_NAMES:
            return []
        return ["%s is not in the sources" % name]

    def check_page(self, path):
        text = read(path)
        body = strip_fences(text)
        problems = []
        for m in SPAN.finditer(body):
            span = " ".join(m.group(1).split())
            lineno = body.count("\n", 0, m.start()) + 1
            for p in self.check_span(span):
                problems.append("line %d: `%s`: %s" % (lineno, span, p))
        for lineno, line in enumerate(body.split("\n"), 1):
            for target, _ in LINK.findall(line):
                if re.match(r"^[a-z]+:", target):
                    continue
                if not os.path.exists(os.path.join(os.path.dirname(path),
                                                   target)):
                    problems.append("line %d: link to %s: no such file"
                                    % (lineno, target))
        return problems


def main():
    argparse.ArgumentParser(description=__doc__.split("\n")[0]).parse_args()

    checker = Checker()
    passed = failed = 0
    pages = [n for n in os.listdir(DOCS) if n.endswith(".md")] + \
        [os.path.join("labs", n) for n in os.listdir(os.path.join(DOCS,
                                                                  "labs"))
         if n.endswith(".md")]
    for name in sorted(pages):
        problems = checker.check_page(os.path.join(DOCS, name))
        test = "docs_" + re.sub(r"[-/]", "_", name[:-3])
        if problems:
            failed += 1
            print("test %s: FAILED (%d names)" % (test, len(problems)))
            for p in problems:
                print("    %s: %s" % (name, p))
        else:
            passed += 1
            print("test %s: OK" % test)
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
