/*
 * test_pagecache.c - the page cache (mm/filemap.c) on a fake RAM:
 * find_page finds every page added and nothing else, whatever file or
 * offset; one file's pages spread over the hash chains; read_cache_page
 * fills a page once through readpage and then finds it; a failed
 * readpage leaves nothing behind; truncate_inode_pages drops exactly the
 * pages past the cut and zeroes the rest of the cut page; a page still
 * mapped outlives its removal; shrink_mmap drops only a clean page
 * that the cache alone holds and its file can read again, and read
 * brings its bytes back; and every page comes back to the allocator at
 * the end.
 */
#include "check.h"
#include "mm_host.h"
#include "../mm/page_alloc.c"
#include "../mm/filemap.c"

#define RAM_PAGES	3000
#define NR_FILES	4
#define FILE_PAGES	300	/* pages each of the files gets */
#define MIN_SPREAD_DIV	2	/* at least a chain for every 2 pages */
#define CUT_PAGES	100	/* truncate keeps this many pages and a bit */
#define CUT_TAIL	123
#define NODE_SIZE	128

/* Each in a node of its own size, as a ramfs file's is (kmalloc'd). */
static struct fake_node {
	struct address_space space;
	char rest[NODE_SIZE - sizeof(struct address_space)];
} nodes[NR_FILES];
#define spaces(i)	(nodes[i].space)
static struct inode inodes[NR_FILES];
static int readpage_calls, readpage_error, trace_calls;
static unsigned long archive_end;	/* fake_releasepage: re-readable below */

/* shrink_mmap's trace line: counted, not printed. */
void trace_event(unsigned long kind, const char *fmt, ...)
{
	(void)kind;
	(void)fmt;
	trace_calls++;
}

/* A file whose first archive_end bytes its filesystem can read again. */
static int fake_releasepage(struct page *page)
{
	return page->offset < archive_end;
}

/* A readpage that writes the file's number and the offset's page number. */
static int fake_readpage(struct inode *inode, unsigned long page,
			 unsigned long offset)
{
	readpage_calls++;
	if (readpage_error)
		return readpage_error;
	((unsigned long *)page)[0] = inode - inodes;
	((unsigned long *)page)[1] = offset >> PAGE_SHIFT;
	return 0;
}

static const struct inode_operations fake_iops = {
	.readpage = fake_readpage,
};

static int no_reserved(unsigned long nr)
{
	return nr == 0;
}

static void setup(void)
{
	for (int i = 0; i < NR_FILES; i++) {
		inodes[i].i_ino = i + 1;
		inodes[i].i_mapping = &spaces(i);
		inodes[i].i_op = &fake_iops;
	}
	spaces(NR_FILES - 1).shmem = 1;
}

/* Fill every file with FILE_PAGES pages, interleaved, by add_to_page_cache. */
static void fill_all(void)
{
	for (unsigned long off = 0; off < FILE_PAGES * PAGE_SIZE;
	     off += PAGE_SIZE)
		for (int i = 0; i < NR_FILES; i++) {
			unsigned long page = get_free_page(GFP_KERNEL);

			if (!page)
				return;
			*(unsigned long *)page = i * 100000 + off;
			add_to_page_cache(virt_to_page(page), &inodes[i], off);
		}
}

static void test_find(void)
{
	int wrong = 0;

	case_begin("pagecache_find_page_finds_each_page_added");
	fill_all();
	CHECK(page_cache_size == NR_FILES * FILE_PAGES, "cached %lu, want %d",
	      page_cache_size, NR_FILES * FILE_PAGES);
	CHECK(page_cache_shmem == FILE_PAGES, "shmem %lu, want %d",
	      page_cache_shmem, FILE_PAGES);
	for (int i = 0; i < NR_FILES; i++) {
		CHECK(spaces(i).nrpages == FILE_PAGES, "file %d has %lu", i,
		      spaces(i).nrpages);
		for (unsigned long off = 0; off < FILE_PAGES * PAGE_SIZE;
		     off += PAGE_SIZE) {
			struct page *p = find_page(&inodes[i], off);

			wrong += !p || p->mapping != &spaces(i) ||
				 p->offset != off ||
				 *(unsigned long *)page_address(p) !=
				 i * 100000 + off;
		}
		CHECK(!find_page(&inodes[i], FILE_PAGES * PAGE_SIZE),
		      "nothing past the end of file %d", i);
	}
	CHECK(!wrong, "%d look-ups found the wrong page or none", wrong);
	case_end();
}

