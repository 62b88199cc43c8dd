/*
 * hd.c - self-tests of the disk driver and the block layer (test=hd).
 *
 * Without a disk: /dev/hda does not exist and every transfer says so.
 * With one: sector 0 is read. Writing is only done on a scratch disk
 * that scripts/runtests.py made for the run, recognised by the line it
 * puts in sector 0, never on a swap area or any other disk:
 *
 *	LINTEL SCRATCH DISK bytes=1048576 host_page=200 bad_sector=1500
 *	bad_write_sector=1700			(one line)
 *
 * bytes is the image's size; host_page is where test=hd writes a
 * pattern the runner then finds in the image file on the host;
 * bad_sector and bad_write_sector are sectors QEMU was told to fail
 * reads and writes of (blkdebug).
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/string.h>
#include <linux/mm.h>
#include <linux/interrupt.h>
#include <linux/sched.h>
#include <linux/blkdev.h>
#include <linux/selftest.h>

#define HD_DEV		MKDEV(HD_MAJOR, 0)
#define SCRATCH_MARK	"LINTEL SCRATCH DISK "
#define SECTORS_PER_PAGE	(PAGE_SIZE / SECTOR_SIZE)
#define BIG_ORDER	5		/* 32 pages: more than one request */
#define BIG_PAGES	(1 << BIG_ORDER)
#define BIG_FIRST_PAGE	8		/* where the big transfer goes */
#define PAGE_A		48		/* two neighbouring pages */
#define ODD_SECTOR	401		/* a run that is not page aligned */
#define ODD_COUNT	3
#define HOST_LINE	"lintel hd selftest page %lu sector %lu\n"

/* What the runner's line in sector 0 says; 0 where it says nothing. */
struct scratch {
	unsigned long bytes, host_page, bad_sector, bad_write;
};

static unsigned long seed;

/* The word at index i of sector s in a pattern of this run. */
static unsigned long pattern_word(unsigned long s, unsigned long i,
				  unsigned long tag)
{
	return (s * 0x9e3779b1UL) ^ (i * 0x85ebca6bUL) ^ seed ^ tag;
}

/* Fill nr sectors from sector first with the pattern of tag. */
static void fill(char *buf, unsigned long first, unsigned long nr,
		 unsigned long tag)
{
	unsigned long *w = (unsigned long *)buf;
	unsigned long s, i, per = SECTOR_SIZE / sizeof(*w);

	for (s = 0; s < nr; s++)
		for (i = 0; i < per; i++)
			w[s * per + i] = pattern_word(first + s, i, tag);
}

/* The first sector of buf (nr from first) that is not tag's, or -1. */
static long first_wrong(const char *buf, unsigned long first,
			unsigned long nr, unsigned long tag)
{
	const unsigned long *w = (const unsigned long *)buf;
	unsigned long s, i, per = SECTOR_SIZE / sizeof(*w);

	for (s = 0; s < nr; s++)
		for (i = 0; i < per; i++)
			if (w[s * per + i] != pattern_word(first + s, i, tag))
				return first + s;
	return -1;
}

/* Read the value after "key=" in line, or 0. */
static unsigned long mark_value(const char *line, const char *key)
{
	const char *p = strstr(line, key);

	return p ? simple_strtoul(p + strlen(key), NULL, 10) : 0;
}

/* Is this the runner's scratch disk? Fills sc from sector 0 (in buf). */
static int is_scratch(char *buf, struct scratch *sc)
{
	buf[SECTOR_SIZE - 1] = '\0';
	if (strncmp(buf, SCRATCH_MARK, strlen(SCRATCH_MARK)))
		return 0;
	sc->bytes = mark_value(buf, "bytes=");
	sc->host_page = mark_value(buf, "host_page=");
	sc->bad_sector = mark_value(buf, " bad_sector=");
	sc->bad_write = mark_value(buf, " bad_write_sector=");
	return 1;
}

/* No disk: no device, and every transfer is refused with ENXIO. */
static void test_no_disk(char *buf)
{
	kcase_begin("hd_no_disk_is_no_device");
	KCHECK(blk_dev_pages(HD_DEV) == 0, "pages %lu, expected 0",
	       blk_dev_pages(HD_DEV));
	KCHECK(ll_rw_page(READ, HD_DEV, 0, buf) == -ENXIO,
	       "ll_rw_page did not say ENXIO");
	KCHECK(ll_rw_sectors(WRITE, HD_DEV, 0, 1, buf) == -ENXIO,
	       "ll_rw_sectors did not say ENXIO");
	kcase_end();
}

