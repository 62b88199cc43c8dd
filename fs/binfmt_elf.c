/*
 * binfmt_elf.c - the ELF32 i386 loader behind execve: open the program
 * (and the interpreter its PT_INTERP names, ld-linux.so.2 for a dynamic
 * program) through the file layer, check its headers, and put its
 * PT_LOAD segments into the new address space.
 *
 * open_elf and open_interp run before the old address space is dropped,
 * so that everything a caller should hear about (no such file, not
 * executable, not ELF: ENOENT, EACCES, ENOEXEC, ELIBBAD) comes back as
 * an error; map_elf runs after that point.
 *
 * An ET_EXEC program is put at the addresses it names. An ET_DYN one
 * (a position-independent program, which Debian's gcc makes by default,
 * or ld.so itself) is moved as a whole by a bias: the program to
 * ELF_ET_DYN_BASE, the interpreter into the mmap window.
 *
 * Segments are mapped from the file (do_mmap of the open file, as
 * 1.2.13's load_elf_binary did), so their pages come in by demand
 * paging through filemap_nopage, and a program's text is one set of
 * page-cache pages however many processes run it.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/fs.h>
#include <linux/fcntl.h>
#include <linux/binfmts.h>

#define ELF_MAX_PHNUM	(65536 / sizeof(struct elf32_phdr))	/* Linux's */
#define ELF_ET_DYN_BASE	(TASK_SIZE / 3 * 2)	/* i386 Linux's, unrandomised */
#define ELF_DYN_SPAN	(1UL << 30)	/* the most an ET_DYN may span */

/* Does ph lie inside the file, and (PT_LOAD) where img may put it? */
static int phdr_ok(const struct elf_image *img, const struct elf32_phdr *ph)
{
	unsigned long lo = PAGE_SIZE, hi = STACK_TOP - STACK_INITIAL;

	if (ph->p_type != PT_LOAD && ph->p_type != PT_INTERP)
		return 1;
	if (ph->p_offset > img->size || ph->p_filesz > img->size - ph->p_offset)
		return 0;
	if (ph->p_type == PT_INTERP)
		return ph->p_filesz >= 2 && ph->p_filesz <= PATH_MAX;
	if (img->eh.e_type == ET_DYN) {
		lo = 0;
		hi = ELF_DYN_SPAN;
	}
	return ph->p_filesz <= ph->p_memsz &&
	       ph->p_vaddr >= lo && ph->p_vaddr < hi &&
	       ph->p_memsz <= hi - ph->p_vaddr &&
	       (ph->p_vaddr & ~PAGE_MASK) == (ph->p_offset & ~PAGE_MASK);
}

/* An ELF32 little-endian i386 executable or shared object. */
static int header_ok(const struct elf32_hdr *eh)
{
	return !memcmp(eh->e_ident, ELFMAG, SELFMAG) &&
	       eh->e_ident[EI_CLASS] == ELFCLASS32 &&
	       eh->e_ident[EI_DATA] == ELFDATA2LSB &&
	       (eh->e_type == ET_EXEC || eh->e_type == ET_DYN) &&
	       eh->e_machine == EM_386 &&
	       eh->e_phentsize == sizeof(struct elf32_phdr) &&
	       eh->e_phnum && eh->e_phnum <= ELF_MAX_PHNUM;
}

/*
 * Read and check the header and program headers of img->file: every
 * segment inside the file and where it may go, at least one PT_LOAD,
 * and PT_INTERP only in a program (ld.so names none).
 */
static int read_headers(struct elf_image *img, int is_interp)
{
	unsigned long len;
	int i, loads = 0;

	if (read_exec(img->file, 0, &img->eh, sizeof(img->eh), 1) !=
	    sizeof(img->eh) || !header_ok(&img->eh))
		return -ENOEXEC;
	len = img->eh.e_phnum * sizeof(struct elf32_phdr);
	img->ph = kmalloc(len, GFP_KERNEL);
	if (!img->ph)
		return -ENOMEM;
	if (read_exec(img->file, img->eh.e_phoff, img->ph, len, 1) != (int)len)
		return -ENOEXEC;
	for (i = 0; i < img->eh.e_phnum; i++) {
		if (!phdr_ok(img, &img->ph[i]) ||
		    (is_interp && img->ph[i].p_type == PT_INTERP))
			return -ENOEXEC;
		loads += img->ph[i].p_type == PT_LOAD;
	}
	if (!loads || (img->eh.e_type == ET_EXEC &&
		       img->eh.e_entry >= STACK_TOP))
		return -ENOEXEC;
	return 0;
}

