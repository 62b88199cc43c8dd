#!/usr/bin/env python3
"""bench.py - run userland/bench/bench in Lintel and in Linux, same QEMU.

Boots each kernel with the benchmark as init in qemu-system-i386 (TCG, one
CPU, 128 MiB, no display), reads the serial console, and prints a Markdown
table of the median of several boots per kernel, run interleaved (Lintel,
Linux, Lintel, ...) so that a slow moment of the host hurts both alike.

Lintel boots from the kernel ELF and the initramfs the top Makefile built,
with init= naming the benchmark inside it. Linux is Debian's i386 "686"
kernel: fetched once with apt-get download into the cache directory,
unpacked with dpkg-deb -x, and booted with an initramfs this script packs
with the same benchmark binary as /init. See docs/bench.md.

    scripts/bench.py --lintel-kernel build/lintel.elf \\
        --lintel-initrd build/initramfs.cpio [--init /bin/bench] [--linux]
    scripts/bench.py --linux            # Linux alone
"""

import argparse
import datetime
import glob
import hashlib
import os
import re
import select
import shutil
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

QEMU = "qemu-system-i386"
# The flags both kernels boot with; only -kernel, -initrd, -append differ.
QEMU_FLAGS = ["-m", "128", "-nographic", "-no-reboot", "-nic", "none",
              "-device", "isa-debug-exit,iobase=0xf4,iosize=0x04"]
LINUX_APPEND = "console=ttyS0 quiet"
LINUX_META = "linux-image-686:i386"  # depends on the current 686 kernel
BOOT_TIMEOUT = 180  # seconds for one boot and all benchmarks

FIRST_LINE = "bench begin"
LAST_LINE = "bench end"
RESULT = re.compile(r"bench (\S+) ([0-9]+\.[0-9]) (\S+)$")
ERROR = re.compile(r"bench (\S+) error (.*)$")
INFO_ROWS = {"tsc_rate"}  # printed by bench, not benchmarks
BOOT_ROW = ("boot to first line", "ms")
# Each row's floor, from the rows Lintel prints when booted with "floors"
# (kernel/floors.c): the floor rows one unit of the row holds at least,
# each with how many of it, and the factor from their unit (ns) to the
# row's. A fault row's floor is a bare page fault plus the page's zeroing
# or copy.
FLOORS = {
    "getpid": ((("floor_int_entry", 1),), 1),
    "getpid_vsyscall": ((("floor_sysenter", 1),), 1),
    "pingpong": ((("floor_switch_cr3", 2),), 1e-3),
    "futex_pingpong": ((("floor_switch", 2),), 1e-3),
    "shm_fault_cold": ((("floor_page_fault", 1), ("floor_zero_4k", 1)), 1),
    "shm_fault_reused": ((("floor_page_fault", 1), ("floor_zero_4k", 1)), 1),
    "anon_fault": ((("floor_page_fault", 1), ("floor_zero_4k", 1)), 1),
    "cow_fault": ((("floor_page_fault", 1), ("floor_copy_4k", 1)), 1),
}
LINTEL_FLOORS_APPEND = "floors -- floors"  # the option, and bench's argv[1]


def die(msg):
    sys.exit("bench: " + msg)


def note(msg):
    print("bench: " + msg, file=sys.stderr, flush=True)


def run(cmd, **kw):
    return subprocess.run(cmd, check=False, text=True,
                          capture_output=True, **kw)


# --- initramfs -------------------------------------------------------------

def cpio_entry(name, mode, data=b"", rdev=(0, 0)):
    """One cpio "newc" record: a 110-byte ASCII header, name, data."""
    name_b = name.encode() + b"\0"
    fields = [0, mode, 0, 0, 1, 0, len(data), 0, 0, rdev[0], rdev[1],
              len(name_b), 0]
    head = b"070701" + b"".join(b"%08X" % f for f in fields) + name_b
    head += b"\0" * (-len(head) % 4)
    return head + data + b"\0" * (-len(data) % 4)


def make_linux_initrd(bench, path):
    """An initramfs holding only /init (the benchmark) and /dev/console."""
    with open(bench, "rb") as f:
        binary = f.read()
    image = (cpio_entry("dev", 0o040755) +
             cpio_entry("dev/console", 0o020600, rdev=(5, 1)) +
             cpio_entry("init", 0o100755, binary) +
             cpio_entry("TRAILER!!!", 0))
    with open(path, "wb") as f:
        f.write(image)


