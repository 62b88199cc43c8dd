/*
 * test_efault.c - a bad user pointer handed to the kernel gives EFAULT,
 * never a crash: a kernel address (0xC0000000, Lintel's PAGE_OFFSET;
 * for a 32-bit program on a 64-bit Linux it is simply unmapped) and a
 * page that was just unmapped, in read, write, stat and execve.
 */
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <time.h>
#include "check.h"
#include "child.h"

#define PAGE_SIZE	4096
#define KERNEL_PTR	((void *)0xC0000000UL)
#define STAT64_ROOM	16	/* 8-byte words: more than a stat64 (96 bytes) */

static const char *helper;

static void *unmapped_page(void)
{
	void *p = mmap(NULL, PAGE_SIZE, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	munmap(p, PAGE_SIZE);
	return p;
}

/* Read from a pipe that holds data, into bad. */
static void check_read(void *bad)
{
	int fds[2];

	CHECK_OK(pipe(fds));
	write(fds[1], "data", 4);
	CHECK_ERR(read(fds[0], bad, 4), EFAULT);
	close(fds[0]);
	close(fds[1]);
}

/* Write from bad into a pipe with a reader. */
static void check_write(void *bad)
{
	int fds[2];

	CHECK_OK(pipe(fds));
	CHECK_ERR(write(fds[1], bad, 4), EFAULT);
	close(fds[0]);
	close(fds[1]);
}

/*
 * stat64 and fstat64 as system calls: glibc's stat() fills its own buffer
 * and copies it out in user space, where a bad pointer is a SIGSEGV on
 * Linux too; the kernel's answer is what is tested here.
 */
static void check_stat(void *bad)
{
	unsigned long long st[STAT64_ROOM];
	int fds[2];

	CHECK_ERR(syscall(__NR_stat64, bad, st), EFAULT);
	CHECK_ERR(syscall(__NR_stat64, "/", bad), EFAULT);
	CHECK_OK(pipe(fds));
	CHECK_ERR(syscall(__NR_fstat64, fds[0], bad), EFAULT);
	close(fds[0]);
	close(fds[1]);
}

struct exec_args {
	const char *path;
	char *const *argv;
	char *const *envp;
};

static int exec_errno(void *arg)
{
	struct exec_args *a = arg;

	execve(a->path, a->argv, a->envp);
	return errno;
}

/* execve in a child: a wrongly successful exec only runs the helper. */
static void check_execve(void *bad)
{
	char *argv[] = { (char *)helper, NULL };
	char *bad_argv[] = { (char *)helper, bad, NULL };
	struct exec_args cases[] = {
		{ bad, argv, argv + 1 },
		{ helper, bad, argv + 1 },
		{ helper, bad_argv, argv + 1 },
		{ helper, argv, bad },
	};

	for (unsigned i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		int status = run_in_child(exec_errno, &cases[i]);

		CHECK(WIFEXITED(status) && WEXITSTATUS(status) == EFAULT,
		      "execve case %u fails EFAULT (%d), got %s", i, EFAULT,
		      describe_status(status));
	}
}

static void check_others(void *bad)
{
	CHECK_ERR(pipe(bad), EFAULT);
	/* the system call: glibc converts its result in user space */
	CHECK_ERR(syscall(__NR_clock_gettime, CLOCK_MONOTONIC, bad), EFAULT);
	CHECK_ERR(getcwd(bad, 64) ? 0 : -1, EFAULT);
}

static void run_all(const char *name, void *bad)
{
	case_begin(name);
	check_read(bad);
	check_write(bad);
	check_stat(bad);
	check_execve(bad);
	check_others(bad);
	case_end();
}

int main(int argc, char **argv)
{
	(void)argc;
	helper = helper_path(argv[0], "helper_exec");
	run_all("efault_kernel_pointer", KERNEL_PTR);
	run_all("efault_unmapped_pointer", unmapped_page());
	return check_summary();
}
