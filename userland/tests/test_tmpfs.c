/*
 * test_tmpfs.c - the writable filesystems (the root, /tmp): create,
 * write and read back, O_EXCL/O_TRUNC/O_APPEND, unlink of an open file,
 * directories, rename, links, chmod, truncate, utimensat, statfs64,
 * permissions as uid 65534 and the sticky bit, and ENOSPC at /tmp's
 * size limit with everything given back.
 *
 * Everything happens in a private directory under /tmp, removed at the
 * end, so that on the Linux host nothing is left behind either.
 */
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/utsname.h>
#include "check.h"
#include "child.h"

/* Linux i386 numbers: our C library has no wrappers for these. */
#define NR_link		9
#define NR_unlink	10
#define NR_chmod	15
#define NR_rename	38
#define NR_mkdir	39
#define NR_rmdir	40
#define NR_umask	60
#define NR_symlink	83
#define NR_readlink	85
#define NR_truncate	92
#define NR_ftruncate	93
#define NR_fsync	118
#define NR_setgid32	214
#define NR_setuid32	213
#define NR_lstat64	196
#define NR_statfs64	268
#define NR_utimensat	320

#define NOBODY		65534
#define TMPFS_MAGIC	0x01021994
#define FILL_CHUNK	65536
#define FILL_MOST	(64 << 20)	/* never write more than this */

struct statfs64_abi {
	unsigned long f_type, f_bsize;
	unsigned long long f_blocks, f_bfree, f_bavail, f_files, f_ffree;
	int f_fsid[2];
	unsigned long f_namelen, f_frsize, f_flags, f_spare[4];
} __attribute__((packed));

struct ts_abi {
	long tv_sec, tv_nsec;
};

static char dir[64];

/* dir/name into buf. */
static const char *at(char *buf, const char *name)
{
	snprintf(buf, 128, "%s/%s", dir, name);
	return buf;
}

static void test_create_read_write(void)
{
	char p[128], buf[16] = "";
	struct stat st;
	int fd;

	case_begin("tmpfs_create_write_read_back");
	fd = open(at(p, "f"), O_RDWR | O_CREAT | O_EXCL, 0640);
	CHECK(fd >= 0, "create: %s", strerror(errno));
	CHECK(write(fd, "hello", 5) == 5, "write 5");
	CHECK(lseek(fd, 0, SEEK_SET) == 0 && read(fd, buf, 16) == 5 &&
	      !memcmp(buf, "hello", 5), "read back");
	CHECK(fstat(fd, &st) == 0 && st.st_size == 5 &&
	      (st.st_mode & 07777) == 0640 && S_ISREG(st.st_mode),
	      "fstat: size %ld mode %o", (long)st.st_size, st.st_mode);
	CHECK(syscall(NR_fsync, fd) == 0, "fsync");
	close(fd);
	CHECK_ERR(open(p, O_RDWR | O_CREAT | O_EXCL, 0640), EEXIST);
	fd = open(p, O_WRONLY | O_APPEND);
	CHECK(fd >= 0 && write(fd, "!", 1) == 1, "append");
	close(fd);
	CHECK(stat(p, &st) == 0 && st.st_size == 6, "appended at the end");
	fd = open(p, O_WRONLY | O_TRUNC);
	CHECK(fd >= 0 && fstat(fd, &st) == 0 && st.st_size == 0, "O_TRUNC");
	close(fd);
	CHECK(syscall(NR_unlink, p) == 0, "unlink");
	CHECK_ERR(open(p, O_RDONLY), ENOENT);
	case_end();
}

static void test_unlink_while_open(void)
{
	char p[128], buf[8] = "";
	struct stat st;
	int fd;

	case_begin("tmpfs_unlink_while_open");
	fd = open(at(p, "open"), O_RDWR | O_CREAT, 0600);
	CHECK(fd >= 0 && write(fd, "data", 4) == 4, "create and write");
	CHECK(syscall(NR_unlink, p) == 0, "unlink");
	CHECK(stat(p, &st) < 0 && errno == ENOENT, "the name is gone");
	CHECK(lseek(fd, 0, SEEK_SET) == 0 && read(fd, buf, 8) == 4 &&
	      !memcmp(buf, "data", 4), "the data lives on");
	CHECK(fstat(fd, &st) == 0 && st.st_nlink == 0, "nlink 0");
	close(fd);
	case_end();
}

/* st_mode by lstat64, whose layout is the same in both C libraries. */
static unsigned int lstat_mode(const char *path)
{
	unsigned int st[24];	/* struct stat64: 96 bytes, st_mode at 16 */

	return syscall(NR_lstat64, path, st) ? 0 : st[4];
}

/* Is name in directory path? */
static int listed(const char *path, const char *name)
{
	DIR *d = opendir(path);
	struct dirent *de;
	int found = 0;

	while (d && (de = readdir(d)))
		if (!strcmp(de->d_name, name))
			found = 1;
	if (d)
		closedir(d);
	return found;
}

