/*
 * test_reclaim.c - the page cache gives memory back when it is needed.
 *
 * make test boots this in a 16 MiB Lintel with no swap (runtests.py's
 * guest_mem): mapping and reading every program of the image brings
 * more of their pages into the page cache than memory holds, which only
 * works if shrink_mmap drops clean pages that nothing maps any more
 * (they come back from the initramfs on the next touch). Every file is
 * read twice, through read() and through a private mapping, and the two
 * must agree, on both passes: a dropped page comes back with the same
 * bytes. Then a child asks for more anonymous memory than is free, and
 * Cached must fall to make room.
 *
 * On the Linux host the same reads run over the programs beside this
 * one (they must agree there too); the cases about Lintel's memory say
 * SKIPPED with the reason: the host's RAM and page cache are its own.
 */
#include <dirent.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <unistd.h>
#include "check.h"
#include "held.h"
#include "child.h"

#define PAGE_SIZE	4096
#define MAX_FILES	1024
#define CHUNK		(16 * PAGE_SIZE)	/* read()'s buffer */
#define WINDOW		(4 * CHUNK)		/* mapped at a time */
#define PASSES		2
#define PATH_LEN	256
#define KB		1024UL
#define HEADROOM_KB	512	/* the child asks this much more than is free */
#define SMALL_GUEST_KB	(32L * 1024)	/* MemTotal of a guest meant to be short */
#define FNV_PRIME	16777619UL
#define FNV_BASIS	2166136261UL

/* The directories of Lintel's image whose files are read, if present. */
static const char *const image_dirs[] = {
	"/bin", "/lib", "/glibc-tests", "/musl-tests",
};

static char self_dir[PATH_LEN];
static unsigned long sums[MAX_FILES];
static int nr_files;
static unsigned long long bytes_mapped;
static char chunk[CHUNK];

static size_t min_size(size_t a, size_t b)
{
	return a < b ? a : b;
}

/*
 * A checksum of n bytes at p (word-aligned) that sees every byte and
 * its place: FNV-1a over 32-bit words, then the last bytes one by one.
 */
static unsigned long sum_bytes(unsigned long sum, const unsigned char *p,
			       size_t n)
{
	const unsigned int *w = (const unsigned int *)p;
	size_t i;

	for (i = 0; i < n / sizeof(*w); i++)
		sum = (sum ^ w[i]) * FNV_PRIME;
	for (i *= sizeof(*w); i < n; i++)
		sum = (sum ^ p[i]) * FNV_PRIME;
	return sum;
}

/*
 * Read size bytes at offset of the file open at fd both ways: through
 * read() (the file position is at offset) and through a private mapping
 * of them, which must agree. The checksum goes on from sum; 0 with a
 * failure recorded if they differ or a call fails.
 */
static unsigned long check_window(const char *path, int fd, off_t offset,
				  size_t size, unsigned long sum)
{
	unsigned char *map = mmap(NULL, size, PROT_READ, MAP_PRIVATE, fd,
				  offset);
	size_t done = 0;

	if (map == MAP_FAILED) {
		FAIL("%s: mmap at %ld: %s", path, (long)offset,
		     strerror(errno));
		return 0;
	}
	while (sum && done < size) {
		ssize_t n = read(fd, chunk, min_size(sizeof(chunk), size - done));

		if (n <= 0 || memcmp(chunk, map + done, n)) {
			FAIL("%s: read at %ld gave %ld bytes, not the mapping's",
			     path, (long)(offset + done), (long)n);
			sum = 0;
			break;
		}
		sum = sum_bytes(sum, map + done, n);
		done += n;
	}
	munmap(map, size);
	return sum;
}

/*
 * Read the file at path both ways, a window at a time (a mapped page
 * stays in memory while it is mapped: no file is held whole); on the
 * first pass record its checksum, on the later ones compare with it.
 * Files that cannot be opened for reading (none in the image) are
 * passed over.
 */
static void check_file(const char *path, int pass)
{
	int fd = open(path, O_RDONLY);
	unsigned long sum = FNV_BASIS;
	struct stat st;

	if (fd < 0)
		return;
	if (fstat(fd, &st) || !S_ISREG(st.st_mode) || !st.st_size ||
	    nr_files >= MAX_FILES) {
		close(fd);
		return;
	}
	for (off_t at = 0; sum && at < st.st_size; at += WINDOW)
		sum = check_window(path, fd, at,
				   min_size(WINDOW, st.st_size - at), sum);
	if (sum && !pass)
		sums[nr_files] = sum;
	else if (sum)
		CHECK(sums[nr_files] == sum, "%s: pass %d read other bytes "
		      "(checksum %08lx, first pass %08lx)", path, pass, sum,
		      sums[nr_files]);
	nr_files++;
	bytes_mapped += st.st_size;
	close(fd);
}

