/*
 * test_fsnodes.c - names that lead elsewhere and nodes that are not
 * plain files: symbolic links anywhere in a path (relative and absolute
 * targets, ".." after a link, ELOOP at Linux's 41st link), O_NOFOLLOW
 * and AT_SYMLINK_NOFOLLOW, mknod and mknodat of FIFOs (a named pipe
 * between two processes), regular files and, for root, device nodes,
 * with Linux's errors; and RLIMIT_FSIZE on write and truncate (the
 * write cut at the limit, then SIGXFSZ and EFBIG).
 *
 * Everything happens in a private directory under /tmp, removed at the
 * end, so that on the Linux host nothing is left behind either.
 */
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include "check.h"
#include "child.h"

/* Linux i386 numbers: our C library has no wrappers for these. */
#define NR_unlink	10
#define NR_mknod	14
#define NR_mkdir	39
#define NR_rmdir	40
#define NR_umask	60
#define NR_symlink	83
#define NR_ftruncate	93
#define NR_chmod	15
#define NR_truncate	92
#define NR_pwrite64	181
#define NR_mknodat	297
#define NR_fstatat64	300

#define AT_CWD		(-100)	/* AT_FDCWD */
#define AT_NOFOLLOW	0x100	/* AT_SYMLINK_NOFOLLOW */
#define NOFOLLOW	00400000	/* O_NOFOLLOW on i386 */
#define NOBODY		65534
#define DEV_NULL_RDEV	0x103	/* makedev(1, 3), Linux's encoding */
#define FSIZE_LIMIT	100
#define MAX_LINKS	40	/* Linux's MAXSYMLINKS */

static char dir[64];

/* dir/name into buf. */
static const char *at(char *buf, const char *name)
{
	snprintf(buf, 128, "%s/%s", dir, name);
	return buf;
}

/* st_mode by fstatat64 (flags: AT_NOFOLLOW or 0); 0 on failure. */
static unsigned int mode_at(const char *path, int flags)
{
	unsigned int st[24];	/* struct stat64: 96 bytes, st_mode at 16 */

	return syscall(NR_fstatat64, AT_CWD, path, st, flags) ? 0 : st[4];
}

/* Make an empty file at path; 0 on success. */
static int touch(const char *path)
{
	int fd = open(path, O_WRONLY | O_CREAT, 0644);

	return fd < 0 ? -1 : close(fd);
}

static void test_links_mid_path(void)
{
	char d[128], l[128], p[128], abs[128], q[128];

	case_begin("links_followed_anywhere_in_a_path");
	CHECK(syscall(NR_mkdir, at(d, "a"), 0755) == 0, "mkdir a");
	CHECK(syscall(NR_mkdir, at(d, "a/b"), 0755) == 0, "mkdir a/b");
	CHECK(syscall(NR_symlink, "a/b", at(l, "rel")) == 0, "symlink rel");
	CHECK(touch(at(p, "rel/f")) == 0, "create through rel: %s",
	      strerror(errno));
	CHECK(S_ISREG(mode_at(at(q, "a/b/f"), 0)), "a/b/f made");
	snprintf(abs, sizeof(abs), "%s/a", dir);
	CHECK(syscall(NR_symlink, abs, at(l, "abs")) == 0, "symlink abs");
	CHECK(S_ISREG(mode_at(at(q, "abs/b/f"), 0)),
	      "an absolute target, mid-path");
	CHECK(touch(at(p, "rel/../g")) == 0, "rel/../g: %s", strerror(errno));
	CHECK(S_ISREG(mode_at(at(q, "a/g"), 0)),
	      "\"..\" after a link goes up from its target (a/g)");
	CHECK(!mode_at(at(q, "g"), 0), "not from the link's directory");
	CHECK(syscall(NR_symlink, "../a/b/f", at(l, "a/tof")) == 0,
	      "symlink a/tof");
	CHECK_ERR(open(at(p, "a/tof/x"), O_RDONLY), ENOTDIR);
	CHECK(S_ISDIR(mode_at(at(q, "rel/"), AT_NOFOLLOW)),
	      "a trailing slash follows the link");
	syscall(NR_unlink, at(p, "a/tof"));
	syscall(NR_unlink, at(p, "a/g"));
	syscall(NR_unlink, at(p, "a/b/f"));
	syscall(NR_unlink, at(p, "abs"));
	syscall(NR_unlink, at(p, "rel"));
	case_end();
}

