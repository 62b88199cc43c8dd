/*
 * sys.c - the small system calls: ids, credentials, limits, uname,
 * sysinfo and reboot. Each follows Linux's rules for what is allowed and
 * which errno comes back.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/syscalls.h>
#include <linux/mm.h>
#include <linux/swap.h>
#include <linux/interrupt.h>
#include <linux/reboot.h>

/* getpid (20): current's thread group id (its own pid unless a thread). */
long sys_getpid(void)
{
	return current->tgid;
}

/* getppid (64): the parent's pid (init's once the parent is gone). */
long sys_getppid(void)
{
	return current->p_pptr ? current->p_pptr->tgid : 0;
}

/* getuid (24, 199): the real user id. */
long sys_getuid(void)
{
	return current->uid;
}

/* geteuid (49, 201): the effective user id, the one checks use. */
long sys_geteuid(void)
{
	return current->euid;
}

/* getgid (47, 200): the real group id. */
long sys_getgid(void)
{
	return current->gid;
}

/* getegid (50, 202): the effective group id. */
long sys_getegid(void)
{
	return current->egid;
}

/* Does current act as root? Lintel has no capabilities: euid 0 is all. */
static int is_root(void)
{
	return current->euid == 0;
}

/* setuid: root sets all three ids; others may only pick uid or suid. */
long sys_setuid(uid_t uid)
{
	if (is_root()) {
		current->uid = current->euid = current->suid = uid;
		return 0;
	}
	if (uid != current->uid && uid != current->suid)
		return -EPERM;
	current->euid = uid;
	return 0;
}

/* setgid: as setuid, for the group ids. */
long sys_setgid(gid_t gid)
{
	if (is_root()) {
		current->gid = current->egid = current->sgid = gid;
		return 0;
	}
	if (gid != current->gid && gid != current->sgid)
		return -EPERM;
	current->egid = gid;
	return 0;
}

/* Is id one of the three a non-root task may switch to? (-1: unchanged) */
static int allowed_id(unsigned int id, unsigned int a, unsigned int b,
		      unsigned int c)
{
	return id == (unsigned int)-1 || id == a || id == b || id == c;
}

/*
 * setresuid (164): set the real, effective and saved uid; -1 leaves one
 * as it is. Root may set anything; others only ids they already hold.
 * All or nothing: -EPERM changes none.
 */
long sys_setresuid(uid_t r, uid_t e, uid_t s)
{
	struct task_struct *t = current;

	if (!is_root() && !(allowed_id(r, t->uid, t->euid, t->suid) &&
			    allowed_id(e, t->uid, t->euid, t->suid) &&
			    allowed_id(s, t->uid, t->euid, t->suid)))
		return -EPERM;
	if (r != (uid_t)-1)
		t->uid = r;
	if (e != (uid_t)-1)
		t->euid = e;
	if (s != (uid_t)-1)
		t->suid = s;
	return 0;
}

/* setresgid (170): as setresuid, for the group ids. */
long sys_setresgid(gid_t r, gid_t e, gid_t s)
{
	struct task_struct *t = current;

	if (!is_root() && !(allowed_id(r, t->gid, t->egid, t->sgid) &&
			    allowed_id(e, t->gid, t->egid, t->sgid) &&
			    allowed_id(s, t->gid, t->egid, t->sgid)))
		return -EPERM;
	if (r != (gid_t)-1)
		t->gid = r;
	if (e != (gid_t)-1)
		t->egid = e;
	if (s != (gid_t)-1)
		t->sgid = s;
	return 0;
}

/*
 * setreuid: the real id may become the real or effective one, the
 * effective id the real, effective or saved one; saved follows euid when
 * the real id is set or euid leaves the real id (POSIX, as Linux).
 */
long sys_setreuid(uid_t r, uid_t e)
{
	struct task_struct *t = current;
	uid_t old_ruid = t->uid;

	if (!is_root() &&
	    ((r != (uid_t)-1 && r != t->uid && r != t->euid) ||
	     (e != (uid_t)-1 && !allowed_id(e, t->uid, t->euid, t->suid))))
		return -EPERM;
	if (r != (uid_t)-1)
		t->uid = r;
	if (e != (uid_t)-1)
		t->euid = e;
	if (r != (uid_t)-1 || (e != (uid_t)-1 && e != old_ruid))
		t->suid = t->euid;
	return 0;
}

/* setregid: as setreuid, for the group ids. */
long sys_setregid(gid_t r, gid_t e)
{
	struct task_struct *t = current;
	gid_t old_rgid = t->gid;

	if (!is_root() &&
	    ((r != (gid_t)-1 && r != t->gid && r != t->egid) ||
	     (e != (gid_t)-1 && !allowed_id(e, t->gid, t->egid, t->sgid))))
		return -EPERM;
	if (r != (gid_t)-1)
		t->gid = r;
	if (e != (gid_t)-1)
		t->egid = e;
	if (r != (gid_t)-1 || (e != (gid_t)-1 && e != old_rgid))
		t->sgid = t->egid;
	return 0;
}

