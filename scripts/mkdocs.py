#!/usr/bin/env python3
"""mkdocs.py - the trace excerpts and diagrams of docs/, made by running.

    python3 scripts/mkdocs.py [--docs DIR]      refresh DIR (default docs/)
    python3 scripts/mkdocs.py --compare A B     are A and B the same docs?

Every trace excerpt in docs/ sits in a block marked

    <!-- trace SCENE[:STEP[-LAST]] KINDS [match=RE] [who=A,B] [first=N] -->
    ```
    ...
    ```

and is filled with what a scripted boot printed. A SCENE (below) boots
Lintel with a command line and types lines at its shell; STEP is the
number of the typed line whose output is wanted (0: the boot, up to the
first prompt; STEP-LAST: those lines; no STEP: the whole run). KINDS picks the lines: FAULT,
SHM, COW, SCHED, SYSCALL, FPU, IPC, SWAP (trace lines by their tag), or "all" (every
line, typed commands and program output too); match=REGEX keeps the
lines it matches; who=A,B the lines of the pids that ran program A or
B; first=N keeps the first N.
Processes are named, not numbered: a block that shows pids ends with a
line saying which program each pid was in this run (learnt from the
SCHED lines of scenes that trace sched; blocks do not show them).

Every docs/diagrams/NAME.dot is rendered to NAME.svg with Graphviz.

--compare is the check `make test` runs: docs/ against a scratch copy that
was refreshed by this script and by gdb-test.py. It ignores what changes
from one build or one run to the next and does not make a page wrong
(numbers, addresses, pids, printk timestamps, column widths), so that a
change elsewhere in the kernel does not fail it; a change in what the
excerpts say (a new trace format, a step gone, a helper's new wording)
does, until someone runs `make docs` and commits the result.
"""
import argparse
import difflib
import os
import re
import select
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
KERNEL = "build/lintel.elf"
INITRD = "build/initramfs.cpio"
PROMPT = "$ "
DONE = "docs-scene-done"
HANG_GUARD = 120            # seconds for one scene; longer is a hang

# name: (trace= names, lines typed at the shell one prompt at a time).
# Scenes whose pids a block shows also trace sched, to learn the names.
SCENES = {
    "boot": ("fault", []),
    "shm": ("shm,fault,sched", ["shmwriter 42 hello", "shmreader 42",
                                "ipcs -m", "ipcrm -M 42"]),
    "cow": ("cow,sched", ["true"]),
    "syscall": ("syscall,sched", ["echo hi"]),
    "fpu": ("fpu,sched", ["/tests/test_fpu"]),
    "ipc": ("ipc,sched", ["msgdemo 2"]),
    "filemap": ("fault,sched", ["echo hello-world > /tmp/f", "mmapcat /tmp/f",
                                "mmapcat -w HELLO /tmp/f", "cat /tmp/f"]),
    "proctrace": ("", ["cat /proc/trace", "echo fault > /proc/trace",
                       "true", "echo none > /proc/trace"]),
    "swap": ("swap,shm", ["swapdemo"]),
}
# Scenes that boot a small machine (MiB) with the swap area as /dev/hda,
# so that pages must go out; the others get 128 MiB and no disk.
SMALL_MACHINES = {"swap": 16}
SWAP_IMG = "build/swap-64.img"      # make's TEST_SWAP_IMG; --swap-img
TAGS = ("FAULT", "SHM", "COW", "SCHED", "SYSCALL", "FPU", "IPC", "SWAP")
STAMP = re.compile(r"^\[\s*\d+\.\d+\]\s?")
# A task switch can come in the middle of a line of echo or output: the
# SCHED line is cut out wherever it is, mending the line it split.
SCHED_LINE = re.compile(r"(?:\[\s*\d+\.\d+\]\s?)?SCHED (\d+) \((.*?)\) -> "
                        r"(\d+) \((.*?)\)\n")
PID = re.compile(r"\bpid[= ](\d+)")
BLOCK = re.compile(r"(<!-- trace (\w+)(?::(\d+(?:-\d+)?))? ([\w,]+)(?: match=(\S+))?"
                   r"(?: who=(\S+))?(?: first=(\d+))? -->\n```\n)(.*?)(```\n)", re.S)


# ---- running a scene -------------------------------------------------------