static void test_link_limit(void)
{
	char p[128], t[16];
	int i;

	case_begin("links_forty_followed_the_forty_first_eloop");
	/* c0 -> a, c1 -> c0, ..., c40 -> c39 */
	for (i = 0; i <= MAX_LINKS; i++) {
		snprintf(t, sizeof(t), i ? "c%d" : "a", i - 1);
		snprintf(p, sizeof(p), "%s/c%d", dir, i);
		CHECK(syscall(NR_symlink, t, p) == 0, "symlink c%d", i);
	}
	snprintf(p, sizeof(p), "%s/c%d/b", dir, MAX_LINKS - 1);
	CHECK(S_ISDIR(mode_at(p, 0)), "40 links lead to a/b: %s",
	      strerror(errno));
	snprintf(p, sizeof(p), "%s/c%d/b", dir, MAX_LINKS);
	CHECK_ERR(open(p, O_RDONLY), ELOOP);
	CHECK(syscall(NR_symlink, "self", at(p, "self")) == 0, "symlink self");
	CHECK_ERR(open(p, O_RDONLY), ELOOP);
	CHECK_ERR(open(at(p, "self/x"), O_RDONLY), ELOOP);
	syscall(NR_unlink, at(p, "self"));
	for (i = 0; i <= MAX_LINKS; i++) {
		snprintf(p, sizeof(p), "%s/c%d", dir, i);
		syscall(NR_unlink, p);
	}
	case_end();
}

static void test_nofollow(void)
{
	char f[128], l[128], dl[128], p[128];
	int fd;

	case_begin("links_o_nofollow_and_at_symlink_nofollow");
	CHECK(touch(at(f, "a/file")) == 0, "create a/file");
	CHECK(syscall(NR_symlink, "a/file", at(l, "lf")) == 0, "symlink");
	CHECK_ERR(open(l, O_RDONLY | NOFOLLOW), ELOOP);
	CHECK_ERR(open(l, O_WRONLY | O_CREAT | NOFOLLOW, 0644), ELOOP);
	fd = open(f, O_RDONLY | NOFOLLOW);
	CHECK(fd >= 0, "O_NOFOLLOW on a file: %s", strerror(errno));
	close(fd);
	syscall(NR_symlink, "a", at(p, "la"));
	fd = open(at(p, "la/file"), O_RDONLY | NOFOLLOW);
	CHECK(fd >= 0, "a link before the last name is followed: %s",
	      strerror(errno));
	close(fd);
	CHECK(S_ISLNK(mode_at(l, AT_NOFOLLOW)), "fstatat NOFOLLOW: a link");
	CHECK(S_ISREG(mode_at(l, 0)), "fstatat: the file");
	CHECK(syscall(NR_symlink, "a/new", at(dl, "dangling")) == 0,
	      "symlink dangling");
	CHECK_ERR(open(dl, O_WRONLY | O_CREAT | O_EXCL, 0644), EEXIST);
	CHECK(!mode_at(at(p, "a/new"), 0), "O_EXCL made no target");
	fd = open(dl, O_WRONLY | O_CREAT, 0644);
	CHECK(fd >= 0 && S_ISREG(mode_at(at(p, "a/new"), 0)),
	      "O_CREAT through a dangling link makes its target");
	close(fd);
	syscall(NR_unlink, at(p, "a/new"));
	syscall(NR_unlink, dl);
	syscall(NR_unlink, at(p, "la"));
	syscall(NR_unlink, l);
	syscall(NR_unlink, f);
	case_end();
}

/* The writer's side of the named pipe, in a child. */
static int fifo_writer(void *path)
{
	int fd = open(path, O_WRONLY);

	if (fd < 0 || write(fd, "ping", 4) != 4)
		return 1;
	return close(fd) ? 1 : 0;
}

