/*
 * select.c - poll(2) and select(2): wait until one of several files is
 * ready, a signal comes, or the time runs out.
 *
 * The shape is 1.2.13's do_select: ask every file (its poll operation)
 * with a table, which puts the caller on each file's wait queue; if none
 * is ready, sleep; when woken, ask again without the table (the caller
 * is still on every queue); at the end take the caller off them all.
 * Interrupts stay off from a check to the sleep, so a wake-up that an
 * interrupt brings in between is not lost.
 *
 * The errors are today's Linux's, and the timeout never ends early: EFAULT,
 * EINVAL for too many descriptors or a negative time, POLLNVAL (poll)
 * or EBADF (select) for a closed descriptor.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/mm.h>
#include <linux/fs.h>
#include <linux/poll.h>
#include <linux/time.h>
#include <linux/syscalls.h>
#include <asm/segment.h>
#include <asm/system.h>

#define MSEC_PER_SEC	1000
#define NO_TIMEOUT	(~0UL)		/* wait without a time limit */
#define POLL_ALWAYS	(POLLERR | POLLHUP | POLLNVAL)	/* no need to ask */
#define FDS_BITS	(8 * sizeof(unsigned long))
#define SELECT_IN	(POLLIN | POLLRDNORM | POLLHUP | POLLERR)
#define SELECT_OUT	(POLLOUT | POLLWRNORM | POLLERR)
#define SELECT_EX	POLLPRI

struct pollfd {
	int fd;
	short events, revents;
};

struct sel_arg_struct {		/* the old select (82) takes one pointer */
	unsigned long n;
	unsigned long *inp, *outp, *exp;
	struct timeval *tvp;
};

/*
 * poll_wait - called by a file's poll operation: the caller will also
 * wait on q. Only the first pass over the files has a table.
 */
void poll_wait(struct wait_queue **q, poll_table *p)
{
	struct poll_table_entry *e;

	if (!p || p->nr >= POLL_TABLE_ENTRIES)
		return;
	e = &p->entry[p->nr++];
	e->wait.task = current;
	e->wait.next = NULL;
	e->queue = q;
	add_wait_queue(q, &e->wait);
}

/* Off every queue poll_wait put the caller on. Interrupts are off. */
static void free_wait(poll_table *p)
{
	int i;

	for (i = 0; i < p->nr; i++)
		remove_wait_queue(p->entry[i].queue, &p->entry[i].wait);
	p->nr = 0;
}

/* What file is ready for now (POLLNVAL for no file). */
static unsigned int file_poll(struct file *file, poll_table *p)
{
	if (!file)
		return POLLNVAL;
	if (!file->f_op || !file->f_op->poll)
		return DEFAULT_POLLMASK;
	return file->f_op->poll(file, p);
}

/*
 * Sleep until woken or the timeout (jiffies, NO_TIMEOUT for none) is
 * over; returns the ticks left. Called with interrupts off and the
 * caller on its queues.
 */
static unsigned long poll_sleep(unsigned long timeout)
{
	unsigned long end = jiffies + timeout;

	current->state = TASK_INTERRUPTIBLE;
	if (timeout != NO_TIMEOUT)
		current->timeout = end;
	schedule();
	current->state = TASK_RUNNING;
	current->timeout = 0;
	if (timeout == NO_TIMEOUT)
		return NO_TIMEOUT;
	return (long)(end - jiffies) > 0 ? end - jiffies : 0;
}

/* One pass over the pollfds: how many have something to report. */
static int do_pollfd(struct pollfd *fds, unsigned int nfds, poll_table *p)
{
	unsigned int i, mask;
	int count = 0;

	for (i = 0; i < nfds; i++) {
		fds[i].revents = 0;
		if (fds[i].fd < 0)
			continue;
		mask = file_poll(fget(fds[i].fd), p);
		mask &= fds[i].events | POLL_ALWAYS;
		fds[i].revents = mask;
		count += mask != 0;
	}
	return count;
}

/*
 * The common loop: pass(arg, table) counts the ready files; sleep while
 * none is, no signal is pending and time is left.
 */
