#!/bin/sh
# deps.sh - make sure the tools Lintel builds and runs with are here.
#
# As root, installs what is missing with apt-get; otherwise names the
# Debian packages to install and fails.
#
# deps.sh busybox: also fetch Debian's busybox-static for i386 into
# build/busybox, for BUSYBOX=1 and make test; deps.sh musl: Debian's musl
# and musl-dev for i386 into build/musl, for make test's musl build of
# the guest tests (both through scripts/get-i386-debs.sh).
need=""
check() {	# check COMMAND PACKAGE
	command -v "$1" >/dev/null 2>&1 || need="$need $2"
}
check i686-linux-gnu-gcc gcc-i686-linux-gnu
check i686-linux-gnu-ld binutils-i686-linux-gnu
check nasm nasm
check qemu-system-i386 qemu-system-x86
check grub-mkimage grub-common	# scripts/mkiso.sh: GRUB's core and the ISO
check xorriso xorriso
check cpio cpio
check gdb gdb
check python3 python3
check dot graphviz		# make docs renders the diagrams in docs/ to SVG
[ -d /usr/lib/grub/i386-pc ] || need="$need grub-pc-bin"
# glibc for i386 (static): the host unit tests and the guest tests' glibc
# build link with it
[ -f /usr/i686-linux-gnu/lib/libc.a ] || need="$need libc6-dev-i386-cross"
check dpkg-deb dpkg		# get-i386-debs.sh unpacks the .debs
# SWAP=N formats its disk image with util-linux's mkswap, in /sbin
[ -x /sbin/mkswap ] || [ -x /usr/sbin/mkswap ] || need="$need util-linux"

fetch_debs() {
	case "$1" in
	busybox) exec sh scripts/get-i386-debs.sh build/busybox bin/busybox \
		busybox-static ;;
	musl) exec sh scripts/get-i386-debs.sh build/musl \
		usr/lib/i386-linux-musl/libc.a musl musl-dev ;;
	esac
	exit 0
}

[ -z "$need" ] && fetch_debs "$1"
if [ "$(id -u)" -ne 0 ]; then
	echo "Lintel needs these Debian packages:$need"
	echo "Install them with: sudo apt-get install$need"
	exit 1
fi
echo "Installing:$need"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq && apt-get install -y -qq --no-install-recommends $need &&
	fetch_debs "$1"
