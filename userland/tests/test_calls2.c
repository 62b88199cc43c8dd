/*
 * test_calls2.c - the file calls that came last: the 16-bit chown,
 * lchown and fchown (16, 95, 182), sendfile and sendfile64 (187, 239),
 * readahead (225), fadvise64 and fadvise64_64 (250, 272), futimesat
 * (299), preadv, pwritev, preadv2 and pwritev2 (333, 334, 378, 379),
 * copy_file_range (377), close_range (436) and faccessat2 (439), on
 * files in /tmp and pipes: what each moves or
 * changes, and Linux's EBADF, EINVAL, ESPIPE, EISDIR, EOPNOTSUPP and
 * EFAULT (copy_file_range on a pipe is EINVAL, sendfile's ESPIPE).
 * Raw system calls, so that the test means the same with any C library.
 */
#include <fcntl.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include "check.h"

#define NR_unlink	10
#define NR_lchown16	16
#define NR_fchown16	95
#define NR_chown16	182
#define NR_sendfile	187
#define NR_fcntl64	221
#define NR_readahead	225
#define NR_sendfile64	239
#define NR_fadvise64	250
#define NR_fadvise64_64	272
#define NR_futimesat	299
#define NR_preadv	333
#define NR_pwritev	334
#define NR_preadv2	378
#define NR_pwritev2	379
#define NR_close_range	436
#define NR_copy_file_range 377
#define NR_faccessat2	439
#define NR_symlink	83

#define AT_CWD		(-100)
#define AT_NOFOLLOW	0x100
#define AT_EACCESS_FLAG	0x200
#define AT_EMPTY	0x1000
#define AT_BAD_FLAG	0x1
#define MAY_READ	4	/* R_OK */
#define MAY_ALL		7	/* R_OK | W_OK | X_OK */
#define GET_FD		1	/* F_GETFD */
#define FD_CLOEXEC_BIT	1
#define RANGE_CLOEXEC	(1U << 2)	/* CLOSE_RANGE_CLOEXEC */
#define RANGE_BAD_FLAG	(1U << 7)
#define RWF_DSYNC_FLAG	0x02
#define RWF_BAD_FLAG	0x80000000U
#define FADV_NORMAL	0
#define FADV_NOREUSE	5	/* the last advice Linux knows */
#define ID16_KEEP	0xffff	/* the 16-bit -1: leave the id */
#define ID16_HIGH	0x10000	/* a bit the 16-bit calls drop */
#define ROOT_UID16	1234	/* root gives the file to this uid */
#define POS_HI_NEG	0xffffffffUL	/* high half of a negative pos */
#define BAD_PTR		((void *)0xC0000000)
#define CLOSED_FD	30
#define LOW_FD		20	/* close_range's descriptors: 20..23 */
#define GIVEN_MTIME	1000000L	/* 1970-01-12: no clock reads that */
#define USEC_TOO_BIG	1000000L
#define BIG_LEN		10000	/* sendfile: more than two pages */

struct tv {
	long tv_sec, tv_usec;
};

static char path[64], path2[64];

/* A new file at p holding text, open for reading and writing. */
static int make_file(const char *p, const char *text)
{
	int fd = open(p, O_RDWR | O_CREAT | O_TRUNC, 0600);

	if (fd >= 0 && write(fd, text, strlen(text)) != (long)strlen(text)) {
		close(fd);
		return -1;
	}
	return fd;
}

static int fd_flags(int fd)
{
	return syscall(NR_fcntl64, fd, GET_FD);
}

