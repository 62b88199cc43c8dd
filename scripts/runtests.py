#!/usr/bin/env python3
"""runtests.py - run every layer of Lintel's tests and count the cases.

Layers (README.md, "How the tests are layered"):
  host     kernel code compiled for the host (build/host/test_*)
  kernel   in-kernel self-tests (test= on the command line), the deliberate
           oops, and a boot test for each path (QEMU -kernel, GRUB ISO)
  gdb      GDB in batch mode against QEMU, stopped in shm_swap_in
           (scripts/gdb-test.py); the docs' transcripts and trace
           excerpts, made afresh in a copy of docs/ and compared
           (scripts/mkdocs.py); the names the docs cite
  guest    userland/tests programs run inside Lintel (init=/tests/NAME),
           built with Lintel's libc, with glibc (/glibc-tests/NAME) and,
           some of them, with musl (/musl-tests/NAME)
  native   the same programs run natively on this Linux host
  busybox  userland/tests/busybox.sh run by Debian's busybox sh inside
           Lintel and on this host: the same output, line for line
  labs     every lab (scripts/lab.py): the full tree scores M/M; the
           student's copy builds, boots and scores below M

Every program prints "test <name>: OK|FAILED|SKIPPED ..." lines and ends
with "N passed, N failed[, N skipped]"; this script adds them up, names
every skipped case with its reason, checks that each guest program runs
as many cases in Lintel as on the host, and ends with "N passed, N failed,
N skipped". QEMU ends through isa-debug-exit with the verdict; the timeout is
only a guard against a hang, never how a test finishes.
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor

SUMMARY = re.compile(r"^(\d+) passed, (\d+) failed(?:, (\d+) skipped)?",
                     re.M)
SKIPPED_LINE = re.compile(r"^test (\S+): SKIPPED \((.*)\)$", re.M)
HELD_LINE = re.compile(r"^init: held after (\S+): (.*)$", re.M)
HELD_PAIR = re.compile(r"(\w+) (-?\d+) -> (-?\d+)")
FUZZ_SEED = 1             # make test's campaign: always the same calls
FUZZ_CALLS = 3000
NATIVE_GUARD = 300        # seconds for one program on the host: a hang
HANG_GUARD = 300          # seconds; a run this long is a hang
BUG_MARK = "Lintel: kernel bug"   # include/linux/reboot.h BUG_MARK
KERNEL_BUG = "kernel bug"         # boot()'s status after a kernel bug
QEMU = "qemu-system-i386"
# QEMU's default CPU without FXSR and SSE: the FPU of a Pentium Pro
NO_FXSR_CPU = "qemu32,-fxsr,-sse,-sse2"
QEMU_FLAGS = ["-m", "128", "-display", "none", "-serial", "stdio",
              "-monitor", "none", "-no-reboot", "-nic", "none",
              "-device", "isa-debug-exit,iobase=0xf4,iosize=0x04"]
LOG_DIR = "build/test-logs"


class Tally:
    def __init__(self):
        self.passed = 0
        self.failed = 0
        self.skipped = []       # (where, case, why)
        self.cases = {}         # (layer, program) -> cases it ran

    def case(self, name, ok, why=""):
        if ok:
            self.passed += 1
            print("test %s: OK" % name)
        else:
            self.failed += 1
            print("test %s: FAILED (%s)" % (name, why))

    def add_output(self, name, out, rc, want_rc=0):
        """Count a program's own summary; no summary is one failure."""
        m = list(SUMMARY.finditer(out))
        if not m:
            self.case(name, False, "no summary line; exit %s" % rc)
            return False
        passed, failed = int(m[-1].group(1)), int(m[-1].group(2))
        skipped = int(m[-1].group(3) or 0)
        self.passed += passed
        self.failed += failed
        self.cases[name] = passed + failed + skipped
        self.skipped += [(name, c, why) for c, why in
                         SKIPPED_LINE.findall(out)]
        if failed == 0 and rc != want_rc:
            self.case(name + "_exit", False,
                      "summary clean but exit status %s, expected %s"
                      % (rc, want_rc))
            return False
        return failed == 0


def save_log(name, text):
    os.makedirs(LOG_DIR, exist_ok=True)
    with open(os.path.join(LOG_DIR, name + ".log"), "w") as f:
        f.write(text)


