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

.PHONY: userland
userland: $(USER_CRT0) $(USER_LIBC) $(USER_BINS) $(USER_TEST_PROGS) \
	$(GLIBC_TEST_PROGS)

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
	$(USER_OUT)/tests/*.d $(GLIBC_OUT)/*.d)