/*
 * Store x, y and z at the user addresses a, b and c (getresuid and
 * getresgid). Returns 0 or -EFAULT; ids stored before a bad address stay
 * stored, as on Linux.
 */
static long put_ids(unsigned int *a, unsigned int *b, unsigned int *c,
		    unsigned int x, unsigned int y, unsigned int z)
{
	if (memcpy_tofs(a, &x, 4) || memcpy_tofs(b, &y, 4) ||
	    memcpy_tofs(c, &z, 4))
		return -EFAULT;
	return 0;
}

/* getresuid (165): the real, effective and saved uid. */
long sys_getresuid(uid_t *r, uid_t *e, uid_t *s)
{
	return put_ids(r, e, s, current->uid, current->euid, current->suid);
}

/* getresgid (171): the real, effective and saved gid. */
long sys_getresgid(gid_t *r, gid_t *e, gid_t *s)
{
	return put_ids(r, e, s, current->gid, current->egid, current->sgid);
}

/*
 * in_group_p - is gid current's effective group or one of its
 * supplementary groups? What a group permission bit is checked against
 * (chown's new group, an ipc object's cgid and gid), as Linux's.
 */
int in_group_p(gid_t gid)
{
	int i;

	if (gid == current->egid)
		return 1;
	for (i = 0; i < current->ngroups; i++)
		if (current->groups[i] == gid)
			return 1;
	return 0;
}

/*
 * getgroups (80, 205): the supplementary groups into list, and their
 * number; size 0 asks only the number. -EINVAL if list is too short.
 */
long sys_getgroups(int size, gid_t *list)
{
	if (size < 0)
		return -EINVAL;
	if (!size)
		return current->ngroups;
	if (size < current->ngroups)
		return -EINVAL;
	if (memcpy_tofs(list, current->groups,
			current->ngroups * sizeof(gid_t)))
		return -EFAULT;
	return current->ngroups;
}

/*
 * setgroups (81, 206): root only; at most NGROUPS. The list is copied in
 * whole before current's is changed, so -EFAULT changes nothing.
 */
long sys_setgroups(int size, const gid_t *list)
{
	gid_t groups[NGROUPS];

	if (!is_root())
		return -EPERM;
	if (size < 0 || size > NGROUPS)
		return -EINVAL;
	if (memcpy_fromfs(groups, list, size * sizeof(gid_t)))
		return -EFAULT;
	memcpy(current->groups, groups, size * sizeof(gid_t));
	current->ngroups = size;
	return 0;
}

/* getpgrp (65): current's process group. */
long sys_getpgrp(void)
{
	return current->pgrp;
}

/* getpgid (132): the process group of pid (0: current), or -ESRCH. */
long sys_getpgid(pid_t pid)
{
	struct task_struct *p = pid ? find_task_by_pid(pid) : current;

	return p ? p->pgrp : -ESRCH;
}

/* getsid (147): the session of pid (0: current), or -ESRCH. */
long sys_getsid(pid_t pid)
{
	struct task_struct *p = pid ? find_task_by_pid(pid) : current;

	return p ? p->session : -ESRCH;
}

/*
 * setpgid (57): move pid (0: current), current or one of its children, to
 * process group pgid (0: a group of its own). It must stay in current's
 * session, and a session leader cannot move. The group is not checked to
 * exist in the session, as it would be on Linux: a known simplification.
 */
long sys_setpgid(pid_t pid, pid_t pgid)
{
	struct task_struct *p = pid ? find_task_by_pid(pid) : current;

	if (pgid < 0)
		return -EINVAL;
	if (!p || (p != current && p->p_pptr != current))
		return -ESRCH;
	if (p->session != current->session || p->pid == p->session)
		return -EPERM;
	p->pgrp = pgid ? pgid : p->pid;
	return 0;
}

/*
 * setsid (66): current leads a new session and a new group, both named
 * by its pid; -EPERM if it already leads a group (its id could clash).
 */
long sys_setsid(void)
{
	if (current->pgrp == current->pid)
		return -EPERM;
	current->session = current->pgrp = current->pid;
	current->tty = NULL;	/* a new session starts with no terminal */
	return current->pgrp;
}

/* current's limit for resource, or NULL for an unknown one. */
static struct rlimit *rlimit_of(unsigned int resource)
{
	return resource < RLIM_NLIMITS ? &current->rlim[resource] : NULL;
}