def qemu_status(rc, bug_mark):
    """isa-debug-exit makes QEMU exit with (status << 1) | 1, cut to 8
    bits, so any status is also some program's; a kernel bug is known by
    its mark on the debug console (include/linux/reboot.h), not by it."""
    if bug_mark.startswith(BUG_MARK):
        return KERNEL_BUG
    return (rc - 1) // 2 if rc % 2 == 1 else None


# The "[    0.123456] " that printk puts before each kernel line.
PRINTK_TIME = re.compile(r"^\[ *\d+\.\d{6}\] ", re.M)


def boot_raw(args, boot_from, cmdline, mem=128, cpu=None, initrd=None,
             disk=None):
    """Boot Lintel once (on QEMU's CPU model cpu, if given; from initrd,
    else args.initrd; with disk, a QEMU drive file name, as the first IDE
    disk); return (QEMU's exit status or None on a hang, serial
    output, what the kernel wrote to the debug console). The output's
    printk timestamps are left out, so that checks can match kernel lines
    from their start."""
    fd, buglog = tempfile.mkstemp(prefix="bug-", suffix=".log", dir="build")
    os.close(fd)
    cmd = [QEMU] + QEMU_FLAGS + ["-debugcon", "file:" + buglog]
    cmd[cmd.index("-m") + 1] = str(mem)
    if cpu:
        cmd += ["-cpu", cpu]
    if disk:
        cmd += ["-drive", "file=%s,format=raw,if=ide,index=0" % disk]
    if boot_from == "iso":
        cmd += [w.replace(args.iso, args.test_iso)
                for w in args.iso_boot.split()]
    else:
        cmd += ["-kernel", args.kernel, "-initrd", initrd or args.initrd,
                "-append", cmdline]
    try:
        p = subprocess.run(cmd, stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, timeout=HANG_GUARD,
                           stdin=subprocess.DEVNULL)
        out = p.stdout.decode("utf-8", "replace").replace("\r", "")
        rc = p.returncode
    except subprocess.TimeoutExpired as e:
        out = (e.stdout or b"").decode("utf-8", "replace")
        out += "\n[hung: killed after %d s]\n" % HANG_GUARD
        rc = None
    with open(buglog, errors="replace") as f:
        mark = f.read()
    os.unlink(buglog)
    return rc, PRINTK_TIME.sub("", out), mark


def boot(args, boot_from, cmdline, mem=128, cpu=None, initrd=None,
         disk=None):
    """Boot Lintel once; return (guest status: a number, KERNEL_BUG, or
    None if QEMU did not power off; serial output)."""
    rc, out, mark = boot_raw(args, boot_from, cmdline, mem, cpu, initrd,
                             disk)
    return (qemu_status(rc, mark) if rc is not None else None), out


def run_host(tally, programs):
    print("== host unit tests ==")
    for prog in programs:
        name = os.path.basename(prog)
        p = subprocess.run([prog], stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, timeout=HANG_GUARD)
        out = p.stdout.decode("utf-8", "replace")
        sys.stdout.write(out)
        if not tally.add_output(name, out, p.returncode):
            save_log("host-" + name, out)


def check_oops(tally, args):
    rc, out, mark = boot_raw(args, "kernel", "test=oops panic=exit")
    status = qemu_status(rc, mark) if rc is not None else None
    code, said = qemu_status_sh(rc, mark)
    tally.case("kernel_oops_is_kernel_bug", "kernel bug" in said,
               "rc %s: %r" % (rc, said))
    save_log("kernel-oops", out)
    want = ["Oops: page fault (trap 14)",
            "Unable to handle kernel paging request at virtual address "
            "00000000", "EIP: 0010:", "CR2: 00000000", "Call Trace:",
            "selftest_oops+", "run_selftests+", "start_kernel+"]
    missing = [w for w in want if w not in out]
    tally.case("kernel_oops_report", not missing and status == KERNEL_BUG,
               "status %s, missing %s" % (status, missing))


def qemu_status_sh(rc, mark):
    """What scripts/qemu-status.sh (make run) says about one QEMU exit."""
    with tempfile.NamedTemporaryFile("w", dir="build") as f:
        f.write(mark)
        f.flush()
        p = subprocess.run(["sh", "scripts/qemu-status.sh", str(rc),
                            f.name], stdout=subprocess.PIPE)
    return p.returncode, p.stdout.decode()


