#!/bin/sh
# mkinitramfs.sh ROOTDIR OUTPUT "EXTRA FILES" [GLIBC_TESTS [BUSYBOX
#	[MUSL_TESTS ["LIBS"]]]]
#
# Lays out the guest's file tree and packs it with GNU cpio (newc format):
#   /sbin/init        userland/bin/init
#   /bin/*            every other program, plus EXTRA files
#   /tests/*          guest test programs and their helpers
#   /etc/*            etc/ from the source tree
#   /glibc-tests/*    the same tests built with glibc (GLIBC_TESTS, a
#                     directory), for make test: ../bin is still /bin
#   /musl-tests/*     some of them built with musl (MUSL_TESTS, a directory)
#   /usr/bin/busybox  the BUSYBOX binary, with a symbolic link to it for
#                     each of its applets (busybox --list, run here), and
#                     /tests/busybox.sh, the script make test runs with it
#   /lib/*            LIBS: Debian's i386 ld-linux.so.2 and libc.so.6 (and
#                     libm.so.6 in the run image), for
#                     dynamically linked programs
#
# With RUN_IMAGE=1 (the image make run boots) there is no /tests and no
# benchmark, and every program is stripped with $STRIP: a smaller image
# is what GRUB reads through the BIOS and the kernel unpacks at boot.
set -e
root=$1
out=$2
extra=$3
glibc_tests=$4
busybox=$5
musl_tests=$6
libs=$7
u=build/user

rm -rf "$root"
mkdir -p "$root/sbin" "$root/bin" "$root/etc" "$root/tmp" "$root/dev" \
	"$root/proc"
[ -n "$RUN_IMAGE" ] || mkdir -p "$root/tests"
for f in "$u"/bin/*; do
	[ -f "$f" ] || continue
	case "$f" in *.d) continue ;; esac
	if [ "$(basename "$f")" = init ]; then
		cp "$f" "$root/sbin/init"
	else
		cp "$f" "$root/bin/"
	fi
done
if [ -z "$RUN_IMAGE" ]; then
	for f in "$u"/tests/*; do
		case "$f" in *.d) continue ;; esac
		[ -f "$f" ] && [ -x "$f" ] && cp "$f" "$root/tests/"
	done
	for f in "$u"/bench/*; do
		case "$f" in *.d) continue ;; esac
		[ -f "$f" ] && [ -x "$f" ] && cp "$f" "$root/bin/"
	done
fi
for f in $extra; do
	cp "$f" "$root/bin/"
done
if [ -n "$RUN_IMAGE" ]; then
	for f in "$root"/sbin/* "$root"/bin/*; do
		"$STRIP" "$f" 2>/dev/null || true	# a script stays as it is
	done
fi
cp etc/* "$root/etc/"
if [ -n "$libs" ]; then
	mkdir -p "$root/lib"
	cp $libs "$root/lib/"
fi
# copy_tests DIR WHERE: DIR's programs into the image, stripped (the
# image must fit below 64 MiB with the kernel's tables; the programs in
# DIR keep their symbols for GDB and for the runs on the host)
copy_tests() {
	[ -n "$1" ] || return 0
	mkdir -p "$root/$2"
	for f in "$1"/*; do
		case "$f" in *.d) continue ;; esac
		[ -f "$f" ] && [ -x "$f" ] || continue
		i686-linux-gnu-strip -o "$root/$2/$(basename "$f")" "$f"
	done
	return 0
}
copy_tests "$glibc_tests" glibc-tests
copy_tests "$musl_tests" musl-tests
if [ -n "$busybox" ]; then
	mkdir -p "$root/usr/bin"
	cp "$busybox" "$root/usr/bin/busybox"
	for applet in $("$busybox" --list); do
		[ "$applet" = busybox ] || ln -s busybox "$root/usr/bin/$applet"
	done
	[ -n "$RUN_IMAGE" ] || cp userland/tests/busybox.sh "$root/tests/"
fi
(cd "$root" && find . | LC_ALL=C sort | cpio -o -H newc -R 0:0 --quiet) > "$out"