static void test_chown16(void)
{
	struct stat st, before;
	unsigned int uid = getuid();
	int fd = make_file(path, "x");

	case_begin("chown16_takes_the_low_16_bits_and_ffff_keeps");
	CHECK(fd >= 0 && stat(path, &before) == 0, "make %s", path);
	CHECK_OK(syscall(NR_chown16, path, before.st_uid | ID16_HIGH,
			 ID16_KEEP));
	CHECK(stat(path, &st) == 0 && st.st_uid == before.st_uid &&
	      st.st_gid == before.st_gid, "owner kept: %u.%u",
	      (unsigned)st.st_uid, (unsigned)st.st_gid);
	CHECK_OK(syscall(NR_lchown16, path, ID16_KEEP, ID16_KEEP));
	CHECK_OK(syscall(NR_fchown16, fd, ID16_KEEP, ID16_KEEP));
	if (geteuid() == 0) {
		CHECK_OK(syscall(NR_fchown16, fd, ROOT_UID16 | ID16_HIGH,
				 ID16_KEEP));
		CHECK(fstat(fd, &st) == 0 && st.st_uid == ROOT_UID16 &&
		      st.st_gid == before.st_gid, "root gave it to %u: %u",
		      ROOT_UID16, (unsigned)st.st_uid);
	} else {
		CHECK_ERR(syscall(NR_fchown16, fd, (uid + 1) & ID16_KEEP,
				  ID16_KEEP), EPERM);
	}
	CHECK_ERR(syscall(NR_fchown16, CLOSED_FD, ID16_KEEP, ID16_KEEP),
		  EBADF);
	CHECK_ERR(syscall(NR_chown16, "/tmp/no/such/file", ID16_KEEP,
			  ID16_KEEP), ENOENT);
	CHECK_ERR(syscall(NR_chown16, BAD_PTR, ID16_KEEP, ID16_KEEP), EFAULT);
	CHECK_ERR(syscall(NR_lchown16, BAD_PTR, ID16_KEEP, ID16_KEEP), EFAULT);
	close(fd);
	syscall(NR_unlink, path);
	case_end();
}

static void test_preadv_pwritev(void)
{
	char a[3], b[8];
	struct iovec w[2] = { { "ab", 2 }, { "cd", 2 } };
	struct iovec r[2] = { { a, sizeof(a) }, { b, 7 } };
	struct iovec bad = { BAD_PTR, 4 };
	int fd = make_file(path, "0123456789"), p[2], wo;

	case_begin("preadv_pwritev_at_a_position_leave_the_offset");
	CHECK(fd >= 0 && pipe(p) == 0, "file and pipe");
	CHECK(syscall(NR_pwritev, fd, w, 2, 2, 0) == 4, "pwritev 4 bytes");
	CHECK(lseek(fd, 0, SEEK_CUR) == 10, "offset still 10");
	memset(b, 0, sizeof(b));
	CHECK(syscall(NR_preadv, fd, r, 2, 0, 0) == 10, "preadv 10 bytes");
	CHECK(!memcmp(a, "01a", 3) && !strcmp(b, "bcd6789"),
	      "01abcd6789: %.3s%s", a, b);
	CHECK(syscall(NR_preadv, fd, r, 2, 10, 0) == 0, "preadv at the end");
	CHECK(lseek(fd, 0, SEEK_CUR) == 10, "offset still 10");
	CHECK_ERR(syscall(NR_preadv, fd, r, 2, 0, POS_HI_NEG), EINVAL);
	CHECK_ERR(syscall(NR_preadv, p[0], r, 2, 0, 0), ESPIPE);
	CHECK_ERR(syscall(NR_pwritev, p[1], w, 2, 0, 0), ESPIPE);
	CHECK_ERR(syscall(NR_preadv, p[1], r, 2, 0, 0), ESPIPE);
	wo = open(path, O_WRONLY);
	CHECK_ERR(syscall(NR_preadv, wo, r, 2, 0, 0), EBADF);
	CHECK_ERR(syscall(NR_preadv, wo, r, 2, 0, POS_HI_NEG), EINVAL);
	close(wo);
	CHECK_ERR(syscall(NR_preadv, CLOSED_FD, r, 2, 0, 0), EBADF);
	CHECK_ERR(syscall(NR_preadv, fd, BAD_PTR, 2, 0, 0), EFAULT);
	CHECK_ERR(syscall(NR_preadv, fd, &bad, 1, 0, 0), EFAULT);
	CHECK_ERR(syscall(NR_pwritev, fd, &bad, 1, 0, 0), EFAULT);
	close(p[0]);
	close(p[1]);
	close(fd);
	syscall(NR_unlink, path);
	case_end();
}

