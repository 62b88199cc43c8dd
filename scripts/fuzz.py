#!/usr/bin/env python3
"""fuzz.py - boot Lintel with the fuzzer (userland/tests/fuzz.c) as init.

    python3 scripts/fuzz.py --kernel K --initrd I [--seed S] [--count N]
                            [--boots B] [--jobs J]

Boot i runs `fuzz S+i N/B`: N calls in all, B boots, J at a time. A boot
fails on a kernel bug (an oops or a panic: the mark on QEMU's debug
console, or the words on the serial line), on a hang (QEMU still running
after a bound generous for the count), on a fuzz case that failed (a
batch whose frames, kmalloc objects or IPC objects did not come back),
and on init's own count of what the kernel holds before and after
(`init: held after`). `make fuzz` runs this; `make test` runs one short
campaign through run_campaign(). Prints "N passed, N failed" last.

The fuzzer runs only inside Lintel: it removes every IPC object and
kills process groups, so it refuses to start on any other kernel.
"""
import argparse
import os
import re
import sys
from concurrent.futures import ThreadPoolExecutor

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import runtests                                         # noqa: E402

FIGURES = re.compile(r"^fuzz: (\d+) calls in (\d+) batches \(seed (\d+)\): "
                     r"(.*)$", re.M)
SECONDS_PER_CALL = 0.01     # 100 calls/s: ten times slower than measured
BOOT_SECONDS = 120          # QEMU's start and the warm-up, under load
KERNEL_WORDS = ("Oops:", "Kernel panic", "Unable to handle kernel")


def fuzz_boot(args, seed, count):
    """One boot; returns (ok, why, calls, serial output)."""
    guard = BOOT_SECONDS + count * SECONDS_PER_CALL
    saved, runtests.HANG_GUARD = runtests.HANG_GUARD, guard
    try:
        rc, out, mark = runtests.boot_raw(
            args, "kernel", "init=/tests/fuzz panic=exit quiet -- %d %d"
            % (seed, count))
    finally:
        runtests.HANG_GUARD = saved
    status = runtests.qemu_status(rc, mark) if rc is not None else None
    figures = FIGURES.search(out)
    calls = int(figures.group(1)) if figures else 0
    held = runtests.HELD_LINE.search(out)
    pairs = runtests.HELD_PAIR.findall(held.group(2)) if held else []
    moved = ["%s %s -> %s" % p for p in pairs if p[1] != p[2]]
    summary = list(runtests.SUMMARY.finditer(out))
    if rc is None:
        return False, "hung: no power-off in %d s" % guard, calls, out
    if status == runtests.KERNEL_BUG or any(w in out for w in KERNEL_WORDS):
        return False, "kernel bug (status %s)" % status, calls, out
    if not summary or int(summary[-1].group(2)) or status != 0:
        return False, "fuzz failed: status %s" % status, calls, out
    if not pairs or moved:
        return False, "held: %s" % (", ".join(moved) or "no line"), calls, out
    return True, figures.group(0) if figures else "", calls, out


def run_campaign(tally, args, seed, count, boots=1, jobs=1):
    """Boots seed .. seed+boots-1, count calls in all; one case each."""
    per_boot = max(1, count // boots)
    seeds = [seed + i for i in range(boots)]
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        results = list(pool.map(lambda s: fuzz_boot(args, s, per_boot),
                                seeds))
    total = 0
    for s, (ok, why, calls, out) in zip(seeds, results):
        total += calls
        tally.case("fuzz_seed_%d_%d_calls" % (s, per_boot), ok, why)
        if ok:
            print("    " + why)
        else:
            runtests.save_log("fuzz-seed-%d" % s, out)
    bad = sum(1 for r in results if not r[0])
    print("fuzz: %d calls in %d boots, %d failed" % (total, boots, bad))
    return total


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--kernel", required=True)
    ap.add_argument("--initrd", required=True)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--count", type=int, default=100000)
    ap.add_argument("--boots", type=int, default=1)
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = ap.parse_args()
    tally = runtests.Tally()
    run_campaign(tally, args, args.seed, args.count, args.boots, args.jobs)
    if tally.failed:
        print("logs of failing boots are in %s/" % runtests.LOG_DIR)
    print("%d passed, %d failed" % (tally.passed, tally.failed))
    return 1 if tally.failed else 0


if __name__ == "__main__":
    sys.exit(main())
