/*
 * test_filemap.c - mmap of a file: MAP_SHARED pages seen by two
 * processes and by read(), MAP_PRIVATE copy-on-write invisible to the
 * file, SIGBUS past the end of the file, munmap of part of a mapping,
 * ftruncate of a mapped file, offsets, PROT_* and mprotect, msync,
 * mremap, /proc/self/maps naming the file, the errors mmap gives, and
 * (in Lintel) /proc/meminfo's Cached and Shmem counting a file's pages.
 * The files live in /tmp and are removed by each case.
 */
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>
#include "check.h"
#include "held.h"
#include "child.h"
#include "ipc_test.h"

#define NR_unlink	10
#define NR_ftruncate	93
#define MAPS_LINE	512
#define SHORT_TAIL	10	/* bytes of the last page left by a cut */
#define BUS_ADRERR_CODE	2	/* si_code of SIGBUS past end of file */
#define FILE_KB		(3 * (long)PAGE_SIZE / 1024)	/* make_file(3) */

static char path[64];

/* A new file in /tmp of pages pages, page i full of the byte 'a' + i. */
static int make_file(int pages)
{
	char buf[PAGE_SIZE];
	int fd;

	snprintf(path, sizeof(path), "/tmp/filemap.%d", (int)getpid());
	fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0600);
	for (int i = 0; fd >= 0 && i < pages; i++) {
		memset(buf, 'a' + i, sizeof(buf));
		if (write(fd, buf, sizeof(buf)) != sizeof(buf))
			return -1;
	}
	return fd;
}

static void drop_file(int fd)
{
	close(fd);
	syscall(NR_unlink, path);
}

/* The byte at offset of the file, by pread-less lseek and read. */
static int file_byte(int fd, long offset)
{
	unsigned char c;

	if (lseek(fd, offset, SEEK_SET) != offset || read(fd, &c, 1) != 1)
		return -1;
	return c;
}

static char *map(int fd, int pages, int prot, int flags, long offset)
{
	char *p = mmap(NULL, pages * PAGE_SIZE, prot, flags, fd, offset);

	return p == MAP_FAILED ? NULL : p;
}

/* MAP_SHARED: a child's write reaches the parent's mapping and read(). */
static void test_shared_two_processes(void)
{
	int fd = make_file(2), status;
	char *p;
	pid_t pid;

	case_begin("filemap_shared_seen_by_two_processes");
	p = map(fd, 2, PROT_READ | PROT_WRITE, MAP_SHARED, 0);
	CHECK(p && p[0] == 'a' && p[PAGE_SIZE] == 'b',
	      "the mapping shows the file: %c %c", p ? p[0] : '?',
	      p ? p[PAGE_SIZE] : '?');
	pid = fork();
	if (pid == 0) {
		int cfd = open(path, O_RDWR);
		char *q = map(cfd, 2, PROT_READ | PROT_WRITE, MAP_SHARED, 0);

		if (!q)
			_exit(1);
		q[PAGE_SIZE + 5] = 'X';	/* its own mapping of the file */
		p[7] = 'Y';		/* the one fork gave it */
		_exit(0);
	}
	CHECK(pid > 0 && waitpid(pid, &status, 0) == pid &&
	      WIFEXITED(status) && WEXITSTATUS(status) == 0,
	      "child: %s", describe_status(status));
	CHECK(p && p[PAGE_SIZE + 5] == 'X' && p[7] == 'Y',
	      "parent sees the child's writes: %c %c",
	      p ? p[PAGE_SIZE + 5] : '?', p ? p[7] : '?');
	CHECK(file_byte(fd, PAGE_SIZE + 5) == 'X' && file_byte(fd, 7) == 'Y',
	      "read() sees them");
	if (p)
		munmap(p, 2 * PAGE_SIZE);
	drop_file(fd);
	case_end();
}

/* write() and a shared mapping see each other at once. */
static void test_read_sees_mmap(void)
{
	int fd = make_file(1);
	char *p = map(fd, 1, PROT_READ | PROT_WRITE, MAP_SHARED, 0);

	case_begin("filemap_read_and_write_meet_the_mapping");
	CHECK(p != NULL, "mmap: errno %d", errno);
	if (p) {
		memcpy(p + 100, "mapped", 6);
		CHECK(file_byte(fd, 100) == 'm' && file_byte(fd, 105) == 'd',
		      "read sees the mapping's write");
		CHECK(lseek(fd, 200, SEEK_SET) == 200 &&
		      write(fd, "written", 7) == 7 && !memcmp(p + 200, "written", 7),
		      "the mapping sees write()");
		CHECK(msync(p, PAGE_SIZE, MS_SYNC) == 0, "msync: errno %d",
		      errno);
		munmap(p, PAGE_SIZE);
	}
	drop_file(fd);
	case_end();
}