class Console:
    """QEMU's serial port on our stdin/stdout, read as it comes."""

    def __init__(self, cmdline, mem=128, disk=None):
        """disk: a swap image, opened copy-on-write (it never changes)."""
        cmd = ["qemu-system-i386", "-kernel", KERNEL, "-initrd", INITRD,
               "-append", cmdline, "-m", str(mem), "-display", "none",
               "-serial", "stdio", "-monitor", "none", "-no-reboot",
               "-nic", "none",
               "-device", "isa-debug-exit,iobase=0xf4,iosize=0x04"]
        if disk:
            cmd += ["-drive", "file=%s,format=raw,if=ide,index=0,"
                    "snapshot=on" % disk]
        self.qemu = subprocess.Popen(cmd, stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE,
                                     stderr=subprocess.STDOUT)
        self.text = ""
        self.deadline = time.time() + HANG_GUARD

    def wait_for(self, what, start):
        """Read until what appears at or after offset start."""
        fd = self.qemu.stdout.fileno()
        while what not in self.text[start:]:
            left = self.deadline - time.time()
            if left <= 0 or self.qemu.poll() is not None:
                raise RuntimeError("waited for %r; the console said:\n%s"
                                   % (what, self.text[-2000:]))
            ready, _, _ = select.select([fd], [], [], left)
            if ready:
                chunk = os.read(fd, 4096)
                self.text += chunk.decode("utf-8", "replace").replace(
                    "\r", "")
        return self.text.index(what, start) + len(what)

    def type(self, line):
        self.qemu.stdin.write((line + "\n").encode())
        self.qemu.stdin.flush()

    def close(self):
        if self.qemu.poll() is None:
            self.qemu.kill()
        self.qemu.wait()


def run_scene(name):
    """Boot, type the scene's lines; return (the names of the pids, its
    output cut at each line typed: [boot up to the first prompt, line
    1's output, ...]), without the SCHED lines."""
    names, typed = SCENES[name]
    small = name in SMALL_MACHINES
    con = Console("trace=%s" % names if names else "",
                  SMALL_MACHINES.get(name, 128), SWAP_IMG if small else None)
    try:
        at = con.wait_for(PROMPT, 0)
        steps = [con.text[:at]]
        for line in typed + ["echo " + DONE]:
            con.type(line)
            end = con.wait_for(PROMPT, at)
            steps.append(con.text[at:end])
            at = end
    finally:
        con.close()
    names = {}
    for m in SCHED_LINE.finditer(con.text):
        names[m.group(1)] = m.group(2)
        names[m.group(3)] = m.group(4)
    return names, [SCHED_LINE.sub("", step) for step in steps[:-1]]


# ---- filling the blocks ----------------------------------------------------

def wanted(line, kinds):
    return "all" in kinds or STAMP.sub("", line).split(" ", 1)[0] in kinds


def excerpt(run, step, kinds, match, who, first):
    names, steps = run
    if step is None:
        text = "".join(steps)
    else:
        first_step, _, last_step = step.partition("-")
        text = "".join(steps[int(first_step):int(last_step or first_step)
                             + 1])
    lines = [l for l in text.split("\n") if l and wanted(l, kinds) and
             (not match or re.search(match, STAMP.sub("", l))) and
             (not who or set(names.get(p) for p in PID.findall(l)) &
              set(who.split(",")))]
    if first and len(lines) > int(first):
        lines = lines[:int(first)] + ["..."]
    pids = sorted(set(p for l in lines for p in PID.findall(l)), key=int)
    known = ["pid %s is %s" % (p, names[p]) for p in pids if p in names]
    if known:
        lines.append("# in this run: " + ", ".join(known))
    return "".join(l + "\n" for l in lines)


def refresh(docs, runs):
    """Fill every trace block of every page in docs; return the scenes
    the pages name that do not exist."""
    unknown = []
    for page in sorted(os.listdir(docs)):
        if not page.endswith(".md"):
            continue
        path = os.path.join(docs, page)
        with open(path) as f:
            text = f.read()

        def fill(m):
            scene, step, kinds, match, who, first = m.group(2, 3, 4, 5, 6,
                                                            7)
            if scene not in runs:
                unknown.append("%s: %s" % (page, scene))
                return m.group(0)
            body = excerpt(runs[scene], step, kinds.split(","), match, who,
                           first)
            return m.group(1) + body + m.group(9)

        new = BLOCK.sub(fill, text)
        if new != text:
            with open(path, "w") as f:
                f.write(new)
    return unknown