static void test_fifo(void)
{
	char p[128], buf[8] = "";
	int fd, status;
	pid_t pid;

	case_begin("mknod_fifo_is_a_named_pipe");
	CHECK(syscall(NR_mknod, at(p, "fifo"), S_IFIFO | 0640, 0) == 0,
	      "mknod: %s", strerror(errno));
	CHECK(mode_at(p, AT_NOFOLLOW) == (S_IFIFO | 0640), "mode %o",
	      mode_at(p, AT_NOFOLLOW));
	CHECK_ERR(syscall(NR_mknod, p, S_IFIFO | 0640, 0), EEXIST);
	CHECK_ERR(open(p, O_WRONLY | O_NONBLOCK), ENXIO);
	fd = open(p, O_RDONLY | O_NONBLOCK);
	CHECK(fd >= 0, "O_RDONLY|O_NONBLOCK opens at once");
	CHECK(read(fd, buf, sizeof(buf)) == 0, "no writer: end of file");
	close(fd);
	pid = fork();
	if (pid == 0)
		exit(fifo_writer(p));
	fd = open(p, O_RDONLY);		/* waits for the writer */
	CHECK(fd >= 0, "open for reading: %s", strerror(errno));
	CHECK(read(fd, buf, sizeof(buf)) == 4 && !memcmp(buf, "ping", 4),
	      "the child's bytes come through");
	CHECK(waitpid(pid, &status, 0) == pid && WIFEXITED(status) &&
	      WEXITSTATUS(status) == 0, "writer: %s",
	      describe_status(status));
	CHECK(read(fd, buf, sizeof(buf)) == 0, "the writer gone: end of file");
	close(fd);
	CHECK(syscall(NR_unlink, p) == 0, "unlink the fifo");
	case_end();
}

static void test_mknod_kinds(void)
{
	char p[128];
	struct stat st;

	case_begin("mknod_regular_files_and_errors");
	CHECK(syscall(NR_mknod, at(p, "reg"), 0600, 0) == 0, "type 0: %s",
	      strerror(errno));
	CHECK(stat(p, &st) == 0 && st.st_mode == (S_IFREG | 0600) &&
	      st.st_size == 0, "an empty regular file, mode %o", st.st_mode);
	syscall(NR_unlink, p);
	CHECK(syscall(NR_mknodat, AT_CWD, p, S_IFREG | 0644, 0) == 0,
	      "mknodat S_IFREG: %s", strerror(errno));
	CHECK(mode_at(p, 0) == (S_IFREG | 0644), "mode %o", mode_at(p, 0));
	syscall(NR_unlink, p);
	CHECK_ERR(syscall(NR_mknod, at(p, "d"), S_IFDIR | 0755, 0), EPERM);
	CHECK_ERR(syscall(NR_mknod, p, 0110000 | 0644, 0), EINVAL);
	CHECK_ERR(syscall(NR_mknod, at(p, "no/x"), S_IFIFO | 0600, 0),
		  ENOENT);
	CHECK_ERR(syscall(NR_mknod, (char *)1, S_IFIFO | 0600, 0), EFAULT);
	case_end();
}

static void test_mknod_device(void)
{
	char p[128], buf[4];
	struct stat st;
	int fd;

	if (getuid()) {
		case_skip("mknod_device_by_root", "not root");
		return;
	}
	case_begin("mknod_device_by_root");
	CHECK(syscall(NR_mknod, at(p, "null"), S_IFCHR | 0666,
		      DEV_NULL_RDEV) == 0, "mknod c 1 3: %s", strerror(errno));
	CHECK(stat(p, &st) == 0 && S_ISCHR(st.st_mode) &&
	      st.st_rdev == DEV_NULL_RDEV, "a character device 1,3: rdev %#x",
	      (unsigned int)st.st_rdev);
	fd = open(p, O_RDWR);
	CHECK(fd >= 0 && write(fd, "xyz", 3) == 3 && read(fd, buf, 4) == 0,
	      "opens as /dev/null: %s", strerror(errno));
	close(fd);
	CHECK(syscall(NR_unlink, p) == 0, "unlink");
	case_end();
}

/* As nobody, in a directory anyone may write: no device nodes. */
static int mknod_as_nobody(void *path)
{
	char p[160];

	CHECK(setuid(NOBODY) == 0, "setuid");
	snprintf(p, sizeof(p), "%s/dev", (char *)path);
	CHECK_ERR(syscall(NR_mknod, p, S_IFCHR | 0666, DEV_NULL_RDEV), EPERM);
	CHECK_ERR(syscall(NR_mknod, p, S_IFBLK | 0666, DEV_NULL_RDEV), EPERM);
	snprintf(p, sizeof(p), "%s/fifo", (char *)path);
	CHECK(syscall(NR_mknod, p, S_IFIFO | 0666, 0) == 0,
	      "a FIFO needs no privilege: %s", strerror(errno));
	syscall(NR_unlink, p);
	return check_case_failed;
}

