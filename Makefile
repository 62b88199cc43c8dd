# Lintel - a teaching kernel in the style of Linux 1.2.13.
#
# `make help` lists every target and knob. The two commands a newcomer
# needs are `make run` and `make test`; both install missing tools first
# (scripts/deps.sh).

# ---- knobs -----------------------------------------------------------------
MEM ?= 128			# guest RAM in MiB
CMDLINE ?=			# kernel command line (init=, test=, trace=, quiet)
QEMUEXTRA ?=			# more QEMU flags
EXTRA ?=			# your own static i386 programs, copied into /bin
INIT ?=				# a program to run as init; QEMU exits with its status
BUSYBOX ?= 0			# BUSYBOX=1: Debian's busybox-static in /usr/bin
SWAP ?=				# SWAP=N: an N MiB swap area as the first IDE disk
ONLY ?=				# make bench ONLY="fork anon": those rows alone
RUNS ?=				# make bench RUNS=N: N boots per kernel (3)
V ?= 0				# V=1 shows every command
DEBUG ?= 0			# DEBUG=1: kernel at -Og, locals visible in GDB

CROSS ?= i686-linux-gnu-
CC := $(CROSS)gcc
LD := $(CROSS)ld
NM := $(CROSS)nm
OBJDUMP := $(CROSS)objdump
NASM := nasm
QEMU := qemu-system-i386
GDB := gdb
GDBPORT := $(shell expr `id -u` % 5000 + 25000)

B := build
MEM := $(strip $(MEM))
# override: a CMDLINE given on make's command line would otherwise win
# over these lines, and INIT= would be dropped from it without a word.
override CMDLINE := $(strip $(CMDLINE))
INIT := $(strip $(INIT))
ifneq ($(INIT),)
override CMDLINE += init=$(if $(filter /%,$(INIT)),$(INIT),/bin/$(notdir $(INIT)))
endif

ifeq ($(V),1)
Q :=
else
Q := @
endif

# ---- the kernel ------------------------------------------------------------
# DEBUG=1 trades speed for a kernel GDB can read: -Og keeps locals and
# arguments on the fault and shm paths (at -O2 they are <optimized out>).
ifeq ($(strip $(DEBUG)),1)
KOPT := -Og
else
KOPT := -O2
endif
KCFLAGS := -m32 -march=i486 -std=gnu11 -ffreestanding -fno-pic -fno-pie \
	-fno-stack-protector -fno-omit-frame-pointer -mgeneral-regs-only \
	-fno-asynchronous-unwind-tables -nostdlib $(KOPT) -g \
	-Wall -Wextra -Wmissing-prototypes -Wno-unused-parameter \
	-Werror=missing-prototypes -Iinclude -MMD -MP
KLDFLAGS := -m elf_i386 -T boot/lintel.ld -z noexecstack \
	--no-warn-rwx-segments
LIBGCC := $(shell $(CC) -m32 -print-libgcc-file-name 2>/dev/null)