def cpio_file(path, want):
    """The contents of file want in a newc archive, or None."""
    with open(path, "rb") as f:
        data = f.read()
    want = want.lstrip("/")
    off = 0
    while data[off:off + 6] == b"070701":
        fields = [int(data[off + 6 + 8 * i:off + 14 + 8 * i], 16)
                  for i in range(13)]
        size, namesize = fields[6], fields[11]
        name_end = off + 110 + namesize
        name = data[off + 110:name_end - 1].decode(errors="replace")
        start = name_end + (-name_end % 4)
        if name == "TRAILER!!!":
            break
        if name.removeprefix("./") == want:
            return data[start:start + size]
        off = start + size + (-(start + size) % 4)
    return None


def sha256(data):
    return hashlib.sha256(data).hexdigest()


# --- the Linux kernel --------------------------------------------------------

def foreign_archs():
    native = run(["dpkg", "--print-architecture"]).stdout.split()
    return native + run(["dpkg", "--print-foreign-architectures"]).stdout.split()


def as_root_or_explain(cmds):
    """Run commands that need root, or say exactly what to run and stop."""
    if os.geteuid() != 0:
        die("the i386 Linux kernel package is not known to apt; run\n" +
            "".join("    sudo %s\n" % " ".join(c) for c in cmds) +
            "and run this again.")
    for c in cmds:
        note("running: " + " ".join(c))
        r = run(c)
        if r.returncode:
            note("%s exited %d (going on):\n%s" %
                 (c[0], r.returncode, r.stderr.strip()))


def kernel_package():
    """Name the kernel package linux-image-686:i386 stands for now."""
    def depends():
        r = run(["apt-cache", "depends", LINUX_META])
        return re.findall(r"Depends: (linux-image-\S+)", r.stdout)

    cmds = []
    if "i386" not in foreign_archs():
        cmds.append(["dpkg", "--add-architecture", "i386"])
    if cmds or not depends():
        as_root_or_explain(cmds + [["apt-get", "update"]])
    pkgs = depends()
    if not pkgs:
        die("apt knows no %s even after apt-get update" % LINUX_META)
    return pkgs[0]


def fetch_linux(cache, deb=None):
    """Download (once) and unpack Debian's 686 kernel; return its deb."""
    os.makedirs(cache, exist_ok=True)
    if deb is None:
        debs = sorted(glob.glob(os.path.join(cache, "linux-image-*.deb")))
        if debs:
            deb = debs[-1]
    if deb is None:
        pkg = kernel_package()
        note("downloading %s into %s" % (pkg, cache))
        r = run(["apt-get", "download", pkg], cwd=cache)
        debs = sorted(glob.glob(os.path.join(cache, "linux-image-*.deb")))
        if r.returncode or not debs:
            die("apt-get download %s failed:\n%s" % (pkg, r.stderr))
        deb = debs[-1]
    root = os.path.join(cache, "root")
    stamp = os.path.join(root, ".unpacked-from")
    if not os.path.exists(stamp) or open(stamp).read() != deb:
        shutil.rmtree(root, ignore_errors=True)
        note("unpacking " + deb)
        r = run(["dpkg-deb", "-x", deb, root])
        if r.returncode:
            die("dpkg-deb -x %s failed:\n%s" % (deb, r.stderr))
        with open(stamp, "w") as f:
            f.write(deb)
    return deb


def linux_vmlinuz(cache):
    kernels = sorted(glob.glob(os.path.join(cache, "root/boot/vmlinuz-*")))
    if not kernels:
        die("no boot/vmlinuz-* in the unpacked package under " + cache)
    return kernels[-1]


# --- one boot ----------------------------------------------------------------

