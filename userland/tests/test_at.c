/*
 * test_at.c - the file calls glibc and musl use in place of the old
 * ones: openat, fstatat64 (AT_EMPTY_PATH, AT_SYMLINK_NOFOLLOW), statx,
 * readlink and readlinkat of /proc/self/exe, faccessat, mkdirat and
 * unlinkat (their errors only: nothing is created or removed), and
 * pread64/pwrite64; every one with Linux's errors and bad pointers.
 * Raw system calls throughout, so that the test is the same with any C
 * library.
 */
#include <fcntl.h>
#include <unistd.h>
#include <sys/syscall.h>
#include "check.h"

#define NR_readlink	85
#define NR_pread64	180
#define NR_pwrite64	181
#define NR_openat	295
#define NR_mkdirat	296
#define NR_fstatat64	300
#define NR_unlinkat	301
#define NR_readlinkat	305
#define NR_faccessat	307
#define NR_statx	383
#define NR_dup3		330
#define CLOEXEC_FLAG	02000000	/* O_CLOEXEC */
#define FD_CLOEXEC_BIT	1
#define NR_fcntl64	221
#define GET_FD		1	/* F_GETFD */

#define AT_CWD		(-100)
#define AT_NOFOLLOW	0x100
#define AT_RMDIR	0x200
#define AT_EMPTY	0x1000
#define AT_BAD_FLAG	0x4
#define STATX_SYNC_BOTH	0x6000
#define STATX_BASIC	0x7ffU
#define STATX_RESERVED	0x80000000U
#define MODE_FMT	0170000
#define MODE_LNK	0120000
#define MODE_REG	0100000
#define BAD_PTR		((void *)0xC0000000)
#define NO_FD		999
#define PATH_LEN	256
#define MAY_READ	4	/* access()'s R_OK, X_OK, F_OK */
#define MAY_EXEC	1
#define EXISTS		0

/* struct stat64, i386: the fields the test compares. */
struct stat64_raw {
	unsigned long long st_dev;
	unsigned char pad0[4];
	unsigned long __st_ino;
	unsigned int st_mode;
	unsigned int st_nlink;
	unsigned long st_uid, st_gid;
	unsigned long long st_rdev;
	unsigned char pad3[4];
	long long st_size;
	unsigned long st_blksize;
	unsigned long long st_blocks;
	unsigned long times[6];		/* a, m, c: seconds, nanoseconds */
	unsigned long long st_ino;
} __attribute__((packed));

struct statx_raw {		/* the first fields of struct statx */
	unsigned int stx_mask, stx_blksize;
	unsigned long long stx_attributes;
	unsigned int stx_nlink, stx_uid, stx_gid;
	unsigned short stx_mode, spare0;
	unsigned long long stx_ino, stx_size, stx_blocks;
	unsigned char rest[256 - 56];
};

static const char *self_path;	/* argv[0]: this program */

static long fstatat(int dfd, const char *path, struct stat64_raw *st,
		    int flags)
{
	return syscall(NR_fstatat64, dfd, path, st, flags);
}

static void test_openat(void)
{
	char buf[16];
	int dir, fd, file;

	case_begin("openat_relative_absolute_and_errors");
	dir = open("/proc/self", O_RDONLY);
	CHECK(dir >= 0, "open /proc/self, errno %d", errno);
	fd = syscall(NR_openat, dir, "status", O_RDONLY, 0);
	CHECK(fd >= 0, "openat(dir, \"status\"), errno %d", errno);
	if (fd >= 0) {
		CHECK(read(fd, buf, 5) == 5 && !memcmp(buf, "Name:", 5),
		      "it is /proc/self/status");
		close(fd);
	}
	fd = syscall(NR_openat, NO_FD, "/proc/self/status", O_RDONLY, 0);
	CHECK(fd >= 0, "an absolute path ignores dfd, errno %d", errno);
	if (fd >= 0)
		close(fd);
	file = open(self_path, O_RDONLY);
	CHECK_ERR(syscall(NR_openat, NO_FD, "status", O_RDONLY, 0), EBADF);
	CHECK_ERR(syscall(NR_openat, file, "status", O_RDONLY, 0), ENOTDIR);
	CHECK_ERR(syscall(NR_openat, dir, "no-such-file", O_RDONLY, 0),
		  ENOENT);
	CHECK_ERR(syscall(NR_openat, AT_CWD, BAD_PTR, O_RDONLY, 0), EFAULT);
	close(file);
	close(dir);
	case_end();
}