/* ugetrlimit (191): the limits as they are, RLIM_INFINITY included. */
long sys_getrlimit(unsigned int resource, struct rlimit *rlim)
{
	struct rlimit *r = rlimit_of(resource);

	if (!r)
		return -EINVAL;
	return memcpy_tofs(rlim, r, sizeof(*r)) ? -EFAULT : 0;
}

/*
 * getrlimit (76), the call 1.2.13 had: Linux i386 keeps its old answer,
 * where no limit is larger than 0x7fffffff (infinity included).
 */
long sys_old_getrlimit(unsigned int resource, struct rlimit *rlim)
{
	struct rlimit *r = rlimit_of(resource), x;

	if (!r)
		return -EINVAL;
	x.rlim_cur = r->rlim_cur > OLD_RLIM_MAX ? OLD_RLIM_MAX : r->rlim_cur;
	x.rlim_max = r->rlim_max > OLD_RLIM_MAX ? OLD_RLIM_MAX : r->rlim_max;
	return memcpy_tofs(rlim, &x, sizeof(x)) ? -EFAULT : 0;
}

/*
 * Set p's limit from new (if any) after handing back the old one (if
 * asked): EINVAL for a bad resource or cur > max, EPERM when a non-root
 * caller raises the hard limit.
 */
static int do_prlimit(struct task_struct *p, unsigned int resource,
		      const struct rlimit *new, struct rlimit *old)
{
	struct rlimit *r;

	if (resource >= RLIM_NLIMITS)
		return -EINVAL;
	r = &p->rlim[resource];
	if (new && new->rlim_cur > new->rlim_max)
		return -EINVAL;
	if (new && new->rlim_max > r->rlim_max && !is_root())
		return -EPERM;
	if (old)
		*old = *r;
	if (new)
		*r = *new;
	return 0;
}

/*
 * setrlimit (75): current's limit for resource from *rlim; do_prlimit
 * has the rules. The whole struct is read before anything changes.
 */
long sys_setrlimit(unsigned int resource, const struct rlimit *rlim)
{
	struct rlimit new;

	if (resource >= RLIM_NLIMITS)
		return -EINVAL;
	if (memcpy_fromfs(&new, rlim, sizeof(new)))
		return -EFAULT;
	return do_prlimit(current, resource, &new, NULL);
}

/* struct rlimit64's values to the kernel's, and back (Linux's rules). */
static unsigned long rlim64_to_rlim(unsigned long long v)
{
	return v >= RLIM_INFINITY ? RLIM_INFINITY : (unsigned long)v;
}

/* The other way: RLIM_INFINITY becomes RLIM64_INFINITY. */
static unsigned long long rlim_to_rlim64(unsigned long v)
{
	return v == RLIM_INFINITY ? RLIM64_INFINITY : v;
}

/* Another process's limits: only with all its uids and gids, or as root. */
static int may_prlimit(struct task_struct *p)
{
	return p == current || is_root() ||
	       (current->uid == p->euid && current->uid == p->suid &&
		current->uid == p->uid && current->gid == p->egid &&
		current->gid == p->sgid && current->gid == p->gid);
}

/*
 * prlimit64(pid, resource, new, old) - glibc's getrlimit and setrlimit
 * both come here. pid 0 is the caller; ESRCH, EPERM, EFAULT as Linux.
 */
long sys_prlimit64(pid_t pid, unsigned int resource,
		   const struct rlimit64 *new_rlim, struct rlimit64 *old_rlim)
{
	struct rlimit64 n64, o64;
	struct rlimit new, old;
	struct task_struct *p;
	int err;

	if (new_rlim) {
		if (memcpy_fromfs(&n64, new_rlim, sizeof(n64)))
			return -EFAULT;
		new.rlim_cur = rlim64_to_rlim(n64.rlim_cur);
		new.rlim_max = rlim64_to_rlim(n64.rlim_max);
	}
	p = pid ? find_task_by_pid(pid) : current;
	if (!p || pid < 0)
		return -ESRCH;
	if (!may_prlimit(p))
		return -EPERM;
	err = do_prlimit(p, resource, new_rlim ? &new : NULL,
			 old_rlim ? &old : NULL);
	if (err || !old_rlim)
		return err;
	o64.rlim_cur = rlim_to_rlim64(old.rlim_cur);
	o64.rlim_max = rlim_to_rlim64(old.rlim_max);
	return memcpy_tofs(old_rlim, &o64, sizeof(o64)) ? -EFAULT : 0;
}

struct new_utsname {
	char sysname[65], nodename[65], release[65], version[65],
	     machine[65], domainname[65];
};

#define PR_SET_NAME	15
#define PR_GET_NAME	16

/*
 * prctl(option, arg2, ...) - only the task's name, which busybox sets
 * for each applet: PR_SET_NAME copies up to TASK_COMM_LEN - 1 bytes in,
 * PR_GET_NAME gives TASK_COMM_LEN bytes back. Any other option is
 * EINVAL, which is what Linux says for one it does not know.
 */