/* MAP_PRIVATE: shows the file until its first write, which is its own. */
static void test_private_cow(void)
{
	int fd = make_file(2);
	char *p = map(fd, 2, PROT_READ | PROT_WRITE, MAP_PRIVATE, 0);

	case_begin("filemap_private_copy_on_write");
	CHECK(p != NULL, "mmap: errno %d", errno);
	if (p) {
		CHECK(p[PAGE_SIZE] == 'b', "reads the file: %c", p[PAGE_SIZE]);
		CHECK(lseek(fd, PAGE_SIZE, SEEK_SET) == PAGE_SIZE &&
		      write(fd, "W", 1) == 1 && p[PAGE_SIZE] == 'W',
		      "an untouched private page follows the file: %c",
		      p[PAGE_SIZE]);
		p[0] = 'P';
		CHECK(p[0] == 'P' && file_byte(fd, 0) == 'a',
		      "the write stays private: file has %c",
		      file_byte(fd, 0));
		CHECK(lseek(fd, 1, SEEK_SET) == 1 && write(fd, "F", 1) == 1 &&
		      p[1] == 'a', "a copied page no longer follows the file");
		munmap(p, 2 * PAGE_SIZE);
	}
	drop_file(fd);
	case_end();
}

static void bus_handler(int sig, siginfo_t *si, void *uc)
{
	(void)uc;
	_exit(sig == SIGBUS && si->si_code == BUS_ADRERR_CODE ? 42 : 43);
}

static int touch(void *addr)
{
	struct sigaction sa;

	no_core_dump();
	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = bus_handler;
	sa.sa_flags = SA_SIGINFO;
	sigaction(SIGBUS, &sa, NULL);
	return *(volatile char *)addr == 0 ? 0 : 1;
}

/* What touching addr does in a child: 0 a zero, 1 other, 42 SIGBUS. */
static int touched(void *addr)
{
	int s = run_in_child(touch, addr);

	if (s != -1 && WIFSIGNALED(s))
		return 100 + WTERMSIG(s);
	return s == -1 ? -1 : WEXITSTATUS(s);
}

/* Past the last page of the file: SIGBUS, si_code BUS_ADRERR. */
static void test_sigbus(void)
{
	int fd = make_file(0);
	char *p;

	case_begin("filemap_sigbus_past_end_of_file");
	CHECK(write(fd, "short", 5) == 5, "write");
	p = map(fd, 3, PROT_READ, MAP_SHARED, 0);
	CHECK(p != NULL, "mmap of 3 pages over 5 bytes: errno %d", errno);
	if (p) {
		CHECK(!memcmp(p, "short", 5), "the bytes");
		CHECK(touched(p + PAGE_SIZE - 1) == 0,
		      "the rest of the last page reads 0: %d",
		      touched(p + PAGE_SIZE - 1));
		CHECK(touched(p + PAGE_SIZE) == 42,
		      "the next page: SIGBUS with BUS_ADRERR (got %d)",
		      touched(p + PAGE_SIZE));
		munmap(p, 3 * PAGE_SIZE);
	}
	drop_file(fd);
	case_end();
}

/* munmap of the middle page leaves the two ends mapped, at their offsets. */
static void test_partial_munmap(void)
{
	int fd = make_file(3);
	char *p = map(fd, 3, PROT_READ | PROT_WRITE, MAP_SHARED, 0);

	case_begin("filemap_munmap_part_of_a_mapping");
	CHECK(p != NULL, "mmap: errno %d", errno);
	if (p) {
		CHECK(munmap(p + PAGE_SIZE, PAGE_SIZE) == 0, "munmap: %d", errno);
		CHECK(touched(p + PAGE_SIZE) == 100 + SIGSEGV,
		      "the hole: SIGSEGV (got %d)", touched(p + PAGE_SIZE));
		p[2 * PAGE_SIZE] = 'Z';
		CHECK(p[0] == 'a' && file_byte(fd, 2 * PAGE_SIZE) == 'Z',
		      "the ends still map pages 0 and 2");
		munmap(p, 3 * PAGE_SIZE);
	}
	drop_file(fd);
	case_end();
}