def check_status_report(tally, args):
    """An init that exits 127 (here: its program cannot be run) ends QEMU
    with 255, as a kernel bug does (check_oops); it is not reported as one."""
    rc, out, mark = boot_raw(args, "kernel", "init=/bin/no-such-program "
                             "panic=exit quiet")
    save_log("init-exit-127", out)
    code, said = qemu_status_sh(rc, mark)
    tally.case("init_exit_127_is_no_kernel_bug",
               rc == 255 and code == 127 and "status 127" in said and
               "kernel bug" not in said, "rc %s: %r" % (rc, said))


BANNER = "Lintel version"
MEMORY_LINE = re.compile(r"^Memory: (\d+)k/(\d+)k available", re.M)


def check_boot(tally, args, how):
    status, out = boot(args, how, "test=printk panic=exit")
    save_log("boot-" + how, out)
    ok = BANNER in out and status == 0
    tally.case("boot_%s_banner" % how, ok, "status %s" % status)
    m = MEMORY_LINE.search(out)
    tally.case("boot_%s_memory_line" % how, m is not None,
               "no 'Memory: ...k/...k available' line")


def check_fpu_without_fxsr(tally, args):
    """On a CPU without FXSR the kernel switches the FPU with fnsave and
    frstor: test_fpu_x87 must pass there too."""
    status, out = boot(args, "kernel", "init=/tests/test_fpu_x87 panic=exit "
                       "quiet", cpu=NO_FXSR_CPU)
    sys.stdout.write("".join(l + "\n" for l in out.splitlines()
                             if l.startswith(("test ", "    also"))))
    if not tally.add_output("nofxsr_test_fpu_x87", out, status):
        save_log("nofxsr-test_fpu_x87", out)


def check_memory_sizes(tally, args):
    """The memory line must match QEMU's -m (less the BIOS holes)."""
    for mem in (16, 128, 512):
        status, out = boot(args, "kernel", "test=printk panic=exit", mem)
        save_log("mem-%d" % mem, out)
        m = MEMORY_LINE.search(out)
        total = int(m.group(2)) if m else 0
        # QEMU reserves a little at the top and the BIOS area below 1 MiB.
        ok = m is not None and mem * 1024 - 1024 <= total <= mem * 1024
        tally.case("boot_memory_%dm" % mem, ok and status == 0,
                   "memory line total %dk for -m %d" % (total, mem))


SHMAT_LINE = re.compile(r"^SHM shmat pid=(\d+) seg=(\d+) \[0x([0-9a-f]+),",
                        re.M)
SHM_FAULT_LINE = re.compile(
    r"^FAULT pid=(\d+) addr=0x([0-9a-f]+) err=U\|[RW]\|!P "
    r"vma=\[0x[0-9a-f]+,0x[0-9a-f]+\) -> do_no_page -> do_swap_page "
    r"-> shm_swap_in seg=(\d+) idx=(\d+) (new|existing) pfn=0x([0-9a-f]+)$",
    re.M)


def check_trace(tally, args):
    """trace=shm,fault: two processes attach one segment and touch one page;
    the lines must show the whole path, in order, and the same frame."""
    status, out = boot(args, "kernel", "init=/tests/helper_gdbshm "
                       "trace=shm,fault panic=exit quiet")
    save_log("trace-shm-fault", out)
    events = sorted([(m.start(), "shmat", m.groups())
                     for m in SHMAT_LINE.finditer(out)] +
                    [(m.start(), "fault", m.groups())
                     for m in SHM_FAULT_LINE.finditer(out)])
    kinds = [e[1] for e in events]
    ok = kinds == ["shmat", "fault", "shmat", "fault"] and status == 0
    why = "expected shmat, fault, shmat, fault; got %s (status %s)" % (
        kinds, status)
    if ok:
        (_, _, a1), (_, _, f1), (_, _, a2), (_, _, f2) = events
        ok = (a1[0] == f1[0] and a2[0] == f2[0] and a1[0] != a2[0] and
              a1[1] == f1[2] == a2[1] == f2[2] and f1[3] == f2[3] and
              f1[4] == "new" and f2[4] == "existing" and f1[5] == f2[5])
        why = "first %s, second %s" % (f1, f2)
    tally.case("trace_shm_fault_path_two_processes", ok, why)


THREAD_SWITCH = re.compile(r"SCHED (?:\d+/\d+ \(\S+\) -> )?(\d+)/(\d+) "
                           r"\(helper_threads\)$", re.M)