static void test_directories(void)
{
	char d[128], f[128], g[128], e[128];
	struct stat st;
	int fd;

	case_begin("tmpfs_directories_and_rename");
	CHECK(syscall(NR_mkdir, at(d, "d"), 0755) == 0, "mkdir");
	CHECK_ERR(syscall(NR_mkdir, d, 0755), EEXIST);
	fd = open(at(f, "f"), O_WRONLY | O_CREAT, 0644);
	close(fd);
	snprintf(g, sizeof(g), "%s/g", d);
	CHECK(syscall(NR_rename, f, g) == 0, "rename into d");
	CHECK(listed(d, "g") && !listed(dir, "f"), "readdir sees the move");
	CHECK_ERR(syscall(NR_rmdir, d), ENOTEMPTY);
	CHECK_ERR(syscall(NR_rmdir, g), ENOTDIR);
	CHECK_ERR(syscall(NR_unlink, d), EISDIR);
	snprintf(e, sizeof(e), "%s/sub", d);
	CHECK_ERR(syscall(NR_rename, d, e), EINVAL);
	CHECK(stat(dir, &st) == 0 && st.st_nlink == 3, "nlink of the parent "
	      "counts d: %d", (int)st.st_nlink);
	fd = open(at(f, "f"), O_WRONLY | O_CREAT, 0644);
	CHECK(fd >= 0 && write(fd, "x", 1) == 1, "a second file");
	close(fd);
	CHECK(syscall(NR_rename, f, g) == 0, "rename over g");
	CHECK(stat(g, &st) == 0 && st.st_size == 1, "g is the new one");
	CHECK(syscall(NR_unlink, g) == 0 && syscall(NR_rmdir, d) == 0,
	      "unlink, rmdir");
	CHECK_ERR(syscall(NR_rmdir, d), ENOENT);
	case_end();
}

static void test_links(void)
{
	char f[128], l[128], s[128], buf[128];
	struct stat st;
	int fd, n;

	case_begin("tmpfs_link_symlink_readlink");
	fd = open(at(f, "f"), O_WRONLY | O_CREAT, 0644);
	CHECK(fd >= 0 && write(fd, "abc", 3) == 3, "create");
	close(fd);
	CHECK(syscall(NR_link, f, at(l, "l")) == 0, "link");
	CHECK(stat(f, &st) == 0 && st.st_nlink == 2, "nlink 2");
	CHECK_ERR(syscall(NR_link, f, l), EEXIST);
	CHECK(syscall(NR_symlink, "f", at(s, "s")) == 0, "symlink");
	n = syscall(NR_readlink, s, buf, sizeof(buf));
	CHECK(n == 1 && buf[0] == 'f', "readlink: %d", n);
	CHECK(stat(s, &st) == 0 && st.st_size == 3, "stat follows it");
	CHECK(S_ISLNK(lstat_mode(s)), "lstat does not");
	CHECK(syscall(NR_unlink, f) == 0, "unlink f");
	CHECK(stat(l, &st) == 0 && st.st_nlink == 1, "l remains");
	CHECK_ERR(stat(s, &st), ENOENT);
	syscall(NR_unlink, l);
	syscall(NR_unlink, s);
	case_end();
}

static void test_attributes(void)
{
	struct ts_abi t[2] = { { 1000, 0 }, { 12345, 0 } };
	char f[128], buf[16];
	struct stat st;
	int fd;

	case_begin("tmpfs_chmod_truncate_utimensat");
	fd = open(at(f, "f"), O_RDWR | O_CREAT, 0644);
	CHECK(fd >= 0 && write(fd, "abcdef", 6) == 6, "create");
	CHECK(syscall(NR_chmod, f, 0600) == 0 && stat(f, &st) == 0 &&
	      (st.st_mode & 07777) == 0600, "chmod");
	CHECK(syscall(NR_truncate, f, 10) == 0 && stat(f, &st) == 0 &&
	      st.st_size == 10, "truncate up");
	CHECK(lseek(fd, 0, SEEK_SET) == 0 && read(fd, buf, 16) == 10 &&
	      !memcmp(buf, "abcdef\0\0\0", 10),
	      "zeros past the old end");
	CHECK(syscall(NR_ftruncate, fd, 2) == 0 && fstat(fd, &st) == 0 &&
	      st.st_size == 2, "ftruncate down");
	CHECK_ERR(syscall(NR_truncate, f, -1), EINVAL);
	CHECK(syscall(NR_utimensat, AT_FDCWD, f, t, 0) == 0 &&
	      stat(f, &st) == 0 && st.st_mtime == 12345, "utimensat: %ld",
	      (long)st.st_mtime);
	close(fd);
	syscall(NR_unlink, f);
	case_end();
}

/* In the child, as nobody: what it may and may not do. */
static int nobody_checks(void)
{
	char p[128], s[128];
	int fd, bad = 0;

	if (syscall(NR_setgid32, NOBODY) || syscall(NR_setuid32, NOBODY))
		return 100;
	bad |= open(at(p, "root_only"), O_RDONLY) >= 0 || errno != EACCES;
	bad |= (syscall(NR_unlink, p) == 0 || errno != EPERM) << 1;
	bad |= (syscall(NR_chmod, p, 0777) == 0 || errno != EPERM) << 2;
	snprintf(s, sizeof(s), "%s/closed/x", dir);
	bad |= (open(s, O_WRONLY | O_CREAT, 0644) >= 0 || errno != EACCES)
	       << 3;
	fd = open(at(p, "mine"), O_WRONLY | O_CREAT, 0644);
	bad |= (fd < 0) << 4;
	close(fd);
	bad |= (syscall(NR_unlink, p) != 0) << 5;
	return bad;
}

