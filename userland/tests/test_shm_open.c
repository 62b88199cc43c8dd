/*
 * test_shm_open.c - POSIX shared memory: shm_open and shm_unlink, files
 * of the tmpfs at /dev/shm mapped MAP_SHARED, between two processes;
 * what the names may be; and, in Lintel, /dev/shm's size limit: ENOSPC
 * for write, SIGBUS for a page touched past it, everything given back.
 */
#include <fcntl.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>
#include "check.h"
#include "child.h"
#include "ipc_test.h"

#define SHM_PAGES	2
#define NR_statfs64	268
#define FILL_CHUNK	(64 * 1024)
#define FILL_MOST	(64L << 20)	/* never write more than this */
#define LONG_NAME	300		/* past NAME_MAX */

/* statfs64's buffer on i386 (Linux's struct statfs64, 84 bytes). */
struct statfs64_abi {
	unsigned int f_type, f_bsize;
	unsigned long long f_blocks, f_bfree, f_bavail, f_files, f_ffree;
	int f_fsid[2];
	unsigned int f_namelen, f_frsize, f_flags, f_spare[4];
};

static char name[64];

/* The child opens the object by name, maps it and writes its mark. */
static int child_writes(void *arg)
{
	int fd = shm_open(name, O_RDWR, 0);
	char *p;

	(void)arg;
	if (fd < 0)
		return 1;
	p = mmap(NULL, SHM_PAGES * PAGE_SIZE, PROT_READ | PROT_WRITE,
		 MAP_SHARED, fd, 0);
	close(fd);
	if (p == MAP_FAILED || p[10] != 'p')
		return 2;
	strcpy(p + PAGE_SIZE, "from the child");
	return 0;
}

static void test_between_processes(void)
{
	struct stat st;
	int fd, status;
	char *p = MAP_FAILED;

	case_begin("shm_open_between_two_processes");
	snprintf(name, sizeof(name), "/lintel-test-%d", (int)getpid());
	fd = shm_open(name, O_RDWR | O_CREAT | O_EXCL, 0600);
	CHECK(fd >= 0, "shm_open O_CREAT: errno %d", errno);
	CHECK(fd >= 0 && syscall(__NR_fcntl, fd, F_GETFD) == FD_CLOEXEC,
	      "close-on-exec, as POSIX asks");
	CHECK(ftruncate(fd, SHM_PAGES * PAGE_SIZE) == 0 && fstat(fd, &st) == 0 &&
	      st.st_size == SHM_PAGES * PAGE_SIZE, "ftruncate to %d pages",
	      SHM_PAGES);
	if (fd >= 0)
		p = mmap(NULL, SHM_PAGES * PAGE_SIZE, PROT_READ | PROT_WRITE,
			 MAP_SHARED, fd, 0);
	CHECK(p != MAP_FAILED, "mmap: errno %d", errno);
	if (p != MAP_FAILED) {
		p[10] = 'p';
		status = run_in_child(child_writes, NULL);
		CHECK(status != -1 && WIFEXITED(status) &&
		      WEXITSTATUS(status) == 0, "child: %s",
		      describe_status(status));
		CHECK(!strcmp(p + PAGE_SIZE, "from the child"),
		      "the child's write is in the parent's mapping");
		munmap(p, SHM_PAGES * PAGE_SIZE);
	}
	CHECK_ERR(shm_open(name, O_RDWR | O_CREAT | O_EXCL, 0600), EEXIST);
	CHECK(shm_unlink(name) == 0, "shm_unlink: errno %d", errno);
	CHECK_ERR(shm_open(name, O_RDWR, 0), ENOENT);
	CHECK_ERR(shm_unlink(name), ENOENT);
	if (fd >= 0)
		close(fd);
	case_end();
}

static void test_names(void)
{
	char longname[LONG_NAME + 2];

	case_begin("shm_open_names");
	CHECK_ERR(shm_open("/a/b", O_RDWR | O_CREAT, 0600), EINVAL);
	CHECK_ERR(shm_open("/", O_RDWR | O_CREAT, 0600), EINVAL);
	longname[0] = '/';
	memset(longname + 1, 'x', LONG_NAME);
	longname[LONG_NAME + 1] = '\0';
	errno = 0;
	CHECK(shm_open(longname, O_RDWR | O_CREAT, 0600) == -1 &&
	      (errno == EINVAL || errno == ENAMETOOLONG),
	      "a name past NAME_MAX: EINVAL (glibc) or ENAMETOOLONG (musl), "
	      "got errno %d", errno);
	case_end();
}

static long shm_free_blocks(void)
{
	struct statfs64_abi sf;

	if (syscall(NR_statfs64, "/dev/shm", sizeof(sf), &sf))
		return -1;
	return sf.f_bfree;
}

/* Touch every page of p[0..len) in a child: how it ended. */
static int touch_all(void *arg)
{
	char *p = arg;

	no_core_dump();
	for (long i = 0; i < FILL_MOST; i += PAGE_SIZE)
		p[i] = 1;
	return 0;
}

/* Fill /dev/shm by write until ENOSPC, then by mmap until SIGBUS. */
static void test_enospc(void)
{
	long before = shm_free_blocks(), written = 0, n = 0;
	char *chunk, *p;
	int fd, status;

	if (!on_lintel()) {
		case_skip("shm_open_enospc_at_the_limit",
			  "the host's /dev/shm has no small limit of its own");
		return;
	}
	case_begin("shm_open_enospc_at_the_limit");
	snprintf(name, sizeof(name), "/lintel-fill-%d", (int)getpid());
	fd = shm_open(name, O_RDWR | O_CREAT | O_EXCL, 0600);
	chunk = calloc(1, FILL_CHUNK);
	while (fd >= 0 && chunk && written < FILL_MOST &&
	       (n = write(fd, chunk, FILL_CHUNK)) > 0)
		written += n;
	CHECK(n < 0 && errno == ENOSPC, "write: ENOSPC after %ld bytes",
	      written);
	CHECK(written > 0 && written <= before * (long)PAGE_SIZE,
	      "wrote %ld, no more than the %ld free", written,
	      before * (long)PAGE_SIZE);
	CHECK(ftruncate(fd, 0) == 0 && shm_free_blocks() == before,
	      "ftruncate to 0 gives it back");
	CHECK(ftruncate(fd, FILL_MOST) == 0, "a sparse file past the limit");
	p = mmap(NULL, FILL_MOST, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	CHECK(p != MAP_FAILED, "mmap: errno %d", errno);
	if (p != MAP_FAILED) {
		status = run_in_child(touch_all, p);
		CHECK(status != -1 && WIFSIGNALED(status) &&
		      WTERMSIG(status) == SIGBUS,
		      "touching past the limit: SIGBUS, got %s",
		      describe_status(status));
		munmap(p, FILL_MOST);
	}
	close(fd);
	shm_unlink(name);
	CHECK(shm_free_blocks() == before, "all given back: %ld of %ld",
	      shm_free_blocks(), before);
	free(chunk);
	case_end();
}

int main(void)
{
	test_between_processes();
	test_names();
	test_enospc();
	return check_summary();
}
