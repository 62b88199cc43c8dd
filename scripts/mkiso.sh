#!/bin/sh
# mkiso.sh TREE CMDLINE ISO - the bootable CD that `make run` boots.
#
# TREE holds boot/lintel.elf and boot/initramfs.cpio. GRUB's core goes in
# as an El Torito no-emulation image with boot/grub-early.cfg embedded
# (CMDLINE in place of @CMDLINE@): it loads multiboot.mod and what that
# needs from TREE/boot/grub/i386-pc, the kernel and the initramfs, and
# boots, without grub-mkrescue's normal mode, menu and grub.cfg. Only
# multiboot.mod and the modules it needs (GRUB's moddep.lst) go on the
# CD: GRUB reads the whole directory again for every module it loads,
# and with all of GRUB's modules there that cost about 30 ms.
set -e
tree=$1
cmdline=$2
iso=$3
grubdir=/usr/lib/grub/i386-pc
cfg=$iso.cfg

mkdir -p "$tree/boot/grub/i386-pc"
have=
set -- multiboot		# from here on, the modules still to copy
while [ $# -gt 0 ]; do
	mod=$1
	shift
	case " $have " in *" $mod "*) continue ;; esac
	have="$have $mod"
	cp "$grubdir/$mod.mod" "$tree/boot/grub/i386-pc/"
	set -- "$@" $(sed -n "s/^$mod://p" "$grubdir/moddep.lst")
done
# the rescue parser knows no comments: they stay out of the core
sed -e '/^#/d' -e "s|@CMDLINE@|$cmdline|" boot/grub-early.cfg > "$cfg"
# biosdisk and iso9660 are all the core needs to read the CD itself
grub-mkimage -O i386-pc-eltorito -p /boot/grub -c "$cfg" \
	-o "$tree/boot/grub/eltorito.img" biosdisk iso9660
rm -f "$cfg"
# -boot-load-size 4: the BIOS loads the image's first 2 KiB (cdboot.img),
# which reads the rest; -boot-info-table tells it where the image is
xorriso -as mkisofs -quiet -R -b boot/grub/eltorito.img -no-emul-boot \
	-boot-load-size 4 -boot-info-table -o "$iso" "$tree" 2>"$iso.log" ||
	{ cat "$iso.log"; exit 1; }
rm -f "$iso.log"
