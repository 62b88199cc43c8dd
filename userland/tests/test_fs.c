/*
 * test_fs.c - the file calls a process needs: getcwd and chdir, stat and
 * fstat of a file and a directory, reading a directory with getdents64,
 * open errors, /dev/null, reading and seeking a file. The test's own
 * binary and directory (/tests in the guest) are the files it looks at;
 * it writes nothing.
 */
#include <fcntl.h>
#include <dirent.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/ioctl.h>
#include <termios.h>
#include "check.h"
#include "child.h"

#define PATH_LEN	256

static char self[PATH_LEN];	/* this program's path */
static char dir[PATH_LEN];	/* its directory */
static const char *base;	/* its file name */

static void split_argv0(const char *argv0)
{
	char *slash;

	snprintf(self, sizeof(self), "%s", argv0);
	snprintf(dir, sizeof(dir), "%s", argv0);
	slash = strrchr(dir, '/');
	if (!slash)
		strcpy(dir, ".");
	else if (slash == dir)
		dir[1] = '\0';
	else
		*slash = '\0';
	base = strrchr(self, '/') ? strrchr(self, '/') + 1 : self;
}

/* A relative dir shows up at the end of the absolute cwd. */
static int cwd_is(const char *cwd, const char *want)
{
	size_t n = strlen(cwd), w;

	while (want[0] == '.' && want[1] == '/')
		want += 2;
	w = strlen(want);
	if (want[0] == '/' || !strcmp(want, "."))
		return !strcmp(want, ".") || !strcmp(cwd, want);
	return n > w && !strcmp(cwd + n - w, want) && cwd[n - w - 1] == '/';
}

static void test_cwd(void)
{
	char start[PATH_LEN], cwd[PATH_LEN];

	case_begin("getcwd_follows_chdir");
	CHECK(getcwd(start, sizeof(start)) == start, "getcwd: %s",
	      strerror(errno));
	CHECK(start[0] == '/', "an absolute path, got \"%s\"", start);
	CHECK_OK(chdir("/"));
	CHECK(getcwd(cwd, sizeof(cwd)) && !strcmp(cwd, "/"),
	      "\"/\" after chdir(\"/\"), got \"%s\"", cwd);
	CHECK_OK(chdir(start));
	CHECK_OK(chdir(dir));
	CHECK(getcwd(cwd, sizeof(cwd)) && cwd_is(cwd, dir),
	      "cwd ends in \"%s\", got \"%s\"", dir, cwd);
	CHECK_ERR(getcwd(cwd, 1) ? 0 : -1, ERANGE);
	CHECK_ERR(chdir("/nonexistent"), ENOENT);
	CHECK_ERR(chdir(base), ENOTDIR);
	CHECK_OK(chdir(start));
	case_end();
}

static void test_stat_file(void)
{
	struct stat st, fst, raw;
	int fd = open(self, O_RDONLY);
	off_t end;

	case_begin("stat_and_fstat_of_a_file_agree");
	CHECK(fd >= 0, "open %s: %s", self, strerror(errno));
	CHECK_OK(stat(self, &st));
	CHECK_OK(fstat(fd, &fst));
	end = lseek(fd, 0, SEEK_END);
	CHECK(S_ISREG(st.st_mode), "a regular file, mode 0%o", st.st_mode);
	CHECK(st.st_size == end && end > 0, "st_size %lld equals the end "
	      "offset %ld", st.st_size, (long)end);
	CHECK(st.st_ino == fst.st_ino && st.st_dev == fst.st_dev &&
	      st.st_mode == fst.st_mode && st.st_size == fst.st_size,
	      "fstat gives the same inode, device, mode and size");
	/* stat64 itself: glibc's stat() may build the struct from statx and
	 * leave __st_ino 0; struct stat is stat64's layout (glibc: with
	 * _FILE_OFFSET_BITS=64) */
	CHECK_OK(syscall(__NR_stat64, self, &raw));
	CHECK(raw.st_ino == st.st_ino && (raw.st_ino == raw.__st_ino ||
					  raw.st_ino > 0xffffffffULL),
	      "the low inode word matches st_ino");
	CHECK(st.st_nlink >= 1, "at least one link, got %u", st.st_nlink);
	close(fd);
	case_end();
}