static void test_fstatat(void)
{
	struct stat64_raw a, b;
	int dir, fd;

	case_begin("fstatat64_flags_and_errors");
	dir = open("/proc/self", O_RDONLY);
	fd = open("/proc/self/status", O_RDONLY);
	CHECK(dir >= 0 && fd >= 0, "opened /proc/self and its status");
	CHECK_OK(fstatat(dir, "status", &a, 0));
	CHECK_OK(syscall(197, fd, &b));		/* fstat64 */
	CHECK(a.st_ino == b.st_ino && a.st_mode == b.st_mode,
	      "fstatat64(dir, \"status\") is fstat64 of it: ino %llu/%llu",
	      a.st_ino, b.st_ino);
	CHECK_OK(fstatat(fd, "", &a, AT_EMPTY));
	CHECK(a.st_ino == b.st_ino, "AT_EMPTY_PATH stats dfd itself");
	CHECK_ERR(fstatat(fd, "", &a, 0), ENOENT);
	CHECK_OK(fstatat(AT_CWD, "/proc/self/exe", &a, 0));
	CHECK((a.st_mode & MODE_FMT) == MODE_REG,
	      "/proc/self/exe followed is a file, mode 0%o", a.st_mode);
	CHECK_OK(fstatat(AT_CWD, "/proc/self/exe", &a, AT_NOFOLLOW));
	CHECK((a.st_mode & MODE_FMT) == MODE_LNK,
	      "with AT_SYMLINK_NOFOLLOW a link, mode 0%o", a.st_mode);
	CHECK_ERR(fstatat(AT_CWD, "/proc/self/exe", &a, AT_BAD_FLAG), EINVAL);
	CHECK_ERR(fstatat(AT_CWD, "/proc/self/status", BAD_PTR, 0), EFAULT);
	CHECK_ERR(fstatat(AT_CWD, BAD_PTR, &a, 0), EFAULT);
	CHECK_ERR(fstatat(NO_FD, "status", &a, 0), EBADF);
	close(fd);
	close(dir);
	case_end();
}

static void test_statx(void)
{
	struct statx_raw x;
	struct stat64_raw st;

	case_begin("statx_fields_and_errors");
	memset(&x, 0, sizeof(x));
	CHECK_OK(syscall(NR_statx, AT_CWD, self_path, 0, STATX_BASIC, &x));
	CHECK_OK(fstatat(AT_CWD, self_path, &st, 0));
	CHECK((x.stx_mask & STATX_BASIC) == STATX_BASIC,
	      "the basic fields known, mask 0x%x", x.stx_mask);
	CHECK(x.stx_ino == st.st_ino && x.stx_size == (unsigned long long)
	      st.st_size && x.stx_mode == st.st_mode,
	      "statx agrees with fstatat64: ino %llu/%llu size %llu/%lld",
	      x.stx_ino, st.st_ino, x.stx_size, st.st_size);
	CHECK_OK(syscall(NR_statx, AT_CWD, "/proc/self/exe", AT_NOFOLLOW,
			 STATX_BASIC, &x));
	CHECK((x.stx_mode & MODE_FMT) == MODE_LNK, "a link, mode 0%o",
	      x.stx_mode);
	CHECK_ERR(syscall(NR_statx, AT_CWD, self_path, STATX_SYNC_BOTH,
			  STATX_BASIC, &x), EINVAL);
	CHECK_ERR(syscall(NR_statx, AT_CWD, self_path, 0, STATX_RESERVED,
			  &x), EINVAL);
	CHECK_ERR(syscall(NR_statx, AT_CWD, self_path, 0, STATX_BASIC,
			  BAD_PTR), EFAULT);
	case_end();
}

static void test_readlink(void)
{
	char link[PATH_LEN], again[PATH_LEN];
	struct stat64_raw a, b;
	long n, m;
	int dir;

	case_begin("readlink_proc_self_exe_and_errors");
	memset(link, 0, sizeof(link));
	n = syscall(NR_readlink, "/proc/self/exe", link, sizeof(link) - 1);
	CHECK(n > 0 && link[0] == '/', "an absolute path, got %ld \"%s\"",
	      n, link);
	CHECK(n > 0 && fstatat(AT_CWD, link, &a, 0) == 0 &&
	      fstatat(AT_CWD, self_path, &b, 0) == 0 &&
	      a.st_ino == b.st_ino && a.st_dev == b.st_dev,
	      "the target is this program (%s)", self_path);
	dir = open("/proc/self", O_RDONLY);
	memset(again, 0, sizeof(again));
	m = syscall(NR_readlinkat, dir, "exe", again, sizeof(again) - 1);
	CHECK(m == n && !strcmp(again, link),
	      "readlinkat(dir, \"exe\") the same, got %ld \"%s\"", m, again);
	memset(again, 0, sizeof(again));
	CHECK(syscall(NR_readlink, "/proc/self/exe", again, 3) == 3 &&
	      again[3] == 0 && !strncmp(again, link, 3),
	      "cut to the buffer, no NUL added");
	CHECK_ERR(syscall(NR_readlink, "/proc/self/exe", again, 0), EINVAL);
	CHECK_ERR(syscall(NR_readlink, self_path, again, sizeof(again)),
		  EINVAL);
	CHECK_ERR(syscall(NR_readlink, "/proc/self/no-such", again,
			  sizeof(again)), ENOENT);
	CHECK_ERR(syscall(NR_readlink, "/proc/self/exe", BAD_PTR,
			  sizeof(again)), EFAULT);
	CHECK_ERR(syscall(NR_readlink, BAD_PTR, again, sizeof(again)),
		  EFAULT);
	close(dir);
	case_end();
}

