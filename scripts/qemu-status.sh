#!/bin/sh
# qemu-status.sh RC - explain how QEMU ended and exit with the guest's status.
#
# Lintel powers off through QEMU's isa-debug-exit device, which makes QEMU
# exit with (status << 1) | 1; 0 means QEMU was quit by hand.
rc=$1
if [ "$rc" -eq 0 ]; then
	exit 0
fi
if [ $((rc % 2)) -eq 1 ]; then
	status=$(((rc - 1) / 2))
	if [ "$status" -eq 127 ]; then
		echo "qemu: Lintel stopped on a kernel bug (panic=exit)"
	else
		echo "qemu: Lintel powered off with status $status"
	fi
	exit "$status"
fi
echo "qemu: exited with $rc"
exit "$rc"