def check_trace_threads(tally, args):
    """trace=sched names a thread tgid/tid: helper_threads' two threads
    show under its pid, each with a tid of its own."""
    status, out = boot(args, "kernel", "init=/tests/helper_threads "
                       "trace=sched panic=exit quiet")
    save_log("trace-threads", out)
    seen = set(THREAD_SWITCH.findall(out))
    tids = {tid for tgid, tid in seen if tgid != tid}
    tgids = {tgid for tgid, tid in seen if tgid != tid}
    ok = status == 0 and len(tids) == 2 and len(tgids) == 1
    tally.case("trace_sched_names_threads", ok,
               "status %s, tgid/tid pairs %s" % (status, sorted(seen)))


ENOSYS_LINE = re.compile(r"SYSCALL pid=\d+ (\w+)\(.*\) = -38$", re.M)


def check_trace_enosys(tally, args):
    """trace=syscall names a call Lintel lacks by Linux's name, not
    "unknown" (kernel/syscall_names.c)."""
    status, out = boot(args, "kernel", "init=/tests/helper_enosys "
                       "trace=syscall panic=exit quiet")
    save_log("trace-enosys", out)
    named = ENOSYS_LINE.findall(out)
    ok = status == 0 and "signalfd" in named and "io_setup" in named
    tally.case("trace_names_enosys_calls", ok,
               "status %s, ENOSYS lines named %s" % (status, named))


# test=hd on a scratch disk made for the run (selftest/hd.c): its first
# sector says so, QEMU's blkdebug fails every read of one sector and
# every write of another, and the page the self-test writes for us must
# then be in the image file.
SCRATCH_BYTES = 1 << 20
SCRATCH_HOST_PAGE = 200
SCRATCH_BAD_SECTOR = 1500
SCRATCH_BAD_WRITE = 1700
SCRATCH_LINE = ("LINTEL SCRATCH DISK bytes=%d host_page=%d bad_sector=%d "
                "bad_write_sector=%d\n")
HD_CASES = ["hd_size_is_the_image_size", "hd_bad_arguments_refused",
            "hd_write_then_read_many_pages",
            "hd_page_writes_stay_in_their_page", "hd_odd_sector_run",
            "hd_page_for_the_host", "hd_bad_sector_is_eio",
            "hd_bad_sector_inside_a_block_is_eio", "hd_bad_write_is_eio"]
HD_BOOT_LINES = ["hda: QEMU HARDDISK, ATA DISK drive",
                 "ide0 at 0x1f0-0x1f7,0x3f6 on irq 14",
                 "hda: 2048 sectors (1 MB) w/256KiB Cache, CHS=2/16/63"]
BLKDEBUG_RULE = """[inject-error]
event = "%s"
errno = "5"
sector = "%d"
once = "off"
"""


def make_scratch_disk(d):
    """The image and the blkdebug rule; the QEMU drive file name."""
    img, rule = os.path.join(d, "scratch.img"), os.path.join(d, "bad.cfg")
    with open(img, "wb") as f:
        f.write((SCRATCH_LINE % (SCRATCH_BYTES, SCRATCH_HOST_PAGE,
                                 SCRATCH_BAD_SECTOR,
                                 SCRATCH_BAD_WRITE)).encode())
        f.truncate(SCRATCH_BYTES)
    with open(rule, "w") as f:
        f.write(BLKDEBUG_RULE % ("read_aio", SCRATCH_BAD_SECTOR) +
                BLKDEBUG_RULE % ("write_aio", SCRATCH_BAD_WRITE))
    return "blkdebug:%s:%s" % (rule, img)


def host_page_ok(d):
    """The self-test's page, read from the image file on the host."""
    sectors = 4096 // 512
    with open(os.path.join(d, "scratch.img"), "rb") as f:
        f.seek(SCRATCH_HOST_PAGE * 4096)
        page = f.read(4096)
    first = SCRATCH_HOST_PAGE * sectors
    return all(page[i * 512:].startswith(
        ("lintel hd selftest page %d sector %d\n"
         % (SCRATCH_HOST_PAGE, first + i)).encode())
        for i in range(sectors))


def check_disk(tally, args):
    """The disk driver on a disk of its own: boot lines, every case of
    test=hd that writes, the data in the image, the errors of the bad
    sectors printed; in multiple mode (a page per interrupt) and in
    hd=nomult's one sector per interrupt."""
    check_disk_mode(tally, args, "", "")
    check_disk_mode(tally, args, " hd=nomult", "nomult_")


