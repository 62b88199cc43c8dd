/*
 * mmap_avl.c - an address space's areas: the sorted list and the AVL tree.
 *
 * Every mm keeps its vm_area_structs twice, always in step:
 *   mm->mmap      a list through vm_next, sorted by address, for walks;
 *   mm->mmap_avl  an AVL tree keyed by vm_end, for find_vma in O(log n).
 * Areas never overlap, so vm_end is a unique key and the tree's in-order
 * walk is the list. 1.2.13's mm/mmap.c has the same tree (by Bruno
 * Haible); this file keeps its names and its shape.
 *
 * AVL rules, for every node:
 *   1. vm_avl_height = 1 + max(height of left, height of right)
 *   2. the two heights differ by at most 1
 *   3. keys in the left subtree < node's key < keys in the right subtree
 * The empty tree is NULL. Height 41 would take more nodes than fit in
 * 4 GiB, so a path from the root never has more entries than that.
 */
#include <linux/kernel.h>
#include <linux/mm.h>

#define avl_key(vma)	((vma)->vm_end)
#define AVL_MAXHEIGHT	41

static int heightof(struct vm_area_struct *tree)
{
	return tree ? tree->vm_avl_height : 0;
}

static void fix_height(struct vm_area_struct *node)
{
	node->vm_avl_height = 1 + max(heightof(node->vm_avl_left),
				      heightof(node->vm_avl_right));
}

/*
 * find_vma - the first area with addr < vm_end, or NULL. The area may
 * start above addr (addr is then in the gap below it). Going down, we
 * remember the last node whose end lies above addr: that is the answer
 * unless a node further down contains addr itself.
 */
struct vm_area_struct *find_vma(struct mm_struct *mm, unsigned long addr)
{
	/*
	 * LAB vma-avl: make lab replaces this body, up to END LAB, with
	 *	struct vm_area_struct *vma;
	 *
	 *	for (vma = mm->mmap; vma; vma = vma->vm_next)
	 *		if (addr < vma->vm_end)
	 *			return vma;
	 *	return NULL;
	 */
	struct vm_area_struct *result = NULL, *tree = mm->mmap_avl;

	while (tree) {
		if (addr < tree->vm_end) {
			if (tree->vm_start <= addr)
				return tree;
			result = tree;
			tree = tree->vm_avl_left;
		} else {
			tree = tree->vm_avl_right;
		}
	}
	return result;
	/* END LAB */
}

/* find_vma_intersection - the first area meeting [start_addr, end_addr). */
struct vm_area_struct *find_vma_intersection(struct mm_struct *mm,
					     unsigned long start_addr,
					     unsigned long end_addr)
{
	struct vm_area_struct *vma = find_vma(mm, start_addr);

	if (!vma || end_addr <= vma->vm_start)
		return NULL;
	return vma;
}

/*
 * find_vma_prev - find_vma, and in *pprev the area before the one found
 * (the last area ending at or below addr), or NULL. One walk down finds
 * both: every node is either after addr (go left) or not (go right).
 */
struct vm_area_struct *find_vma_prev(struct mm_struct *mm, unsigned long addr,
				     struct vm_area_struct **pprev)
{
	struct vm_area_struct *result = NULL, *tree = mm->mmap_avl;

	*pprev = NULL;
	while (tree) {
		if (addr < tree->vm_end) {
			result = tree;
			tree = tree->vm_avl_left;
		} else {
			*pprev = tree;
			tree = tree->vm_avl_right;
		}
	}
	return result;
}

/*
 * The left subtree of node is two higher than the right: rotate. Returns
 * the subtree's new root. When the left child leans left (or not at all)
 * one rotation does; when it leans right, its right child becomes root:
 *
 *        node              l                 node              lr
 *        /  \             / \                /  \             /  \
 *       l    R   -->    LL   node           l    R   -->     l    node
 *      / \                   /  \          / \              / \   / \
 *    LL   LR               LR    R       LL   lr          LL  a  b   R
 *                                             / \
 *                                            a   b
 */
static struct vm_area_struct *rotate_right(struct vm_area_struct *node)
{
	struct vm_area_struct *l = node->vm_avl_left, *lr = l->vm_avl_right;

	if (heightof(l->vm_avl_left) >= heightof(lr)) {
		node->vm_avl_left = lr;
		l->vm_avl_right = node;
		fix_height(node);
		fix_height(l);
		return l;
	}
	l->vm_avl_right = lr->vm_avl_left;
	node->vm_avl_left = lr->vm_avl_right;
	lr->vm_avl_left = l;
	lr->vm_avl_right = node;
	fix_height(l);
	fix_height(node);
	fix_height(lr);
	return lr;
}

/* The mirror image of rotate_right. */
static struct vm_area_struct *rotate_left(struct vm_area_struct *node)
{
	struct vm_area_struct *r = node->vm_avl_right, *rl = r->vm_avl_left;