static void test_permissions(void)
{
	char p[128], c[128];
	int fd, status = -1;
	pid_t pid;

	if (geteuid() != 0) {
		case_skip("tmpfs_permissions_nobody_sticky", "not root");
		return;
	}
	case_begin("tmpfs_permissions_nobody_sticky");
	CHECK(syscall(NR_chmod, dir, 01777) == 0, "a sticky directory");
	fd = open(at(p, "root_only"), O_WRONLY | O_CREAT, 0600);
	close(fd);
	CHECK(syscall(NR_mkdir, at(c, "closed"), 0755) == 0, "mkdir 0755");
	pid = fork();
	if (pid == 0)
		_exit(nobody_checks());
	waitpid(pid, &status, 0);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0,
	      "as nobody: status %#x (bits: which check failed)", status);
	syscall(NR_unlink, p);
	syscall(NR_rmdir, c);
	syscall(NR_chmod, dir, 0700);
	case_end();
}

/* Fill /tmp until ENOSPC, then give it all back. */
static void test_enospc(void)
{
	struct statfs64_abi before, after;
	char f[128], *chunk;
	long written = 0, n = 0;
	int fd;

	if (!on_lintel()) {
		case_skip("tmpfs_enospc_at_size_limit",
			  "the host's /tmp has no small limit of its own");
		return;
	}
	case_begin("tmpfs_enospc_at_size_limit");
	chunk = calloc(1, FILL_CHUNK);
	CHECK(syscall(NR_statfs64, "/tmp", sizeof(before), &before) == 0 &&
	      before.f_type == TMPFS_MAGIC && before.f_blocks > 0,
	      "statfs64 of /tmp: a tmpfs with a size");
	fd = open(at(f, "big"), O_WRONLY | O_CREAT, 0600);
	while (chunk && written < FILL_MOST &&
	       (n = write(fd, chunk, FILL_CHUNK)) > 0)
		written += n;
	CHECK(n < 0 && errno == ENOSPC, "ENOSPC after %ld bytes", written);
	CHECK(written > 0 && written <= (long)(before.f_blocks *
					       before.f_bsize),
	      "wrote %ld, no more than the limit", written);
	close(fd);
	syscall(NR_unlink, f);
	CHECK(syscall(NR_statfs64, "/tmp", sizeof(after), &after) == 0 &&
	      after.f_bfree == before.f_bfree, "all given back: %llu of %llu",
	      after.f_bfree, before.f_bfree);
	free(chunk);
	case_end();
}

/* The root is writable too (Lintel's rootfs); the host's is not ours. */
static void test_root_writable(void)
{
	char p[64], buf[8] = "";
	int fd;

	if (!on_lintel() || geteuid() != 0) {
		case_skip("tmpfs_root_is_writable",
			  "would write into the host's / (or not root)");
		return;
	}
	case_begin("tmpfs_root_is_writable");
	snprintf(p, sizeof(p), "/test_tmpfs.%d", (int)getpid());
	fd = open(p, O_RDWR | O_CREAT | O_EXCL, 0600);
	CHECK(fd >= 0 && write(fd, "root", 4) == 4, "create in /: %s",
	      strerror(errno));
	CHECK(lseek(fd, 0, SEEK_SET) == 0 && read(fd, buf, 8) == 4 &&
	      !memcmp(buf, "root", 4), "read back");
	close(fd);
	CHECK(syscall(NR_unlink, p) == 0, "unlink");
	case_end();
}

static void test_statfs(void)
{
	struct statfs64_abi st;

	case_begin("tmpfs_statfs64");
	CHECK(syscall(NR_statfs64, "/", sizeof(st), &st) == 0 &&
	      st.f_bsize > 0 && st.f_namelen == 255, "statfs64 of /");
	CHECK_ERR(syscall(NR_statfs64, "/", sizeof(st) - 1, &st), EINVAL);
	CHECK_ERR(syscall(NR_statfs64, "/no-such", sizeof(st), &st), ENOENT);
	case_end();
}

int main(void)
{
	syscall(NR_umask, 022);
	snprintf(dir, sizeof(dir), "/tmp/test_tmpfs.%d", (int)getpid());
	if (syscall(NR_mkdir, dir, 0700)) {
		printf("cannot make %s: %s\n", dir, strerror(errno));
		return 1;
	}
	test_create_read_write();
	test_unlink_while_open();
	test_directories();
	test_links();
	test_attributes();
	test_permissions();
	test_enospc();
	test_root_writable();
	test_statfs();
	case_begin("tmpfs_nothing_left");
	CHECK(syscall(NR_rmdir, dir) == 0, "rmdir %s: %s", dir,
	      strerror(errno));
	case_end();
	return check_summary();
}
