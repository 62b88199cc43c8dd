#!/bin/sh
# mkinitramfs.sh ROOTDIR OUTPUT "EXTRA FILES"
#
# Lays out the guest's file tree and packs it with GNU cpio (newc format):
#   /sbin/init        userland/bin/init
#   /bin/*            every other program, plus EXTRA files
#   /tests/*          guest test programs and their helpers
#   /etc/*            etc/ from the source tree
set -e
root=$1
out=$2
extra=$3
u=build/user

rm -rf "$root"
mkdir -p "$root/sbin" "$root/bin" "$root/tests" "$root/etc" "$root/tmp" \
	"$root/dev" "$root/proc"
for f in "$u"/bin/*; do
	[ -f "$f" ] || continue
	case "$f" in *.d) continue ;; esac
	if [ "$(basename "$f")" = init ]; then
		cp "$f" "$root/sbin/init"
	else
		cp "$f" "$root/bin/"
	fi
done
for f in "$u"/tests/*; do
	case "$f" in *.d) continue ;; esac
	[ -f "$f" ] && [ -x "$f" ] && cp "$f" "$root/tests/"
done
for f in "$u"/bench/*; do
	case "$f" in *.d) continue ;; esac
	[ -f "$f" ] && [ -x "$f" ] && cp "$f" "$root/bin/"
done
for f in $extra; do
	cp "$f" "$root/bin/"
done
cp etc/* "$root/etc/"
(cd "$root" && find . | LC_ALL=C sort | cpio -o -H newc -R 0:0 --quiet) > "$out"