/* Does the chain starting at p hold two pages of one file? */
static int chain_repeats_a_file(struct page *p)
{
	for (; p; p = p->next_hash)
		for (struct page *q = p->next_hash; q; q = q->next_hash)
			if (q->mapping == p->mapping)
				return 1;
	return 0;
}

/*
 * No chain holds two pages of one file, and the files spread over at
 * least MIN_SPREAD of a chain per page: a hash that left out the file
 * or the offset would fail one or the other.
 */
static void test_spread(void)
{
	int repeats = 0, used = 0;

	case_begin("pagecache_hash_spreads_the_pages");
	for (int h = 0; h < PAGE_HASH_SIZE; h++) {
		repeats += chain_repeats_a_file(page_hash_table[h]);
		used += page_hash_table[h] != NULL;
	}
	CHECK(!repeats, "%d chains hold two pages of one file", repeats);
	CHECK(used * MIN_SPREAD_DIV >= NR_FILES * FILE_PAGES,
	      "%d chains used for %d pages", used, NR_FILES * FILE_PAGES);
	case_end();
}

static void test_truncate(void)
{
	unsigned long cut = CUT_PAGES * PAGE_SIZE + CUT_TAIL, freed;
	unsigned long free_before = nr_free_pages, held;
	struct page *p, *kept;
	const unsigned char *tail;

	case_begin("pagecache_truncate_drops_pages_past_the_cut");
	kept = find_page(&inodes[0], FILE_PAGES * PAGE_SIZE - PAGE_SIZE);
	kept->count++;		/* as if a pte still mapped it */
	held = page_address(kept);
	p = find_page(&inodes[0], CUT_PAGES * PAGE_SIZE);
	memset((void *)page_address(p), 0xee, PAGE_SIZE);
	freed = truncate_inode_pages(&inodes[0], cut);
	CHECK(freed == FILE_PAGES - CUT_PAGES - 1, "freed %lu, want %d", freed,
	      FILE_PAGES - CUT_PAGES - 1);
	CHECK(spaces(0).nrpages == CUT_PAGES + 1, "left %lu",
	      spaces(0).nrpages);
	CHECK(nr_free_pages == free_before + freed - 1,
	      "free %lu, want %lu (one page still mapped)", nr_free_pages,
	      free_before + freed - 1);
	CHECK(find_page(&inodes[0], CUT_PAGES * PAGE_SIZE) == p &&
	      !find_page(&inodes[0], (CUT_PAGES + 1) * PAGE_SIZE),
	      "the cut page stays, the next goes");
	tail = (const unsigned char *)page_address(p);
	CHECK(tail[CUT_TAIL - 1] == 0xee && tail[CUT_TAIL] == 0 &&
	      tail[PAGE_SIZE - 1] == 0, "zero from the cut to the page end");
	CHECK(kept->count == 1 && !kept->mapping,
	      "a mapped page leaves the cache but lives");
	free_page(held);
	CHECK(find_page(&inodes[1], (CUT_PAGES + 1) * PAGE_SIZE),
	      "another file keeps its pages");
	case_end();
}

static void test_read_cache_page(void)
{
	unsigned long a, b, free_before;
	int error = 0;

	case_begin("pagecache_read_cache_page_reads_once");
	truncate_inode_pages(&inodes[1], 0);
	readpage_calls = 0;
	a = read_cache_page(&inodes[1], 7 * PAGE_SIZE, &error);
	b = read_cache_page(&inodes[1], 7 * PAGE_SIZE, &error);
	CHECK(a && a == b && readpage_calls == 1,
	      "one readpage for two reads: %d calls", readpage_calls);
	CHECK(a && ((unsigned long *)a)[0] == 1 && ((unsigned long *)a)[1] == 7,
	      "the page readpage filled");
	free_before = nr_free_pages;
	readpage_error = -ENOSPC;
	CHECK(!read_cache_page(&inodes[1], 8 * PAGE_SIZE, &error) &&
	      error == -ENOSPC, "readpage's error comes back: %d", error);
	readpage_error = 0;
	CHECK(nr_free_pages == free_before && !find_page(&inodes[1], 8 *
							 PAGE_SIZE),
	      "nothing left behind by a failed readpage");
	case_end();
}

