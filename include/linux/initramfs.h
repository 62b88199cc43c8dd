#ifndef _LINUX_INITRAMFS_H
#define _LINUX_INITRAMFS_H

#include <linux/cpio.h>

void initramfs_init(void);
int initramfs_lookup(const char *path, struct cpio_entry *e);
int initramfs_next(unsigned long *offset, struct cpio_entry *e);
extern unsigned long initramfs_files;

#endif
