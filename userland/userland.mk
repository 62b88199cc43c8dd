# userland.mk - build the Lintel C library, programs and guest tests.
#
# Included by the top Makefile (paths are relative to the repository root);
# also usable alone: make -f userland/userland.mk userland
#
# Every userland/bin/*.c becomes build/user/bin/<name>, and every
# userland/tests/*.c becomes build/user/tests/<name>: drop a file in and it
# is built. Programs are static ELF32 i386 files linked at 0x08048000 with
# no interpreter and no TLS, so the same binary runs on Lintel and Linux.

USER_CC ?= i686-linux-gnu-gcc
USER_AR ?= i686-linux-gnu-ar

USER_OUT := build/user
USER_CFLAGS := -m32 -march=i686 -static -nostdlib -ffreestanding \
	-fno-pie -no-pie -fno-pic -fno-stack-protector -fno-builtin \
	-fno-asynchronous-unwind-tables -O2 -g -Wall -Wextra \
	-Iuserland/libc/include -Iinclude/uapi -MMD -MP
USER_LDLIBS := -lgcc

USER_LIBC_SRCS := $(filter-out userland/libc/crt0.S, \
	$(wildcard userland/libc/*.c userland/libc/*.S))
USER_LIBC_OBJS := $(patsubst userland/libc/%,$(USER_OUT)/libc/%.o, \
	$(USER_LIBC_SRCS))
USER_CRT0 := $(USER_OUT)/libc/crt0.S.o
USER_LIBC := $(USER_OUT)/libc.a

USER_BINS := $(patsubst userland/bin/%.c,$(USER_OUT)/bin/%, \
	$(wildcard userland/bin/*.c))
USER_TEST_PROGS := $(patsubst userland/tests/%.c,$(USER_OUT)/tests/%, \
	$(wildcard userland/tests/*.c))
USER_TESTS := $(filter $(USER_OUT)/tests/test_%,$(USER_TEST_PROGS))
USER_HELPERS := $(filter $(USER_OUT)/tests/helper_%,$(USER_TEST_PROGS))

# The same test programs built with glibc, the way a student builds one
# (i686-linux-gnu-gcc -static, position-independent code and all): they
# must pass in Lintel and on Linux too. _FILE_OFFSET_BITS=64 gives glibc's
# struct stat the kernel's stat64 layout, which Lintel's libc always has;
# the -Wno- are for cases that test truncation and failed allocation
# on purpose. They go into make test's image, build/initramfs-full.cpio.
GLIBC_CC ?= i686-linux-gnu-gcc
GLIBC_OUT := $(USER_OUT)/glibc-tests
GLIBC_CFLAGS := -static -O2 -Wall -Wextra -D_GNU_SOURCE \
	-D_FILE_OFFSET_BITS=64 -Wno-format-truncation \
	-Wno-alloc-size-larger-than -Wno-stringop-truncation -MMD -MP
GLIBC_TEST_PROGS := $(patsubst userland/tests/%.c,$(GLIBC_OUT)/%, \
	$(wildcard userland/tests/test_*.c userland/tests/helper_*.c))

# Some of them built with musl as well (Debian's musl and musl-dev for
# i386, fetched by deps.sh into build/musl: a program's own crt1.o and
# libc.a, no wrapper): the ones that show what a musl program asks of the
# kernel at start-up and after (TLS, the aux vector, FPU, signals, fork,
# exec, threads, shm, file mappings and shm_open). The rest use what musl
# does not declare for i386 (the 32-bit time calls' numbers, glibc's
# struct stat names, MSG_COPY, strerrorname_np) or compare glibc's
# shmid_ds layout; the glibc build covers them. In make test's image,
# like the glibc build.
MUSL := $(B)/musl/usr
MUSL_LIB := $(MUSL)/lib/i386-linux-musl
MUSL_OUT := $(USER_OUT)/musl-tests
MUSL_CFLAGS := -static -O2 -Wall -Wextra -D_GNU_SOURCE -DLIBC_HAS_PTHREADS \
	-nostdinc -nostdlib \
	-fno-stack-protector -isystem $(MUSL)/include/i386-linux-musl \
	-isystem $(shell $(GLIBC_CC) -print-file-name=include) \
	-Wno-alloc-size-larger-than -MMD -MP
MUSL_TESTS := test_student test_tls test_auxv test_fpu test_fpu_x87 \
	test_signal test_sigreturn test_fork test_exec test_pipe test_poll \
	test_at test_threads test_thread_group test_shm_get test_shm_dt \
	test_shm_fork test_vdso test_filemap test_shm_open
MUSL_TEST_PROGS := $(patsubst %,$(MUSL_OUT)/%,$(MUSL_TESTS)) \
	$(patsubst userland/tests/%.c,$(MUSL_OUT)/%, \
	$(wildcard userland/tests/helper_*.c))

$(MUSL_LIB)/libc.a:
	$(Q)sh scripts/deps.sh musl

$(MUSL_OUT)/%: userland/tests/%.c $(MUSL_LIB)/libc.a
	@mkdir -p $(dir $@)
	$(GLIBC_CC) $(MUSL_CFLAGS) -o $@ $(MUSL_LIB)/crt1.o $(MUSL_LIB)/crti.o \
		$< $(MUSL_LIB)/libc.a $(shell $(GLIBC_CC) -print-libgcc-file-name) \
		$(MUSL_LIB)/crtn.o

# Dynamic programs (userland/dynamic), built the way a student builds
# one: plain i686-linux-gnu-gcc, so position-independent, with PT_INTERP
# /lib/ld-linux.so.2 and libc.so.6 (the image's /lib has both, from
# Debian's libc6-i386-cross). test_dynamic runs them from its own
# directory; two copies name an interpreter that is missing and one
# that may not be executed.
DYN_SRC := userland/dynamic/helper_dynamic.c
DYN_CFLAGS := -O2 -Wall -Wextra
DYN_DIRS := $(USER_OUT)/tests $(GLIBC_OUT)
DYN_PROGS := $(foreach d,$(DYN_DIRS),$(d)/helper_dynamic \
	$(d)/helper_nointerp $(d)/helper_badinterp)
DYN_LIBS := $(addprefix /usr/i686-linux-gnu/lib/,ld-linux.so.2 libc.so.6)

$(addsuffix /helper_dynamic,$(DYN_DIRS)): $(DYN_SRC)
	@mkdir -p $(dir $@)
	$(GLIBC_CC) $(DYN_CFLAGS) -o $@ $<

$(addsuffix /helper_nointerp,$(DYN_DIRS)): $(DYN_SRC)
	@mkdir -p $(dir $@)
	$(GLIBC_CC) $(DYN_CFLAGS) -Wl,--dynamic-linker=/lib/no-such-ld.so \
		-o $@ $<

$(addsuffix /helper_badinterp,$(DYN_DIRS)): $(DYN_SRC)
	@mkdir -p $(dir $@)
	$(GLIBC_CC) $(DYN_CFLAGS) -Wl,--dynamic-linker=/etc/issue -o $@ $<

.PHONY: userland
userland: $(USER_CRT0) $(USER_LIBC) $(USER_BINS) $(USER_TEST_PROGS) \
	$(GLIBC_TEST_PROGS) $(DYN_PROGS)

$(GLIBC_OUT)/%: userland/tests/%.c
	@mkdir -p $(dir $@)
	$(GLIBC_CC) $(GLIBC_CFLAGS) -o $@ $<

$(USER_OUT)/libc/%.o: userland/libc/%
	@mkdir -p $(dir $@)
	$(USER_CC) $(USER_CFLAGS) -c -o $@ $<

$(USER_LIBC): $(USER_LIBC_OBJS)
	@rm -f $@
	$(USER_AR) rcs $@ $^

# One step from source to program: crt0 first, then libc, then libgcc
# for the 64-bit division printf needs.
define USER_LINK
	@mkdir -p $(dir $@)
	$(USER_CC) $(USER_CFLAGS) -o $@ $(USER_CRT0) $< $(USER_LIBC) $(USER_LDLIBS)
endef

$(USER_OUT)/bin/%: userland/bin/%.c $(USER_CRT0) $(USER_LIBC)
	$(USER_LINK)

$(USER_OUT)/tests/%: userland/tests/%.c $(USER_CRT0) $(USER_LIBC)
	$(USER_LINK)

-include $(wildcard $(USER_OUT)/libc/*.d $(USER_OUT)/bin/*.d \
	$(USER_OUT)/tests/*.d $(GLIBC_OUT)/*.d $(MUSL_OUT)/*.d)