/*
 * open_elf - open the file at path (normal, absolute) for execve, as
 * Linux's open_exec: a regular file the caller may execute (reading it
 * is not needed) and nobody has open for writing (-ETXTBSY; writers
 * are kept out until close_elf), then its headers. img is zeroed
 * first; on failure nothing stays open.
 */
int open_elf(const char *path, struct elf_image *img, int is_interp)
{
	struct inode inode;
	int err = lookup_inode(path, &inode);

	memset(img, 0, sizeof(*img));
	if (err)
		return err;
	if (!S_ISREG(inode.i_mode))
		return -EACCES;
	err = permission(&inode, MAY_EXEC, current->euid, current->egid);
	if (!err)
		err = deny_write_access(&inode);
	if (err)
		return err;
	err = dentry_open(path, &inode, O_RDONLY, &img->file);
	if (err) {
		allow_write_access(&inode);
		return err;
	}
	img->size = inode.i_size;
	err = read_headers(img, is_interp);
	if (err)
		close_elf(img);
	return err;
}

void close_elf(struct elf_image *img)
{
	if (img->file) {
		allow_write_access(&img->file->f_inode);
		close_fp(img->file);
	}
	kfree(img->ph);
	img->file = NULL;
	img->ph = NULL;
}

/*
 * open_interp - if the program has a PT_INTERP, open the interpreter it
 * names (a NUL-terminated path) into bprm->interp. An interpreter that
 * is no ELF of ours is -ELIBBAD, as on Linux.
 */
int open_interp(struct linux_binprm *bprm)
{
	const struct elf_image *prog = &bprm->prog;
	char *name, *path;
	int i, n, err;

	for (i = 0; i < prog->eh.e_phnum; i++)
		if (prog->ph[i].p_type == PT_INTERP)
			break;
	if (i == prog->eh.e_phnum)
		return 0;
	n = prog->ph[i].p_filesz;
	name = kmalloc(n + PATH_MAX, GFP_KERNEL);
	if (!name)
		return -ENOMEM;
	path = name + n;
	err = -ENOEXEC;
	if (read_exec(prog->file, prog->ph[i].p_offset, name, n, 1) == n &&
	    name[n - 1] == '\0')
		err = resolve_path(name, path, PATH_MAX);
	if (!err) {
		err = open_elf(path, &bprm->interp, 1);
		if (err == -ENOEXEC)
			err = -ELIBBAD;
	}
	kfree(name);
	return err;
}

static unsigned long elf_prot(unsigned long p_flags)
{
	return (p_flags & PF_R ? PROT_READ : 0) |
	       (p_flags & PF_W ? PROT_WRITE : 0) |
	       (p_flags & PF_X ? PROT_EXEC : 0);
}

/*
 * Map one PT_LOAD segment from the file, demand-paged (Linux's elf_map):
 * its pages [start, file end) are the file's own, MAP_PRIVATE with the
 * segment's protection, so text is the page cache's pages shared by
 * every process running the program and data is copied at its first
 * write; the rest (bss) is anonymous. In a writable segment the bytes
 * past p_filesz in the last file page are zeroed (that one page gets
 * its private copy, writable from the start); Linux leaves them in a
 * read-only one, where nothing could have cleared them either. deny is
 * MAP_DENYWRITE for the program (its file stays unwritable while the
 * areas live: -ETXTBSY), 0 for ld.so, which Linux lets be written.
 */
static int load_segment(const struct elf_image *img,
			const struct elf32_phdr *ph, unsigned long deny)
{
	unsigned long vaddr = img->bias + ph->p_vaddr;
	unsigned long start = vaddr & PAGE_MASK;
	unsigned long file_end = PAGE_ALIGN(vaddr + ph->p_filesz);
	unsigned long end = PAGE_ALIGN(vaddr + ph->p_memsz);
	unsigned long tail = file_end - (vaddr + ph->p_filesz);
	unsigned long prot = elf_prot(ph->p_flags);
	static const char zeros[PAGE_SIZE];

	if (file_end > start &&
	    do_mmap(img->file, start, file_end - start, prot,
		    MAP_PRIVATE | MAP_FIXED | deny,
		    ph->p_offset & PAGE_MASK) != start)
		return -ENOMEM;
	if (ph->p_memsz > ph->p_filesz && tail && (prot & PROT_WRITE) &&
	    memcpy_tofs((void *)(vaddr + ph->p_filesz), zeros, tail))
		return -ENOMEM;
	if (end > file_end &&
	    do_mmap(NULL, file_end, end - file_end, prot,
		    MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, 0) != file_end)
		return -ENOMEM;
	return 0;
}