def watch_serial(proc, start, marker, stop):
    """Read QEMU's serial output (proc's stdout) until it ends, or until
    BOOT_TIMEOUT after start, or (with stop) until marker appears; return
    (the output, the monotonic time marker first appeared or None)."""
    out, seen = b"", None
    deadline = start + BOOT_TIMEOUT
    while not (stop and seen):
        left = deadline - time.monotonic()
        if left <= 0:
            break
        ready, _, _ = select.select([proc.stdout], [], [], left)
        if not ready:
            continue
        chunk = os.read(proc.stdout.fileno(), 65536)
        if not chunk:
            break
        out += chunk
        if seen is None and marker in out:
            seen = time.monotonic()
    return out, seen


def boot(qemu, kernel, initrd, append, log):
    """Boot once; return (ms to the first line, {name: (value, unit)})."""
    cmd = ([qemu, "-kernel", kernel, "-initrd", initrd, "-append", append] +
           QEMU_FLAGS)
    start = time.monotonic()
    proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    out, first = watch_serial(proc, start, FIRST_LINE.encode(), False)
    if time.monotonic() >= start + BOOT_TIMEOUT:
        proc.kill()
    proc.wait()
    text = out.decode(errors="replace").replace("\r", "")
    with open(log, "w") as f:
        f.write("$ %s\n%s" % (" ".join(cmd), text))
    lines = text.split("\n")
    if first is None or not any(l.endswith(LAST_LINE) for l in lines):
        die("%s did not finish the benchmark (qemu exit %s); see %s:\n%s" %
            (kernel, proc.returncode, log, "\n".join(lines[-15:])))
    results = {}
    for line in lines:
        m = RESULT.search(line)
        if m:
            results[m.group(1)] = (float(m.group(2)), m.group(3))
        m = ERROR.search(line)
        if m:
            note("%s: %s failed: %s" % (kernel, m.group(1), m.group(2)))
    return (first - start) * 1000, results


PROMPT = b"\n$ "  # userland/bin/sh's prompt, once init has started it
PROMPT_ROWS = (("boot to prompt (-kernel)", "ms"),
               ("boot to prompt (GRUB ISO)", "ms"))