long sys_prctl(int option, unsigned long arg2)
{
	char name[TASK_COMM_LEN];
	long len;

	switch (option) {
	case PR_SET_NAME:
		len = strncpy_fromfs(name, (const char *)arg2, sizeof(name));
		if (len == -EFAULT)
			return -EFAULT;
		name[sizeof(name) - 1] = '\0';
		memcpy(current->comm, name, sizeof(name));
		return 0;
	case PR_GET_NAME:
		return memcpy_tofs((void *)arg2, current->comm,
				   sizeof(current->comm)) ? -EFAULT : 0;
	}
	return -EINVAL;
}

#define PERSONALITY_QUERY	0xffffffffUL	/* personality: only ask */

/*
 * personality (136): set current's execution domain, returning the old
 * one; PERSONALITY_QUERY only asks. Kept across fork and exec, and
 * reported only: Lintel runs every program as PER_LINUX. 1.2.13 looked
 * the domain up (exec_domain.c) and refused one it did not have; today's
 * Linux takes any value, as Lintel does.
 */
long sys_personality(unsigned long persona)
{
	unsigned long old = current->personality;

	if (persona != PERSONALITY_QUERY)
		current->personality = persona;
	return old;
}

/*
 * getcpu (318): the CPU and NUMA node current runs on, each stored if
 * its pointer is not NULL; Lintel has one of each, numbered 0. The
 * third argument, a cache, has been unused since Linux 2.6.24.
 */
long sys_getcpu(unsigned int *cpu, unsigned int *node, void *cache)
{
	unsigned int zero = 0;

	if (cpu && memcpy_tofs(cpu, &zero, sizeof(zero)))
		return -EFAULT;
	if (node && memcpy_tofs(node, &zero, sizeof(zero)))
		return -EFAULT;
	return 0;
}

/*
 * uname (122): Lintel's names in Linux's struct new_utsname (six fields
 * of 65 bytes). The machine is "i386", what the kernel is built for.
 */
long sys_uname(struct new_utsname *name)
{
	struct new_utsname u;

	memset(&u, 0, sizeof(u));
	strcpy(u.sysname, "Lintel");
	strcpy(u.nodename, "lintel");
	strcpy(u.release, "0.1");
	strcpy(u.version, "#1 teaching kernel in the style of Linux 1.2.13");
	strcpy(u.machine, "i386");
	strcpy(u.domainname, "(none)");
	return memcpy_tofs(name, &u, sizeof(u)) ? -EFAULT : 0;
}

struct sysinfo {
	long uptime;
	unsigned long loads[3];
	unsigned long totalram, freeram, sharedram, bufferram;
	unsigned long totalswap, freeswap;
	unsigned short procs, pad;
	unsigned long totalhigh, freehigh;
	unsigned int mem_unit;
	char _f[8];
};

/*
 * sysinfo (116): uptime, RAM, swap and the number of processes, in
 * Linux's layout, with mem_unit 1 (sizes in bytes). No load average or
 * buffers are kept: those read 0.
 */
long sys_sysinfo(struct sysinfo *info)
{
	struct sysinfo si;

	memset(&si, 0, sizeof(si));
	si.uptime = jiffies / HZ;
	si.totalram = totalram_pages << PAGE_SHIFT;
	si.freeram = nr_free_pages << PAGE_SHIFT;
	si_swapinfo(&si.totalswap, &si.freeswap);
	si.totalswap <<= PAGE_SHIFT;
	si.freeswap <<= PAGE_SHIFT;
	si.procs = nr_tasks - 1;	/* the idle task is no process */
	si.mem_unit = 1;
	return memcpy_tofs(info, &si, sizeof(si)) ? -EFAULT : 0;
}

/*
 * reboot: only root, only with the magic numbers. Power-off takes the
 * fourth argument as QEMU's exit status (isa-debug-exit), which is how
 * init= programs report their verdict; Linux ignores that argument.
 */
long sys_reboot(unsigned long magic1, unsigned long magic2, unsigned long cmd,
		unsigned long arg)
{
	if (!is_root())
		return -EPERM;
	if (magic1 != LINUX_REBOOT_MAGIC1 || magic2 != LINUX_REBOOT_MAGIC2)
		return -EINVAL;
	switch (cmd) {
	case LINUX_REBOOT_CMD_POWER_OFF:
	case LINUX_REBOOT_CMD_HALT:
		printk("Power down.\n");
		machine_power_off(arg & 0xff);
	case LINUX_REBOOT_CMD_RESTART:
		printk("Restarting system.\n");
		machine_power_off(0);
	}
	return -EINVAL;
}