/* The span [*lo, *hi) of img's PT_LOAD segments, before the bias. */
static void elf_span(const struct elf_image *img, unsigned long *lo,
		     unsigned long *hi)
{
	int i;

	*lo = ~0UL;
	*hi = 0;
	for (i = 0; i < img->eh.e_phnum; i++) {
		const struct elf32_phdr *ph = &img->ph[i];

		if (ph->p_type != PT_LOAD)
			continue;
		*lo = min(*lo, (unsigned long)(ph->p_vaddr & PAGE_MASK));
		*hi = max(*hi, (unsigned long)(ph->p_vaddr + ph->p_memsz));
	}
}

/*
 * Where an ET_DYN image goes: a free range as long as its span, found
 * by mapping it once (the program asks for ELF_ET_DYN_BASE, ld.so takes
 * what the mmap window has) and unmapping it again.
 */
static int choose_bias(struct elf_image *img, int is_interp)
{
	unsigned long lo, hi, len, addr;

	if (img->eh.e_type != ET_DYN)
		return 0;
	elf_span(img, &lo, &hi);
	len = PAGE_ALIGN(hi) - lo;
	addr = do_mmap(NULL, is_interp ? 0 : ELF_ET_DYN_BASE, len, PROT_NONE,
		       MAP_PRIVATE | MAP_ANONYMOUS, 0);
	if (IS_ERR_VALUE(addr))
		return addr;
	do_munmap(addr, len);
	img->bias = addr - lo;
	return 0;
}

/* The program's code, data and brk, for /proc and brk (not ld.so's). */
static void set_mm_bounds(const struct elf_image *img)
{
	struct mm_struct *mm = current->mm;
	int i;

	for (i = 0; i < img->eh.e_phnum; i++) {
		const struct elf32_phdr *ph = &img->ph[i];
		unsigned long vaddr = img->bias + ph->p_vaddr;

		if (ph->p_type != PT_LOAD)
			continue;
		if (ph->p_flags & PF_X) {
			mm->start_code = vaddr;
			mm->end_code = vaddr + ph->p_filesz;
		} else {
			mm->start_data = vaddr;
			mm->end_data = vaddr + ph->p_filesz;
		}
	}
	mm->start_brk = mm->brk = PAGE_ALIGN(img->end);
}

/*
 * map_elf - put img's PT_LOAD segments into the (new, current) address
 * space with their protections, choosing the bias of an ET_DYN first;
 * the program's areas keep writers out of its file (VM_DENYWRITE).
 * Past exec's point of no return: an error here kills the process.
 */
int map_elf(struct elf_image *img, int is_interp)
{
	unsigned long lo, hi;
	int i, err = choose_bias(img, is_interp);

	for (i = 0; !err && i < img->eh.e_phnum; i++)
		if (img->ph[i].p_type == PT_LOAD)
			err = load_segment(img, &img->ph[i],
					   is_interp ? 0 : MAP_DENYWRITE);
	if (err)
		return err;
	elf_span(img, &lo, &hi);
	img->end = img->bias + hi;
	if (!is_interp)
		set_mm_bounds(img);
	return 0;
}

/* Where the program headers are in memory, for AT_PHDR (0: not loaded). */
unsigned long elf_phdr_addr(const struct elf_image *img)
{
	unsigned long phoff = img->eh.e_phoff;
	int i;

	for (i = 0; i < img->eh.e_phnum; i++) {
		const struct elf32_phdr *ph = &img->ph[i];

		if (ph->p_type == PT_LOAD && ph->p_offset <= phoff &&
		    phoff < ph->p_offset + ph->p_filesz)
			return img->bias + ph->p_vaddr + phoff - ph->p_offset;
	}
	return 0;
}
