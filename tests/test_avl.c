/*
 * test_avl.c - the area tree and list (mm/mmap_avl.c) under long random
 * sequences of inserts, removes and lookups (find_vma, find_vma_prev,
 * find_vma_intersection), checked after every step against a plain
 * sorted array: same areas in the same order, heights right, balanced,
 * list and tree agreeing, nothing overlapping. Also: vmacheck notices a
 * broken tree or list.
 */
#include "check.h"
#include "mm_host.h"
#include "../mm/mmap_avl.c"

#define SPACE_PAGES	8192	/* areas live in [0, 32 MiB) */
#define MAX_AREA_PAGES	16
#define MAX_AREAS	1500
#define RANDOM_STEPS	300000

static struct mm_struct mm;

/* The model: the areas sorted by address. */
static struct vm_area_struct *model[MAX_AREAS];
static int nr_model;

static int model_find(unsigned long addr)
{
	int i;

	for (i = 0; i < nr_model; i++)
		if (addr < model[i]->vm_end)
			return i;
	return -1;
}

static int model_overlaps(unsigned long start, unsigned long end)
{
	int i = model_find(start);

	return i >= 0 && model[i]->vm_start < end;
}

static void model_insert(struct vm_area_struct *vma)
{
	int i = nr_model;

	while (i > 0 && model[i - 1]->vm_start > vma->vm_start) {
		model[i] = model[i - 1];
		i--;
	}
	model[i] = vma;
	nr_model++;
}

static void model_remove(int i)
{
	nr_model--;
	for (; i < nr_model; i++)
		model[i] = model[i + 1];
}

static struct vm_area_struct *new_area(unsigned long start, unsigned long end)
{
	struct vm_area_struct *vma = calloc(1, sizeof(*vma));

	vma->vm_start = start;
	vma->vm_end = end;
	return vma;
}

/* The fewest nodes an AVL tree of height h can have: N(h-1)+N(h-2)+1. */
static long min_nodes(int h)
{
	long a = 0, b = 1, c;	/* N(0), N(1) */

	if (h == 0)
		return 0;
	while (--h) {
		c = a + b + 1;
		a = b;
		b = c;
	}
	return b;
}

/* Does the list match the model exactly, and the tree stay shallow? */
static const char *check_against_model(void)
{
	static char why[128];
	struct vm_area_struct *vma = mm.mmap;
	int i;

	if (vmacheck(&mm))
		return "vmacheck failed";
	for (i = 0; i < nr_model; i++, vma = vma->vm_next)
		if (vma != model[i]) {
			sprintf(why, "list position %d differs from the model",
				i);
			return why;
		}
	if (vma)
		return "list longer than the model";
	if (min_nodes(heightof(mm.mmap_avl)) > nr_model) {
		sprintf(why, "height %d for only %d nodes",
			heightof(mm.mmap_avl), nr_model);
		return why;
	}
	return NULL;
}

static void random_insert(void)
{
	unsigned long start = (rand() % SPACE_PAGES) * PAGE_SIZE;
	unsigned long end = start + (1 + rand() % MAX_AREA_PAGES) * PAGE_SIZE;
	struct vm_area_struct *vma;

	if (nr_model == MAX_AREAS || model_overlaps(start, end))
		return;
	vma = new_area(start, end);
	insert_vm_struct(&mm, vma);
	model_insert(vma);
}

static void random_remove(void)
{
	int i;

	if (!nr_model)
		return;
	i = rand() % nr_model;
	remove_vm_struct(&mm, model[i]);
	free(model[i]);
	model_remove(i);
}

