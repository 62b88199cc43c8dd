/*
 * sys/reboot.h - reboot (88) with Linux's magic numbers.
 *
 * Unlike glibc's one-argument reboot(), this is the raw system call, so
 * init can pass the fourth argument: Lintel uses it, with
 * LINUX_REBOOT_CMD_POWER_OFF, as the exit status QEMU reports.
 */
#ifndef _SYS_REBOOT_H
#define _SYS_REBOOT_H

#define LINUX_REBOOT_MAGIC1		0xfee1dead
#define LINUX_REBOOT_MAGIC2		672274793
#define LINUX_REBOOT_CMD_RESTART	0x01234567
#define LINUX_REBOOT_CMD_HALT		0xcdef0123
#define LINUX_REBOOT_CMD_POWER_OFF	0x4321fedc

int reboot(int magic, int magic2, int cmd, void *arg);

#endif