static int do_poll_loop(int (*pass)(void *arg, poll_table *p), void *arg,
			unsigned long *timeout)
{
	poll_table *table = kmalloc(sizeof(*table), GFP_KERNEL);
	poll_table *p = table;
	unsigned long flags;
	int count;

	if (!table)
		return -ENOMEM;
	table->nr = 0;
	save_flags(flags);
	cli();
	for (;;) {
		count = pass(arg, p);
		p = NULL;
		if (count || !*timeout || signal_pending(current))
			break;
		*timeout = poll_sleep(*timeout);
	}
	free_wait(table);
	restore_flags(flags);
	kfree(table);
	if (!count && signal_pending(current))
		return -EINTR;
	return count;
}

struct poll_args {
	struct pollfd *fds;
	unsigned int nfds;
};

static int poll_pass(void *arg, poll_table *p)
{
	struct poll_args *a = arg;

	return do_pollfd(a->fds, a->nfds, p);
}

/*
 * The ticks to sleep for at least ns: timeout_after_ns's tick, less the
 * tick it is now. Both read jiffies, and a tick may come between the two
 * reads: the difference is then cut at 0 ("no wait"), never left to wrap
 * round to NO_TIMEOUT, which would sleep for ever.
 */
static unsigned long ns_to_ticks(u64 ns)
{
	unsigned long end = timeout_after_ns(ns), now = jiffies;

	return (long)(end - now) > 0 ? end - now : 0;
}

/*
 * Milliseconds to the ticks to sleep, counted from where the clock is
 * inside the current tick and rounded up (timeout_after_ns), so that
 * poll never returns before its time; a negative time is no limit.
 */
static unsigned long ms_to_jiffies(int ms)
{
	if (ms < 0)
		return NO_TIMEOUT;
	return ns_to_ticks((u64)ms * (NSEC_PER_SEC / MSEC_PER_SEC));
}

/*
 * do_sys_poll - poll's work, for poll and ppoll: the pollfds copied in,
 * polled until one is ready, *ticks run out or a signal comes, and
 * copied back with their revents. As Linux: -EINVAL for more
 * descriptors than RLIMIT_NOFILE, -EFAULT for a bad array, -EINTR on a
 * signal; a negative fd is skipped, a closed one gets POLLNVAL.
 */
static long do_sys_poll(struct pollfd *ufds, unsigned int nfds,
			unsigned long *ticks)
{
	struct poll_args a = { NULL, nfds };
	unsigned long size = nfds * sizeof(struct pollfd);
	long ret;

	if (nfds > current->rlim[RLIMIT_NOFILE].rlim_cur)
		return -EINVAL;
	a.fds = kmalloc(size ? size : 1, GFP_KERNEL);
	if (!a.fds)
		return -ENOMEM;
	ret = -EFAULT;
	if (memcpy_fromfs(a.fds, ufds, size))
		goto out;
	ret = do_poll_loop(poll_pass, &a, ticks);
	if (ret >= 0 && memcpy_tofs(ufds, a.fds, size))
		ret = -EFAULT;
out:
	kfree(a.fds);
	return ret;
}

/* poll (168): a timeout in milliseconds, negative for none. */
long sys_poll(struct pollfd *ufds, unsigned int nfds, int timeout)
{
	unsigned long ticks = ms_to_jiffies(timeout);

	return do_sys_poll(ufds, nfds, &ticks);
}

/* select's three sets in and out, one bit per descriptor below n. */
struct select_args {
	int n;
	unsigned long *in, *out, *ex;		/* what was asked */
	unsigned long *res_in, *res_out, *res_ex;	/* what holds */
};

static int fd_isset(const unsigned long *set, int fd)
{
	return (set[fd / FDS_BITS] >> (fd % FDS_BITS)) & 1;
}

static void fd_set_bit(unsigned long *set, int fd)
{
	set[fd / FDS_BITS] |= 1UL << (fd % FDS_BITS);
}

static int fd_wanted(const struct select_args *a, int fd)
{
	return fd_isset(a->in, fd) || fd_isset(a->out, fd) ||
	       fd_isset(a->ex, fd);
}

