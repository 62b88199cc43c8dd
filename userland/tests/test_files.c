/*
 * test_files.c - the corners of the file layer that test_fs.c leaves
 * out, as Linux has them: open's rarer errors, lseek's edges and
 * _llseek, the device numbers in /dev, path normalisation, fchdir,
 * access and umask, descriptor and file flags (fcntl, pipe2, the
 * RLIMIT_NOFILE limit), readv/writev, ioctl on things that are not
 * terminals, d_type, and the terminal when stdout is one. Cases that
 * only hold on Lintel say SKIPPED elsewhere.
 */
#include <dirent.h>
#include <fcntl.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/utsname.h>
#include <termios.h>
#include "check.h"
#include "child.h"

/* System calls our C library has no wrapper for (Linux i386 numbers). */
#define NR_access	33
#define NR_fcntl	55
#define NR_umask	60
#define NR_fchdir	133
#define NR_llseek	140
#define NR_readv	145
#define NR_writev	146
#define NR_pipe2	331

#define F_DUPFD		0
#define F_GETFD		1
#define F_SETFD		2
#define F_GETFL		3
#define F_SETFL		4
#define F_DUPFD_CLOEXEC	1030
#define FD_CLOEXEC	1
#define FIONREAD	0x541B
#define ICANON		0000002	/* c_lflag */
#define ECHO		0000010

#define KERNEL_PTR	((const char *)0xC0000000UL)
#define NOFILE_LIMIT	8

static const char *self;	/* this program: a regular file everywhere */

static long fcntl3(int fd, int cmd, long arg)
{
	return syscall(NR_fcntl, fd, cmd, arg);
}

static void test_lseek(void)
{
	long long result = -1;
	char buf[4] = "";
	int fd = open(self, O_RDONLY);
	off_t size = lseek(fd, 0, SEEK_END);

	case_begin("files_lseek_edges_and_llseek");
	CHECK(lseek(fd, 4, SEEK_SET) == 4 && lseek(fd, -3, SEEK_CUR) == 1,
	      "SEEK_CUR -3 from 4 is 1");
	CHECK(lseek(fd, 10, SEEK_END) == size + 10, "past the end is allowed");
	CHECK(read(fd, buf, 1) == 0, "and reads as the end");
	CHECK(lseek(fd, 0, SEEK_SET) == 0, "back to 0");
	CHECK_ERR(lseek(fd, -1, SEEK_CUR), EINVAL);
	CHECK_ERR(lseek(fd, 0, 7), EINVAL);
	CHECK(syscall(NR_llseek, fd, 0, 2, &result, SEEK_SET) == 0 &&
	      result == 2, "_llseek to 2, got %lld", result);
	CHECK(read(fd, buf, 2) == 2 && !memcmp(buf, "LF", 2),
	      "and reads from there");
	CHECK_ERR(syscall(NR_llseek, fd, 0, 0, KERNEL_PTR, SEEK_SET), EFAULT);
	CHECK_ERR(lseek(-1, 0, SEEK_SET), EBADF);
	close(fd);
	case_end();
}

static void test_open_errors(void)
{
	static char path[5000];
	char name[300];
	int fd;

	case_begin("files_open_errors_by_linux_rules");
	CHECK_ERR(open("", O_RDONLY), ENOENT);
	CHECK_ERR(open("/dev/null/x", O_RDONLY), ENOTDIR);
	snprintf(path, sizeof(path), "%s/", self);
	CHECK_ERR(open(path, O_RDONLY), ENOTDIR);
	CHECK_ERR(open("/", O_WRONLY), EISDIR);
	CHECK_ERR(open("/", O_RDWR), EISDIR);
	CHECK_ERR(open("/dev/null", O_RDONLY | O_CREAT | O_EXCL, 0666), EEXIST);
	CHECK_ERR(open(KERNEL_PTR, O_RDONLY), EFAULT);
	memset(name, 'x', 256);
	name[256] = '\0';
	snprintf(path, sizeof(path), "/%s", name);
	CHECK_ERR(open(path, O_RDONLY), ENAMETOOLONG);
	memset(path, '/', sizeof(path) - 1);
	CHECK_ERR(open(path, O_RDONLY), ENAMETOOLONG);
	fd = open("/", O_RDONLY | O_DIRECTORY);
	CHECK(fd >= 0, "the root opens as a directory: %s", strerror(errno));
	CHECK_ERR(read(fd, name, sizeof(name)), EISDIR);
	close(fd);
	case_end();
}