static void test_preadv2_pwritev2(void)
{
	char a[4] = "";
	struct iovec r = { a, 3 };
	struct iovec w = { "XY", 2 };
	int fd = make_file(path, "0123456789"), p[2];

	case_begin("preadv2_pwritev2_flags_and_pos_minus_one");
	CHECK(fd >= 0 && pipe(p) == 0, "file and pipe");
	CHECK(lseek(fd, 4, SEEK_SET) == 4, "seek to 4");
	CHECK(syscall(NR_preadv2, fd, &r, 1, -1L, -1L, 0) == 3 &&
	      !strcmp(a, "456"), "pos -1 reads at the offset: %s", a);
	CHECK(lseek(fd, 0, SEEK_CUR) == 7, "and moves it to 7");
	CHECK(syscall(NR_pwritev2, fd, &w, 1, 0, 0, RWF_DSYNC_FLAG) == 2,
	      "pwritev2 RWF_DSYNC at 0");
	CHECK(syscall(NR_preadv2, fd, &r, 1, 0, 0, 0) == 3 &&
	      !strcmp(a, "XY2"), "read back at 0: %s", a);
	CHECK(lseek(fd, 0, SEEK_CUR) == 7, "the offset still 7");
	CHECK(syscall(NR_pwritev2, p[1], &w, 1, -1L, -1L, 0) == 2,
	      "pos -1 writes into a pipe");
	CHECK(syscall(NR_preadv2, p[0], &r, 1, -1L, -1L, 0) == 2 &&
	      !memcmp(a, "XY", 2), "and reads from it");
	CHECK_ERR(syscall(NR_preadv2, fd, &r, 1, 0, 0, RWF_BAD_FLAG),
		  EOPNOTSUPP);
	CHECK_ERR(syscall(NR_pwritev2, fd, &w, 1, 0, 0, RWF_BAD_FLAG),
		  EOPNOTSUPP);
	CHECK_ERR(syscall(NR_preadv2, p[0], &r, 1, 0, 0, 0), ESPIPE);
	CHECK_ERR(syscall(NR_preadv2, CLOSED_FD, &r, 1, 0, 0, 0), EBADF);
	CHECK_ERR(syscall(NR_preadv2, fd, BAD_PTR, 1, 0, 0, 0), EFAULT);
	close(p[0]);
	close(p[1]);
	close(fd);
	syscall(NR_unlink, path);
	case_end();
}

/* The text sendfile copies into a file, checked byte for byte. */
static int same_content(int fd, const char *want, int len)
{
	static char got[BIG_LEN];

	if (lseek(fd, 0, SEEK_SET) != 0 || read(fd, got, len) != len)
		return 0;
	return !memcmp(got, want, len);
}