	if (heightof(r->vm_avl_right) >= heightof(rl)) {
		node->vm_avl_right = rl;
		r->vm_avl_left = node;
		fix_height(node);
		fix_height(r);
		return r;
	}
	r->vm_avl_left = rl->vm_avl_right;
	node->vm_avl_right = rl->vm_avl_left;
	rl->vm_avl_right = r;
	rl->vm_avl_left = node;
	fix_height(r);
	fix_height(node);
	fix_height(rl);
	return rl;
}

/*
 * avl_rebalance - after an insert or a remove, walk back up the path
 * (places[0] is the root's place, places[count-1] the deepest one that
 * changed), rotating where the heights differ by two and stopping as
 * soon as a subtree's height comes out unchanged.
 */
static void avl_rebalance(struct vm_area_struct ***places, int count)
{
	/*
	 * LAB vma-avl: make lab replaces this body, up to END LAB, with
	 *	while (count > 0) {
	 *		struct vm_area_struct *node = *places[--count];
	 *
	 *		node->vm_avl_height = 1 + max(heightof(node->vm_avl_left),
	 *						      heightof(node->vm_avl_right));
	 *	}
	 */
	while (count > 0) {
		struct vm_area_struct **place = places[--count];
		struct vm_area_struct *node = *place;
		int hl = heightof(node->vm_avl_left);
		int hr = heightof(node->vm_avl_right);

		if (hl > hr + 1) {
			*place = rotate_right(node);
		} else if (hr > hl + 1) {
			*place = rotate_left(node);
		} else {
			int height = 1 + max(hl, hr);

			if (height == node->vm_avl_height)
				break;
			node->vm_avl_height = height;
		}
	}
	/* END LAB */
}

/*
 * avl_insert_neighbours - put new_node in the tree as a leaf, rebalance,
 * and report the nodes that end up just before and after it.
 */
static void avl_insert_neighbours(struct vm_area_struct *new_node,
				  struct vm_area_struct **ptree,
				  struct vm_area_struct **to_the_left,
				  struct vm_area_struct **to_the_right)
{
	unsigned long key = avl_key(new_node);
	struct vm_area_struct **place = ptree;
	struct vm_area_struct **path[AVL_MAXHEIGHT];
	int count = 0;

	*to_the_left = *to_the_right = NULL;
	while (*place) {
		struct vm_area_struct *node = *place;

		path[count++] = place;
		if (key < avl_key(node)) {
			*to_the_right = node;
			place = &node->vm_avl_left;
		} else {
			*to_the_left = node;
			place = &node->vm_avl_right;
		}
	}
	new_node->vm_avl_left = new_node->vm_avl_right = NULL;
	new_node->vm_avl_height = 1;
	*place = new_node;
	avl_rebalance(path, count);
}

static void avl_insert(struct vm_area_struct *new_node,
		       struct vm_area_struct **ptree)
{
	struct vm_area_struct *left, *right;

	avl_insert_neighbours(new_node, ptree, &left, &right);
}

/*
 * avl_remove - take node_to_delete out of the tree. With no left child,
 * its right child takes its place. Otherwise the rightmost node of its
 * left subtree (its in-order predecessor) is unhooked and put in its
 * place; the recorded path then names that node's left link instead of
 * the deleted one's, and everything on it is rebalanced.
 */
static void avl_remove(struct vm_area_struct *node_to_delete,
		       struct vm_area_struct **ptree)
{
	/*
	 * LAB vma-avl: make lab replaces this body, up to END LAB, with
	 *	(void)ptree;
	 *	build_mmap_avl(node_to_delete->vm_mm);
	 */
	unsigned long key = avl_key(node_to_delete);
	struct vm_area_struct **place = ptree, **place_to_delete;
	struct vm_area_struct **path[AVL_MAXHEIGHT];
	struct vm_area_struct *node;
	int count = 0, left_link;

	for (;;) {
		node = *place;
		if (!node) {
			printk("avl_remove: area %08lx-%08lx not in the tree\n",
			       node_to_delete->vm_start, node_to_delete->vm_end);
			return;
		}
		path[count++] = place;
		if (key == avl_key(node))
			break;
		place = key < avl_key(node) ? &node->vm_avl_left
					    : &node->vm_avl_right;
	}
	place_to_delete = place;
	if (!node_to_delete->vm_avl_left) {
		*place_to_delete = node_to_delete->vm_avl_right;
		avl_rebalance(path, count - 1);
		return;
	}
	left_link = count;	/* path slot of &node_to_delete->vm_avl_left */
	place = &node_to_delete->vm_avl_left;
	for (;;) {
		node = *place;
		if (!node->vm_avl_right)
			break;
		path[count++] = place;
		place = &node->vm_avl_right;
	}
	*place = node->vm_avl_left;
	node->vm_avl_left = node_to_delete->vm_avl_left;
	node->vm_avl_right = node_to_delete->vm_avl_right;
	node->vm_avl_height = node_to_delete->vm_avl_height;
	*place_to_delete = node;
	path[left_link] = &node->vm_avl_left;
	avl_rebalance(path, count);
	/* END LAB */
}

