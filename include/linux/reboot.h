#ifndef _LINUX_REBOOT_H
#define _LINUX_REBOOT_H

#define LINUX_REBOOT_MAGIC1		0xfee1dead
#define LINUX_REBOOT_MAGIC2		672274793
#define LINUX_REBOOT_CMD_RESTART	0x01234567
#define LINUX_REBOOT_CMD_HALT		0xCDEF0123
#define LINUX_REBOOT_CMD_POWER_OFF	0x4321FEDC

/*
 * Exit statuses QEMU reports through isa-debug-exit, as (status << 1) | 1
 * cut to the 8 bits of a process exit code: only a status's low 7 bits
 * reach the host, so every code is also some program's exit status. A
 * kernel bug therefore also writes BUG_MARK to QEMU's debug console
 * (I/O port 0xE9, -debugcon), which no program can reach: user mode runs
 * with IOPL 0 and no I/O bitmap. The scripts read that, not the status.
 */
#define EXIT_STATUS_PANIC	0x7F
#define BUG_MARK		"Lintel: kernel bug\n"

void machine_power_off(int status) __attribute__((noreturn));

#endif