static void test_sendfile(void)
{
	static char big[BIG_LEN];
	char got[16] = "";
	long off = 6;
	long long off64 = 0;
	int in = make_file(path, "hello world"), out, p[2], ro;

	case_begin("sendfile_copies_with_and_without_an_offset");
	CHECK(in >= 0 && pipe(p) == 0, "file and pipe");
	CHECK(lseek(in, 2, SEEK_SET) == 2, "seek to 2");
	CHECK(syscall(NR_sendfile, p[1], in, &off, 100) == 5, "5 bytes");
	CHECK(off == 11 && lseek(in, 0, SEEK_CUR) == 2,
	      "offset 11, the file's own 2: %ld", off);
	CHECK(read(p[0], got, sizeof(got)) == 5 && !memcmp(got, "world", 5),
	      "world through the pipe");
	CHECK(syscall(NR_sendfile, p[1], in, &off, 100) == 0, "0 at the end");
	CHECK(syscall(NR_sendfile, p[1], in, NULL, 3) == 3 &&
	      lseek(in, 0, SEEK_CUR) == 5, "no offset: from 2, moves to 5");
	CHECK(read(p[0], got, sizeof(got)) == 3 && !memcmp(got, "llo", 3),
	      "llo through the pipe");
	memset(big, 'a', sizeof(big));
	big[4095] = 'b';
	big[BIG_LEN - 1] = 'c';
	CHECK(lseek(in, 0, SEEK_SET) == 0 &&
	      write(in, big, BIG_LEN) == BIG_LEN, "a big file");
	out = make_file(path2, "");
	CHECK(out >= 0, "make %s", path2);
	CHECK(syscall(NR_sendfile64, out, in, &off64, BIG_LEN + 5) ==
	      BIG_LEN && off64 == BIG_LEN, "sendfile64 all: %lld", off64);
	CHECK(same_content(out, big, BIG_LEN), "the copy matches");
	off = 0;
	ro = open(path, O_RDONLY);
	CHECK_ERR(syscall(NR_sendfile, p[1], CLOSED_FD, &off, 1), EBADF);
	CHECK_ERR(syscall(NR_sendfile, CLOSED_FD, in, &off, 1), EBADF);
	CHECK_ERR(syscall(NR_sendfile, ro, in, &off, 1), EBADF);
	CHECK_ERR(syscall(NR_sendfile, p[1], p[0], &off, 1), ESPIPE);
	CHECK_ERR(syscall(NR_sendfile, p[1], in, BAD_PTR, 1), EFAULT);
	CHECK_ERR(syscall(NR_sendfile64, p[1], in, BAD_PTR, 1), EFAULT);
	off = -1;
	CHECK_ERR(syscall(NR_sendfile, p[1], in, &off, 1), EINVAL);
	close(out);
	out = open(path2, O_WRONLY | O_APPEND);
	off = 0;
	CHECK_ERR(syscall(NR_sendfile, out, in, &off, 1), EINVAL);
	close(ro);
	close(out);
	close(p[0]);
	close(p[1]);
	close(in);
	syscall(NR_unlink, path);
	syscall(NR_unlink, path2);
	case_end();
}

static void test_advice(void)
{
	int fd = make_file(path, "abc"), p[2], wo, dir, a;

	case_begin("fadvise_and_readahead_check_fd_and_advice");
	CHECK(fd >= 0 && pipe(p) == 0, "file and pipe");
	for (a = FADV_NORMAL; a <= FADV_NOREUSE; a++) {
		CHECK(syscall(NR_fadvise64_64, fd, 0, 0, 3, 0, a) == 0,
		      "fadvise64_64 advice %d", a);
		CHECK(syscall(NR_fadvise64, fd, 0, 0, 3, a) == 0,
		      "fadvise64 advice %d", a);
	}
	CHECK_ERR(syscall(NR_fadvise64_64, fd, 0, 0, 3, 0, FADV_NOREUSE + 1),
		  EINVAL);
	CHECK_ERR(syscall(NR_fadvise64_64, fd, 0, 0, 0, POS_HI_NEG,
			  FADV_NORMAL), EINVAL);
	CHECK_ERR(syscall(NR_fadvise64_64, p[0], 0, 0, 0, 0, FADV_NORMAL),
		  ESPIPE);
	CHECK_ERR(syscall(NR_fadvise64, CLOSED_FD, 0, 0, 0, FADV_NORMAL),
		  EBADF);
	CHECK(syscall(NR_readahead, fd, 0, 0, 3) == 0, "readahead a file");
	CHECK_ERR(syscall(NR_readahead, p[0], 0, 0, 3), EINVAL);
	dir = open("/tmp", O_RDONLY);
	CHECK_ERR(syscall(NR_readahead, dir, 0, 0, 3), EINVAL);
	wo = open(path, O_WRONLY);
	CHECK_ERR(syscall(NR_readahead, wo, 0, 0, 3), EBADF);
	CHECK_ERR(syscall(NR_readahead, CLOSED_FD, 0, 0, 3), EBADF);
	close(wo);
	close(dir);
	close(p[0]);
	close(p[1]);
	close(fd);
	syscall(NR_unlink, path);
	case_end();
}