def check_disk_mode(tally, args, option, prefix):
    d = tempfile.mkdtemp(prefix="lintel-disk-", dir="build")
    try:
        status, out = boot(args, "kernel", "test=hd panic=exit" + option,
                           disk=make_scratch_disk(d))
        save_log("kernel-hd-scratch" + option.replace(" ", "-"), out)
        sys.stdout.write("".join(l + "\n" for l in out.splitlines()
                                 if l.startswith("test ")))
        tally.add_output(prefix + "kernel_hd_scratch_disk", out, status)
        missing = [c for c in HD_CASES if "test %s: OK" % c not in out]
        tally.case(prefix + "hd_scratch_cases_all_ran", not missing,
                   "missing %s" % missing)
        missing = [l for l in HD_BOOT_LINES if l not in out.splitlines()]
        tally.case(prefix + "hd_boot_lines_as_linux", not missing,
                   "missing %s" % missing)
        for what, sector in (("read", SCRATCH_BAD_SECTOR),
                             ("write", SCRATCH_BAD_WRITE)):
            line = ("hda: %s_intr: status=0x41 { DriveReady Error }, "
                    "error=0x04, sector=%d" % (what, sector))
            tally.case(prefix + "hd_bad_%s_printed" % what, line in out,
                       "no %s_intr line" % what)
        tally.case(prefix + "hd_writes_reach_the_image", host_page_ok(d),
                   "page %d of the image is not the self-test's"
                   % SCRATCH_HOST_PAGE)
    finally:
        shutil.rmtree(d)


def make_test_iso(args):
    """A copy of the ISO whose GRUB runs a self-test and powers off,
    made by the same script (the command line is in GRUB's core)."""
    tmp = tempfile.mkdtemp(prefix="lintel-iso-", dir="build")
    shutil.copytree("build/iso", os.path.join(tmp, "iso"))
    args.test_iso = os.path.join(tmp, "lintel-test.iso")
    subprocess.run(["sh", "scripts/mkiso.sh", os.path.join(tmp, "iso"),
                    "test=printk panic=exit", args.test_iso], check=True,
                   stdout=subprocess.DEVNULL)
    return tmp


FLOOR_ROWS = ("floor_int_iret", "floor_int_entry", "floor_page_fault",
              "floor_zero_4k", "floor_copy_4k", "floor_cr3_load",
              "floor_switch", "floor_switch_cr3")


def check_floors(tally, args):
    """make bench's floors mode (kernel/floors.c): the page fault floor's
    arming keeps pages and gives everything back (helper_floors), and the
    benchmark prints every floor row with its value."""
    status, out = boot(args, "kernel", "init=/tests/helper_floors floors "
                       "panic=exit quiet")
    sys.stdout.write("".join(l + "\n" for l in out.splitlines()
                             if l.startswith(("test ", "    also"))))
    ok = tally.add_output("floors_helper", out, status)
    if not check_held(tally, "helper_floors", out) or not ok:
        save_log("floors-helper", out)
    status, out = boot(args, "kernel", "init=/bin/bench panic=exit quiet "
                       "floors -- floors")
    missing = [r for r in FLOOR_ROWS
               if not re.search(r"^bench %s [0-9.]+ ns$" % r, out, re.M)]
    tally.case("bench_prints_every_floor", status == 0 and not missing,
               "status %s, missing %s" % (status, ", ".join(missing)))
    if missing or status != 0:
        save_log("floors-bench", out)


def run_kernel(tally, args):
    print("== kernel self-tests and boot tests ==")
    status, out = boot(args, "kernel", "test=all panic=exit")
    sys.stdout.write("".join(l + "\n" for l in out.splitlines()
                             if l.startswith("test ")))
    if not tally.add_output("kernel_selftests", out, status):
        save_log("kernel-selftests", out)
    check_oops(tally, args)
    check_status_report(tally, args)
    check_trace(tally, args)
    check_boot(tally, args, "kernel")
    tmp = make_test_iso(args)
    try:
        check_boot(tally, args, "iso")
    finally:
        shutil.rmtree(tmp)
    check_memory_sizes(tally, args)
    check_fpu_without_fxsr(tally, args)
    check_trace_enosys(tally, args)
    check_trace_threads(tally, args)
    check_disk(tally, args)
    check_floors(tally, args)