/* Arguments outside the disk or of no disk are refused before any I/O. */
static void test_bounds(char *buf)
{
	unsigned long pages = blk_dev_pages(HD_DEV);
	unsigned long sectors = pages * SECTORS_PER_PAGE;

	kcase_begin("hd_bad_arguments_refused");
	KCHECK(ll_rw_page(READ, HD_DEV, pages, buf) == -EINVAL,
	       "page %lu of %lu accepted", pages, pages);
	KCHECK(ll_rw_sectors(READ, HD_DEV, sectors - 1, 2, buf) == -EINVAL,
	       "a run across the end accepted");
	KCHECK(ll_rw_sectors(READ, HD_DEV, 0, (unsigned long)-1, buf) ==
	       -EINVAL, "a huge count accepted");
	KCHECK(ll_rw_page(READ + WRITE + 1, HD_DEV, 0, buf) == -EINVAL,
	       "an unknown rw accepted");
	KCHECK(ll_rw_page(READ, MKDEV(HD_MAJOR, 1), 0, buf) == -ENXIO,
	       "minor 1 (no partitions) accepted");
	KCHECK(ll_rw_page(READ, MKDEV(HD_MAJOR + 1, 0), 0, buf) == -ENXIO,
	       "a major with no driver accepted");
	kcase_end();
}

/*
 * The interrupts a transfer of nr sectors each way should take: one a
 * page in multiple mode, one a sector with hd=nomult. (Not get_option:
 * its answer lives in a buffer run_selftests is still reading.)
 */
static unsigned long expected_irqs(unsigned long nr)
{
	if (strstr(saved_command_line, " hd=nomult"))
		return 2 * nr;
	return 2 * nr / SECTORS_PER_PAGE;
}

/*
 * BIG_PAGES pages in one call (several requests, an interrupt per page
 * or per sector), read back into another buffer: the same bytes.
 */
static void test_big_transfer(char *out, char *in)
{
	unsigned long first = BIG_FIRST_PAGE * SECTORS_PER_PAGE;
	unsigned long nr = BIG_PAGES * SECTORS_PER_PAGE;
	unsigned long irqs = irq_count[HD_IRQ];
	long bad;

	kcase_begin("hd_write_then_read_many_pages");
	fill(out, first, nr, 1);
	memset(in, 0, BIG_PAGES * PAGE_SIZE);
	KCHECK(ll_rw_sectors(WRITE, HD_DEV, first, nr, out) == 0,
	       "write failed");
	KCHECK(ll_rw_sectors(READ, HD_DEV, first, nr, in) == 0,
	       "read failed");
	bad = first_wrong(in, first, nr, 1);
	KCHECK(bad < 0, "sector %ld read back wrong", bad);
	KCHECK(irq_count[HD_IRQ] - irqs == expected_irqs(nr),
	       "%lu interrupts for %d pages each way, expected %lu",
	       irq_count[HD_IRQ] - irqs, BIG_PAGES, expected_irqs(nr));
	kcase_end();
}

/* ll_rw_page: a page written twice holds the last; its neighbour is kept. */
static void test_neighbours(char *a, char *b)
{
	unsigned long sa = PAGE_A * SECTORS_PER_PAGE;
	long bad;

	kcase_begin("hd_page_writes_stay_in_their_page");
	fill(a, sa, SECTORS_PER_PAGE, 2);
	KCHECK(ll_rw_page(WRITE, HD_DEV, PAGE_A, a) == 0, "write A failed");
	fill(b, sa + SECTORS_PER_PAGE, SECTORS_PER_PAGE, 3);
	KCHECK(ll_rw_page(WRITE, HD_DEV, PAGE_A + 1, b) == 0,
	       "write B failed");
	fill(a, sa, SECTORS_PER_PAGE, 4);
	KCHECK(ll_rw_page(WRITE, HD_DEV, PAGE_A, a) == 0, "rewrite failed");
	memset(a, 0, PAGE_SIZE);
	memset(b, 0, PAGE_SIZE);
	KCHECK(ll_rw_page(READ, HD_DEV, PAGE_A, a) == 0, "read A failed");
	KCHECK(ll_rw_page(READ, HD_DEV, PAGE_A + 1, b) == 0, "read B failed");
	bad = first_wrong(a, sa, SECTORS_PER_PAGE, 4);
	KCHECK(bad < 0, "page A: sector %ld is not the last write", bad);
	bad = first_wrong(b, sa + SECTORS_PER_PAGE, SECTORS_PER_PAGE, 3);
	KCHECK(bad < 0, "page B: sector %ld changed", bad);
	kcase_end();
}

/* Sectors that are not a page: the ones around them are untouched. */
static void test_odd_sectors(char *out, char *in)
{
	unsigned long before = ODD_SECTOR - 1;
	long bad;

	kcase_begin("hd_odd_sector_run");
	fill(out, before, ODD_COUNT + 2, 5);
	KCHECK(ll_rw_sectors(WRITE, HD_DEV, before, ODD_COUNT + 2, out) == 0,
	       "first write failed");
	fill(out, ODD_SECTOR, ODD_COUNT, 6);
	KCHECK(ll_rw_sectors(WRITE, HD_DEV, ODD_SECTOR, ODD_COUNT, out) == 0,
	       "second write failed");
	KCHECK(ll_rw_sectors(READ, HD_DEV, before, ODD_COUNT + 2, in) == 0,
	       "read failed");
	bad = first_wrong(in, before, 1, 5);
	KCHECK(bad < 0, "the sector before changed");
	bad = first_wrong(in + SECTOR_SIZE, ODD_SECTOR, ODD_COUNT, 6);
	KCHECK(bad < 0, "sector %ld is not the second write", bad);
	bad = first_wrong(in + (ODD_COUNT + 1) * SECTOR_SIZE,
			  ODD_SECTOR + ODD_COUNT, 1, 5);
	KCHECK(bad < 0, "the sector after changed");
	kcase_end();
}