static void test_futimesat(void)
{
	struct tv t[2] = { { GIVEN_MTIME, 0 }, { GIVEN_MTIME, 5 } };
	struct stat st;
	int fd = make_file(path, "x"), dir = open("/tmp", O_RDONLY);

	case_begin("futimesat_sets_the_time_at_a_directory_or_fd");
	CHECK(fd >= 0 && dir >= 0, "file and /tmp");
	CHECK_OK(syscall(NR_futimesat, dir, path + strlen("/tmp/"), t));
	CHECK(stat(path, &st) == 0 && st.st_mtime == GIVEN_MTIME,
	      "mtime %ld", (long)st.st_mtime);
	t[1].tv_sec = GIVEN_MTIME * 2;
	CHECK_OK(syscall(NR_futimesat, fd, NULL, t));
	CHECK(stat(path, &st) == 0 && st.st_mtime == GIVEN_MTIME * 2,
	      "through the fd: %ld", (long)st.st_mtime);
	CHECK_OK(syscall(NR_futimesat, AT_CWD, path, NULL));
	CHECK(stat(path, &st) == 0 && st.st_mtime > GIVEN_MTIME * 2,
	      "NULL times: now, %ld", (long)st.st_mtime);
	t[0].tv_usec = USEC_TOO_BIG;
	CHECK_ERR(syscall(NR_futimesat, AT_CWD, path, t), EINVAL);
	t[0].tv_usec = 0;
	t[1].tv_usec = -1;
	CHECK_ERR(syscall(NR_futimesat, AT_CWD, path, t), EINVAL);
	CHECK_ERR(syscall(NR_futimesat, AT_CWD, path, BAD_PTR), EFAULT);
	CHECK_ERR(syscall(NR_futimesat, AT_CWD, BAD_PTR, NULL), EFAULT);
	CHECK_ERR(syscall(NR_futimesat, CLOSED_FD, "x", NULL), EBADF);
	close(dir);
	close(fd);
	syscall(NR_unlink, path);
	case_end();
}

static void test_close_range(void)
{
	int fd;

	case_begin("close_range_closes_or_marks_a_range");
	for (fd = LOW_FD; fd <= LOW_FD + 3; fd++)
		CHECK(dup2(1, fd) == fd, "dup2 to %d", fd);
	CHECK_OK(syscall(NR_close_range, LOW_FD, LOW_FD + 1, 0));
	CHECK_ERR(fd_flags(LOW_FD), EBADF);
	CHECK_ERR(fd_flags(LOW_FD + 1), EBADF);
	CHECK(fd_flags(LOW_FD + 2) == 0, "%d still open", LOW_FD + 2);
	CHECK_OK(syscall(NR_close_range, LOW_FD + 2, LOW_FD + 2,
			 RANGE_CLOEXEC));
	CHECK(fd_flags(LOW_FD + 2) == FD_CLOEXEC_BIT, "%d close-on-exec",
	      LOW_FD + 2);
	CHECK(fd_flags(LOW_FD + 3) == 0, "%d untouched", LOW_FD + 3);
	CHECK_OK(syscall(NR_close_range, LOW_FD + 2, ~0U, 0));
	CHECK_ERR(fd_flags(LOW_FD + 2), EBADF);
	CHECK_ERR(fd_flags(LOW_FD + 3), EBADF);
	CHECK_ERR(syscall(NR_close_range, LOW_FD + 1, LOW_FD, 0), EINVAL);
	CHECK_ERR(syscall(NR_close_range, LOW_FD, LOW_FD, RANGE_BAD_FLAG),
		  EINVAL);
	CHECK(fd_flags(1) >= 0, "stdout still open");
	case_end();
}