/* One pass: fill the result sets, count the bits set in them. */
static int select_pass(void *arg, poll_table *p)
{
	struct select_args *a = arg;
	unsigned int mask;
	int fd, count = 0, words = (a->n + FDS_BITS - 1) / FDS_BITS;

	memset(a->res_in, 0, 3 * words * sizeof(unsigned long));
	for (fd = 0; fd < a->n; fd++) {
		if (!fd_wanted(a, fd))
			continue;
		mask = file_poll(fget(fd), p);
		if (fd_isset(a->in, fd) && (mask & SELECT_IN)) {
			fd_set_bit(a->res_in, fd);
			count++;
		}
		if (fd_isset(a->out, fd) && (mask & SELECT_OUT)) {
			fd_set_bit(a->res_out, fd);
			count++;
		}
		if (fd_isset(a->ex, fd) && (mask & SELECT_EX)) {
			fd_set_bit(a->res_ex, fd);
			count++;
		}
	}
	return count;
}

/* Read one user fd_set of n bits (NULL: empty); 0 or -EFAULT. */
static int get_fd_set(unsigned long *set, const unsigned long *uset,
		      unsigned long bytes)
{
	memset(set, 0, bytes);
	return uset && memcpy_fromfs(set, uset, bytes) ? -EFAULT : 0;
}

static int put_fd_set(unsigned long *uset, const unsigned long *set,
		      unsigned long bytes)
{
	return uset && memcpy_tofs(uset, set, bytes) ? -EFAULT : 0;
}

/*
 * The timeval as the ticks to sleep, rounded up from where the clock is
 * (timeout_after_ns): never early; -EINVAL for a negative one. A tv_usec
 * of a second or more carries over, as Linux lets it.
 */
static long timeval_to_jiffies(const struct timeval *tv, unsigned long *t)
{
	if (tv->tv_sec < 0 || tv->tv_usec < 0)
		return -EINVAL;
	*t = ns_to_ticks(timeval_to_ns(tv));
	return 0;
}

/* Every descriptor asked about must be open: EBADF otherwise, as Linux. */
static int check_fds(const struct select_args *a)
{
	int fd;

	for (fd = 0; fd < a->n; fd++)
		if (fd_wanted(a, fd) && !fget(fd))
			return -EBADF;
	return 0;
}

/* The sets in, the loop, the sets out: select without its timeval. */
static long do_select(struct select_args *a, unsigned long *inp,
		      unsigned long *outp, unsigned long *exp,
		      unsigned long *ticks)
{
	unsigned long words = (a->n + FDS_BITS - 1) / FDS_BITS;
	unsigned long bytes = words * sizeof(unsigned long);
	unsigned long *bits = kmalloc(6 * bytes + 1, GFP_KERNEL);
	long ret;

	if (!bits)
		return -ENOMEM;
	a->in = bits;
	a->out = bits + words;
	a->ex = bits + 2 * words;
	a->res_in = bits + 3 * words;
	a->res_out = bits + 4 * words;
	a->res_ex = bits + 5 * words;
	ret = get_fd_set(a->in, inp, bytes) ?: get_fd_set(a->out, outp, bytes)
	      ?: get_fd_set(a->ex, exp, bytes) ?: check_fds(a);
	if (!ret)
		ret = do_poll_loop(select_pass, a, ticks);
	if (ret >= 0 && (put_fd_set(inp, a->res_in, bytes) ||
			 put_fd_set(outp, a->res_out, bytes) ||
			 put_fd_set(exp, a->res_ex, bytes)))
		ret = -EFAULT;
	kfree(bits);
	return ret;
}

/*
 * select(n, inp, outp, exp, tvp) - _newselect (142). n beyond the
 * descriptors a process can have is cut to NR_OPEN, as Linux cuts it to
 * its table; the time left by the clock is written back to *tvp, as
 * Linux does.
 */