static void test_faccessat(void)
{
	case_begin("faccessat_and_errors");
	CHECK_OK(syscall(NR_faccessat, AT_CWD, "/proc/self/status", MAY_READ));
	CHECK_OK(syscall(NR_faccessat, AT_CWD, self_path, MAY_EXEC));
	CHECK_ERR(syscall(NR_faccessat, AT_CWD, "/no-such-file", EXISTS),
		  ENOENT);
	CHECK_ERR(syscall(NR_faccessat, AT_CWD, self_path, 0x80), EINVAL);
	CHECK_ERR(syscall(NR_faccessat, AT_CWD, BAD_PTR, EXISTS), EFAULT);
	case_end();
}

/* Only the answers that change nothing: the root may be read-only. */
static void test_mkdirat_unlinkat(void)
{
	case_begin("mkdirat_unlinkat_errors");
	CHECK_ERR(syscall(NR_mkdirat, AT_CWD, "/proc", 0755), EEXIST);
	CHECK_ERR(syscall(NR_mkdirat, AT_CWD, "/no-such-dir/x", 0755),
		  ENOENT);
	CHECK_ERR(syscall(NR_mkdirat, AT_CWD, BAD_PTR, 0755), EFAULT);
	CHECK_ERR(syscall(NR_mkdirat, NO_FD, "x", 0755), EBADF);
	CHECK_ERR(syscall(NR_unlinkat, AT_CWD, "/no-such-dir/x", 0), ENOENT);
	CHECK_ERR(syscall(NR_unlinkat, AT_CWD, "/no-such-dir/x", AT_BAD_FLAG),
		  EINVAL);
	CHECK_ERR(syscall(NR_unlinkat, AT_CWD, "/no-such-dir/x", AT_RMDIR),
		  ENOENT);
	CHECK_ERR(syscall(NR_unlinkat, AT_CWD, BAD_PTR, 0), EFAULT);
	case_end();
}

static void test_pread_pwrite(void)
{
	char buf[8];
	int fd, null, fds[2];

	case_begin("pread64_pwrite64_and_errors");
	fd = open(self_path, O_RDONLY);
	CHECK(fd >= 0, "open this program, errno %d", errno);
	memset(buf, 0, sizeof(buf));
	CHECK(syscall(NR_pread64, fd, buf, 3, 1, 0) == 3 &&
	      !memcmp(buf, "ELF", 3), "pread at 1 reads \"ELF\", got \"%s\"",
	      buf);
	CHECK(lseek(fd, 0, SEEK_CUR) == 0, "the position stays 0");
	CHECK_ERR(syscall(NR_pread64, fd, buf, 3, 0, 0x80000000), EINVAL);
	CHECK_ERR(syscall(NR_pread64, fd, BAD_PTR, 3, 0, 0), EFAULT);
	CHECK_ERR(syscall(NR_pwrite64, fd, buf, 3, 0, 0), EBADF);
	CHECK_ERR(syscall(NR_pread64, NO_FD, buf, 3, 0, 0), EBADF);
	null = open("/dev/null", O_WRONLY);
	CHECK(syscall(NR_pwrite64, null, buf, 3, 5, 0) == 3,
	      "pwrite64 to /dev/null");
	CHECK(pipe(fds) == 0, "a pipe");
	CHECK_ERR(syscall(NR_pread64, fds[0], buf, 3, 0, 0), ESPIPE);
	CHECK_ERR(syscall(NR_pwrite64, fds[1], buf, 3, 0, 0), ESPIPE);
	close(fds[0]);
	close(fds[1]);
	close(null);
	close(fd);
	case_end();
}

static void test_dup3(void)
{
	int fd = open(self_path, O_RDONLY), other = open(self_path, O_RDONLY);

	case_begin("dup3_cloexec_and_errors");
	CHECK(fd >= 0 && other >= 0, "two descriptors");
	CHECK(syscall(NR_dup3, fd, other, CLOEXEC_FLAG) == other,
	      "dup3 onto an open descriptor");
	CHECK(syscall(NR_fcntl64, other, GET_FD) == FD_CLOEXEC_BIT, "with FD_CLOEXEC");
	CHECK(syscall(NR_dup3, fd, other, 0) == other &&
	      syscall(NR_fcntl64, other, GET_FD) == 0, "and without");
	CHECK_ERR(syscall(NR_dup3, fd, fd, 0), EINVAL);
	CHECK_ERR(syscall(NR_dup3, fd, other, 1), EINVAL);
	CHECK_ERR(syscall(NR_dup3, NO_FD, other, 0), EBADF);
	close(other);
	close(fd);
	case_end();
}

int main(int argc, char **argv)
{
	(void)argc;
	self_path = argv[0];
	test_openat();
	test_fstatat();
	test_statx();
	test_readlink();
	test_faccessat();
	test_mkdirat_unlinkat();
	test_pread_pwrite();
	test_dup3();
	return check_summary();
}
