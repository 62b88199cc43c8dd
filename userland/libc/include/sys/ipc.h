/*
 * sys/ipc.h - what all System V IPC shares: keys, flags, commands and the
 * permission block. struct ipc_perm is Linux's ipc64_perm, the layout the
 * kernel uses when the command carries IPC_64, as glibc does.
 */
#ifndef _SYS_IPC_H
#define _SYS_IPC_H

#include <sys/types.h>

#define IPC_PRIVATE	((key_t)0)

#define IPC_CREAT	01000	/* create the key if it is new */
#define IPC_EXCL	02000	/* ... and fail if it is not */
#define IPC_NOWAIT	04000

#define IPC_RMID	0
#define IPC_SET		1
#define IPC_STAT	2
#define IPC_INFO	3

/* Or-ed into a ctl command: "my structures are the 64-bit-id ones". */
#define IPC_64		0x0100

struct ipc_perm {
	key_t __key;
	uid_t uid;		/* owner */
	gid_t gid;
	uid_t cuid;		/* creator */
	gid_t cgid;
	unsigned short mode;	/* low 9 bits: rwxrwxrwx */
	unsigned short __pad1;
	unsigned short __seq;	/* slot reuse counter, part of the id */
	unsigned short __pad2;
	unsigned long __unused1;
	unsigned long __unused2;
};

key_t ftok(const char *path, int id);

#endif