static void test_mknod_nobody(void)
{
	char p[128];

	if (getuid()) {
		case_skip("mknod_device_eperm_for_nobody", "not root");
		return;
	}
	syscall(NR_mkdir, at(p, "open"), 0777);
	syscall(NR_chmod, p, 0777);
	case_in_child("mknod_device_eperm_for_nobody", mknod_as_nobody, p);
	syscall(NR_rmdir, p);
}

static volatile int xfsz_seen;

static void on_xfsz(int sig)
{
	(void)sig;
	xfsz_seen++;
}

/*
 * In a child with RLIMIT_FSIZE 100 (nothing printed there: the output
 * may be a file). Each failed step sets a bit of the exit status.
 */
static int fsize_child(void *path)
{
	struct rlimit rl = { FSIZE_LIMIT, FSIZE_LIMIT };
	char buf[150];
	int fd, bad = 0;

	memset(buf, 'x', sizeof(buf));
	signal(SIGXFSZ, on_xfsz);
	fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0600);
	if (fd < 0 || setrlimit(RLIMIT_FSIZE, &rl))
		return 0x80;
	bad |= write(fd, buf, 150) != FSIZE_LIMIT;	/* cut at the limit */
	bad |= (xfsz_seen != 0) << 1;
	bad |= (write(fd, buf, 1) != -1 || errno != EFBIG) << 2;
	bad |= (xfsz_seen != 1) << 3;
	bad |= (syscall(NR_ftruncate, fd, 50) != 0) << 4;	/* shrinking */
	bad |= (syscall(NR_ftruncate, fd, 200) != -1 || errno != EFBIG ||
		xfsz_seen != 2) << 5;
	bad |= (syscall(NR_truncate, path, FSIZE_LIMIT) != 0) << 6;
	close(fd);
	return bad;
}

/* With SIGXFSZ's default action the write past the limit kills. */
static int fsize_default_child(void *path)
{
	struct rlimit rl = { FSIZE_LIMIT, FSIZE_LIMIT };
	int fd = open(path, O_WRONLY);

	if (fd < 0 || setrlimit(RLIMIT_FSIZE, &rl) ||
	    lseek(fd, FSIZE_LIMIT, SEEK_SET) != FSIZE_LIMIT)
		return 1;
	write(fd, "x", 1);
	return 2;
}

static void test_fsize(void)
{
	char p[128];
	struct stat st;
	int status;

	case_begin("rlimit_fsize_cuts_then_sigxfsz_efbig");
	at(p, "big");
	status = run_in_child(fsize_child, p);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0,
	      "every step as Linux: %s (bits: 1 cut, 2 early signal, "
	      "4 EFBIG, 8 one SIGXFSZ, 16 shrink, 32 grow, 64 truncate)",
	      describe_status(status));
	CHECK(stat(p, &st) == 0 && st.st_size == FSIZE_LIMIT,
	      "the file ends at the limit, size %ld", (long)st.st_size);
	status = run_in_child(fsize_default_child, p);
	CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGXFSZ,
	      "killed by SIGXFSZ, got %s", describe_status(status));
	CHECK(stat(p, &st) == 0 && st.st_size == FSIZE_LIMIT,
	      "nothing written past it, size %ld", (long)st.st_size);
	syscall(NR_unlink, p);
	case_end();
}

int main(void)
{
	char p[128];

	syscall(NR_umask, 022);
	snprintf(dir, sizeof(dir), "/tmp/test_fsnodes.%d", (int)getpid());
	if (syscall(NR_mkdir, dir, 0755)) {
		printf("cannot make %s: %s\n", dir, strerror(errno));
		return 1;
	}
	test_links_mid_path();
	test_link_limit();
	test_nofollow();
	test_fifo();
	test_mknod_kinds();
	test_mknod_device();
	test_mknod_nobody();
	test_fsize();
	syscall(NR_rmdir, at(p, "a/b"));
	syscall(NR_rmdir, at(p, "a"));
	case_begin("fsnodes_nothing_left");
	CHECK(syscall(NR_rmdir, dir) == 0, "rmdir %s: %s", dir,
	      strerror(errno));
	case_end();
	return check_summary();
}