def boot_to_prompt(qemu, boot_args, log):
    """Boot Lintel's run image (no init=: init starts the shell) and return
    the ms from just before QEMU starts to the shell's first prompt on the
    serial port, or None; QEMU is killed once the prompt is there."""
    cmd = [qemu] + boot_args + QEMU_FLAGS
    start = time.monotonic()
    proc = subprocess.Popen(cmd, stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    out, seen = watch_serial(proc, start, PROMPT, True)
    ms = None if seen is None else (seen - start) * 1000
    proc.kill()
    proc.wait()
    with open(log, "w") as f:
        f.write("$ %s\n%s" % (" ".join(cmd),
                               out.decode(errors="replace").replace("\r", "")))
    if ms is None:
        note("no shell prompt in %s" % log)
    return ms


# --- the table ---------------------------------------------------------------

def fmt(v):
    if v is None:
        return "-"
    return "%.0f" % v if v >= 100 else "%.1f" % v


def speedup(unit, lintel, linux):
    """Linux/Lintel for times; inverted for rates, so > 1 = Lintel faster."""
    if lintel is None or linux is None or not lintel or not linux:
        return "-"
    ratio = lintel / linux if unit.endswith("/s") else linux / lintel
    return "%.2f" % ratio


def medians(runs):
    """runs: list of (boot_ms, results) -> ordered {row: (median, unit)}."""
    rows = {BOOT_ROW: [r[0] for r in runs]}
    for _, results in runs:
        for name, (value, unit) in results.items():
            if name not in INFO_ROWS:
                rows.setdefault((name, unit), []).append(value)
    return {k: statistics.median(v) for k, v in rows.items()}


def first_line(cmd):
    try:
        return run(cmd).stdout.split("\n")[0].strip()
    except OSError:
        return "?"


def cpu_model():
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    return "?"


def floor_of(row, lintel):
    """The floor under row (name, unit), from Lintel's floor rows, or None
    when one of them is missing."""
    if row[0] not in FLOORS or lintel is None:
        return None
    parts, scale = FLOORS[row[0]]
    total = 0
    for name, count in parts:
        value = lintel.get((name, "ns"))
        if value is None:
            return None
        total += value * count
    return total * scale


def table(columns, header):
    """columns: [(name, {row: median})] -> Markdown text. When Lintel
    measured floors, two more columns: each row's floor and Lintel/floor."""
    names = [c[0] for c in columns]
    lintel = dict(columns).get("Lintel")
    floors = lintel is not None and any(r[0].startswith("floor_")
                                        for r in lintel)
    rows = []
    for _, med in columns:
        rows += [r for r in med if r not in rows]
    lines = header + [""]
    heads = ["benchmark", "unit"] + names
    if len(columns) == 2:
        heads.append("%s/%s" % (names[1], names[0]))
    if floors:
        heads += ["floor", "Lintel/floor"]
    lines.append("| " + " | ".join(heads) + " |")
    lines.append("|" + "---|" * 2 + "---:|" * (len(heads) - 2))
    for row in rows:
        vals = [c[1].get(row) for c in columns]
        cells = [row[0], row[1]] + [fmt(v) for v in vals]
        if len(columns) == 2:
            cells.append(speedup(row[1], vals[0], vals[1]))
        if floors:
            floor = floor_of(row, lintel)
            mine = lintel.get(row)
            cells.append(fmt(floor))
            cells.append("%.2f" % (mine / floor) if floor and mine else "-")
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


# --- main ----------------------------------------------------------------------

def lintel_kernel(args):
    """Lintel's (column, kernel, initrd, append), its binary, a header line."""
    # LINTEL_FLOORS_APPEND last: what follows its "--" is bench's argv
    append = " ".join(["init=%s console=ttyS0" % args.init] +
                      ([args.lintel_append] if args.lintel_append else []) +
                      [LINTEL_FLOORS_APPEND] + args.only)
    binary = cpio_file(args.lintel_initrd, args.init)
    if binary is None:
        die("%s has no %s" % (args.lintel_initrd, args.init))
    commit = first_line(["git", "-C", ROOT, "describe", "--always", "--dirty"])
    line = "Lintel: `%s` at commit %s, `-append \"%s\"`" % (
        os.path.relpath(args.lintel_kernel, ROOT), commit or "?", append)
    return ("Lintel", args.lintel_kernel, args.lintel_initrd, append), \
        binary, line


def linux_kernel(args):
    """Linux's (column, kernel, initrd, append), its binary, a header line."""
    if not os.path.exists(args.bench):
        die("no benchmark binary %s (make it first)" % args.bench)
    with open(args.bench, "rb") as f:
        binary = f.read()
    deb = fetch_linux(args.cache, args.linux_deb)
    initrd = os.path.join(args.cache, "initramfs-bench.cpio")
    make_linux_initrd(args.bench, initrd)
    # Linux hands init the words after "--", as Lintel does
    append = " ".join([LINUX_APPEND] + (["--"] + args.only if args.only
                                        else []))
    line = "Linux: Debian `%s`, `-append \"%s\"`, the benchmark as `/init`" % (
        os.path.basename(deb), append)
    return ("Linux", linux_vmlinuz(args.cache), initrd, append), \
        binary, line


def prompt_rows(args, logs, i):
    """Lintel's boots to the shell prompt from its run image, by -kernel
    with make qemu-nox's display flags (--nox-flags, the Makefile's
    NOX_FLAGS) and from the GRUB ISO with the very drive flags make run
    uses (--iso-boot, the Makefile's ISO_DRIVE): {row name: (ms, unit)}
    for those that got there."""
    paths = [(PROMPT_ROWS[0], "kernel",
              ["-kernel", args.lintel_kernel, "-initrd", args.run_initrd,
               "-append", "console=ttyS0"] + args.nox_flags.split()),
             (PROMPT_ROWS[1], "iso",
              args.iso_boot.split() if args.iso_boot else None)]
    rows = {}
    for (row, unit), how, boot_args in paths:
        if not boot_args:
            continue
        log = os.path.join(logs, "lintel-prompt-%s-%d.log" % (how, i + 1))
        ms = boot_to_prompt(args.qemu, boot_args, log)
        if ms is not None:
            rows[row] = (ms, unit)
    return rows


def parse_args():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--lintel-kernel", help="Lintel's kernel ELF")
    ap.add_argument("--lintel-initrd", help="Lintel's initramfs (cpio newc)")
    ap.add_argument("--init", default="/bin/bench",
                    help="the benchmark's path inside Lintel's initramfs")
    ap.add_argument("--linux", action="store_true",
                    help="also boot Debian's i386 Linux and compare")
    ap.add_argument("--bench",
                    default=os.path.join(ROOT, "build/user/bench/bench"),
                    help="the benchmark binary packed as Linux's /init")
    ap.add_argument("--runs", type=int, default=3, help="boots per kernel")
    ap.add_argument("--run-initrd", help="Lintel's run image (make run's, "
                    "no tests): the boot-to-prompt rows")
    ap.add_argument("--iso-boot", help="QEMU's flags that boot Lintel's "
                    "GRUB ISO as make run does: boot to prompt from it")
    ap.add_argument("--nox-flags", default="",
                    help="make qemu-nox's display flags, for the -kernel "
                    "boot to prompt")
    ap.add_argument("--cache", default=os.path.join(ROOT, "build/linux-bench"),
                    help="where the Linux package is kept and unpacked")
    ap.add_argument("--linux-deb", help="use this linux-image .deb file")
    ap.add_argument("--qemu", default=QEMU)
    ap.add_argument("--output", help="also write the table to this file")
    ap.add_argument("--lintel-append", help="more of Lintel's command "
                    "line (make bench CMDLINE=...), e.g. hd=nomult")
    ap.add_argument("--only", nargs="+", default=[], metavar="GROUP",
                    help="run only these groups of bench.c's rows (make "
                    "bench ONLY=\"fork anon\"), without the boot-to-prompt "
                    "rows")
    ap.add_argument("--disk", help="a disk image for both kernels' first "
                    "IDE disk (make bench SWAP=N): the disk_* rows")
    args = ap.parse_args()
    if not args.lintel_kernel and not args.linux:
        die("nothing to run: give --lintel-kernel and --lintel-initrd, "
            "--linux, or both")
    if args.lintel_kernel and not args.lintel_initrd:
        die("--lintel-kernel needs --lintel-initrd")
    if args.runs < 1:
        die("--runs must be at least 1")
    if not shutil.which(args.qemu):
        die("no %s: apt-get install qemu-system-x86" % args.qemu)
    return args


def main():
    args = parse_args()
    if args.disk:
        QEMU_FLAGS.extend(["-drive", "file=%s,format=raw,if=ide,index=0"
                           % args.disk])
    setups = []
    if args.lintel_kernel:
        setups.append(lintel_kernel(args))
    if args.linux:
        setups.append(linux_kernel(args))
    kernels = [s[0] for s in setups]
    binaries = {sha256(s[1]) for s in setups}
    if len(binaries) > 1:
        die("%s in %s differs from %s: not the same binary" %
            (args.init, args.lintel_initrd, args.bench))

    header = [
        "Date: %s" % datetime.date.today().isoformat(),
        "QEMU: %s" % first_line([args.qemu, "--version"]),
        "Machine: %s (host, /proc/cpuinfo); guest CPU QEMU's default, "
        "TCG, one CPU, 128 MiB" % cpu_model(),
        "Command: `%s -kernel K -initrd I -append A %s`" %
        (args.qemu, " ".join(QEMU_FLAGS)),
    ] + [s[2] for s in setups] + [
        "Benchmark binary: sha256 `%s`" % binaries.pop()[:16],
        "Each value: median of %d boots per kernel%s" %
        (args.runs, ", interleaved" if len(kernels) > 1 else ""),
    ]

    logs = os.path.join(ROOT, "build/bench")
    os.makedirs(logs, exist_ok=True)
    runs = {k[0]: [] for k in kernels}
    for i in range(args.runs):
        for name, kernel, initrd, append in kernels:
            log = os.path.join(logs, "%s-%d.log" % (name.lower(), i + 1))
            ms, results = boot(args.qemu, kernel, initrd, append, log)
            if name == "Lintel" and args.run_initrd and not args.only:
                results.update(prompt_rows(args, logs, i))
            runs[name].append((ms, results))
            note("%s run %d/%d: first line after %.0f ms, %d results" %
                 (name, i + 1, args.runs, ms, len(results)))

    text = table([(k[0], medians(runs[k[0]])) for k in kernels],
                 ["- " + h for h in header])
    print(text, end="")
    if args.output:
        with open(args.output, "w") as f:
            f.write(text)


if __name__ == "__main__":
    main()