long sys_select(int n, unsigned long *inp, unsigned long *outp,
		unsigned long *exp, struct timeval *tvp)
{
	struct select_args a;
	struct timeval tv;
	unsigned long ticks = NO_TIMEOUT;
	u64 end = 0, now;
	long ret;

	if (n < 0)
		return -EINVAL;
	if (tvp) {
		if (memcpy_fromfs(&tv, tvp, sizeof(tv)))
			return -EFAULT;
		ret = timeval_to_jiffies(&tv, &ticks);
		if (ret)
			return ret;
		end = get_monotonic_ns() + timeval_to_ns(&tv);
	}
	a.n = n > NR_OPEN ? NR_OPEN : n;
	ret = do_select(&a, inp, outp, exp, &ticks);
	if (tvp) {
		now = get_monotonic_ns();
		ns_to_timeval(end > now ? end - now : 0, &tv);
		if (memcpy_tofs(tvp, &tv, sizeof(tv)) && ret >= 0)
			ret = -EFAULT;
	}
	return ret;
}

/* select (82): the five arguments in a block in user memory. */
long sys_old_select(struct sel_arg_struct *arg)
{
	struct sel_arg_struct a;

	if (memcpy_fromfs(&a, arg, sizeof(a)))
		return -EFAULT;
	return sys_select(a.n, a.inp, a.outp, a.exp, a.tvp);
}

/* pselect6's sixth argument: the mask to wait with, and its size. */
struct sigset_argpack {
	const sigset_t *ss;
	unsigned long ss_len;
};

/*
 * Wait with the caller's temporary mask ss (ss_len bytes; NULL: keep
 * the mask), as sigsuspend does: it is put back on return, or, when a
 * signal ends the wait, once its handler has run (do_signal's
 * restore_blocked), so the handler runs under it. 0, -EINVAL for a
 * size other than sigset_t's, -EFAULT.
 */
static int set_wait_mask(const sigset_t *ss, unsigned long ss_len)
{
	sigset_t mask;

	if (!ss)
		return 0;
	if (ss_len != sizeof(sigset_t))
		return -EINVAL;
	if (memcpy_fromfs(&mask, ss, sizeof(mask)))
		return -EFAULT;
	current->saved_blocked = current->blocked;
	current->restore_blocked = 1;
	current->blocked = mask & ~SIG_KERNEL_ONLY;
	return 0;
}

/* After the wait: keep the temporary mask only for a handler to come. */
static void end_wait_mask(long ret)
{
	if (!current->restore_blocked || (ret == -EINTR &&
					  signal_pending(current)))
		return;
	current->blocked = current->saved_blocked;
	current->restore_blocked = 0;
}

/*
 * The common part of pselect6 and pselect6_time64, with the timeout
 * already in nanoseconds (NULL: none): select with a mask for the wait.
 */
static long do_pselect(int n, unsigned long *inp, unsigned long *outp,
		       unsigned long *exp, const u64 *timeout_ns,
		       const struct sigset_argpack *sig, u64 *left_ns)
{
	struct sigset_argpack pack = { NULL, 0 };
	struct select_args a;
	unsigned long ticks = NO_TIMEOUT;
	u64 end = 0, now;
	long ret;

	if (n < 0)
		return -EINVAL;
	if (timeout_ns) {
		ticks = ns_to_ticks(*timeout_ns);
		end = get_monotonic_ns() + *timeout_ns;
	}
	if (sig && memcpy_fromfs(&pack, sig, sizeof(pack)))
		return -EFAULT;
	ret = set_wait_mask(pack.ss, pack.ss_len);
	if (ret)
		return ret;
	a.n = n > NR_OPEN ? NR_OPEN : n;
	ret = do_select(&a, inp, outp, exp, &ticks);
	end_wait_mask(ret);
	now = get_monotonic_ns();
	*left_ns = end > now ? end - now : 0;
	return ret;
}

/*
 * get_timeout_ns - a poll or select timeout from user space, a struct
 * timespec of either width (time64), as nanoseconds: 0, -EFAULT, or
 * -EINVAL for a negative or malformed one.
 */
static int get_timeout_ns(const void *tsp, int time64, u64 *ns)
{
	struct timespec ts;

	if (get_timespec(&ts, tsp, time64))
		return -EFAULT;
	if (!timespec_valid(&ts))
		return -EINVAL;
	*ns = timespec_to_ns(&ts);
	return 0;
}

/* Write the time left back into the caller's timespec: 0 or -EFAULT. */
static int put_time_left(void *tsp, int time64, u64 left)
{
	struct timespec ts;

	ns_to_timespec(left, &ts);
	return put_timespec(&ts, tsp, time64);
}