static void test_stat_dir(void)
{
	struct stat st, fst;
	int fd = open("/", O_RDONLY | O_DIRECTORY);

	case_begin("stat_of_a_directory");
	CHECK_OK(stat(dir, &st));
	CHECK(S_ISDIR(st.st_mode), "%s is a directory, mode 0%o", dir,
	      st.st_mode);
	CHECK_OK(stat("/", &st));
	CHECK_OK(fstat(fd, &fst));
	CHECK(S_ISDIR(st.st_mode) && st.st_ino == fst.st_ino,
	      "\"/\" by path and by fd: same directory inode");
	CHECK_ERR(stat("/nonexistent", &st), ENOENT);
	close(fd);
	case_end();
}

/* Look for name among the entries; report how many entries there were. */
static struct dirent *find_entry(DIR *d, const char *name, int *count)
{
	struct dirent *e, *found = NULL;
	static struct dirent copy;

	*count = 0;
	while ((e = readdir(d))) {
		(*count)++;
		if (!strcmp(e->d_name, name)) {
			copy = *e;
			found = &copy;
		}
	}
	return found;
}

static void test_getdents(void)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	struct stat st;
	int count = 0, fd;
	char tiny[8];

	case_begin("getdents64_lists_directory");
	CHECK(d != NULL, "opendir %s: %s", dir, strerror(errno));
	if (d) {
		e = find_entry(d, base, &count);
		CHECK(e != NULL, "\"%s\" among %d entries", base, count);
		stat(self, &st);
		CHECK(e && e->d_ino == st.st_ino, "d_ino equals st_ino");
		CHECK(e && (e->d_type == DT_REG || e->d_type == DT_UNKNOWN),
		      "d_type DT_REG, got %d", e ? e->d_type : -1);
		closedir(d);
	}
	d = opendir("/");
	CHECK(d && find_entry(d, "..", &count), "\"..\" listed in \"/\"");
	if (d)
		closedir(d);
	fd = open(dir, O_RDONLY | O_DIRECTORY);
	CHECK_ERR(getdents64(fd, tiny, sizeof(tiny)), EINVAL);
	close(fd);
	fd = open(self, O_RDONLY);
	CHECK_ERR(getdents64(fd, tiny, sizeof(tiny)), ENOTDIR);
	close(fd);
	case_end();
}

static void test_open_errors(void)
{
	char path[PATH_LEN + 8];

	case_begin("open_errors");
	CHECK_ERR(open("/nonexistent", O_RDONLY), ENOENT);
	CHECK_ERR(open("/nonexistent/deeper", O_RDONLY), ENOENT);
	snprintf(path, sizeof(path), "%s/x", self);
	CHECK_ERR(open(path, O_RDONLY), ENOTDIR);
	CHECK_ERR(open(self, O_RDONLY | O_DIRECTORY), ENOTDIR);
	case_end();
}

static void test_dev_null(void)
{
	int fd = open("/dev/null", O_RDWR);
	struct termios t;
	struct stat st;
	char buf[8];

	case_begin("dev_null_reads_eof_swallows_writes");
	CHECK(fd >= 0, "open /dev/null: %s", strerror(errno));
	CHECK(read(fd, buf, sizeof(buf)) == 0, "read gives EOF (0)");
	CHECK(write(fd, "discard", 7) == 7, "write takes all 7 bytes");
	CHECK_OK(fstat(fd, &st));
	CHECK(S_ISCHR(st.st_mode), "a character device, mode 0%o",
	      st.st_mode);
	CHECK_ERR(ioctl(fd, TCGETS, &t), ENOTTY);
	close(fd);
	case_end();
}

static void test_read_seek(void)
{
	int fd = open(self, O_RDONLY), fds[2];
	char magic[4], again[4];

	case_begin("read_and_lseek_a_file");
	CHECK(read(fd, magic, 4) == 4 && !memcmp(magic, "\177ELF", 4),
	      "the file starts with the ELF magic");
	CHECK(lseek(fd, 0, SEEK_CUR) == 4, "offset 4 after reading 4");
	CHECK(lseek(fd, 1, SEEK_SET) == 1, "SEEK_SET to 1");
	CHECK(read(fd, again, 3) == 3 && !memcmp(again, "ELF", 3),
	      "reading from offset 1 gives \"ELF\"");
	CHECK_ERR(lseek(fd, -100, SEEK_SET), EINVAL);
	close(fd);
	CHECK_OK(pipe(fds));
	CHECK_ERR(lseek(fds[0], 0, SEEK_SET), ESPIPE);
	close(fds[0]);
	close(fds[1]);
	case_end();
}

int main(int argc, char **argv)
{
	(void)argc;
	split_argv0(argv[0]);
	test_cwd();
	test_stat_file();
	test_stat_dir();
	test_getdents();
	test_open_errors();
	test_dev_null();
	test_read_seek();
	return check_summary();
}