static void random_lookup(unsigned long step)
{
	unsigned long addr = rand() % ((SPACE_PAGES + 20) * PAGE_SIZE);
	unsigned long end = addr + 1 + rand() % (4 * PAGE_SIZE);
	int i = model_find(addr);
	int before = i < 0 ? nr_model - 1 : i - 1;
	struct vm_area_struct *want = i < 0 ? NULL : model[i], *prev;
	struct vm_area_struct *want_prev = before < 0 ? NULL : model[before];

	CHECK(find_vma(&mm, addr) == want,
	      "step %lu: find_vma(%08lx) is the model's area %d", step, addr, i);
	CHECK(find_vma_prev(&mm, addr, &prev) == want && prev == want_prev,
	      "step %lu: find_vma_prev(%08lx) gives areas %d and %d", step,
	      addr, i, i - 1);
	if (want && end <= want->vm_start)
		want = NULL;
	CHECK(find_vma_intersection(&mm, addr, end) == want,
	      "step %lu: find_vma_intersection(%08lx, %08lx)", step, addr, end);
}

static void test_random(void)
{
	unsigned long step;
	const char *why = NULL;
	int max_areas = 0;

	case_begin("avl_random_inserts_removes_lookups_match_model");
	srand(4242);
	for (step = 0; step < RANDOM_STEPS && !check_case_failed; step++) {
		int r = rand() % 100;
		/* Phases: grow to many areas, shrink to few, grow again. */
		int grow = (step / 50000) % 2 == 0 ? 60 : 35;

		if (r < grow)
			random_insert();
		else if (r < 80)
			random_remove();
		else
			random_lookup(step);
		why = check_against_model();
		CHECK(!why, "step %lu (%d areas): %s", step, nr_model, why);
		if (nr_model > max_areas)
			max_areas = nr_model;
	}
	CHECK(max_areas > 500, "the run reached many areas, only %d",
	      max_areas);
	case_end();
}

static void test_rebuild(void)
{
	const char *why;

	case_begin("avl_build_mmap_avl_from_the_list");
	build_mmap_avl(&mm);
	why = check_against_model();
	CHECK(!why, "%s", why);
	case_end();
}

static void test_sequential(void)
{
	struct mm_struct seq = { 0 };
	unsigned long i;
	int ok = 1;

	case_begin("avl_ascending_then_descending_inserts_stay_balanced");
	for (i = 0; i < 1000; i++)
		insert_vm_struct(&seq, new_area((2000 + i) * PAGE_SIZE,
						(2001 + i) * PAGE_SIZE));
	for (i = 0; i < 1000; i++)
		insert_vm_struct(&seq, new_area((999 - i) * PAGE_SIZE,
						(1000 - i) * PAGE_SIZE));
	CHECK(!vmacheck(&seq), "vmacheck after 2000 inserts");
	CHECK(heightof(seq.mmap_avl) <= 16, "height %d for 2000 areas",
	      heightof(seq.mmap_avl));
	while (seq.mmap && ok) {
		remove_vm_struct(&seq, seq.mmap);
		ok = !vmacheck(&seq);
	}
	CHECK(ok && !seq.mmap_avl, "removing from the front keeps it valid "
	      "and ends empty");
	case_end();
}

static void test_vmacheck_notices(void)
{
	struct vm_area_struct *vma;
	unsigned long start;
	short height;

	case_begin("vmacheck_notices_broken_height_order_and_owner");
	vma = mm.mmap_avl;
	height = vma->vm_avl_height;
	vma->vm_avl_height = height + 1;
	CHECK(vmacheck(&mm) != 0, "a wrong height is reported");
	vma->vm_avl_height = height;
	CHECK(vmacheck(&mm) == 0, "and the repaired tree passes");

	vma = mm.mmap->vm_next;
	start = vma->vm_start;
	vma->vm_start = mm.mmap->vm_start;
	CHECK(vmacheck(&mm) != 0, "overlapping areas are reported");
	vma->vm_start = start;

	vma->vm_mm = NULL;
	CHECK(vmacheck(&mm) != 0, "an area of another mm is reported");
	vma->vm_mm = &mm;

	mm.mmap = mm.mmap->vm_next;
	CHECK(vmacheck(&mm) != 0, "an area missing from the list is reported");
	case_end();
}

int main(void)
{
	test_random();
	test_rebuild();
	test_sequential();
	test_vmacheck_notices();
	return check_summary();
}
