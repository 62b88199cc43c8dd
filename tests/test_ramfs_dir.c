/*
 * test_ramfs_dir.c - the directory code of fs/ramfs.c on the host:
 * create and lookup, link and unlink with their link counts, mkdir and
 * rmdir (ENOTEMPTY, the parent's count), rename within a directory and
 * across two (replacing a name, a directory's ".." following it),
 * readdir's "." and "..", its cookies keeping the order when names go
 * between two calls, and names of NAME_MAX bytes. Every node and entry
 * comes back to the allocator at the end.
 *
 * Names longer than NAME_MAX never reach the directory code: fs/namei.c
 * gives -ENAMETOOLONG first (tests/test_namei.c); here a NAME_MAX name
 * and one a byte shorter must stay two different names.
 */
/* Plain ISO C from the host: its sigset_t and timespec are not ours. */
#define _ISOC11_SOURCE
#include <sys/types.h>
#include "check.h"
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/mm.h>
#include <linux/fs.h>
#include "../fs/ramfs.h"

#define MAX_SEEN	64	/* names one readdir may give */

/* A kernel call expected to return 0, or -want. */
#define KOK(call)							\
	do {								\
		int _r = (call);					\
		if (_r)							\
			FAIL("%s: expected 0, got %d", #call, _r);	\
	} while (0)
#define KERR(call, want)						\
	do {								\
		int _r = (call);					\
		if (_r != -(want))					\
			FAIL("%s: expected -%s, got %d", #call, #want, _r); \
	} while (0)

/* What ramfs.c calls outside the directory code, each a stand-in. */
static struct task_struct fake_task;
struct task_struct *current = &fake_task;
unsigned long nr_free_pages;
static long live_allocs;	/* kmalloc'd and not yet kfree'd */

void *kmalloc(size_t size, int priority)
{
	(void)priority;
	live_allocs++;
	return malloc(size);
}

void kfree(const void *p)
{
	if (p)
		live_allocs--;
	free((void *)p);
}

unsigned long get_seconds(void)
{
	return 1000;
}

void panic(const char *fmt, ...)
{
	printf("panic: %s\n", fmt);
	exit(1);
}

/* ram_cut: the test's files never hold pages. */
void ram_cut(struct ram_inode *ri, unsigned long length)
{
	(void)ri;
	(void)length;
}

int ramfs_readpage(struct inode *inode, unsigned long page,
		   unsigned long offset)
{
	(void)inode; (void)page; (void)offset;
	return -EIO;
}

int ramfs_releasepage(struct page *page)
{
	(void)page;
	return 0;
}

int ramfs_read(struct file *file, char *buf, int count)
{
	(void)file; (void)buf; (void)count;
	return -EIO;
}

int ramfs_write(struct file *file, const char *buf, int count)
{
	(void)file; (void)buf; (void)count;
	return -EIO;
}

loff_t ramfs_lseek(struct file *file, loff_t offset, int whence)
{
	(void)file; (void)offset; (void)whence;
	return -EINVAL;
}

int ramfs_truncate(struct inode *inode, loff_t length)
{
	(void)inode; (void)length;
	return -EIO;
}

int generic_file_mmap(struct file *file, struct vm_area_struct *vma)
{
	(void)file; (void)vma;
	return -ENODEV;
}

int generic_read_dir(struct file *file, char *buf, int count)
{
	(void)file; (void)buf; (void)count;
	return -EISDIR;
}

void init_special_inode(struct inode *inode, mode_t mode,
			unsigned short rdev)
{
	(void)inode; (void)mode; (void)rdev;
}

/* fs/readdir.c's promise: "." at f_pos 0, ".." at 1, then f_pos 2. */
int dir_emit_dots(struct file *file, void *buf, filldir_t filldir,
		  unsigned long parent_ino)
{
	if (file->f_pos == 0) {
		if (filldir(buf, ".", 1, 1, file->f_inode.i_ino, DT_DIR))
			return 0;
		file->f_pos = 1;
	}
	if (file->f_pos == 1) {
		if (filldir(buf, "..", 2, 2, parent_ino, DT_DIR))
			return 0;
		file->f_pos = 2;
	}
	return 1;
}

#include "../fs/ramfs.c"

/* What one readdir pass saw: names, inode numbers; stop after limit. */
struct seen {
	int n, limit;
	char names[MAX_SEEN][NAME_MAX + 1];
	unsigned long ino[MAX_SEEN];
};

static int collect(void *buf, const char *name, int len, loff_t pos,
		   unsigned long ino, unsigned int type)
{
	struct seen *s = buf;

	(void)pos;
	(void)type;
	if (s->n >= s->limit)
		return 1;
	memcpy(s->names[s->n], name, len);
	s->names[s->n][len] = '\0';
	s->ino[s->n++] = ino;
	return 0;
}

/* A file open on directory node d, as open() would make it. */
static void open_dir(struct file *f, struct ram_inode *d)
{
	memset(f, 0, sizeof(*f));
	ram_fill(d, &f->f_inode);
	f->f_inode.i_fop->open(f);
}

static void close_dir(struct file *f)
{
	f->f_inode.i_fop->release(f);
}

/* One readdir call giving at most limit names into s (reset first). */
static void read_some(struct file *f, struct seen *s, int limit)
{
	s->n = 0;
	s->limit = limit;
	f->f_inode.i_fop->readdir(f, s, collect);
}

/* The node name[0..len) names in d, or NULL. */
static struct ram_inode *node(struct ram_inode *d, const char *name)
{
	struct ram_dirent *de = find_entry(d, name, strlen(name));

	return de ? de->inode : NULL;
}

/* A struct inode for node ri, as namei would hand to i_op. */
static struct inode *in(struct ram_inode *ri, struct inode *buf)
{
	ram_fill(ri, buf);
	return buf;
}

static struct ram_sb test_sb = { NULL, MKDEV(0, 99), RAMFS_MAGIC, 0, 0, 1,
				 0, ROOT_DIR_MODE };

static struct ram_inode *make_root(void)
{
	struct ram_inode *root = ram_new_inode(&test_sb, ROOT_DIR_MODE);

	root->parent = root;
	test_sb.root = root;
	return root;
}

static void test_create_lookup(struct ram_inode *root)
{
	struct inode d, res, got;
	struct ram_inode *ri;

	case_begin("ramfs_create_then_lookup_finds_it");
	KOK(ramfs_create(in(root, &d), "file", 4, 0644, &res));
	ri = node(root, "file");
	CHECK(ri && S_ISREG(ri->mode) && (ri->mode & 07777) == 0644,
	      "a regular 0644 file, got %p", (void *)ri);
	CHECK(res.i_ino == ri->ino && res.i_nlink == 1,
	      "result ino %lu nlink %d", res.i_ino, res.i_nlink);
	CHECK(test_sb.root == root && ram_lookup(&test_sb, "file", &got) == 0
	      && got.i_ino == ri->ino, "lookup of file gives its node");
	CHECK(ram_lookup(&test_sb, "fil", &got) == -ENOENT,
	      "a prefix is not the name");
	CHECK(ram_lookup(&test_sb, "file/x", &got) == -ENOTDIR,
	      "a file is not a directory");
	CHECK(ram_lookup(&test_sb, "", &got) == 0 && got.i_ino == root->ino,
	      "\"\" is the root");
	case_end();
}

static void test_links(struct ram_inode *root)
{
	struct inode d, f;
	struct ram_inode *ri = node(root, "file");
	long before = live_allocs;

	case_begin("ramfs_link_unlink_count_names");
	KOK(ramfs_link(in(ri, &f), in(root, &d), "other", 5));
	CHECK(node(root, "other") == ri && ri->nlink == 2,
	      "two names, nlink 2: got %d", ri->nlink);
	KERR(ramfs_unlink(in(root, &d), "nope", 4), ENOENT);
	KOK(ramfs_unlink(in(root, &d), "file", 4));
	CHECK(!node(root, "file") && node(root, "other") == ri
	      && ri->nlink == 1, "one name left, nlink %d", ri->nlink);
	KOK(ramfs_unlink(in(root, &d), "other", 5));
	CHECK(!node(root, "other") && live_allocs == before - 2,
	      "the node and both names freed: %ld left of %ld",
	      live_allocs, before);
	case_end();
}

static void test_open_outlives_unlink(struct ram_inode *root)
{
	struct inode d, res;
	struct file f;
	long before = live_allocs;

	case_begin("ramfs_open_file_outlives_its_last_name");
	KOK(ramfs_create(in(root, &d), "held", 4, 0600, &res));
	memset(&f, 0, sizeof(f));
	f.f_inode = res;
	ramfs_open(&f);
	KOK(ramfs_unlink(in(root, &d), "held", 4));
	CHECK(live_allocs == before + 1, "the node stays while open");
	ramfs_release(&f);
	CHECK(live_allocs == before, "the last close frees it");
	case_end();
}

static void test_mkdir_rmdir(struct ram_inode *root)
{
	struct inode d, res;
	struct ram_inode *sub;
	unsigned short root_links = root->nlink;

	case_begin("ramfs_mkdir_rmdir_and_enotempty");
	KOK(ramfs_mkdir(in(root, &d), "sub", 3, 0755));
	sub = node(root, "sub");
	CHECK(sub && S_ISDIR(sub->mode) && sub->nlink == 2
	      && sub->parent == root, "a directory with nlink 2");
	CHECK(root->nlink == root_links + 1, "parent's nlink %d, want %d",
	      root->nlink, root_links + 1);
	KOK(ramfs_create(in(sub, &d), "f", 1, 0644, &res));
	KERR(ramfs_rmdir(in(root, &d), "sub", 3), ENOTEMPTY);
	CHECK(node(root, "sub") == sub, "still there after ENOTEMPTY");
	KOK(ramfs_unlink(in(sub, &d), "f", 1));
	KOK(ramfs_rmdir(in(root, &d), "sub", 3));
	CHECK(!node(root, "sub") && root->nlink == root_links,
	      "gone, parent's nlink back to %d: %d", root_links, root->nlink);
	KERR(ramfs_rmdir(in(root, &d), "sub", 3), ENOENT);
	case_end();
}

static void test_rename_same_dir(struct ram_inode *root)
{
	struct inode d, res;
	struct ram_inode *a, *b;
	long before = live_allocs;

	case_begin("ramfs_rename_within_a_directory");
	KOK(ramfs_create(in(root, &d), "a", 1, 0644, &res));
	KOK(ramfs_create(in(root, &d), "b", 1, 0644, &res));
	a = node(root, "a");
	b = node(root, "b");
	KOK(ramfs_rename(in(root, &d), "a", 1, &d, "c", 1));
	CHECK(!node(root, "a") && node(root, "c") == a && a->nlink == 1,
	      "a is now c");
	KOK(ramfs_rename(&d, "c", 1, &d, "b", 1));
	CHECK(!node(root, "c") && node(root, "b") == a && b != a,
	      "c replaced b");
	CHECK(live_allocs == before + 2, "b's node and name freed");
	KOK(ramfs_rename(&d, "b", 1, &d, "b", 1));
	CHECK(node(root, "b") == a, "rename onto itself changes nothing");
	KERR(ramfs_rename(&d, "zz", 2, &d, "y", 1), ENOENT);
	KOK(ramfs_unlink(&d, "b", 1));
	CHECK(live_allocs == before, "all freed");
	case_end();
}

static void test_rename_across(struct ram_inode *root)
{
	struct inode d, s, t, res;
	struct ram_inode *src, *dst, *moved, *full;
	unsigned short root_links = root->nlink;

	case_begin("ramfs_rename_across_directories");
	KOK(ramfs_mkdir(in(root, &d), "src", 3, 0755));
	KOK(ramfs_mkdir(&d, "dst", 3, 0755));
	src = node(root, "src");
	dst = node(root, "dst");
	KOK(ramfs_mkdir(in(src, &s), "dir", 3, 0755));
	KOK(ramfs_create(&s, "file", 4, 0644, &res));
	moved = node(src, "dir");
	CHECK(src->nlink == 3, "src holds a directory: nlink %d", src->nlink);
	KOK(ramfs_rename(&s, "dir", 3, in(dst, &t), "dir2", 4));
	CHECK(!node(src, "dir") && node(dst, "dir2") == moved,
	      "moved to dst/dir2");
	CHECK(moved->parent == dst, "its \"..\" is dst now");
	CHECK(src->nlink == 2 && dst->nlink == 3,
	      "nlink src %d (want 2), dst %d (want 3)", src->nlink,
	      dst->nlink);
	KOK(ramfs_rename(&s, "file", 4, &t, "file", 4));
	CHECK(!node(src, "file") && node(dst, "file"), "file moved");
	/* A directory over a directory that is not empty: ENOTEMPTY. */
	KOK(ramfs_mkdir(&s, "full", 4, 0755));
	full = node(src, "full");
	KOK(ramfs_create(in(full, &d), "x", 1, 0644, &res));
	KERR(ramfs_rename(&t, "dir2", 4, &s, "full", 4), ENOTEMPTY);
	CHECK(node(dst, "dir2") == moved && node(src, "full") == full,
	      "both left where they were");
	KOK(ramfs_unlink(in(full, &d), "x", 1));
	KOK(ramfs_rename(&t, "dir2", 4, &s, "full", 4));
	CHECK(node(src, "full") == moved && moved->parent == src,
	      "an empty directory is replaced");
	CHECK(src->nlink == 3 && dst->nlink == 2,
	      "nlink src %d (want 3), dst %d (want 2)", src->nlink,
	      dst->nlink);
	KOK(ramfs_rmdir(&s, "full", 4));
	KOK(ramfs_unlink(&t, "file", 4));
	KOK(ramfs_rmdir(in(root, &d), "src", 3));
	KOK(ramfs_rmdir(&d, "dst", 3));
	CHECK(root->nlink == root_links, "root nlink back to %d: %d",
	      root_links, root->nlink);
	case_end();
}

static void test_readdir_dots(struct ram_inode *root)
{
	struct inode d;
	struct ram_inode *sub;
	struct file f;
	static struct seen s;

	case_begin("ramfs_readdir_gives_dot_and_dotdot");
	KOK(ramfs_mkdir(in(root, &d), "sub", 3, 0755));
	sub = node(root, "sub");
	open_dir(&f, sub);
	read_some(&f, &s, MAX_SEEN);
	CHECK(s.n == 2 && !strcmp(s.names[0], ".") && s.ino[0] == sub->ino
	      && !strcmp(s.names[1], "..") && s.ino[1] == root->ino,
	      "\".\" (%lu) and \"..\" (%lu) only: %d names", sub->ino,
	      root->ino, s.n);
	KOK(ramfs_rmdir(in(root, &d), "sub", 3));
	f.f_pos = 0;
	read_some(&f, &s, MAX_SEEN);
	CHECK(s.n == 0, "a removed directory lists nothing: %d", s.n);
	close_dir(&f);
	case_end();
}

static void test_readdir_cookies(struct ram_inode *root)
{
	struct inode d, res;
	struct file f;
	static struct seen s;
	char name[16];
	int i, n_seen = 0, next = 0, ok = 1;

	case_begin("ramfs_readdir_order_survives_deletions");
	for (i = 0; i < 10; i++) {
		snprintf(name, sizeof(name), "n%d", i);
		KOK(ramfs_create(in(root, &d), name, strlen(name), 0644,
				      &res));
	}
	open_dir(&f, root);
	read_some(&f, &s, 5);	/* ".", "..", n0, n1, n2 */
	CHECK(s.n == 5 && !strcmp(s.names[4], "n2"), "first five, got %d",
	      s.n);
	/* Remove what was given and the next two, then add one more. */
	for (i = 0; i < 5; i++) {
		snprintf(name, sizeof(name), "n%d", i);
		KOK(ramfs_unlink(in(root, &d), name, strlen(name)));
	}
	KOK(ramfs_create(&d, "new", 3, 0644, &res));
	read_some(&f, &s, MAX_SEEN);
	for (i = 0; i < s.n; i++) {
		int want = 5 + next;

		snprintf(name, sizeof(name), "n%d", want);
		if (want < 10 && !strcmp(s.names[i], name)) {
			next++;
			n_seen++;
		} else if (!strcmp(s.names[i], "new") && i == s.n - 1) {
			n_seen++;
		} else {
			ok = 0;
		}
	}
	CHECK(ok && n_seen == 6 && s.n == 6,
	      "n5..n9 then new, each once, none skipped: %d names", s.n);
	read_some(&f, &s, MAX_SEEN);
	CHECK(s.n == 0, "then the end: %d more", s.n);
	close_dir(&f);
	for (i = 5; i < 10; i++) {
		snprintf(name, sizeof(name), "n%d", i);
		KOK(ramfs_unlink(in(root, &d), name, strlen(name)));
	}
	KOK(ramfs_unlink(&d, "new", 3));
	case_end();
}

static void test_name_max(struct ram_inode *root)
{
	struct inode d, res;
	char longest[NAME_MAX + 1];
	struct file f;
	static struct seen s;

	case_begin("ramfs_names_of_name_max_bytes");
	memset(longest, 'x', NAME_MAX);
	longest[NAME_MAX] = '\0';
	KOK(ramfs_create(in(root, &d), longest, NAME_MAX, 0644, &res));
	CHECK(node(root, longest) != NULL, "found by its %d bytes", NAME_MAX);
	CHECK(!find_entry(root, longest, NAME_MAX - 1),
	      "a byte shorter is another name");
	KOK(ramfs_create(&d, longest, NAME_MAX - 1, 0644, &res));
	CHECK(node(root, longest) != find_entry(root, longest,
						  NAME_MAX - 1)->inode,
	      "two nodes");
	open_dir(&f, root);
	read_some(&f, &s, MAX_SEEN);
	CHECK(s.n == 4 && strlen(s.names[2]) == NAME_MAX
	      && strlen(s.names[3]) == NAME_MAX - 1,
	      "readdir gives both whole: %d names", s.n);
	close_dir(&f);
	KOK(ramfs_unlink(&d, longest, NAME_MAX));
	KOK(ramfs_unlink(&d, longest, NAME_MAX - 1));
	case_end();
}

int main(void)
{
	struct ram_inode *root = make_root();
	long base = live_allocs;

	test_create_lookup(root);
	test_links(root);
	test_open_outlives_unlink(root);
	test_mkdir_rmdir(root);
	test_rename_same_dir(root);
	test_rename_across(root);
	test_readdir_dots(root);
	test_readdir_cookies(root);
	test_name_max(root);
	case_begin("ramfs_dir_gives_everything_back");
	CHECK(live_allocs == base, "%ld allocations left over", live_allocs - base);
	CHECK(root->entries == NULL && root->nlink == 2,
	      "the root empty again (nlink %d)", root->nlink);
	case_end();
	return check_summary();
}
