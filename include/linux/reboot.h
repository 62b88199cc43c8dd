#ifndef _LINUX_REBOOT_H
#define _LINUX_REBOOT_H

#define LINUX_REBOOT_MAGIC1		0xfee1dead
#define LINUX_REBOOT_MAGIC2		672274793
#define LINUX_REBOOT_CMD_RESTART	0x01234567
#define LINUX_REBOOT_CMD_HALT		0xCDEF0123
#define LINUX_REBOOT_CMD_POWER_OFF	0x4321FEDC

/*
 * Exit statuses QEMU reports through isa-debug-exit, as (status << 1) | 1.
 * A user program's status (0-255) passes through unchanged; a kernel bug
 * under test uses one no program returns through init.
 */
#define EXIT_STATUS_PANIC	0x7F

void machine_power_off(int status) __attribute__((noreturn));

#endif