def run_abi(tally):
    """The kernel and libc agree on every number user space sees."""
    p = subprocess.run([sys.executable, "scripts/check-abi.py"],
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    out = p.stdout.decode("utf-8", "replace")
    sys.stdout.write(out)
    if not tally.add_output("abi_check", out, p.returncode):
        save_log("abi-check", out)


def run_docs(tally):
    """Every file, function and command the docs name must exist."""
    p = subprocess.run([sys.executable, "scripts/check-docs.py"],
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    out = p.stdout.decode("utf-8", "replace")
    sys.stdout.write(out)
    if not tally.add_output("docs_check", out, p.returncode):
        save_log("docs-check", out)


FRESH_DOCS = "build/docs-fresh"


def run_script(tally, name, argv):
    """A script of scripts/ that prints test lines and a summary."""
    p = subprocess.run([sys.executable] + argv, stdout=subprocess.PIPE,
                       stderr=subprocess.STDOUT, timeout=HANG_GUARD)
    out = p.stdout.decode("utf-8", "replace")
    sys.stdout.write(out)
    if not tally.add_output(name, out, p.returncode):
        save_log(name, out)


DEBUG_KERNEL = "build/debug/lintel.elf"


def build_debug_kernel(tally):
    """The kernel as make debug DEBUG=1 builds it (-Og), in build/debug/,
    for the session that reads shm_swap_in's locals. Its path, or None."""
    p = subprocess.run(["make", "--no-print-directory", "B=build/debug",
                        "DEBUG=1", DEBUG_KERNEL], stdout=subprocess.PIPE,
                       stderr=subprocess.STDOUT)
    tally.case("debug_kernel_builds", p.returncode == 0,
               p.stdout.decode("utf-8", "replace")[-2000:])
    return DEBUG_KERNEL if p.returncode == 0 else None


def run_gdb(tally, args):
    """The GDB session and the trace scenes write into a copy of docs/,
    which must then say what docs/ says (make docs keeps it so)."""
    print("== GDB helpers against a live kernel, and the docs ==")
    shutil.rmtree(FRESH_DOCS, ignore_errors=True)
    shutil.copytree("docs", FRESH_DOCS)
    debug_kernel = build_debug_kernel(tally)
    run_script(tally, "gdb_test", ["scripts/gdb-test.py", "--kernel",
                                   args.kernel, "--initrd", args.initrd,
                                   "--docs", FRESH_DOCS] +
               (["--debug-kernel", debug_kernel] if debug_kernel else []) +
               (["--swap-img", args.swap_img] if args.swap_img else []))
    run_script(tally, "docs_scenes", ["scripts/mkdocs.py", "--docs",
                                      FRESH_DOCS] +
               (["--swap-img", args.swap_img] if args.swap_img else []))
    run_script(tally, "docs_current", ["scripts/mkdocs.py", "--compare",
                                       "docs", FRESH_DOCS])
    run_docs(tally)


# The guest test programs, built with Lintel's libc, with glibc and (some)
# with musl
# (userland/userland.mk): (prefix of their cases, directory on the host,
# directory in the image, whether they are in the full image).
BUILDS = [("", "build/user/tests", "/tests", False),
          ("glibc_", "build/user/glibc-tests", "/glibc-tests", True),
          ("musl_", "build/user/musl-tests", "/musl-tests", True)]


def guest_programs(d):
    if not os.path.isdir(d):
        return []
    return sorted(os.path.join(d, f) for f in os.listdir(d)
                  if f.startswith("test_") and not f.endswith(".d"))


def all_guest_programs():
    """(case name, path on the host, path in the image, full image?)"""
    return [(prefix + os.path.basename(p), p,
             where + "/" + os.path.basename(p), full)
            for prefix, d, where, full in BUILDS
            for p in guest_programs(d)]


# Guest programs that boot with make test's swap image (--swap-img,
# mkswap's) as the first IDE disk, copy-on-write (QEMU's snapshot=on: the
# image never changes and every run starts from mkswap's), and those of
# them that must not skip anything in Lintel.
DISK_GUESTS = ("test_hda", "test_swap")
MUST_RUN_IN_LINTEL = ("test_hda",)


SWAP_GUEST_MEM = 16     # MiB: test_swap* (small image) must page out
SMALL_GUESTS = ("test_swap", "test_reclaim")    # and test_reclaim* reclaim


def guest_mem(prog):
    """QEMU's -m for a guest program (name, host path, image path, full?):
    the full image alone is bigger than SWAP_GUEST_MEM."""
    small = os.path.basename(prog[2]).startswith(SMALL_GUESTS)
    return SWAP_GUEST_MEM if small and not prog[3] else 128


def guest_disk(args, path):
    """The drive a guest program at path boots with, or None."""
    name = os.path.basename(path)
    if not args.swap_img or not name.startswith(DISK_GUESTS):
        return None
    return "%s,snapshot=on" % args.swap_img


def check_no_disk(tally, args):
    """test_hda in a Lintel without a disk: open("/dev/hda") is ENXIO,
    so every case skips for that reason."""
    status, out = boot(args, "kernel", "init=/tests/test_hda panic=exit "
                       "quiet")
    save_log("guest-test_hda-no-disk", out)
    skips = SKIPPED_LINE.findall(out)
    ok = status == 0 and skips and all("ENXIO" in why for _, why in skips)
    tally.case("hda_without_disk_is_enxio", ok, "status %s, skips %s"
               % (status, skips[:1]))


def check_ran_everything(tally, name, out):
    """A disk program that must run every case in Lintel skipped none."""
    if not name.endswith(MUST_RUN_IN_LINTEL):
        return
    skips = SKIPPED_LINE.findall(out)
    tally.case("lintel_%s_ran_with_its_disk" % name, not skips,
               "skipped %s" % skips[:1])


def run_guest(tally, args):
    print("== guest tests inside Lintel (Lintel's libc, glibc, musl) ==")
    progs = all_guest_programs()
    jobs = lambda p: boot(args, "kernel", "init=%s panic=exit quiet" % p[2],
                          mem=guest_mem(p),
                          initrd=args.full_initrd if p[3] else None,
                          disk=guest_disk(args, p[2]))
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        results = list(pool.map(jobs, progs))
    for (name, _, _, _), (status, out) in zip(progs, results):
        sys.stdout.write("".join(l + "\n" for l in out.splitlines()
                                 if l.startswith(("test ", "    also"))))
        ok = tally.add_output("lintel_" + name, out, status)
        check_ran_everything(tally, name, out)
        if not check_held(tally, name, out) or not ok:
            save_log("guest-" + name, out)
    check_no_disk(tally, args)
    print("== a short seeded fuzz campaign (make fuzz runs long ones) ==")
    import fuzz
    fuzz.run_campaign(tally, args, FUZZ_SEED, FUZZ_CALLS)


def check_held(tally, name, out):
    """init's count of what the kernel holds (userland/bin/init.c), read
    before the program and after it and its children are gone: free
    frames, kmalloc pages and objects, swap, shm segments must all be
    back exactly, and no process may be left to kill."""
    m = HELD_LINE.search(out)
    pairs = HELD_PAIR.findall(m.group(2)) if m else []
    moved = ["%s %s -> %s" % p for p in pairs if p[1] != p[2]]
    ok = bool(pairs) and not moved
    tally.case("lintel_%s_gives_everything_back" % name, ok,
               ", ".join(moved) if pairs else "no 'init: held after' line")
    return ok


def run_native(tally):
    """Each guest program natively: it must pass on Linux too."""
    print("== guest tests natively on this Linux host ==")
    for name, prog, _, _ in all_guest_programs():
        try:
            p = subprocess.run([prog], stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT,
                               timeout=NATIVE_GUARD, stdin=subprocess.DEVNULL)
            out, rc = p.stdout.decode("utf-8", "replace"), p.returncode
        except subprocess.TimeoutExpired as e:
            out = (e.stdout or b"").decode("utf-8", "replace")
            out, rc = out + "[hung: killed after %d s]\n" % NATIVE_GUARD, None
        print("== " + prog)
        sys.stdout.write(out)
        if not tally.add_output("native_" + name, out, rc):
            save_log("native-" + name, out)


def compare_case_counts(tally):
    """A program must run the same cases in Lintel and on the host (a
    case that cannot run in one place says SKIPPED there, and counts)."""
    print("== the same number of cases in Lintel and on the host ==")
    for name, _, _, _ in all_guest_programs():
        lintel = tally.cases.get("lintel_" + name)
        native = tally.cases.get("native_" + name)
        tally.case("same_cases_" + name, lintel is not None and
                   lintel == native, "%s cases in Lintel, %s on the host"
                   % (lintel, native))


FULL_ROOT = "build/rootfs-full"      # the full image's tree (Makefile)
BUSYBOX_SCRIPT = "tests/busybox.sh"  # in it; userland/tests/busybox.sh
BUSYBOX_BEGIN = "busybox.sh: begin"
BUSYBOX_END = "busybox.sh: end"


def script_lines(out):
    """The script's lines, from its first to its last; None if either
    is missing (it stopped half way, or never ran)."""
    lines = out.splitlines()
    if BUSYBOX_BEGIN not in lines or BUSYBOX_END not in lines:
        return None
    return lines[lines.index(BUSYBOX_BEGIN):lines.index(BUSYBOX_END) + 1]


def first_difference(want, got):
    for i, (w, g) in enumerate(zip(want, got)):
        if w != g:
            return "line %d: Linux %r, Lintel %r" % (i + 1, w, g)
    return "Linux %d lines, Lintel %d" % (len(want), len(got))


def run_busybox(tally, args):
    """The expected output is the same script run on this host by the
    same busybox binary, in the image's own tree."""
    print("== busybox: applets run by busybox sh, in Lintel and on Linux ==")
    root = os.path.abspath(FULL_ROOT)
    p = subprocess.run([os.path.abspath(args.busybox), "sh", BUSYBOX_SCRIPT],
                       cwd=root, env={"ROOT": root}, stdout=subprocess.PIPE,
                       stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                       timeout=NATIVE_GUARD)
    native = p.stdout.decode("utf-8", "replace")
    want = script_lines(native)
    tally.case("busybox_script_runs_on_linux",
               want is not None and p.returncode == 0,
               "exit %s, end %s" % (p.returncode, want is not None))
    status, out = boot(args, "kernel", "init=/usr/bin/sh panic=exit quiet "
                       "-- /" + BUSYBOX_SCRIPT, initrd=args.full_initrd)
    got = script_lines(out)
    tally.case("busybox_script_runs_in_lintel", got is not None and
               status == 0, "status %s, end %s" % (status, got is not None))
    same = want is not None and got == want
    tally.case("busybox_script_same_output_as_linux", same,
               first_difference(want or [], got or []))
    if not same:
        save_log("busybox-lintel", out)
        save_log("busybox-linux", native)


def print_skipped(tally):
    for where, case, why in tally.skipped:
        print("skipped: %s in %s (%s)" % (case, where, why))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--kernel")
    ap.add_argument("--initrd")
    ap.add_argument("--iso")
    ap.add_argument("--iso-boot", help="QEMU's flags for booting --iso "
                    "(the Makefile's ISO_DRIVE)")
    ap.add_argument("--full-initrd", help="the image with the glibc tests "
                    "and busybox (build/initramfs-full.cpio)")
    ap.add_argument("--busybox", help="Debian's busybox, for the busybox "
                    "layer's expected output")
    ap.add_argument("--swap-img", help="a swap area made by mkswap, the "
                    "first IDE disk of the DISK_GUESTS programs")
    ap.add_argument("--only", choices=["host", "kernel", "gdb", "guest",
                                       "native", "busybox", "labs"])
    ap.add_argument("host_tests", nargs="*")
    args = ap.parse_args()
    tally = Tally()
    layers = [args.only] if args.only else ["host", "kernel", "gdb",
                                            "guest", "native", "busybox",
                                            "labs"]
    if "host" in layers:
        run_host(tally, args.host_tests)
        run_abi(tally)
        run_script(tally, "syscalls_page", ["scripts/mksyscalls.py",
                                            "--check"])
    if "kernel" in layers:
        run_kernel(tally, args)
    if "gdb" in layers:
        run_gdb(tally, args)
    if "guest" in layers:
        run_guest(tally, args)
    if "native" in layers:
        run_native(tally)
    if "busybox" in layers:
        run_busybox(tally, args)
    if "labs" in layers:
        print("== labs: the full tree and each student's copy ==")
        run_script(tally, "labs", ["scripts/lab.py", "test"])
    if "guest" in layers and "native" in layers:
        compare_case_counts(tally)
    print_skipped(tally)
    if tally.failed:
        print("logs of failing runs are in %s/" % LOG_DIR)
    print("%d passed, %d failed, %d skipped" % (tally.passed, tally.failed,
                                               len(tally.skipped)))
    return 1 if tally.failed else 0


if __name__ == "__main__":
    sys.exit(main())