/*
 * A page of text the runner looks for in the image file afterwards:
 * the data really reached the disk, at the right offset.
 */
static void test_host_page(char *buf, const struct scratch *sc)
{
	unsigned long s, first = sc->host_page * SECTORS_PER_PAGE;

	kcase_begin("hd_page_for_the_host");
	memset(buf, 0, PAGE_SIZE);
	for (s = 0; s < SECTORS_PER_PAGE; s++)
		snprintf(buf + s * SECTOR_SIZE, SECTOR_SIZE, HOST_LINE,
			 sc->host_page, first + s);
	KCHECK(sc->host_page > 0, "no host_page= in the scratch line");
	KCHECK(ll_rw_page(WRITE, HD_DEV, sc->host_page, buf) == 0,
	       "write failed");
	kcase_end();
}

/* A sector QEMU fails: -EIO, and the next request works again. */
static void test_bad_sector(char *buf, const struct scratch *sc)
{
	unsigned long around = sc->bad_sector - SECTORS_PER_PAGE / 2;

	kcase_begin("hd_bad_sector_is_eio");
	KCHECK(sc->bad_sector > 0, "no bad_sector= in the scratch line");
	KCHECK(ll_rw_sectors(READ, HD_DEV, sc->bad_sector, 1, buf) == -EIO,
	       "a read of bad sector %lu did not fail with EIO",
	       sc->bad_sector);
	KCHECK(ll_rw_sectors(READ, HD_DEV, 0, 1, buf) == 0,
	       "sector 0 unreadable after the error");
	kcase_end();

	kcase_begin("hd_bad_sector_inside_a_block_is_eio");
	KCHECK(ll_rw_sectors(READ, HD_DEV, around, 2 * SECTORS_PER_PAGE,
			     buf) == -EIO, "two pages around sector %lu read",
	       sc->bad_sector);
	KCHECK(ll_rw_page(READ, HD_DEV, 0, buf) == 0,
	       "page 0 unreadable after the error");
	kcase_end();

	kcase_begin("hd_bad_write_is_eio");
	KCHECK(sc->bad_write > 0, "no bad_write_sector= in the scratch line");
	KCHECK(ll_rw_sectors(WRITE, HD_DEV, sc->bad_write, 1, buf) == -EIO,
	       "a write of bad sector %lu did not fail with EIO",
	       sc->bad_write);
	KCHECK(ll_rw_sectors(READ, HD_DEV, sc->bad_write, 1, buf) == 0,
	       "the sector is still readable");
	kcase_end();
}

/* Every case that writes: only on the runner's scratch disk. */
static void test_scratch(char *a, char *b, const struct scratch *sc)
{
	kcase_begin("hd_size_is_the_image_size");
	KCHECK(blk_dev_pages(HD_DEV) == sc->bytes / PAGE_SIZE,
	       "%lu pages, the image has %lu bytes", blk_dev_pages(HD_DEV),
	       sc->bytes);
	kcase_end();
	test_bounds(a);
	test_big_transfer(a, b);
	test_neighbours(a, b);
	test_odd_sectors(a, b);
	test_host_page(a, sc);
	test_bad_sector(a, sc);
}

/* test=hd: what can be tested on the disk QEMU was given, if any. */
void selftest_hd(void)
{
	char *a = (char *)__get_free_pages(GFP_KERNEL, BIG_ORDER);
	char *b = (char *)__get_free_pages(GFP_KERNEL, BIG_ORDER);
	struct scratch sc = { .bytes = 0 };

	kcase_begin("hd_buffers");
	KCHECK(a && b, "no memory for two buffers of %d pages", BIG_PAGES);
	kcase_end();
	if (!a || !b)
		goto out;
	seed = jiffies * 0x2545f491UL;
	if (!blk_dev_pages(HD_DEV)) {
		test_no_disk(a);
		goto out;
	}
	kcase_begin("hd_read_sector_0");
	KCHECK(ll_rw_sectors(READ, HD_DEV, 0, 1, a) == 0, "read failed");
	kcase_end();
	if (is_scratch(a, &sc))
		test_scratch(a, b, &sc);
	else
		printk("selftest hd: not the runner's scratch disk: "
		       "nothing written\n");
out:
	if (a)
		free_pages((unsigned long)a, BIG_ORDER);
	if (b)
		free_pages((unsigned long)b, BIG_ORDER);
}