/* O_CREAT needs the directory to exist, and of a file that does opens it. */
static void test_creat_existing(void)
{
	int fd;

	case_begin("files_creat_existing_and_missing_dir");
	CHECK_ERR(open("/nodir/new", O_WRONLY | O_CREAT, 0644), ENOENT);
	fd = open(self, O_RDONLY | O_CREAT, 0644);
	CHECK(fd >= 0, "O_CREAT of an existing file, read-only, opens it: %s",
	      strerror(errno));
	close(fd);
	case_end();
}

/* The device files have Linux's numbers. */
static void test_dev_numbers(void)
{
	struct stat st;
	int fd = open("/dev/null", O_RDWR);

	case_begin("files_dev_nodes_and_numbers");
	CHECK(stat("/dev/null", &st) == 0 && S_ISCHR(st.st_mode) &&
	      st.st_rdev == ((1 << 8) | 3), "/dev/null is 1,3, got 0x%llx",
	      (unsigned long long)st.st_rdev);
	/* a container's /dev/console may be a pseudo-terminal */
	if (on_lintel())
		CHECK(stat("/dev/console", &st) == 0 && S_ISCHR(st.st_mode) &&
		      st.st_rdev == ((5 << 8) | 1),
		      "/dev/console is 5,1, got 0x%llx",
		      (unsigned long long)st.st_rdev);
	CHECK(stat("/dev/tty", &st) == 0 && S_ISCHR(st.st_mode) &&
	      st.st_rdev == ((5 << 8) | 0), "/dev/tty is 5,0, got 0x%llx",
	      (unsigned long long)st.st_rdev);
	CHECK(lseek(fd, 100, SEEK_SET) == 0, "/dev/null's offset stays 0");
	close(fd);
	case_end();
}

static void test_stat_paths(void)
{
	struct stat st;

	case_begin("files_stat_normalises_paths");
	CHECK(stat("/", &st) == 0 && S_ISDIR(st.st_mode), "/ is a directory");
	CHECK(stat("/dev", &st) == 0 && S_ISDIR(st.st_mode),
	      "/dev is a directory");
	CHECK(stat("//dev/./null", &st) == 0 && S_ISCHR(st.st_mode),
	      "//dev/./null is /dev/null");
	CHECK(stat("/dev/../dev/null", &st) == 0 && S_ISCHR(st.st_mode),
	      "/dev/../dev/null is /dev/null");
	CHECK(stat("/..", &st) == 0 && S_ISDIR(st.st_mode), "/.. is /");
	CHECK_ERR(stat("/dev/null/", &st), ENOTDIR);
	CHECK_ERR(stat("/no/such", &st), ENOENT);
	case_end();
}

static void test_cwd(void)
{
	char saved[256], buf[256];
	struct stat st;
	int dev, null;

	case_begin("files_relative_paths_and_fchdir");
	CHECK(getcwd(saved, sizeof(saved)) != NULL, "getcwd: %s",
	      strerror(errno));
	CHECK_OK(chdir("/dev"));
	CHECK(stat("null", &st) == 0 && S_ISCHR(st.st_mode),
	      "a relative path starts at the cwd");
	CHECK(stat("./../dev//null", &st) == 0 && S_ISCHR(st.st_mode),
	      "./../dev//null from /dev");
	CHECK_OK(chdir(".."));
	CHECK(getcwd(buf, sizeof(buf)) && !strcmp(buf, "/"),
	      "cwd / after \"..\", got \"%s\"", buf);
	CHECK_ERR(chdir("/dev/null"), ENOTDIR);
	dev = open("/dev", O_RDONLY | O_DIRECTORY);
	null = open("/dev/null", O_RDONLY);
	CHECK_OK(syscall(NR_fchdir, dev));
	CHECK(getcwd(buf, sizeof(buf)) && !strcmp(buf, "/dev"),
	      "fchdir to /dev, got \"%s\"", buf);
	CHECK_ERR(syscall(NR_fchdir, null), ENOTDIR);
	CHECK_ERR(syscall(NR_fchdir, -1), EBADF);
	close(dev);
	close(null);
	CHECK_OK(chdir(saved));
	case_end();
}

