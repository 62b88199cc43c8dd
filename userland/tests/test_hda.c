/*
 * test_hda.c - the first IDE disk through its device file, /dev/hda
 * (3,0): what a program sees of it, as on Linux.
 *
 * make test boots this with the swap image (mkswap's SWAPSPACE2 header
 * in page 0) as QEMU's first IDE disk, opened copy-on-write (QEMU's
 * snapshot=on), so the writes here never reach the image. On the Linux
 * host every case says SKIPPED: a host's disk is never written to; so
 * does a Lintel booted without a disk (open says ENXIO, which make test
 * checks).
 */
#include <fcntl.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include "check.h"
#include "child.h"

#define DISK		"/dev/hda"
#define HDA_RDEV	((3 << 8) | 0)
#define PAGE		4096
#define SWAP_MAGIC	"SWAPSPACE2"
#define MAGIC_OFFSET	(PAGE - 10)
#define VERSION_OFFSET	1024	/* after the 1024 boot bytes */
#define LAST_PAGE_OFFSET 1028
#define READERS		3	/* children reading at once */
#define ROUNDS		20
#define NOBODY		65534
#define DISK_GID	6	/* the group "disk" */
#define ODD_OFFSET	1000	/* inside a sector, across the next */
#define ODD_LEN		700

static const char *names[] = {
	"hda_is_block_device_3_0", "hda_swap_header", "hda_read_unaligned",
	"hda_lseek_end_is_size", "hda_read_at_end", "hda_write_read_back",
	"hda_write_at_end_enospc", "hda_readers_at_once", "hda_nobody_eacces",
};
#define NCASES	(sizeof(names) / sizeof(names[0]))

static int fd;
static unsigned char header[PAGE];

static unsigned long word_at(const unsigned char *p, int off)
{
	return p[off] | p[off + 1] << 8 | p[off + 2] << 16 |
	       (unsigned long)p[off + 3] << 24;
}

/* Read len bytes at off; 0 when all came. */
static int read_at(int d, off_t off, void *buf, int len)
{
	if (lseek(d, off, SEEK_SET) != off)
		return -1;
	return read(d, buf, len) == len ? 0 : -1;
}

static void test_node(void)
{
	struct stat st;

	case_begin(names[0]);
	CHECK(fstat(fd, &st) == 0 && S_ISBLK(st.st_mode),
	      "fstat: a block device");
	CHECK(st.st_rdev == HDA_RDEV, "st_rdev 3,0, got 0x%llx",
	      (unsigned long long)st.st_rdev);
	CHECK(st.st_size == 0, "st_size 0 as Linux, got %lld",
	      (long long)st.st_size);
	CHECK(st.st_uid == 0 && st.st_gid == DISK_GID &&
	      (st.st_mode & 07777) == 0660, "root:disk 0660, got %d:%d 0%o",
	      (int)st.st_uid, (int)st.st_gid, (unsigned)(st.st_mode & 07777));
	case_end();
}

/* mkswap's page 0: the magic at its end, version 1, last_page. */
static void test_header(off_t size)
{
	case_begin(names[1]);
	CHECK(read_at(fd, 0, header, PAGE) == 0, "read page 0");
	CHECK(!memcmp(header + MAGIC_OFFSET, SWAP_MAGIC, 10),
	      "SWAPSPACE2 at 4086, got %.10s", header + MAGIC_OFFSET);
	CHECK(word_at(header, VERSION_OFFSET) == 1, "version 1, got %lu",
	      word_at(header, VERSION_OFFSET));
	CHECK(word_at(header, LAST_PAGE_OFFSET) ==
	      (unsigned long)(size / PAGE - 1),
	      "last_page %lld, got %lu", (long long)(size / PAGE - 1),
	      word_at(header, LAST_PAGE_OFFSET));
	case_end();
}

/* Bytes that start and end inside sectors: the same as the whole page. */
static void test_unaligned(void)
{
	unsigned char buf[ODD_LEN];

	case_begin(names[2]);
	CHECK(read_at(fd, ODD_OFFSET, buf, ODD_LEN) == 0, "read");
	CHECK(!memcmp(buf, header + ODD_OFFSET, ODD_LEN),
	      "bytes %d..%d differ from page 0's", ODD_OFFSET,
	      ODD_OFFSET + ODD_LEN);
	CHECK(read_at(fd, MAGIC_OFFSET, buf, 10) == 0 &&
	      !memcmp(buf, SWAP_MAGIC, 10), "the magic alone");
	case_end();
}