/*
 * pselect6_common - pselect6 and pselect6_time64: select with a timeout
 * (NULL: none) and a signal mask for the wait. The time left is written
 * back, as Linux does.
 */
static long pselect6_common(int n, unsigned long *inp, unsigned long *outp,
			    unsigned long *exp, void *tsp,
			    const struct sigset_argpack *sig, int time64)
{
	u64 ns = 0, left;
	long ret;

	if (tsp) {
		ret = get_timeout_ns(tsp, time64, &ns);
		if (ret)
			return ret;
	}
	left = ns;		/* what an early failure leaves */
	ret = do_pselect(n, inp, outp, exp, tsp ? &ns : NULL, sig, &left);
	if (tsp && put_time_left(tsp, time64, left) && ret >= 0)
		ret = -EFAULT;
	return ret;
}

/* pselect6 (308): glibc's select() on i386 comes here. */
long sys_pselect6(int n, unsigned long *inp, unsigned long *outp,
		  unsigned long *exp, struct timespec *tsp,
		  const struct sigset_argpack *sig)
{
	return pselect6_common(n, inp, outp, exp, tsp, sig, 0);
}

/* pselect6_time64 (413): the same with 64-bit seconds and nanoseconds. */
long sys_pselect6_time64(int n, unsigned long *inp, unsigned long *outp,
			 unsigned long *exp, struct __kernel_timespec *tsp,
			 const struct sigset_argpack *sig)
{
	return pselect6_common(n, inp, outp, exp, tsp, sig, 1);
}

/*
 * do_ppoll - the common part of ppoll and ppoll_time64, once the
 * timeout is in nanoseconds (NULL: none): poll with the caller's mask
 * for the wait (set_wait_mask), the time left in *left_ns.
 */
static long do_ppoll(struct pollfd *ufds, unsigned int nfds,
		     const u64 *timeout_ns, const sigset_t *sigmask,
		     unsigned long sigsetsize, u64 *left_ns)
{
	unsigned long ticks = NO_TIMEOUT;
	u64 end = 0, now;
	long ret;

	if (timeout_ns) {
		ticks = ns_to_ticks(*timeout_ns);
		end = get_monotonic_ns() + *timeout_ns;
	}
	ret = set_wait_mask(sigmask, sigsetsize);
	if (ret)
		return ret;
	ret = do_sys_poll(ufds, nfds, &ticks);
	end_wait_mask(ret);
	now = get_monotonic_ns();
	*left_ns = end > now ? end - now : 0;
	return ret;
}

/*
 * ppoll_common - ppoll and ppoll_time64: poll with a timeout (NULL: no
 * limit) and a signal mask for the wait, as pselect6 is to select. The
 * time left is written back; as Linux, a failure to write it does not
 * fail a poll that worked (the timespec may be read-only).
 */
static long ppoll_common(struct pollfd *ufds, unsigned int nfds, void *tsp,
			 const sigset_t *sigmask, unsigned long sigsetsize,
			 int time64)
{
	u64 ns = 0, left;
	long ret;

	if (tsp) {
		ret = get_timeout_ns(tsp, time64, &ns);
		if (ret)
			return ret;
	}
	left = ns;		/* what an early failure leaves */
	ret = do_ppoll(ufds, nfds, tsp ? &ns : NULL, sigmask, sigsetsize,
		       &left);
	if (tsp)
		put_time_left(tsp, time64, left);
	return ret;
}

/* ppoll (309): the timeout in a 32-bit timespec. */
long sys_ppoll(struct pollfd *ufds, unsigned int nfds, struct timespec *tsp,
	       const sigset_t *sigmask, unsigned long sigsetsize)
{
	return ppoll_common(ufds, nfds, tsp, sigmask, sigsetsize, 0);
}

/* ppoll_time64 (414): the same with 64-bit seconds and nanoseconds. */
long sys_ppoll_time64(struct pollfd *ufds, unsigned int nfds,
		      struct __kernel_timespec *tsp, const sigset_t *sigmask,
		      unsigned long sigsetsize)
{
	return ppoll_common(ufds, nfds, tsp, sigmask, sigsetsize, 1);
}