static void test_access_umask(void)
{
	int old;

	case_begin("files_access_and_umask");
	CHECK_OK(syscall(NR_access, "/dev/null", 4 | 2));
	CHECK_OK(syscall(NR_access, "/", 1));
	CHECK_ERR(syscall(NR_access, "/no/such", 0), ENOENT);
	CHECK_ERR(syscall(NR_access, "/", 8), EINVAL);
	old = syscall(NR_umask, 027);
	CHECK(syscall(NR_umask, old) == 027, "umask gives back 027");
	case_end();
}

static void test_fd_flags(void)
{
	int fds[2], fd;
	char c;

	case_begin("files_fcntl_descriptor_and_file_flags");
	CHECK_OK(pipe(fds));
	fd = fcntl3(fds[0], F_DUPFD, 10);
	CHECK(fd >= 10, "F_DUPFD gives a descriptor >= 10, got %d", fd);
	CHECK(fcntl3(fd, F_GETFD, 0) == 0, "no FD_CLOEXEC on a dup");
	CHECK_OK(fcntl3(fd, F_SETFD, FD_CLOEXEC));
	CHECK(fcntl3(fd, F_GETFD, 0) == FD_CLOEXEC, "FD_CLOEXEC now set");
	CHECK(fcntl3(fds[0], F_GETFD, 0) == 0, "the original keeps its own");
	close(fd);
	fd = fcntl3(fds[0], F_DUPFD_CLOEXEC, 0);
	CHECK(fcntl3(fd, F_GETFD, 0) == FD_CLOEXEC, "F_DUPFD_CLOEXEC sets it");
	close(fd);
	CHECK(fcntl3(fds[0], F_GETFL, 0) == O_RDONLY, "read end O_RDONLY");
	CHECK(fcntl3(fds[1], F_GETFL, 0) == O_WRONLY, "write end O_WRONLY");
	CHECK_OK(fcntl3(fds[0], F_SETFL, O_NONBLOCK));
	CHECK(fcntl3(fds[0], F_GETFL, 0) == (O_RDONLY | O_NONBLOCK),
	      "O_NONBLOCK set");
	CHECK_ERR(read(fds[0], &c, 1), EAGAIN);
	CHECK_ERR(fcntl3(-1, F_GETFD, 0), EBADF);
	CHECK_ERR(fcntl3(fds[0], 9999, 0), EINVAL);
	close(fds[0]);
	close(fds[1]);
	case_end();
}

static void test_pipe2(void)
{
	int fds[2];
	char c;

	case_begin("files_pipe2_flags");
	CHECK_OK(syscall(NR_pipe2, fds, O_CLOEXEC | O_NONBLOCK));
	CHECK(fcntl3(fds[0], F_GETFD, 0) == FD_CLOEXEC &&
	      fcntl3(fds[1], F_GETFD, 0) == FD_CLOEXEC, "both FD_CLOEXEC");
	CHECK(fcntl3(fds[1], F_GETFL, 0) == (O_WRONLY | O_NONBLOCK),
	      "O_NONBLOCK on the file");
	CHECK_ERR(read(fds[0], &c, 1), EAGAIN);
	CHECK_ERR(lseek(fds[0], 0, SEEK_SET), ESPIPE);
	close(fds[0]);
	close(fds[1]);
	CHECK_ERR(syscall(NR_pipe2, fds, 1), EINVAL);
	case_end();
}

/* In a child: the limit stays there. */
static int fill_fd_table(void *arg)
{
	struct rlimit lim = { NOFILE_LIMIT, NOFILE_LIMIT };
	int fd, last = -1;

	(void)arg;
	CHECK_OK(setrlimit(RLIMIT_NOFILE, &lim));
	while ((fd = open("/dev/null", O_RDONLY)) >= 0)
		last = fd;
	CHECK(errno == EMFILE, "open fails with EMFILE, got errno %d", errno);
	CHECK(last == NOFILE_LIMIT - 1, "the last fd is %d, got %d",
	      NOFILE_LIMIT - 1, last);
	CHECK_ERR(dup(0), EMFILE);
	CHECK_ERR(dup2(0, NOFILE_LIMIT), EBADF);
	CHECK_ERR(fcntl3(0, F_DUPFD, NOFILE_LIMIT), EINVAL);
	return check_case_failed;
}

