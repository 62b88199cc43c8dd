#!/usr/bin/env python3
"""boot-stages.py - where a boot to the shell prompt spends its time.

Boots Lintel in qemu-system-i386 N times with the QEMU arguments given
after "--", stamps every chunk of serial output with the host's clock as
it arrives, and prints, for each stage's first line, the median and the
smallest time in ms after QEMU was started: the BIOS's first output, the
BIOS handing over ("Booting from"), GRUB's welcome (from the ISO only),
the kernel's first line, its memory line, the TSC's line, the shm line
and the shell's first prompt. QEMU is killed at the prompt.

    scripts/boot-stages.py 5 -- -kernel build/lintel.elf \\
        -initrd build/initramfs-run.cpio -append console=ttyS0 -vga none
    scripts/boot-stages.py 5 -- -device ahci,id=ahci \\
        -drive id=cd,if=none,media=cdrom,format=raw,file=build/lintel.iso \\
        -device ide-cd,drive=cd,bus=ahci.0,bootindex=0

make bench times the whole boot (scripts/bench.py, docs/bench.md); this
splits it. A stage is stamped when the chunk holding its first byte
arrives, so each time is an upper bound by one chunk.
"""

import os
import select
import statistics
import subprocess
import sys
import time

QEMU = "qemu-system-i386"
FLAGS = ["-m", "128", "-no-reboot", "-nic", "none", "-nographic",
         "-device", "isa-debug-exit,iobase=0xf4,iosize=0x04"]
TIMEOUT = 30  # seconds for one boot
STAGES = (("bios", b"SeaBIOS"), ("bios_boots", b"Booting from"),
          ("grub", b"Welcome to GRUB"), ("kernel", b"BIOS-provided"),
          ("memory", b"Memory:"), ("tsc", b"tsc:"), ("shm", b"shm:"),
          ("prompt", b"\n$ "))


def boot_once(qemu_args):
    """One boot: the serial output and [(ms, offset of its chunk)]."""
    start = time.monotonic()
    proc = subprocess.Popen([QEMU] + qemu_args + FLAGS,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT)
    out, chunks = b"", []
    while time.monotonic() < start + TIMEOUT and b"\n$ " not in out:
        ready, _, _ = select.select([proc.stdout], [], [], 0.5)
        if not ready:
            continue
        data = os.read(proc.stdout.fileno(), 65536)
        if not data:
            break
        chunks.append(((time.monotonic() - start) * 1000, len(out)))
        out += data
    proc.kill()
    proc.wait()
    return out, chunks


def stage_times(out, chunks):
    """{stage: ms} for the stages whose first line is in out."""
    times = {}
    for name, mark in STAGES:
        at = out.find(mark)
        if at < 0:
            continue
        at += mark.startswith(b"\n")    # the prompt, not the line before
        times[name] = [ms for ms, off in chunks if off <= at][-1]
    return times


def main():
    if len(sys.argv) < 4 or sys.argv[2] != "--":
        sys.exit(__doc__)
    runs = int(sys.argv[1])
    seen = {name: [] for name, _ in STAGES}
    for _ in range(runs):
        for name, ms in stage_times(*boot_once(sys.argv[3:])).items():
            seen[name].append(ms)
    print("stage        median    min  (ms after QEMU starts, %d boots)" %
          runs)
    for name, times in seen.items():
        if times:
            print("%-12s %6.0f %6.0f" % (name, statistics.median(times),
                                         min(times)))


if __name__ == "__main__":
    main()
