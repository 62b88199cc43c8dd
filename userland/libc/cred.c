/*
 * cred.c - user and group ids, through the 32-bit-id system calls
 * (getuid32 199 ... setgid32 214) that replaced Linux's 16-bit ones.
 */
#include <unistd.h>
#include <sys/syscall.h>

uid_t getuid(void)
{
	return syscall(__NR_getuid32);
}

uid_t geteuid(void)
{
	return syscall(__NR_geteuid32);
}

gid_t getgid(void)
{
	return syscall(__NR_getgid32);
}

gid_t getegid(void)
{
	return syscall(__NR_getegid32);
}

int setuid(uid_t uid)
{
	return syscall(__NR_setuid32, uid);
}

int setgid(gid_t gid)
{
	return syscall(__NR_setgid32, gid);
}

int setreuid(uid_t ruid, uid_t euid)
{
	return syscall(__NR_setreuid32, ruid, euid);
}

int setregid(gid_t rgid, gid_t egid)
{
	return syscall(__NR_setregid32, rgid, egid);
}

int setresuid(uid_t ruid, uid_t euid, uid_t suid)
{
	return syscall(__NR_setresuid32, ruid, euid, suid);
}

int getresuid(uid_t *ruid, uid_t *euid, uid_t *suid)
{
	return syscall(__NR_getresuid32, ruid, euid, suid);
}

int setresgid(gid_t rgid, gid_t egid, gid_t sgid)
{
	return syscall(__NR_setresgid32, rgid, egid, sgid);
}

int getresgid(gid_t *rgid, gid_t *egid, gid_t *sgid)
{
	return syscall(__NR_getresgid32, rgid, egid, sgid);
}

int getgroups(int size, gid_t list[])
{
	return syscall(__NR_getgroups32, size, list);
}

int setgroups(size_t size, const gid_t *list)
{
	return syscall(__NR_setgroups32, size, list);
}
