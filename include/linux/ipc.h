#ifndef _LINUX_IPC_H
#define _LINUX_IPC_H

/*
 * SysV IPC: the sys_ipc multiplexer (117) and the direct shm calls
 * (395-398) that today's Linux has on i386 (ipc/util.c, ipc/shm.c).
 */
#include <linux/types.h>

long sys_ipc(unsigned int call, int first, unsigned long second,
	     unsigned long third, void *ptr, long fifth);
long sys_shmget(key_t key, size_t size, int shmflg);
long sys_shmat(int shmid, unsigned long shmaddr, int shmflg);
long sys_shmdt(unsigned long shmaddr);
long sys_shmctl(int shmid, int cmd, void *buf);
long sys_old_shmctl(int shmid, int cmd, void *buf);

#endif