/* Every regular file directly in dir, in readdir's order. */
static void check_dir(const char *dir, int pass)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char path[PATH_LEN];

	if (!d)
		return;
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
		check_file(path, pass);
	}
	closedir(d);
}

/* The directories read: this program's own, and in Lintel the image's. */
static void check_all(int pass)
{
	nr_files = 0;
	check_dir(self_dir, pass);
	if (!on_lintel())
		return;
	for (unsigned i = 0; i < sizeof(image_dirs) / sizeof(image_dirs[0]);
	     i++)
		if (strcmp(image_dirs[i], self_dir))
			check_dir(image_dirs[i], pass);
}

/* Both passes read the same files, and the same bytes each time. */
static void test_read_everything_twice(void)
{
	int first;

	case_begin("reclaim_every_file_reads_back_the_same");
	check_all(0);
	first = nr_files;
	bytes_mapped = 0;
	check_all(1);
	CHECK(first > 1 && nr_files == first,
	      "%d files on the first pass, %d on the second", first, nr_files);
	case_end();
}

/*
 * In Lintel: the second pass alone mapped more than all of memory, so
 * the pages of the first cannot all have stayed in the cache.
 */
static void test_more_than_memory(void)
{
	long total = meminfo_kb("MemTotal:");

	if (!on_lintel()) {
		case_skip("reclaim_maps_more_than_memory",
			  "the host has more memory than these files");
		return;
	}
	if (total > SMALL_GUEST_KB) {
		case_skip("reclaim_maps_more_than_memory",
			  "a big guest (runtests.py gives 16 MiB only to the "
			  "small image's build)");
		return;
	}
	case_begin("reclaim_maps_more_than_memory");
	CHECK(total > 0 && bytes_mapped / KB > (unsigned long)total,
	      "mapped %llu kB of files in a guest of %ld kB", bytes_mapped / KB,
	      total);
	case_end();
}

/* Ask for kb of anonymous memory and touch it all; exit 0 if it came. */
static int take_memory(unsigned long kb)
{
	size_t len = kb * KB;
	unsigned char *p = mmap(NULL, len, PROT_READ | PROT_WRITE,
				MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (p == MAP_FAILED)
		return 1;
	for (size_t i = 0; i < len; i += PAGE_SIZE)
		p[i] = 1;
	return 0;
}

/*
 * In Lintel: a child that needs more than is free gets it from the page
 * cache (Cached falls by at least the difference), and everything is
 * back once it has gone. No swap here: the cache is the only source.
 */
static void test_cached_falls(void)
{
	long cached, free_kb, want, after;
	pid_t pid;
	int status;

	if (!on_lintel()) {
		case_skip("reclaim_cached_falls_when_memory_is_needed",
			  "the host reclaims its page cache by its own rules");
		return;
	}
	case_begin("reclaim_cached_falls_when_memory_is_needed");
	cached = meminfo_kb("Cached:");
	free_kb = meminfo_kb("MemFree:");
	want = free_kb + HEADROOM_KB;
	fflush(stdout);
	pid = fork();
	if (pid == 0)
		_exit(take_memory(want));
	CHECK(pid > 0 && waitpid(pid, &status, 0) == pid &&
	      WIFEXITED(status) && WEXITSTATUS(status) == 0,
	      "the child taking %ld kB (MemFree %ld kB, Cached %ld kB) "
	      "failed: status 0x%x", want, free_kb, cached, status);
	after = meminfo_kb("Cached:");
	CHECK(after >= 0 && after <= cached - HEADROOM_KB,
	      "Cached %ld -> %ld kB: nothing was reclaimed", cached, after);
	case_end();
}

int main(int argc, char **argv)
{
	char *slash;

	(void)argc;
	snprintf(self_dir, sizeof(self_dir), "%s", argv[0]);
	slash = strrchr(self_dir, '/');
	if (slash && slash != self_dir)
		*slash = '\0';
	else
		snprintf(self_dir, sizeof(self_dir), slash ? "/" : ".");
	test_read_everything_twice();
	test_more_than_memory();
	test_cached_falls();
	return check_summary();
}