/* ftruncate down unmaps what is past the end; growing back reads 0. */
static void test_ftruncate_mapped(void)
{
	int fd = make_file(3);
	char *p = map(fd, 3, PROT_READ | PROT_WRITE, MAP_SHARED, 0);
	long cut = PAGE_SIZE + SHORT_TAIL;

	case_begin("filemap_ftruncate_of_a_mapped_file");
	CHECK(p != NULL, "mmap: errno %d", errno);
	if (p) {
		CHECK(p[2 * PAGE_SIZE] == 'c', "page 2 mapped");
		CHECK(syscall(NR_ftruncate, fd, cut) == 0, "ftruncate: %d",
		      errno);
		CHECK(p[cut - 1] == 'b' && p[cut] == 0,
		      "the last page: kept, zero past the end");
		CHECK(touched(p + 2 * PAGE_SIZE) == 42,
		      "page 2, past the end: SIGBUS (got %d)",
		      touched(p + 2 * PAGE_SIZE));
		CHECK(syscall(NR_ftruncate, fd, 3 * PAGE_SIZE) == 0 &&
		      p[2 * PAGE_SIZE] == 0 && p[2 * PAGE_SIZE + 9] == 0,
		      "grown back: page 2 reads zeros");
		munmap(p, 3 * PAGE_SIZE);
	}
	drop_file(fd);
	case_end();
}