def render_diagrams(docs):
    d = os.path.join(docs, "diagrams")
    if not os.path.isdir(d):
        return
    for name in sorted(os.listdir(d)):
        if name.endswith(".dot"):
            src = os.path.join(d, name)
            subprocess.run(["dot", "-Tsvg", src, "-o", src[:-4] + ".svg"],
                           check=True)


# ---- comparing -------------------------------------------------------------

NOISE = [
    (re.compile(r"\[\s*\d+\.\d+\]\s?"), ""),          # printk timestamps
    (re.compile(r"\b[RSDTZ] \([a-z ]+\)"), "STATE"),  # the timer's doing
    (re.compile(r"0x[0-9a-fA-F]+"), "0x#"),           # addresses, values
    (re.compile(r"\bn[0-9a-f]{5,}\b"), "n#"),         # lx-vmatree's node ids
    (re.compile(r"\b[0-9a-fA-F]*\d[0-9a-fA-F]*\b"), "#"),  # numbers, hex
    (re.compile(r"[ \t]+"), " "),                     # column widths
]


# Commands whose output is the kernel log, which every new printk changes,
# or the swap slots in use, whose owners and order are the timer's doing:
# only the command itself is compared.
LOOSE = ("(gdb) lx-dmesg", "(gdb) lx-swap")


def normal(text):
    """The lines of text without the noise. A trace block counts as the
    set of its lines: which of two runnable processes faults first, and
    so which copies a page and which reuses it, is up to the timer, not
    to the code."""
    lines, loose, block, opening = [], False, None, False
    for line in text.split("\n"):
        if opening and line.startswith("```"):
            lines.append(line.strip())      # the block's opening fence
            block, opening = [], False
            continue
        if block is not None and line.startswith("```"):
            lines += sorted(set(block))
            block = None
        if line.startswith(("(gdb) ", "```", "# ")):
            loose = line.startswith(LOOSE)
        elif loose:
            continue
        for pattern, repl in NOISE:
            line = pattern.sub(repl, line)
        if block is not None:
            block.append(line.strip())
            continue
        lines.append(line.strip())
        if line.startswith("<!-- trace "):
            opening = True
    return lines


def compare(a, b):
    """Files of a that differ from b in more than noise: a list of
    (path, diff lines)."""
    differ = []
    for dirpath, _, files in os.walk(a):
        for name in sorted(files):
            pa = os.path.join(dirpath, name)
            pb = os.path.join(b, os.path.relpath(pa, a))
            if not os.path.exists(pb):
                differ.append((pb, ["missing"]))
                continue
            with open(pa, errors="replace") as fa, \
                    open(pb, errors="replace") as fb:
                na, nb = normal(fa.read()), normal(fb.read())
            if na != nb:
                diff = list(difflib.unified_diff(na, nb, pa, pb, n=1,
                                                 lineterm=""))
                differ.append((pb, diff[:30]))
    return differ


def main():
    global SWAP_IMG
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--docs", default="docs")
    ap.add_argument("--compare", nargs=2, metavar=("COMMITTED", "FRESH"))
    ap.add_argument("--swap-img", default=SWAP_IMG,
                    help="mkswap's image for the scenes with a disk")
    args = ap.parse_args()
    os.chdir(ROOT)
    SWAP_IMG = args.swap_img
    if args.compare:
        differ = compare(*args.compare)
        for path, diff in differ:
            print("test docs_current_%s: FAILED (run make docs and commit "
                  "docs/)" % os.path.basename(path).replace(".", "_"))
            print("".join("    %s\n" % l for l in diff))
        print("test docs_match_a_fresh_run: %s" %
              ("OK" if not differ else "FAILED (%d files)" % len(differ)))
        print("%d passed, %d failed" % (0 if differ else 1, len(differ)))
        return 1 if differ else 0
    with ThreadPoolExecutor(max_workers=2) as pool:
        results = dict(zip(SCENES, pool.map(run_scene, SCENES)))
    unknown = refresh(args.docs, results)
    render_diagrams(args.docs)
    for u in unknown:
        print("mkdocs: no scene %s" % u)
    print("%d passed, %d failed" % (1 if not unknown else 0,
                                     1 if unknown else 0))
    return 1 if unknown else 0


if __name__ == "__main__":
    sys.exit(main())
