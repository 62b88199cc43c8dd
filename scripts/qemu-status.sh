#!/bin/sh
# qemu-status.sh RC [BUGLOG] - explain how QEMU ended; exit with the
# guest's status.
#
# Lintel powers off through QEMU's isa-debug-exit device, which makes QEMU
# exit with (status << 1) | 1, cut to 8 bits: the host sees only the low
# 7 bits of the status, so 127 and 255 both arrive as 127. 0 means QEMU
# was quit by hand (or shut down). A kernel bug is told apart by its mark
# in BUGLOG, QEMU's debug console, which only the kernel can write
# (include/linux/reboot.h); the status says nothing about it.
rc=$1
buglog=$2
if [ -n "$buglog" ] && [ -s "$buglog" ]; then
	echo "qemu: Lintel stopped on a kernel bug (see the oops above)"
	exit 127
fi
if [ "$rc" -eq 0 ]; then
	exit 0
fi
if [ $((rc % 2)) -eq 1 ]; then
	status=$(((rc - 1) / 2))
	if [ "$status" -eq 0 ]; then
		echo "qemu: Lintel powered off with status 0"
	else
		echo "qemu: Lintel powered off with status $status" \
			"(or $((status + 128)): QEMU passes on 7 bits)"
	fi
	exit "$status"
fi
echo "qemu: exited with $rc"
exit "$rc"
