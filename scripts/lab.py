#!/usr/bin/env python3
"""lab.py - labs on Lintel's own code, in the manner of MIT's 6.S081.

    python3 scripts/lab.py make NAME DIR    a student's copy of the tree
    python3 scripts/lab.py grade NAME       run the lab's checks here
    python3 scripts/lab.py test             make test: every lab, both ways

make: copies the tree (what git tracks) to DIR and replaces each region
of the lab's functions with the stub written beside it. A region in C:

	/*
	 * LAB shm: make lab replaces this body, up to END LAB, with
	 *	return -ENOSYS;
	 */
	... the real code ...
	/* END LAB */

and in a text file the same with "#" lines. The stub lines follow the
LAB line, one tab after the "*" (or "#"); the region's own indent is put
in front of each. So the stubs are made from the source, not kept by
hand, and the full tree stays the answer.

grade: one line per check, "check NAME: OK|FAILED (why)", then
"Score: N/M". A check is a guest test program run as init (it must end
with "N passed, 0 failed" and status 0), a kernel self-test (test=),
a host unit test (build/host/), or for the written lab pagewalk one
answer of docs/labs/pagewalk-answers.txt. The kernel and the programs
must be built (make grade does that first).

test: for every lab, the full tree must score M/M; the student's copy
(made in build/labs/NAME, reusing build/ so that only the stubbed files
are compiled again) must build, boot without a kernel bug, and score
below M. Prints test lines and "N passed, N failed" for runtests.py.
"""
import os
import re
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "scripts"))
import runtests     # noqa: E402  (boot(), the panic mark, Tally)

KERNEL = "build/lintel.elf"
INITRD = "build/initramfs.cpio"
ANSWERS = "docs/labs/pagewalk-answers.txt"

# name: the checks, in order. ("guest", program) | ("kernel", self-test)
# | ("host", unit test) | ("answer", question)
LABS = {
    "shm": [("guest", "test_shm_get"), ("guest", "test_shm_at"),
            ("guest", "test_shm_dt"), ("guest", "test_shm_fork")],
    "vma-avl": [("host", "test_avl"), ("kernel", "mm_vma"),
                ("guest", "test_mmap")],
    "cow": [("guest", "test_fork"), ("kernel", "mm_fault"),
            ("guest", "test_shm_fork")],
    "pagewalk": [("answer", "Q%d" % n) for n in range(1, 11)],
}

C_REGION = re.compile(
    r"^(?P<indent>[ \t]*)/\*\n[ \t]*\* LAB (?P<lab>[\w-]+): [^\n]*\n"
    r"(?P<stub>(?:[ \t]*\*(?:\t[^\n]*)?\n)*)[ \t]*\*/\n"
    r".*?^[ \t]*/\* END LAB \*/\n", re.M | re.S)
TEXT_REGION = re.compile(
    r"^(?P<indent>)# LAB (?P<lab>[\w-]+): [^\n]*\n"
    r"(?P<stub>(?:#\t[^\n]*\n)*)"
    r".*?^# END LAB\n", re.M | re.S)
MARKED_EXTS = (".c", ".h", ".txt")


# ---- make lab --------------------------------------------------------------

def stub_lines(block):
    """The stub written in a region's comment, one tab after * or #."""
    lines = []
    for line in block.splitlines():
        _, _, text = line.partition("*" if "*" in line else "#")
        lines.append(text[1:] if text.startswith("\t") else text.strip())
    return lines


def stubbed(text, lab):
    """text with lab's regions replaced by their stubs."""
    def replace(m):
        if m.group("lab") != lab:
            return m.group(0)
        indent = m.group("indent")
        note = "LAB %s: your code here (docs/labs/%s.md)" % (lab, lab)
        if "/*" in m.group(0):
            head = "%s/* %s */\n" % (indent, note)
        else:
            head = "# %s\n" % note.replace("code", "answers")
        return head + "".join(indent + l + "\n" if l else "\n"
                              for l in stub_lines(m.group("stub")))
    for region in (C_REGION, TEXT_REGION):
        text = region.sub(replace, text)
    return text


def tracked_files(root):
    out = subprocess.run(["git", "ls-files"], cwd=root, check=True,
                         stdout=subprocess.PIPE).stdout.decode()
    return [f for f in out.splitlines() if os.path.isfile(
        os.path.join(root, f))]