static void test_copy_file_range(void)
{
	long long off_in = 6, off_out = 0;
	int in = make_file(path, "hello world"), out = make_file(path2, "");
	int p[2], dir = open("/tmp", O_RDONLY), ap;

	case_begin("copy_file_range_between_files_and_errors");
	CHECK(in >= 0 && out >= 0 && dir >= 0 && pipe(p) == 0, "files");
	CHECK(syscall(NR_copy_file_range, in, &off_in, out, &off_out, 100,
		      0) == 5 && off_in == 11 && off_out == 5,
	      "5 bytes, offsets moved: %lld %lld", off_in, off_out);
	CHECK(lseek(in, 0, SEEK_CUR) == 11 && lseek(out, 0, SEEK_CUR) == 0,
	      "the files' own offsets kept");
	CHECK(same_content(out, "world", 5), "world copied");
	CHECK(lseek(in, 0, SEEK_SET) == 0 && lseek(out, 5, SEEK_SET) == 5,
	      "seek");
	CHECK(syscall(NR_copy_file_range, in, NULL, out, NULL, 5, 0) == 5 &&
	      lseek(in, 0, SEEK_CUR) == 5 && lseek(out, 0, SEEK_CUR) == 10,
	      "no offsets: both files' own move");
	CHECK(same_content(out, "worldhello", 10), "worldhello");
	CHECK(syscall(NR_copy_file_range, in, &off_in, out, NULL, 5, 0) == 0,
	      "0 at the end of in");
	off_in = 0;
	off_out = 6;
	CHECK(syscall(NR_copy_file_range, in, &off_in, in, &off_out, 5, 0) ==
	      5, "within one file, apart");
	CHECK(same_content(in, "hello hello", 11), "hello hello");
	off_in = 0;
	off_out = 2;
	CHECK_ERR(syscall(NR_copy_file_range, in, &off_in, in, &off_out, 5,
			  0), EINVAL);
	CHECK_ERR(syscall(NR_copy_file_range, in, NULL, out, NULL, 1, 1),
		  EINVAL);
	CHECK_ERR(syscall(NR_copy_file_range, CLOSED_FD, NULL, out, NULL, 1,
			  0), EBADF);
	CHECK_ERR(syscall(NR_copy_file_range, p[0], &off_in, out, NULL, 1,
			  0), EINVAL);
	CHECK_ERR(syscall(NR_copy_file_range, dir, NULL, out, NULL, 1, 0),
		  EISDIR);
	CHECK_ERR(syscall(NR_copy_file_range, in, BAD_PTR, out, NULL, 1, 0),
		  EFAULT);
	ap = open(path2, O_WRONLY | O_APPEND);
	CHECK_ERR(syscall(NR_copy_file_range, in, NULL, ap, NULL, 1, 0),
		  EBADF);
	close(ap);
	close(p[0]);
	close(p[1]);
	close(dir);
	close(out);
	close(in);
	syscall(NR_unlink, path);
	syscall(NR_unlink, path2);
	case_end();
}

static void test_faccessat2(void)
{
	int fd = make_file(path, "x");

	case_begin("faccessat2_flags_and_errors");
	CHECK(fd >= 0, "make %s", path);
	CHECK(syscall(NR_symlink, "/tmp/no-such-target", path2) == 0,
	      "a dangling link");
	CHECK_OK(syscall(NR_faccessat2, AT_CWD, path, MAY_READ, 0));
	CHECK_OK(syscall(NR_faccessat2, AT_CWD, path, MAY_READ,
			 AT_EACCESS_FLAG));
	CHECK_OK(syscall(NR_faccessat2, fd, "", MAY_READ, AT_EMPTY));
	CHECK_OK(syscall(NR_faccessat2, AT_CWD, path2, 0, AT_NOFOLLOW));
	CHECK_ERR(syscall(NR_faccessat2, AT_CWD, path2, 0, 0), ENOENT);
	CHECK_ERR(syscall(NR_faccessat2, fd, "", MAY_READ, 0), ENOENT);
	CHECK_ERR(syscall(NR_faccessat2, AT_CWD, path, MAY_READ,
			  AT_BAD_FLAG), EINVAL);
	CHECK_ERR(syscall(NR_faccessat2, AT_CWD, path, MAY_ALL + 1, 0),
		  EINVAL);
	CHECK_ERR(syscall(NR_faccessat2, AT_CWD, BAD_PTR, MAY_READ, 0),
		  EFAULT);
	CHECK_ERR(syscall(NR_faccessat2, CLOSED_FD, "x", MAY_READ, 0), EBADF);
	close(fd);
	syscall(NR_unlink, path);
	syscall(NR_unlink, path2);
	case_end();
}

int main(void)
{
	snprintf(path, sizeof(path), "/tmp/calls2-%d", getpid());
	snprintf(path2, sizeof(path2), "/tmp/calls2-%d-b", getpid());
	test_chown16();
	test_preadv_pwritev();
	test_preadv2_pwritev2();
	test_sendfile();
	test_advice();
	test_futimesat();
	test_close_range();
	test_copy_file_range();
	test_faccessat2();
	return check_summary();
}