/*
 * Page n of file i, brought in by read_cache_page and left as its
 * caller says: mapped (one more count), written (dirty), or neither.
 */
static struct page *shrink_page(int i, unsigned long n, int mapped,
				int dirty)
{
	int error;
	unsigned long addr = read_cache_page(&inodes[i], n * PAGE_SIZE,
					     &error);

	if (!addr)
		return NULL;
	virt_to_page(addr)->count += mapped;
	if (dirty)
		set_page_dirty(addr);
	return virt_to_page(addr);
}

/*
 * Of a mapped page, a dirty one, one past what the file can read again
 * and a tmpfs page, shrink_mmap drops none; the clean unmapped page of
 * a re-readable file it drops (accounting and all), and read_cache_page
 * then gives the same bytes back from readpage.
 */
static void test_shrink_mmap(void)
{
	struct page *clean, *mapped, *dirty, *past, *shm;
	unsigned long cached, free_before, nr;
	int calls;

	case_begin("pagecache_shrink_mmap_drops_only_clean_unheld_pages");
	for (int i = 0; i < NR_FILES; i++)
		truncate_inode_pages(&inodes[i], 0);
	spaces(0).releasepage = fake_releasepage;
	archive_end = 4 * PAGE_SIZE;
	clean = shrink_page(0, 0, 0, 0);
	mapped = shrink_page(0, 1, 1, 0);
	dirty = shrink_page(0, 2, 0, 1);
	past = shrink_page(0, 4, 0, 0);
	shm = shrink_page(NR_FILES - 1, 0, 0, 0);
	CHECK(clean && mapped && dirty && past && shm, "five pages read in");
	cached = page_cache_size;
	free_before = nr_free_pages;
	nr = spaces(0).nrpages;
	trace_calls = 0;
	CHECK(shrink_mmap(0) == 1, "a page dropped");
	CHECK(!find_page(&inodes[0], 0) && find_page(&inodes[0], PAGE_SIZE) ==
	      mapped && find_page(&inodes[0], 2 * PAGE_SIZE) == dirty &&
	      find_page(&inodes[0], 4 * PAGE_SIZE) == past &&
	      find_page(&inodes[NR_FILES - 1], 0) == shm,
	      "the clean one, and only it, left the cache");
	CHECK(page_cache_size == cached - 1 && spaces(0).nrpages == nr - 1 &&
	      nr_free_pages == free_before + 1 && trace_calls == 1,
	      "cached %lu -> %lu, nrpages %lu -> %lu, free %lu -> %lu, %d "
	      "trace lines", cached, page_cache_size, nr, spaces(0).nrpages,
	      free_before, nr_free_pages, trace_calls);
	CHECK(shrink_mmap(0) == 0 && page_cache_size == cached - 1,
	      "nothing else is droppable");
	calls = readpage_calls;
	clean = shrink_page(0, 0, 0, 0);
	CHECK(clean && readpage_calls == calls + 1 &&
	      ((unsigned long *)page_address(clean))[0] == 0 &&
	      ((unsigned long *)page_address(clean))[1] == 0,
	      "read again through readpage, the same bytes");
	mapped->count--;	/* its pte goes */
	spaces(0).releasepage = NULL;
	case_end();
}

static void test_all_back(void)
{
	case_begin("pagecache_every_page_back_after_truncating_all");
	for (int i = 0; i < NR_FILES; i++)
		truncate_inode_pages(&inodes[i], 0);
	CHECK(!page_cache_size && !page_cache_shmem, "cached %lu shmem %lu",
	      page_cache_size, page_cache_shmem);
	for (unsigned long nr = 0; nr < num_physpages; nr++)
		CHECK(!(mem_map[nr].flags & PG_dirty), "page %lu still dirty",
		      nr);
	CHECK(nr_free_pages == totalram_pages, "free %lu of %lu",
	      nr_free_pages, totalram_pages);
	for (int h = 0; h < PAGE_HASH_SIZE; h++)
		CHECK(!page_hash_table[h], "chain %d not empty", h);
	case_end();
}

int main(void)
{
	if (fake_ram_init(RAM_PAGES, no_reserved))
		return 1;
	setup();
	test_find();
	test_spread();
	test_truncate();
	test_read_cache_page();
	test_shrink_mmap();
	test_all_back();
	return check_summary();
}
