#ifndef _LINUX_BINFMTS_H
#define _LINUX_BINFMTS_H

/*
 * What execve knows about the program it loads (fs/exec.c) and the ELF
 * loader's part of it (fs/binfmt_elf.c), with 1.2.13's names.
 */
#include <linux/elf.h>
#include <asm/page.h>

#define STACK_TOP	TASK_SIZE
#define STACK_INITIAL	(128 * 1024)		/* grows down on demand */

struct file;

/*
 * An ELF file being loaded: its open file, its header and program
 * headers (read through the file's f_op->read), and where it lands.
 * bias is 0 for ET_EXEC, which says its own addresses; an ET_DYN (a
 * position-independent program, or ld.so) goes where there is room.
 */
struct elf_image {
	struct file *file;
	unsigned long size;		/* the file's size when opened */
	struct elf32_hdr eh;
	struct elf32_phdr *ph;		/* eh.e_phnum of them, kmalloc'd */
	unsigned long bias;		/* added to every p_vaddr */
	unsigned long end;		/* above the last segment, bias added */
};

/* The program's arguments, gathered before the old address space goes. */
struct linux_binprm {
	char *page;		/* argv strings then envp strings */
	unsigned long used;
	int argc, envc;
	const char *filename;	/* as given to execve: AT_EXECFN, comm */
	char *path;		/* its normal absolute path: the file */
	struct elf_image prog;
	struct elf_image interp;	/* ld.so, if PT_INTERP names one */
};

/* fs/exec.c: read from an ELF file into user space or, to_kmem, kernel */
int read_exec(struct file *file, unsigned long offset, void *addr,
	      unsigned long count, int to_kmem);

/* fs/binfmt_elf.c */
int open_elf(const char *path, struct elf_image *img, int is_interp);
int open_interp(struct linux_binprm *bprm);
void close_elf(struct elf_image *img);
int map_elf(struct elf_image *img, int is_interp);
unsigned long elf_phdr_addr(const struct elf_image *img);

#endif