/* An offset into the file; PROT_* and mprotect; MAP_FIXED over memory. */
static void test_offset_prot(void)
{
	int fd = make_file(3), rofd;
	char *p, *anon;

	case_begin("filemap_offset_prot_mprotect_fixed");
	p = map(fd, 2, PROT_READ, MAP_SHARED, PAGE_SIZE);
	CHECK(p && p[0] == 'b' && p[PAGE_SIZE] == 'c', "offset 1 page");
	if (p) {
		CHECK(touched(p) == 1, "reading is allowed");
		CHECK(mprotect(p, PAGE_SIZE, PROT_READ | PROT_WRITE) == 0,
		      "mprotect RW of a file open O_RDWR: errno %d", errno);
		p[1] = 'M';
		CHECK(file_byte(fd, PAGE_SIZE + 1) == 'M', "write through it");
		munmap(p, 2 * PAGE_SIZE);
	}
	anon = mmap(NULL, 2 * PAGE_SIZE, PROT_READ | PROT_WRITE,
		    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	p = anon == MAP_FAILED ? NULL :
	    mmap(anon, PAGE_SIZE, PROT_READ, MAP_SHARED | MAP_FIXED, fd,
		 2 * PAGE_SIZE);
	CHECK(p == anon && p && p[0] == 'c' && p[PAGE_SIZE] == 0,
	      "MAP_FIXED over anonymous memory: file page, then anonymous");
	if (anon != MAP_FAILED)
		munmap(anon, 2 * PAGE_SIZE);
	rofd = open(path, O_RDONLY);
	CHECK_ERR(mmap(NULL, PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_SHARED,
		       rofd, 0), EACCES);
	p = map(rofd, 1, PROT_READ, MAP_SHARED, 0);
	CHECK(p != NULL, "read-only shared map of an O_RDONLY file");
	if (p) {
		CHECK_ERR(mprotect(p, PAGE_SIZE, PROT_READ | PROT_WRITE),
			  EACCES);
		munmap(p, PAGE_SIZE);
	}
	p = map(rofd, 1, PROT_READ | PROT_WRITE, MAP_PRIVATE, 0);
	CHECK(p != NULL, "a private writable map of an O_RDONLY file");
	if (p) {
		p[0] = 'Q';
		CHECK(file_byte(fd, 0) == 'a', "its write stays private");
		munmap(p, PAGE_SIZE);
	}
	close(rofd);
	CHECK_ERR(mmap(NULL, PAGE_SIZE, PROT_READ, MAP_SHARED, fd, 100),
		  EINVAL);
	drop_file(fd);
	case_end();
}

/* What mmap says to files it cannot map. */
static void test_errors(void)
{
	int wfd, dfd;

	case_begin("filemap_mmap_errors");
	wfd = open("/tmp", O_RDONLY);
	dfd = make_file(1);
	close(dfd);
	dfd = open(path, O_WRONLY);
	CHECK_ERR(mmap(NULL, PAGE_SIZE, PROT_READ, MAP_SHARED, dfd, 0),
		  EACCES);
	CHECK_ERR(mmap(NULL, PAGE_SIZE, PROT_READ, MAP_PRIVATE, wfd, 0),
		  ENODEV);
	CHECK_ERR(mmap(NULL, PAGE_SIZE, PROT_READ, MAP_SHARED, 1000, 0),
		  EBADF);
	close(wfd);
	drop_file(dfd);
	case_end();
}

/* The maps line of the area at p: "dev inode path" must be the file's. */
static int maps_line(void *p, char *line, int size)
{
	static char maps[4 * PAGE_SIZE];
	int fd = open("/proc/self/maps", O_RDONLY), len = 0, n;
	char want[20], *at, *end;

	while (fd >= 0 && len < (int)sizeof(maps) - 1 &&
	       (n = read(fd, maps + len, sizeof(maps) - 1 - len)) > 0)
		len += n;
	if (fd >= 0)
		close(fd);
	maps[len] = '\0';
	snprintf(want, sizeof(want), "%08lx-", (unsigned long)p);
	at = strstr(maps, want);
	if (!at || (at != maps && at[-1] != '\n'))
		return 0;
	end = strchr(at, '\n');
	n = end ? end - at : (int)strlen(at);
	snprintf(line, size, "%.*s", n, at);
	return 1;
}

static void test_maps_names_file(void)
{
	int fd = make_file(2);
	char *p = map(fd, 1, PROT_READ, MAP_SHARED, PAGE_SIZE);
	char line[MAPS_LINE], want[MAPS_LINE];
	struct stat st;

	case_begin("filemap_proc_maps_names_the_file");
	CHECK(p && fstat(fd, &st) == 0, "mmap and fstat");
	if (p) {
		snprintf(want, sizeof(want), " r--s %08x %02x:%02x %lu ",
			 (unsigned)PAGE_SIZE, (unsigned)(st.st_dev >> 8) & 0xfff,
			 (unsigned)(st.st_dev & 0xff),
			 (unsigned long)st.st_ino);
		CHECK(maps_line(p, line, sizeof(line)) && strstr(line, want) &&
		      strstr(line, path), "want '%s ... %s' in: %s", want,
		      path, line);
		syscall(NR_unlink, path);
		CHECK(maps_line(p, line, sizeof(line)) &&
		      strstr(line, " (deleted)") && p[0] == 'b',
		      "unlinked: still mapped, (deleted): %s", line);
		munmap(p, PAGE_SIZE);
	}
	drop_file(fd);
	case_end();
}

/* mremap of a file area: it grows over the file and moves with it. */
static void test_mremap(void)
{
	int fd = make_file(3);
	char *block = mmap(NULL, 2 * PAGE_SIZE, PROT_READ,
			   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0), *p = NULL, *q;

	case_begin("filemap_mremap_grows_and_moves");
	if (block != MAP_FAILED)	/* the file over the first page */
		p = mmap(block, PAGE_SIZE, PROT_READ | PROT_WRITE,
			 MAP_SHARED | MAP_FIXED, fd, 0);
	CHECK(p == block, "a page of the file, then a wall: errno %d", errno);
	if (p != block)
		p = NULL;
	q = p ? mremap(p, PAGE_SIZE, 3 * PAGE_SIZE, MREMAP_MAYMOVE) :
	    MAP_FAILED;
	CHECK(q != MAP_FAILED && q != p, "moved past the wall: errno %d",
	      errno);
	if (q != MAP_FAILED) {
		CHECK(q[0] == 'a' && q[PAGE_SIZE] == 'b' &&
		      q[2 * PAGE_SIZE] == 'c', "the file's pages 0, 1, 2");
		q[2 * PAGE_SIZE + 1] = 'R';
		CHECK(file_byte(fd, 2 * PAGE_SIZE + 1) == 'R',
		      "a write through the moved area reaches the file");
		munmap(q, 3 * PAGE_SIZE);
	}
	if (block != MAP_FAILED)
		munmap(block + PAGE_SIZE, PAGE_SIZE);
	drop_file(fd);
	case_end();
}

/* In Lintel: a /tmp file's pages are Cached and Shmem, until it goes. */
static void test_meminfo(void)
{
	long cached, shmem;
	int fd;

	if (!on_lintel()) {
		case_skip("filemap_meminfo_cached_and_shmem",
			  "the host's page cache moves on its own");
		return;
	}
	case_begin("filemap_meminfo_cached_and_shmem");
	/*
	 * Everything once first: the code that makes and drops the file
	 * and reads meminfo is this program's own text, mapped from its
	 * file, and its first run brings those pages into the cache too.
	 */
	drop_file(make_file(3));
	meminfo_kb("Shmem:");
	cached = meminfo_kb("Cached:");
	shmem = meminfo_kb("Shmem:");
	fd = make_file(3);
	CHECK(meminfo_kb("Cached:") == cached + FILE_KB &&
	      meminfo_kb("Shmem:") == shmem + FILE_KB,
	      "3 pages more: Cached %ld -> %ld kB, Shmem %ld -> %ld kB",
	      cached, meminfo_kb("Cached:"), shmem, meminfo_kb("Shmem:"));
	drop_file(fd);
	CHECK(meminfo_kb("Cached:") == cached && meminfo_kb("Shmem:") == shmem,
	      "given back: Cached %ld kB, Shmem %ld kB", meminfo_kb("Cached:"),
	      meminfo_kb("Shmem:"));
	case_end();
}

int main(void)
{
	test_shared_two_processes();
	test_read_sees_mmap();
	test_private_cow();
	test_sigbus();
	test_partial_munmap();
	test_ftruncate_mapped();
	test_offset_prot();
	test_errors();
	test_maps_names_file();
	test_mremap();
	test_meminfo();
	return check_summary();
}