static void test_size(off_t size)
{
	case_begin(names[3]);
	CHECK(size > 0 && size % PAGE == 0, "a whole number of pages: %lld",
	      (long long)size);
	CHECK(lseek(fd, 0, SEEK_SET) == 0 && lseek(fd, 0, SEEK_END) == size &&
	      lseek(fd, 0, SEEK_CUR) == size, "SEEK_END moves the offset");
	CHECK(lseek(fd, -PAGE, SEEK_END) == size - PAGE, "SEEK_END - 4096");
	CHECK_ERR(lseek(fd, -size - 1, SEEK_END), EINVAL);
	case_end();
}

static void test_end(off_t size)
{
	char c;

	case_begin(names[4]);
	CHECK(lseek(fd, size, SEEK_SET) == size && read(fd, &c, 1) == 0,
	      "read at the end: 0");
	CHECK(lseek(fd, size - 1, SEEK_SET) == size - 1 &&
	      read(fd, header, PAGE) == 1, "read across the end: 1 byte");
	case_end();
}

/* The last page: written, read back, then put back as it was. */
static void test_write(off_t size)
{
	static unsigned char old[PAGE], new[PAGE], back[PAGE];
	off_t last = size - PAGE;
	int i;

	case_begin(names[5]);
	for (i = 0; i < PAGE; i++)
		new[i] = i * 7 + 3;
	CHECK(read_at(fd, last, old, PAGE) == 0, "read the last page");
	CHECK(lseek(fd, last + 1, SEEK_SET) == last + 1 &&
	      write(fd, new + 1, PAGE - 2) == PAGE - 2,
	      "write all but its first and last byte");
	CHECK(read_at(fd, last, back, PAGE) == 0, "read it back");
	CHECK(back[0] == old[0] && back[PAGE - 1] == old[PAGE - 1],
	      "the bytes around the write changed");
	CHECK(!memcmp(back + 1, new + 1, PAGE - 2), "not what was written");
	CHECK(lseek(fd, last, SEEK_SET) == last &&
	      write(fd, old, PAGE) == PAGE, "put the page back");
	case_end();
}

static void test_write_end(off_t size)
{
	case_begin(names[6]);
	CHECK(lseek(fd, size, SEEK_SET) == size, "seek to the end");
	CHECK_ERR(write(fd, "x", 1), ENOSPC);
	case_end();
}

/* A child reads page 0 ROUNDS times on its own descriptor. */
static int reader(void)
{
	unsigned char buf[PAGE];
	int d = open(DISK, O_RDONLY), i;

	for (i = 0; i < ROUNDS; i++)
		if (d < 0 || read_at(d, 0, buf, PAGE) ||
		    memcmp(buf, header, PAGE))
			return 1;
	return 0;
}

/* Several processes waiting for the disk at once: each gets its data. */
static void test_readers(void)
{
	pid_t pids[READERS];
	int i, status, bad = 0;

	case_begin(names[7]);
	CHECK(read_at(fd, 0, header, PAGE) == 0, "read page 0");
	for (i = 0; i < READERS; i++) {
		pids[i] = fork();
		if (pids[i] == 0)
			_exit(reader());
	}
	for (i = 0; i < READERS; i++)
		if (pids[i] < 0 || waitpid(pids[i], &status, 0) != pids[i] ||
		    !WIFEXITED(status) || WEXITSTATUS(status))
			bad++;
	CHECK(bad == 0, "%d of %d readers saw other bytes", bad, READERS);
	case_end();
}

/* /dev/hda is root:disk, 0660: nobody cannot open it. */
static int as_nobody(void *arg)
{
	(void)arg;
	CHECK_OK(setgid(NOBODY));
	CHECK_OK(setuid(NOBODY));
	CHECK_ERR(open(DISK, O_RDONLY), EACCES);
	return check_case_failed;
}

/* Why the cases cannot run here, or NULL when they can (fd is open). */
static const char *cannot_run(void)
{
	if (!on_lintel())
		return "only QEMU's disk in Lintel is tested, never the host's";
	if (geteuid() != 0)
		return "not root";
	fd = open(DISK, O_RDWR);
	if (fd < 0)
		return errno == ENXIO ? "open " DISK ": ENXIO, no disk" :
			"open " DISK " failed";
	return NULL;
}

int main(void)
{
	const char *why = cannot_run();
	unsigned int i;
	off_t size;

	if (why) {
		for (i = 0; i < NCASES; i++)
			case_skip(names[i], why);
		return check_summary();
	}
	size = lseek(fd, 0, SEEK_END);
	test_node();
	test_header(size);
	test_unaligned();
	test_size(size);
	test_end(size);
	test_write(size);
	test_write_end(size);
	test_readers();
	case_in_child(names[8], as_nobody, NULL);
	close(fd);
	return check_summary();
}