static void test_vectors(void)
{
	char a[3], b[8] = "";
	struct iovec out[] = { { "one", 3 }, { "", 0 }, { "two", 3 } };
	struct iovec in[] = { { a, sizeof(a) }, { b, sizeof(b) } };
	int fds[2], n = -1;

	case_begin("files_readv_writev_ioctl_fionread");
	CHECK_OK(pipe(fds));
	CHECK(syscall(NR_writev, fds[1], out, 3) == 6, "writev 6 bytes");
	CHECK(ioctl(fds[0], FIONREAD, &n) == 0 && n == 6,
	      "FIONREAD 6 on the pipe, got %d", n);
	CHECK(syscall(NR_readv, fds[0], in, 2) == 6 && !memcmp(a, "one", 3) &&
	      !memcmp(b, "two", 3), "readv \"one\" + \"two\"");
	CHECK_ERR(syscall(NR_writev, fds[1], out, -1), EINVAL);
	CHECK_ERR(syscall(NR_readv, fds[0], KERNEL_PTR, 1), EFAULT);
	close(fds[0]);
	close(fds[1]);
	case_end();
}

static void test_not_a_tty(void)
{
	struct termios t;
	int fds[2];

	case_begin("files_ioctl_enotty_on_a_pipe");
	CHECK_OK(pipe(fds));
	CHECK_ERR(ioctl(fds[0], TCGETS, &t), ENOTTY);
	CHECK_ERR(ioctl(-1, TCGETS, &t), EBADF);
	close(fds[0]);
	close(fds[1]);
	case_end();
}

/* Look for name in the directory at path; its d_type, or -1. */
static int dir_entry_type(const char *path, const char *name)
{
	DIR *dir = opendir(path);
	struct dirent *d;
	int type = -1;

	if (!dir)
		return -2;
	while ((d = readdir(dir)))
		if (!strcmp(d->d_name, name))
			type = d->d_type;
	closedir(dir);
	return type;
}

static void test_directories(void)
{
	case_begin("files_getdents64_types_and_dots");
	CHECK(dir_entry_type("/dev", "null") == DT_CHR, "/dev/null, DT_CHR");
	CHECK(dir_entry_type("/dev", ".") == DT_DIR, "/dev/., DT_DIR");
	CHECK(dir_entry_type("/dev", "..") == DT_DIR, "/dev/.., DT_DIR");
	CHECK(dir_entry_type("/", "dev") == DT_DIR, "/dev in /, DT_DIR");
	CHECK(dir_entry_type("/", "no-such-entry") == -1, "no phantom");
	case_end();
}

/* The console, when stdout is it (always in Lintel). */
static void test_terminal(void)
{
	struct termios t, saved;
	struct winsize ws = { 0, 0, 0, 0 };
	int pgrp = -1, n = -1;

	if (ioctl(1, TCGETS, &saved) < 0) {
		case_skip("files_terminal_ioctls", "stdout is not a terminal");
		return;
	}
	case_begin("files_terminal_ioctls");
	CHECK(saved.c_lflag & ICANON, "ICANON on by default");
	CHECK(ioctl(1, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0 &&
	      ws.ws_row > 0, "a window size, got %dx%d", ws.ws_col,
	      ws.ws_row);
	t = saved;
	t.c_lflag &= ~ECHO;
	CHECK_OK(ioctl(1, TCSETS, &t));
	CHECK(ioctl(1, TCGETS, &t) == 0 && !(t.c_lflag & ECHO),
	      "TCSETS stored ECHO off");
	CHECK_OK(ioctl(1, TCSETS, &saved));
	CHECK(ioctl(1, TIOCGPGRP, &pgrp) == 0 && pgrp >= 0,
	      "TIOCGPGRP, got %d", pgrp);
	CHECK(ioctl(1, FIONREAD, &n) == 0 && n >= 0, "FIONREAD, got %d", n);
	CHECK_ERR(lseek(1, 0, SEEK_CUR), ESPIPE);
	case_end();
}

int main(int argc, char **argv)
{
	(void)argc;
	self = argv[0];
	test_lseek();
	test_open_errors();
	test_creat_existing();
	test_dev_numbers();
	test_stat_paths();
	test_cwd();
	test_access_umask();
	test_fd_flags();
	test_pipe2();
	case_in_child("files_rlimit_nofile_emfile", fill_fd_table, NULL);
	test_vectors();
	test_not_a_tty();
	test_directories();
	test_terminal();
	return check_summary();
}
