/*
 * test_execfile.c - execve of files written at run time: a copy of this
 * very program made in /tmp runs, through a symbolic link too; running
 * needs execute permission only (nobody runs a 0711 file it cannot
 * read), and execve says EACCES for a file without it or a directory,
 * ENOEXEC for one that is no program, ENOENT for no file; and
 * /proc/self/maps names the program's file beside its text and data, as
 * Linux does for a program mapped from its file.
 *
 * Everything happens in a private directory under /tmp, removed at the
 * end, so that on the Linux host nothing is left behind either.
 */
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include "check.h"
#include "child.h"

#define NR_unlink	10
#define NR_chmod	15
#define NR_mkdir	39
#define NR_rmdir	40
#define NR_symlink	83
#define NR_readlink	85

#define NOBODY		65534
#define COPY_STATUS	42	/* what the copy exits with */

static char dir[64], copy[96];

/* dir/name into buf. */
static const char *at(char *buf, const char *name)
{
	snprintf(buf, 96, "%s/%s", dir, name);
	return buf;
}

/* Run path with argv { path, "child" } in a child; its wait status. */
static int run(const char *path)
{
	char *argv[] = { (char *)path, "child", NULL };
	char *envp[] = { NULL };
	int status;
	pid_t pid = fork();

	if (pid == 0) {
		execve(path, argv, envp);
		_exit(errno);
	}
	if (pid < 0 || waitpid(pid, &status, 0) != pid)
		return -1;
	return status;
}

static int ran_the_copy(int status)
{
	return WIFEXITED(status) && WEXITSTATUS(status) == COPY_STATUS;
}

static void test_run_copy(void)
{
	char l[96];
	int status;

	case_begin("exec_a_file_written_at_run_time");
	CHECK(copy_self(copy) == 0, "copy /proc/self/exe: %s",
	      strerror(errno));
	status = run(copy);
	CHECK(ran_the_copy(status), "the copy exits %d, got %s", COPY_STATUS,
	      describe_status(status));
	CHECK(syscall(NR_symlink, copy, at(l, "link")) == 0, "symlink");
	status = run(l);
	CHECK(ran_the_copy(status), "through a link: %s",
	      describe_status(status));
	syscall(NR_unlink, l);
	case_end();
}

/* As nobody: run the copy, which is 0711 (no read permission). */
static int run_as_nobody(void *unused)
{
	int status;

	(void)unused;
	CHECK(setuid(NOBODY) == 0, "setuid");
	CHECK(open(copy, O_RDONLY) < 0 && errno == EACCES,
	      "nobody cannot read the copy");
	status = run(copy);
	CHECK(ran_the_copy(status), "but may run it: %s",
	      describe_status(status));
	return check_case_failed;
}

static void test_permissions(void)
{
	char d[96];

	if (getuid()) {
		case_skip("exec_needs_execute_not_read", "not root");
	} else {
		syscall(NR_chmod, copy, 0711);
		case_in_child("exec_needs_execute_not_read", run_as_nobody,
			      NULL);
	}
	case_begin("exec_errors");
	syscall(NR_chmod, copy, 0644);
	CHECK(WEXITSTATUS(run(copy)) == EACCES, "no x bit: EACCES");
	syscall(NR_chmod, copy, 0755);
	syscall(NR_mkdir, at(d, "sub"), 0755);
	CHECK(WEXITSTATUS(run(d)) == EACCES, "a directory: EACCES");
	syscall(NR_rmdir, d);
	CHECK(WEXITSTATUS(run(d)) == ENOENT, "no file: ENOENT");
	case_end();
}

static void test_not_a_program(void)
{
	char p[96];
	int fd;

	case_begin("exec_text_file_enoexec");
	fd = open(at(p, "text"), O_WRONLY | O_CREAT, 0755);
	CHECK(fd >= 0 && write(fd, "no program here\n", 16) == 16, "write");
	close(fd);
	CHECK(WEXITSTATUS(run(p)) == ENOEXEC, "ENOEXEC");
	syscall(NR_unlink, p);
	fd = open(p, O_WRONLY | O_CREAT, 0755);
	close(fd);
	CHECK(WEXITSTATUS(run(p)) == ENOEXEC, "an empty file: ENOEXEC");
	syscall(NR_unlink, p);
	case_end();
}

/*
 * Does maps (the text of /proc/self/maps) have an area of path with
 * permissions perms ("r-xp")? A line is "start-end perms offset dev
 * inode", then the path after the last space.
 */
static int maps_has(const char *maps, const char *path, const char *perms)
{
	const char *line = maps, *end, *sp, *name;
	size_t plen = strlen(path);

	for (; *line; line = *end ? end + 1 : end) {
		end = strchr(line, '\n');
		if (!end)
			end = line + strlen(line);
		sp = strchr(line, ' ');
		for (name = end; name > line && name[-1] != ' '; name--)
			;
		if (sp && sp < end && !strncmp(sp + 1, perms, 4) &&
		    (size_t)(end - name) == plen && !strncmp(name, path, plen))
			return 1;
	}
	return 0;
}

static void test_maps(void)
{
	static char maps[16384];
	char exe[256];
	int fd = open("/proc/self/maps", O_RDONLY), n;

	case_begin("exec_maps_name_the_program_file");
	n = syscall(NR_readlink, "/proc/self/exe", exe, sizeof(exe) - 1);
	CHECK(n > 0 && fd >= 0, "readlink and open: %s", strerror(errno));
	exe[n > 0 ? n : 0] = '\0';
	read_all(fd, maps, sizeof(maps));
	close(fd);
	CHECK(maps_has(maps, exe, "r-xp"), "text r-xp from %s in\n%s", exe,
	      maps);
	CHECK(maps_has(maps, exe, "rw-p"), "data rw-p from %s", exe);
	case_end();
}

int main(int argc, char **argv)
{
	if (argc == 2 && !strcmp(argv[1], "child"))
		return COPY_STATUS;
	snprintf(dir, sizeof(dir), "/tmp/test_execfile.%d", (int)getpid());
	if (syscall(NR_mkdir, dir, 0755)) {
		printf("cannot make %s: %s\n", dir, strerror(errno));
		return 1;
	}
	at(copy, "copy");
	test_run_copy();
	test_permissions();
	test_not_a_program();
	test_maps();
	syscall(NR_unlink, copy);
	case_begin("execfile_nothing_left");
	CHECK(syscall(NR_rmdir, dir) == 0, "rmdir %s: %s", dir,
	      strerror(errno));
	case_end();
	return check_summary();
}
