/*
 * fuzz_files.h - the fuzzer's files and pipes: open, pipes, descriptor
 * I/O, iovecs, paths.
 *
 * Part of fuzz.c, which includes it once, after the generator and the
 * call helpers (rnd, below, hostile_*, call, remember) its ops use; the
 * op table at the end of fuzz.c picks them. Split out by subject only
 * to keep each file short.
 */
#ifndef _FUZZ_FILES_H
#define _FUZZ_FILES_H

static const char *const paths[] = {
	"/dev/null", "/dev/zero", "/etc/issue", "/bin/sh", "/", "/proc",
	"/proc/self/maps", "/proc/self/status", "/proc/meminfo",
	"/proc/sysvipc/shm", "/proc/self", "/tests", "/no/such/file",
	"/etc/issue/", "..", "",
};

static unsigned long hostile_path(void)
{
	if (below(3))
		return (unsigned long)paths[below(ARRAY_LEN(paths))];
	return hostile_ptr();
}

static void op_open(void)
{
	unsigned long flags = hostile_int() & ~(unsigned long)(O_CREAT |
							      O_TRUNC);

	remember(fds, &nfds, call(__NR_open, hostile_path(), flags,
				  hostile_int(), 0, 0, 0));
}

static void op_pipe(void)
{
	int p[2] = { -1, -1 };
	long r;

	if (below(8))
		r = call(NR_pipe2, below(4) ? (unsigned long)p : hostile_ptr(),
			 below(8) ? O_NONBLOCK : hostile_int(), 0, 0, 0, 0);
	else
		r = call(__NR_pipe, below(4) ? (unsigned long)p : hostile_ptr(),
			 0, 0, 0, 0, 0);
	if (r == 0 && p[0] >= 0) {
		remember(fds, &nfds, p[0]);
		remember(fds, &nfds, p[1]);
	}
}

/* read, write, lseek, getdents: a descriptor, a buffer, a size. */
static void op_fd_io(void)
{
	static const short nrs[] = {
		__NR_read, __NR_write, __NR_lseek, NR_getdents,
		__NR_getdents64, __NR_fstat64, __NR_ioctl, NR_fcntl,
	};
	long nr = nrs[below(ARRAY_LEN(nrs))];
	unsigned long size = hostile_size();

	if ((nr == __NR_read || nr == __NR_write) && below(2))
		size = below(PAGE_SIZE);	/* often enough to move data */
	call(nr, hostile_fd(), nr == NR_fcntl ? below(40) : hostile_ptr(),
	     size, 0, 0, 0);
}

/* readv/writev with an iovec array of hostile entries. */
static void op_iovec(void)
{
	unsigned long *iov = (unsigned long *)(scratch + PAGE_SIZE);
	int n = below(6);

	for (int i = 0; i < n; i++) {
		iov[2 * i] = hostile_ptr();
		iov[2 * i + 1] = below(2) ? below(256) : hostile_size();
	}
	call(below(2) ? NR_readv : NR_writev, hostile_fd(),
	     below(4) ? (unsigned long)iov : hostile_ptr(),
	     below(4) ? (unsigned long)n : hostile_int(), 0, 0, 0);
}

static void op_fd_misc(void)
{
	switch (below(5)) {
	case 0:
		call(__NR_close, hostile_fd(), 0, 0, 0, 0, 0);
		break;
	case 1:
		remember(fds, &nfds, call(__NR_dup, hostile_fd(), 0, 0, 0,
					  0, 0));
		break;
	case 2:
		remember(fds, &nfds, call(__NR_dup2, hostile_fd(), below(40),
					  0, 0, 0, 0));
		break;
	case 3:
		call(NR_llseek, hostile_fd(), hostile_int(), hostile_int(),
		     hostile_ptr(), below(5), 0);
		break;
	default:
		call(NR_fchdir, hostile_fd(), 0, 0, 0, 0, 0);
	}
}

/* Calls that take a path: stat, access, chdir, getcwd. */
static void op_path(void)
{
	static const short nrs[] = {
		__NR_stat64, NR_access, __NR_chdir, __NR_getcwd, NR_stat,
		NR_lstat,
	};
	long nr = nrs[below(ARRAY_LEN(nrs))];

	if (nr == __NR_getcwd)
		call(nr, hostile_ptr(), hostile_size(), 0, 0, 0, 0);
	else
		call(nr, hostile_path(), nr == NR_access ? hostile_int() :
		     hostile_ptr(), 0, 0, 0, 0);
}

#endif
