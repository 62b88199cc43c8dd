# bench.mk - build the benchmark program, build/user/bench/bench.
#
# Included by the top Makefile after userland/userland.mk, whose compiler,
# flags, crt0 and libc it uses: the benchmark is an ordinary static
# program of our libc, so it enters the kernel only through int 0x80 and
# the same file runs on Lintel and on Linux. scripts/bench.py boots it in
# both (see docs/bench.md); the initramfs carries it as /bin/bench.

BENCH_PROGS := $(USER_OUT)/bench/bench

$(USER_OUT)/bench/%: userland/bench/%.c $(USER_CRT0) $(USER_LIBC)
	$(USER_LINK)

-include $(wildcard $(USER_OUT)/bench/*.d)