def make_lab(lab, dest, root=ROOT):
    """Copy root's tracked files to dest, stubbing lab's regions; returns
    the files that had a region."""
    if lab not in LABS:
        raise SystemExit("lab.py: no lab %r (labs: %s)"
                         % (lab, " ".join(LABS)))
    changed = []
    for rel in tracked_files(root):
        src, dst = os.path.join(root, rel), os.path.join(dest, rel)
        os.makedirs(os.path.dirname(dst), exist_ok=True)
        if rel.endswith(MARKED_EXTS):
            with open(src, errors="surrogateescape") as f:
                text = f.read()
            new = stubbed(text, lab)
            if new != text:
                changed.append(rel)
                with open(dst, "w", errors="surrogateescape") as f:
                    f.write(new)
                continue
        shutil.copy2(src, dst)
    return changed


# ---- grade -----------------------------------------------------------------

class Kernel:
    """What runtests.boot() wants to know."""
    kernel = KERNEL
    initrd = INITRD


def run_check(check):
    """(ok, why) for one check, run in the current directory."""
    kind, name = check
    if kind == "answer":
        return check_answer(name)
    if kind == "host":
        prog = os.path.join("build/host", name)
        if not os.path.exists(prog):
            return False, "%s is not built" % prog
        p = subprocess.run([prog], stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, timeout=60)
        return summary_ok(p.stdout.decode("utf-8", "replace"),
                          p.returncode)
    cmdline = ("init=/tests/%s panic=exit quiet" % name if kind == "guest"
               else "test=%s panic=exit" % name)
    status, out = runtests.boot(Kernel, "kernel", cmdline)
    if status == runtests.KERNEL_BUG:
        return False, "kernel bug:\n" + indent(bug_lines(out))
    return summary_ok(out, status)


def summary_ok(out, status):
    m = list(runtests.SUMMARY.finditer(out))
    if not m:
        return False, "no summary line; status %s" % status
    passed, failed = int(m[-1].group(1)), int(m[-1].group(2))
    if failed or status != 0:
        wrong = [l for l in out.splitlines() if "FAILED" in l][:3]
        return False, "%d passed, %d failed, status %s%s" % (
            passed, failed, status, "".join("\n    " + w for w in wrong))
    return True, "%d passed" % passed


def bug_lines(out):
    lines = out.splitlines()
    at = next((i for i, l in enumerate(lines)
               if "Oops" in l or "panic" in l.lower()), max(0, len(lines) - 8))
    return "\n".join(lines[at:at + 8])


def indent(text):
    return "".join("    " + l + "\n" for l in text.splitlines())


def grade(lab, quiet=False):
    """Run lab's checks here; print them unless quiet; (score, total)."""
    checks = LABS[lab]
    with ThreadPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(run_check, checks))
    score = 0
    for (kind, name), (ok, why) in zip(checks, results):
        score += ok
        if not quiet:
            print("check %s %s: %s" % (kind, name, "OK" if ok else
                                       "FAILED (%s)" % why))
    if not quiet:
        print("Score: %d/%d" % (score, len(checks)))
    return score, len(checks)


# ---- the written lab: pagewalk ---------------------------------------------

QUESTIONS = "docs/labs/pagewalk.md"
GIVEN = re.compile(r"^\s+(\w+) = (0x[0-9a-f]+)$", re.M)
ANSWER = re.compile(r"^(Q\d+) = (.*)$", re.M)
PTE_BITS = [(0x001, "P"), (0x002, "RW"), (0x004, "US"), (0x020, "A"),
            (0x040, "D"), (0x200, "COW")]


def pagewalk_truth():
    """The right answers, computed from the values the handout gives."""
    with open(QUESTIONS) as f:
        g = {k: int(v, 16) for k, v in GIVEN.findall(f.read())}
    addr, page_offset = g["addr"], 0xC0000000
    table = g["pde"] & ~0xFFF
    frame = g["pte"] & ~0xFFF
    sig = g["sig"]
    return {
        "Q1": addr >> 22,
        "Q2": (addr >> 12) & 0x3FF,
        "Q3": addr & 0xFFF,
        "Q4": page_offset + g["cr3"] + 4 * (addr >> 22),
        "Q5": table,
        "Q6": page_offset + table + 4 * ((addr >> 12) & 0x3FF),
        "Q7": frame + (addr & 0xFFF),
        "Q8": page_offset + frame + (addr & 0xFFF),
        "Q9": " ".join(n for bit, n in PTE_BITS if g["pte2"] & bit),
        "Q10": "%d %d" % ((sig >> 8) & 0x7F, sig >> 15),
    }