KSRCS := $(filter-out kernel/asm-offsets.c, \
	$(wildcard boot/*.asm kernel/*.asm kernel/*.c mm/*.c ipc/*.c fs/proc/*.c \
	fs/*.c drivers/*/*.c lib/*.c selftest/*.c))
KOBJS := $(patsubst %,$(B)/k/%.o,$(KSRCS)) $(B)/k/vdso/images.asm.o

KERNEL := $(B)/lintel.elf
INITRAMFS := $(B)/initramfs.cpio
ISO := $(B)/lintel.iso

.DEFAULT_GOAL := all
.PHONY: all kernel
all: $(KERNEL) $(INITRAMFS) $(ISO) compile_commands.json
kernel: $(KERNEL)

# The flags the objects were built with: a change (DEBUG=1 and back)
# rebuilds the kernel instead of linking objects of both kinds.
KFLAGS_STAMP := $(B)/k/flags
$(KFLAGS_STAMP): FORCE
	@mkdir -p $(dir $@)
	@echo '$(KCFLAGS)' | cmp -s - $@ || echo '$(KCFLAGS)' > $@

.PHONY: FORCE
FORCE:

$(B)/k/%.c.o: %.c $(KFLAGS_STAMP)
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(KCFLAGS) -c -o $@ $<

$(B)/k/%.asm.o: %.asm boot/layout.inc $(B)/asm-offsets.inc
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  NASM    $<")
	$(Q)$(NASM) -f elf32 -g -F dwarf -Iboot/ -I$(B)/ -o $@ $<

# The structure offsets entry.asm uses, from the compiler
# (kernel/asm-offsets.c): "->NAME value" lines become "NAME equ value".
$(B)/asm-offsets.inc: kernel/asm-offsets.c $(KFLAGS_STAMP)
	@mkdir -p $(dir $@)
	$(Q)$(CC) $(KCFLAGS) -MF $(B)/asm-offsets.d -MT $@ -S -o - $< | \
		sed -n 's/^->\([A-Z_0-9]*\) \([0-9-]*\).*/\1 equ \2/p' > $@.tmp
	$(Q)mv $@.tmp $@
-include $(B)/asm-offsets.d

# ---- the vDSO ----------------------------------------------------------------
# Two images of one page each, linked at VDSO_BASE (vdso/vdso.lds.S):
# __kernel_vsyscall by sysenter or by int 0x80. The .dbg files keep the
# symbols for GDB (docs/gdb.md); the kernel holds the stripped ones.
VDSO_CFLAGS := -m32 -march=i486 -std=gnu11 -ffreestanding -fno-pic -fno-pie \
	-fno-jump-tables -fno-stack-protector -fno-asynchronous-unwind-tables \
	-mgeneral-regs-only -nostdlib -O2 -g -Wall -Wextra \
	-Wmissing-prototypes -Werror=missing-prototypes -Iinclude/uapi -Iinclude
VDSO_LDFLAGS := -m elf_i386 -shared -soname linux-gate.so.1 \
	--hash-style=both -z max-page-size=4096 -z noexecstack --build-id=none
VDSO_IMAGES := $(B)/vdso/vdso-int80.so $(B)/vdso/vdso-sysenter.so
.SECONDARY: $(VDSO_IMAGES:.so=.dbg) $(B)/vdso/vsyscall-int80.o \
	$(B)/vdso/vsyscall-sysenter.o

$(B)/vdso/vdso.lds: vdso/vdso.lds.S include/asm/vdso.h
	@mkdir -p $(dir $@)
	$(Q)$(CC) -E -P -x c -Iinclude -D__ASSEMBLER__ -o $@ $<

$(B)/vdso/vclock.o: vdso/vclock.c include/asm/vdso.h
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(VDSO_CFLAGS) -c -o $@ $<

$(B)/vdso/vsyscall-%.o: vdso/vsyscall.asm
	@mkdir -p $(dir $@)
	$(Q)$(NASM) -f elf32 -g -F dwarf -D$(if $(filter sysenter,$*),SYSENTER,INT80) -o $@ $<

$(B)/vdso/vdso-%.dbg: $(B)/vdso/vclock.o $(B)/vdso/vsyscall-%.o $(B)/vdso/vdso.lds
	@echo "  VDSO    $@"
	$(Q)$(LD) $(VDSO_LDFLAGS) -T $(B)/vdso/vdso.lds -o $@ \
		$(B)/vdso/vclock.o $(B)/vdso/vsyscall-$*.o
	$(Q)! $(OBJDUMP) -R $@ 2>/dev/null | grep -q R_386 || \
		{ echo "$@: the vDSO must have no relocations"; exit 1; }

$(B)/vdso/vdso-%.so: $(B)/vdso/vdso-%.dbg
	$(Q)$(CROSS)objcopy -S $< $@

$(B)/k/vdso/images.asm.o: vdso/images.asm $(VDSO_IMAGES)
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  NASM    $<")
	$(Q)$(NASM) -f elf32 -I$(B)/vdso/ -o $@ $<

# Two links: the first finds where every function landed, the second adds
# that table (section .ksyms, after all code) so an oops can name them.
$(KERNEL): $(KOBJS) boot/lintel.ld scripts/mksyms.py
	@echo "  LD      $@"
	$(Q)python3 scripts/mksyms.py --empty > $(B)/ksyms0.S
	$(Q)$(CC) -m32 -c -o $(B)/ksyms0.o $(B)/ksyms0.S
	$(Q)$(LD) $(KLDFLAGS) -o $(B)/lintel.tmp $(KOBJS) $(B)/ksyms0.o $(LIBGCC)
	$(Q)$(NM) -n $(B)/lintel.tmp | python3 scripts/mksyms.py > $(B)/ksyms.S
	$(Q)$(CC) -m32 -c -o $(B)/ksyms.o $(B)/ksyms.S
	$(Q)$(LD) $(KLDFLAGS) -o $@ $(KOBJS) $(B)/ksyms.o $(LIBGCC)
	$(Q)$(NM) -n $@ > $(B)/lintel.sym
	$(Q)$(OBJDUMP) -S $@ > $(B)/lintel.asm

# ---- userland and the initramfs --------------------------------------------
include userland/userland.mk
-include userland/bench/bench.mk

ROOTFS := $(B)/rootfs
ROOTFS_FILES := $(USER_BINS) $(USER_TEST_PROGS) $(BENCH_PROGS) \
	$(wildcard $(EXTRA)) scripts/mkinitramfs.sh $(wildcard etc/*)

# Debian's busybox-static (i386), fetched by deps.sh into build/busybox
# (never committed): in the image with BUSYBOX=1, and always in the one
# make test uses, which also holds the tests built with glibc.
BUSYBOX_BIN := $(B)/busybox/bin/busybox
IMAGE_BUSYBOX := $(if $(filter 1,$(BUSYBOX)),$(BUSYBOX_BIN))
FULL_INITRAMFS := $(B)/initramfs-full.cpio

$(BUSYBOX_BIN):
	$(Q)sh scripts/deps.sh busybox

$(INITRAMFS): $(ROOTFS_FILES) $(IMAGE_BUSYBOX) $(DYN_LIBS) userland
	@echo "  CPIO    $@"
	$(Q)sh scripts/mkinitramfs.sh $(ROOTFS) $@ "$(EXTRA)" "" \
		"$(IMAGE_BUSYBOX)" "" "$(DYN_LIBS)"

$(FULL_INITRAMFS): $(ROOTFS_FILES) $(GLIBC_TEST_PROGS) $(MUSL_TEST_PROGS) \
		$(BUSYBOX_BIN) $(DYN_LIBS) userland
	@echo "  CPIO    $@"
	$(Q)sh scripts/mkinitramfs.sh $(B)/rootfs-full $@ "$(EXTRA)" \
		$(GLIBC_OUT) $(BUSYBOX_BIN) $(MUSL_OUT) "$(DYN_LIBS)"

# The image make run boots from the ISO: init, the shell and the tools,
# stripped, EXTRA= and /lib for dynamic programs, without the test
# programs or the benchmark, which the image above keeps for make test,
# make bench and -kernel runs. GDB reads the programs' symbols from the
# unstripped files in build/user.
# Its /lib also has libm.so.6, which a student's `gcc prog.c -lm` needs
# (the tests' image does without: its 16 MiB swap guests have no room).
RUN_INITRAMFS := $(B)/initramfs-run.cpio
RUN_LIBS := $(DYN_LIBS) /usr/i686-linux-gnu/lib/libm.so.6
$(RUN_INITRAMFS): $(USER_BINS) $(wildcard $(EXTRA)) scripts/mkinitramfs.sh \
		$(wildcard etc/*) $(IMAGE_BUSYBOX) $(RUN_LIBS) userland
	@echo "  CPIO    $@"
	$(Q)RUN_IMAGE=1 STRIP=$(CROSS)strip sh scripts/mkinitramfs.sh \
		$(B)/rootfs-run $@ "$(EXTRA)" "" "$(IMAGE_BUSYBOX)" "" \
		"$(RUN_LIBS)"

$(ISO): $(KERNEL) $(RUN_INITRAMFS) boot/grub-early.cfg scripts/mkiso.sh
	@echo "  ISO     $@"
	$(Q)rm -rf $(B)/iso && mkdir -p $(B)/iso/boot
	$(Q)$(CROSS)objcopy --strip-debug $(KERNEL) $(B)/iso/boot/lintel.elf
	$(Q)cp $(RUN_INITRAMFS) $(B)/iso/boot/initramfs.cpio
	$(Q)sh scripts/mkiso.sh $(B)/iso "$(CMDLINE)" $@

# ---- the swap disk ---------------------------------------------------------
# SWAP=N: build/swap-N.img, N MiB formatted by util-linux's mkswap, is
# QEMU's first IDE disk (Lintel's /dev/hda) on every target that boots.
# It is made once and kept; without SWAP= there is no disk. make test
# uses its own (TEST_SWAP_IMG), opened copy-on-write.
SWAP := $(strip $(SWAP))
MKSWAP := $(firstword $(wildcard /sbin/mkswap /usr/sbin/mkswap) mkswap)
SWAP_IMG := $(if $(SWAP),$(B)/swap-$(SWAP).img)
TEST_SWAP_IMG := $(B)/swap-$(or $(SWAP),64).img
SWAP_DRIVE :=
ifneq ($(SWAP_IMG),)
SWAP_DRIVE := -drive file=$(SWAP_IMG),format=raw,if=ide,index=0
endif

$(B)/swap-%.img:
	@echo "  MKSWAP  $@"
	@mkdir -p $(dir $@)
	$(Q)rm -f $@.tmp && dd if=/dev/zero of=$@.tmp bs=1M count=$* \
		status=none && chmod 600 $@.tmp && \
		$(MKSWAP) $@.tmp >/dev/null && mv $@.tmp $@

# ---- running it ------------------------------------------------------------
# A kernel bug writes a mark to QEMU's debug console (BUGLOG), which
# qemu-status.sh reads: QEMU's exit status alone cannot tell a kernel bug
# from a program's status (include/linux/reboot.h).
BUGLOG := $(B)/kernel-bug.log
QEMUFLAGS := -m $(MEM) -no-reboot -nic none \
	-device isa-debug-exit,iobase=0xf4,iosize=0x04 \
	-debugcon file:$(BUGLOG) $(SWAP_DRIVE) $(QEMUEXTRA)
# A window when there is a display; otherwise the serial port is the
# terminal. The exit statuses of isa-debug-exit are (status << 1) | 1.
DISPLAY_FLAGS := $(if $(DISPLAY),-serial mon:stdio,-nographic)
# make qemu-nox has no display at all, so no VGA card either, and none
# of QEMU's default devices (the empty CD drive, the floppy, the parallel
# port): the BIOS does not set up or probe them (about 15 ms). The
# serial port is named again, with QEMU's monitor on it (Ctrl-a c). make
# run keeps a VGA card even without a display: GRUB's multiboot loader
# sets text mode and complains when there is none.
NOX_FLAGS := -nodefaults -nographic -serial mon:stdio
# make run's CD drive, the first to boot, on an AHCI controller: SeaBIOS
# reads it by DMA for GRUB, where on the IDE channel of -cdrom every two
# bytes are a port read (4 MB of initramfs: about 100 ms against 340).
ISO_DRIVE := -device ahci,id=ahci \
	-drive id=cd,if=none,media=cdrom,format=raw,file=$(ISO) \
	-device ide-cd,drive=cd,bus=ahci.0,bootindex=0
QEMU_KERNEL := $(QEMU) -kernel $(KERNEL) -initrd $(INITRAMFS) \
	-append "$(CMDLINE)" $(QEMUFLAGS)

.PHONY: deps run qemu qemu-nox debug gdb
deps:
	$(Q)sh scripts/deps.sh

run: deps
	$(Q)$(MAKE) --no-print-directory all $(SWAP_IMG)
	$(QEMU) $(ISO_DRIVE) $(QEMUFLAGS) $(DISPLAY_FLAGS); \
		sh scripts/qemu-status.sh $$? $(BUGLOG)

qemu: deps $(KERNEL) $(INITRAMFS) $(SWAP_IMG)
	$(QEMU_KERNEL) $(DISPLAY_FLAGS); sh scripts/qemu-status.sh $$? $(BUGLOG)

qemu-nox: deps $(KERNEL) $(INITRAMFS) $(SWAP_IMG)
	$(QEMU_KERNEL) $(NOX_FLAGS); sh scripts/qemu-status.sh $$? $(BUGLOG)

debug: deps $(KERNEL) $(INITRAMFS) $(SWAP_IMG)
	@echo "*** QEMU is stopped before the first instruction, gdbstub on"
	@echo "*** localhost:$(GDBPORT). In another terminal: make gdb"
	$(QEMU_KERNEL) -nographic -S -gdb tcp::$(GDBPORT); \
		sh scripts/qemu-status.sh $$?

gdb: $(KERNEL)
	$(Q)python3 -c 'import socket, sys; \
		sys.exit(socket.socket().connect_ex(("127.0.0.1", $(GDBPORT))))' \
		|| { echo "*** nothing listens on localhost:$(GDBPORT):" \
			"start make debug in another terminal first"; exit 1; }
	$(GDB) -q -x scripts/gdb/lintel.gdb \
		-ex "target remote localhost:$(GDBPORT)" $(KERNEL)

.PHONY: print-gdbport
print-gdbport:
	@echo $(GDBPORT)

# ---- tests -----------------------------------------------------------------
HOST_TESTS := $(patsubst tests/%.c,$(B)/host/%,$(wildcard tests/test_*.c))
HOST_CFLAGS := -static -O1 -g -Wall -Wextra -DHOST_TEST -Iinclude \
	-Iuserland/tests -MMD -MP

$(B)/host/%: tests/%.c
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  HOSTCC  $<")
	$(Q)$(CC) $(HOST_CFLAGS) -o $@ $<

.PHONY: test check host-tests check-prototypes
test: deps
	$(Q)$(MAKE) --no-print-directory all $(HOST_TESTS) $(FULL_INITRAMFS) \
		$(TEST_SWAP_IMG)
	$(Q)python3 scripts/runtests.py --kernel $(KERNEL) --initrd $(INITRAMFS) \
		--full-initrd $(FULL_INITRAMFS) --busybox $(BUSYBOX_BIN) \
		--iso-boot "$(ISO_DRIVE)" --iso $(ISO) \
		--swap-img $(TEST_SWAP_IMG) $(HOST_TESTS)
# make check: what a reviewer would otherwise say by hand. The style
# rules (scripts/checkstyle.py, STYLE.md), every kernel file compiled
# with no warning at all (-Wmissing-prototypes included), and the
# numbers the kernel and libc share (scripts/check-abi.py).
check: deps check-prototypes
	$(Q)python3 scripts/checkstyle.py
	$(Q)python3 scripts/check-abi.py

check-prototypes:
	@echo "  CHECK   every kernel .c: no warning, a prototype for every global"
	$(Q)for f in $(filter %.c,$(KSRCS)); do \
		$(CC) $(KCFLAGS) -Werror -fsyntax-only -MF /dev/null $$f || \
			exit 1; \
	done

host-tests: $(HOST_TESTS) userland
	$(Q)python3 scripts/runtests.py --only host $(HOST_TESTS)

# ---- labs (scripts/lab.py; docs/labs/) --------------------------------------
# make lab LAB=shm DIR=~/shm-lab writes a student's copy of the tree with
# the lab's functions stubbed out; make grade LAB=shm, in either tree,
# runs the lab's checks and prints Score: N/M.
.PHONY: lab grade
lab:
	$(Q)python3 scripts/lab.py make "$(LAB)" "$(DIR)"

grade: deps $(KERNEL) $(INITRAMFS) $(HOST_TESTS)
	$(Q)python3 scripts/lab.py grade "$(LAB)"

# ---- the fuzzer (userland/tests/fuzz.c, scripts/fuzz.py) --------------------
# N calls in all, over BOOTS boots with seeds SEED, SEED+1, ...; two at a
# time. Fails on an oops, a panic, a hang or anything the kernel keeps.
N ?= 100000
SEED ?= 1
BOOTS ?= 1
.PHONY: fuzz
fuzz: deps $(KERNEL) $(INITRAMFS)
	$(Q)python3 scripts/fuzz.py --kernel $(KERNEL) --initrd $(INITRAMFS) \
		--count $(N) --seed $(SEED) --boots $(BOOTS)

# ---- benchmarks (scripts/bench.py; docs/bench.md) -------------------------
.PHONY: bench bench-linux
bench: deps $(KERNEL) $(INITRAMFS) $(BENCH_PROGS) $(SWAP_IMG) $(ISO)
	python3 scripts/bench.py --lintel-kernel $(KERNEL) \
		--lintel-initrd $(INITRAMFS) --init /bin/bench \
		--run-initrd $(RUN_INITRAMFS) --iso-boot "$(ISO_DRIVE)" \
		--nox-flags "$(NOX_FLAGS)" \
		$(if $(filter linux,$(COMPARE)),--linux) \
		$(if $(SWAP_IMG),--disk $(SWAP_IMG)) \
		$(if $(CMDLINE),--lintel-append "$(CMDLINE)") \
		$(if $(ONLY),--only $(ONLY)) $(if $(RUNS),--runs $(RUNS))

bench-linux: deps $(KERNEL) $(INITRAMFS) $(BENCH_PROGS) $(SWAP_IMG) $(ISO)
	python3 scripts/bench.py --lintel-kernel $(KERNEL) \
		--lintel-initrd $(INITRAMFS) --init /bin/bench --linux \
		--run-initrd $(RUN_INITRAMFS) --iso-boot "$(ISO_DRIVE)" \
		--nox-flags "$(NOX_FLAGS)" \
		$(if $(SWAP_IMG),--disk $(SWAP_IMG)) \
		$(if $(ONLY),--only $(ONLY)) $(if $(RUNS),--runs $(RUNS))

# ---- docs ------------------------------------------------------------------
# Every GDB transcript and trace excerpt in docs/ is produced by running it
# (gdb-test.py, mkdocs.py), and the diagrams are rendered to SVG; make test
# fails when a fresh run would change docs/. After changing code that the
# docs trace, run make docs and commit docs/. check-docs.py checks that
# every name the docs cite exists.
.PHONY: docs
DEBUG_KERNEL := $(B)/debug/lintel.elf
docs: deps $(KERNEL) $(INITRAMFS) $(TEST_SWAP_IMG)
	$(Q)$(MAKE) --no-print-directory B=$(B)/debug DEBUG=1 $(DEBUG_KERNEL)
	$(Q)python3 scripts/gdb-test.py --kernel $(KERNEL) --initrd $(INITRAMFS) \
		--debug-kernel $(DEBUG_KERNEL) --swap-img $(TEST_SWAP_IMG) --docs docs
	$(Q)python3 scripts/mkdocs.py --docs docs --swap-img $(TEST_SWAP_IMG)
	$(Q)python3 scripts/mksyscalls.py
	$(Q)python3 scripts/check-docs.py

# ---- tools for readers -----------------------------------------------------
# compile_commands.json lets clangd follow every kernel and userland file.
compile_commands.json: Makefile scripts/compdb.py
	$(Q)python3 scripts/compdb.py "$(CC) $(KCFLAGS)" "$(KSRCS)" \
		"$(USER_CC) $(USER_CFLAGS)" "$(wildcard userland/*/*.c)" > $@

.PHONY: tags
tags:
	ctags -R boot kernel mm ipc fs drivers include lib selftest 2>/dev/null || \
		echo "install universal-ctags for make tags"

.PHONY: clean help
clean:
	rm -rf $(B) compile_commands.json

help:
	@echo "Targets:"
	@echo "  make             kernel ELF with symbols, initramfs, GRUB ISO"
	@echo "  make run         boot the GRUB ISO in QEMU (a window if there is a"
	@echo "                   display, else serial on this terminal; Ctrl-a x quits)"
	@echo "  make qemu-nox    boot with QEMU's own loader (-kernel), serial only"
	@echo "  make qemu        the same with a window when there is a display"
	@echo "  make debug       QEMU stopped before the first instruction, gdbstub"
	@echo "                   on localhost:$(GDBPORT) (per-user port)"
	@echo "  make gdb         GDB with the kernel's symbols and Lintel's helpers,"
	@echo "                   attached to make debug"
	@echo "  make test        every test: host unit tests, kernel self-tests, boot"
	@echo "                   tests, guest tests in Lintel and on this Linux host"
	@echo "  make fuzz        random hostile system calls in Lintel: N=100000 calls"
	@echo "                   over BOOTS=1 boots from SEED=1; fails on an oops, a"
	@echo "                   hang, or a frame, object or segment not given back"
	@echo "  make check       style, prototypes and ABI checks (no QEMU)"
	@echo "  make bench       benchmarks in Lintel; make bench-linux: against Linux"
	@echo "                   (ONLY='fork anon': those groups; RUNS=N boots each)"
	@echo "  make lab LAB=shm DIR=path   a student's copy with the lab's stubs"
	@echo "  make grade LAB=shm  run a lab's checks: Score: N/M (docs/labs/)"
	@echo "  make docs        rerun every transcript, trace and diagram in docs/"
	@echo "  make clean       remove build/"
	@echo "  make tags        ctags for the kernel sources"
	@echo "  make deps        install missing tools (apt-get, as root)"
	@echo "  compile_commands.json is written by every make, for clangd"
	@echo "Knobs (on every QEMU target):"
	@echo "  MEM=128          guest RAM in MiB"
	@echo "  CMDLINE='...'    kernel command line: init=PATH test=NAME,..."
	@echo "                   trace=fault,shm,cow,sched,syscall,fpu quiet panic=exit"
	@echo "  QEMUEXTRA='...'  more QEMU flags"
	@echo "  EXTRA='a b'      your own static i386 programs, put into /bin"
	@echo "  INIT=prog        run /bin/prog as init; QEMU exits with its status"
	@echo "  BUSYBOX=1        Debian's busybox-static in /usr/bin, a link per"
	@echo "                   applet (fetched once into build/busybox/)"
	@echo "  SWAP=64          a 64 MiB swap area (mkswap) as the first IDE disk,"
	@echo "                   /dev/hda (build/swap-64.img); make test: its size"
	@echo "  V=1              show every command"
	@echo "  DEBUG=1          kernel built with -Og for GDB (make debug DEBUG=1)"

-include $(KOBJS:.o=.d) $(HOST_TESTS:=.d)