/*
 * insert_vm_struct - link vmp into mm's tree and, between the same
 * neighbours, into the sorted list. The caller has made sure it overlaps
 * no other area. (1.2.13 also put file areas on their inode's share ring
 * here; Lintel's only share ring is shm's, kept by shm itself.)
 */
void insert_vm_struct(struct mm_struct *mm, struct vm_area_struct *vmp)
{
	struct vm_area_struct *prev, *next;

	vmp->vm_mm = mm;
	avl_insert_neighbours(vmp, &mm->mmap_avl, &prev, &next);
	if ((prev ? prev->vm_next : mm->mmap) != next)
		printk("insert_vm_struct: tree and list disagree\n");
	if (prev)
		prev->vm_next = vmp;
	else
		mm->mmap = vmp;
	vmp->vm_next = next;
}

/* remove_vm_struct - unlink vmp from mm's list and tree; it is not freed. */
void remove_vm_struct(struct mm_struct *mm, struct vm_area_struct *vmp)
{
	struct vm_area_struct *prev;

	if (find_vma_prev(mm, vmp->vm_start, &prev) != vmp) {
		printk("remove_vm_struct: area %08lx-%08lx not in the mm\n",
		       vmp->vm_start, vmp->vm_end);
		return;
	}
	if (prev)
		prev->vm_next = vmp->vm_next;
	else
		mm->mmap = vmp->vm_next;
	avl_remove(vmp, &mm->mmap_avl);
	vmp->vm_next = NULL;
}

/* build_mmap_avl - make the tree from the list (after fork copied it). */
void build_mmap_avl(struct mm_struct *mm)
{
	struct vm_area_struct *vma;

	mm->mmap_avl = NULL;
	for (vma = mm->mmap; vma; vma = vma->vm_next)
		avl_insert(vma, &mm->mmap_avl);
}

/*
 * Check one subtree: rules 1-3 and that its in-order walk follows the
 * list from *expected on. Returns the subtree's height, or -1.
 */
static int avl_check(struct vm_area_struct *tree,
		     struct vm_area_struct **expected)
{
	int hl, hr;

	if (!tree)
		return 0;
	hl = avl_check(tree->vm_avl_left, expected);
	if (hl < 0)
		return -1;
	if (tree != *expected) {
		printk("vmacheck: tree has %08lx-%08lx where the list has %s\n",
		       tree->vm_start, tree->vm_end,
		       *expected ? "another area" : "ended");
		return -1;
	}
	*expected = tree->vm_next;
	hr = avl_check(tree->vm_avl_right, expected);
	if (hr < 0)
		return -1;
	if (tree->vm_avl_height != 1 + max(hl, hr) || hl > hr + 1 ||
	    hr > hl + 1) {
		printk("vmacheck: %08lx-%08lx height %d, children %d and %d\n",
		       tree->vm_start, tree->vm_end, tree->vm_avl_height, hl,
		       hr);
		return -1;
	}
	return tree->vm_avl_height;
}

/*
 * vmacheck - is mm's area tree consistent with its list? Every area is
 * page-aligned, non-empty, belongs to mm, and lies above the one before
 * it; the tree is balanced and its in-order walk is exactly the list.
 * Returns 0, or -1 after printing what is wrong. The self-tests call it;
 * from GDB: call vmacheck(current->mm).
 */
int vmacheck(struct mm_struct *mm)
{
	struct vm_area_struct *vma, *prev = NULL, *walk = mm->mmap;

	for (vma = mm->mmap; vma; prev = vma, vma = vma->vm_next) {
		if ((vma->vm_start | vma->vm_end) & ~PAGE_MASK ||
		    vma->vm_start >= vma->vm_end || vma->vm_mm != mm) {
			printk("vmacheck: bad area %08lx-%08lx (mm %p, not "
			       "%p)\n", vma->vm_start, vma->vm_end, vma->vm_mm,
			       mm);
			return -1;
		}
		if (prev && prev->vm_end > vma->vm_start) {
			printk("vmacheck: %08lx-%08lx overlaps or precedes "
			       "%08lx-%08lx\n", vma->vm_start, vma->vm_end,
			       prev->vm_start, prev->vm_end);
			return -1;
		}
	}
	if (avl_check(mm->mmap_avl, &walk) < 0)
		return -1;
	if (walk) {
		printk("vmacheck: list area %08lx-%08lx missing from the tree\n",
		       walk->vm_start, walk->vm_end);
		return -1;
	}
	return 0;
}