def check_answer(q):
    truth = pagewalk_truth()[q]
    if not os.path.exists(ANSWERS):
        return False, "no %s" % ANSWERS
    with open(ANSWERS) as f:
        given = dict(ANSWER.findall(f.read())).get(q, "").strip()
    if not given:
        return False, "no answer"
    if isinstance(truth, int):
        try:
            ok = int(given, 0) == truth
        except ValueError:
            return False, "%r is not a number" % given
    else:
        ok = sorted(given.replace(",", " ").split()) == sorted(truth.split())
    return ok, "" if ok else "%r is not right" % given


# ---- make test -------------------------------------------------------------

# What of build/ a student's copy needs to build its kernel, initramfs
# and host tests without starting over (the rest is large: images).
BUILD_KEEP = ("k", "user", "host", "initramfs.cpio", "lintel.elf",
              "lintel.tmp", "lintel.sym", "lintel.asm", "ksyms.S", "ksyms.o",
              "ksyms0.S", "ksyms0.o")


def student_copy(lab):
    """build/labs/LAB: the student's tree with this build/ copied in, so
    that make compiles only the stubbed files. Returns (dir, make's
    output, ok)."""
    dest = os.path.join(ROOT, "build", "labs", lab)
    shutil.rmtree(dest, ignore_errors=True)
    make_lab(lab, dest)
    build = os.path.join(ROOT, "build")
    for name in BUILD_KEEP:
        src = os.path.join(build, name)
        if os.path.isdir(src):
            shutil.copytree(src, os.path.join(dest, "build", name))
        elif os.path.exists(src):
            shutil.copy2(src, os.path.join(dest, "build", name))
    p = subprocess.run(["make", "--no-print-directory", KERNEL, INITRD,
                        "build/host/test_avl"], cwd=dest,
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    return dest, p.stdout.decode("utf-8", "replace"), p.returncode == 0


def test_lab(tally, lab):
    score, total = grade(lab, quiet=True)
    tally.case("lab_%s_full_tree" % lab, score == total,
               "the full tree scores %d/%d" % (score, total))
    here = os.getcwd()
    dest, out, built = student_copy(lab)
    tally.case("lab_%s_student_copy_builds" % lab, built, out[-2000:])
    if not built:
        return
    os.chdir(dest)
    try:
        status, boot_out = runtests.boot(Kernel, "kernel",
                                         "init=/bin/true panic=exit quiet")
        tally.case("lab_%s_student_copy_boots" % lab,
                   status not in (runtests.KERNEL_BUG, None),
                   "status %s:\n%s" % (status, indent(bug_lines(boot_out))))
        stub_score, _ = grade(lab, quiet=True)
    finally:
        os.chdir(here)
    tally.case("lab_%s_student_copy_scores_below" % lab, stub_score < total,
               "the stubs score %d/%d" % (stub_score, total))
    shutil.rmtree(dest)
    print("    lab %s: full tree %d/%d, student copy %d/%d"
          % (lab, score, total, stub_score, total))


def main(argv):
    os.chdir(ROOT if argv[:1] == ["test"] else os.getcwd())
    if len(argv) == 3 and argv[0] == "make":
        dest = os.path.abspath(argv[2]) if argv[2] else ""
        if not dest or os.path.exists(dest) and os.listdir(dest) or \
                dest == ROOT or dest.startswith(ROOT + os.sep):
            print("lab.py: DIR must be a new directory outside this tree "
                  "(make lab LAB=%s DIR=~/%s-lab)" % (argv[1], argv[1]))
            return 1
        changed = make_lab(argv[1], dest)
        print("lab %s: %s written; stubs in %s" % (
            argv[1], argv[2], ", ".join(changed) or "nothing"))
        print("next: cd %s && make grade LAB=%s" % (argv[2], argv[1]))
        return 0
    if len(argv) == 2 and argv[0] == "grade":
        if argv[1] not in LABS:
            print("lab.py: no lab %r (labs: %s)" % (argv[1], " ".join(LABS)))
            return 1
        score, total = grade(argv[1])
        return 0 if score == total else 1
    if argv == ["test"]:
        tally = runtests.Tally()
        for lab in LABS:
            test_lab(tally, lab)
        print("%d passed, %d failed" % (tally.passed, tally.failed))
        return 1 if tally.failed else 0
    print(__doc__.split("\n\n")[1])
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
