#ifndef _LINUX_IPC_H
#define _LINUX_IPC_H

/*
 * SysV IPC: the sys_ipc multiplexer (117) and the direct calls today's
 * Linux has on i386: semget 393, semctl 394, shm 395-398, msg 399-402,
 * semtimedop_time64 420 (ipc/util.c, shm.c, sem.c, semctl.c, msg.c,
 * msgctl.c). i386 has no direct semop or 32-bit semtimedop: those go
 * through ipc().
 */
#include <linux/types.h>

long sys_ipc(unsigned int call, int first, unsigned long second,
	     unsigned long third, void *ptr, long fifth);
long sys_shmget(key_t key, size_t size, int shmflg);
long sys_shmat(int shmid, unsigned long shmaddr, int shmflg);
long sys_shmdt(unsigned long shmaddr);
long sys_shmctl(int shmid, int cmd, void *buf);
long sys_old_shmctl(int shmid, int cmd, void *buf);

struct sembuf;
long sys_semget(key_t key, int nsems, int semflg);
long sys_semop(int semid, struct sembuf *tsops, unsigned int nsops);
long sys_semtimedop(int semid, struct sembuf *tsops, unsigned int nsops,
		    const void *timeout);
long sys_semtimedop_time64(int semid, struct sembuf *tsops,
			   unsigned int nsops, const void *timeout);
long sys_semctl(int semid, int semnum, int cmd, unsigned long arg);
long sys_old_semctl(int semid, int semnum, int cmd, void *ptr);

long sys_msgget(key_t key, int msgflg);
long sys_msgsnd(int msqid, void *msgp, size_t msgsz, int msgflg);
long sys_msgrcv(int msqid, void *msgp, size_t msgsz, long msgtyp,
		int msgflg);
long sys_msgctl(int msqid, int cmd, void *buf);
long sys_old_msgctl(int msqid, int cmd, void *buf);

#endif
