/*
 * exec.c - replace the calling process's program: load a static ELF32
 * i386 executable from the initramfs.
 *
 * Everything that can fail for a reason the caller should hear about
 * (missing file, bad ELF, bad argument pointers, too many arguments) is
 * checked before the old address space is dropped. After that point a
 * failure (out of memory) kills the process, as on Linux.
 *
 * The new stack, from its top (TASK_SIZE) down:
 *
 *	the file name (AT_EXECFN), argument and environment strings
 *	the platform name "i686" (AT_PLATFORM), 16 random bytes (AT_RANDOM)
 *	auxiliary vector (AT_HWCAP, AT_PAGESZ, ... AT_NULL)
 *	envp[] (NULL-terminated), argv[] (NULL-terminated), argc  <- esp
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/syscalls.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/fs.h>
#include <linux/elf.h>
#include <linux/initramfs.h>
#include <asm/segment.h>
#include <linux/syscalls.h>
#include <linux/random.h>
#include <asm/cpufeature.h>
#include <asm/vsyscall.h>

#define MAX_ARG_STRLEN	(PAGE_SIZE * 32)	/* all strings together */
#define MAX_ARG_COUNT	1024
#define STACK_TOP	TASK_SIZE
#define STACK_INITIAL	(128 * 1024)		/* grows down on demand */
#define EFLAGS_USER	0x00000202		/* IF and the reserved bit 1 */
#define NR_AUXV		20	/* entries fill_auxv makes, AT_NULL included */
#define AT_RANDOM_BYTES	16
#define ELF_PLATFORM	"i686"

/* The program's arguments, gathered in kernel memory before the old
 * address space goes. */
struct linux_binprm {
	char *page;		/* argv strings then envp strings */
	unsigned long used;
	int argc, envc;
	const char *filename;	/* as given to execve: AT_EXECFN, comm */
	char *path;		/* its normal absolute path: the file */
	struct cpio_entry file;
	const struct elf32_hdr *ehdr;
};

static int copy_strings(struct linux_binprm *bprm, char *const src[],
			int *count)
{
	int i;

	for (i = 0; src && src[i]; i++) {
		unsigned long len = strlen(src[i]) + 1;

		if (i >= MAX_ARG_COUNT || bprm->used + len > MAX_ARG_STRLEN)
			return -E2BIG;
		memcpy(bprm->page + bprm->used, src[i], len);
		bprm->used += len;
	}
	*count = i;
	return 0;
}

static int phdr_ok(const struct elf32_phdr *ph, unsigned long file_size)
{
	if (ph->p_type != PT_LOAD)
		return ph->p_type != PT_INTERP && ph->p_type != PT_DYNAMIC;
	return ph->p_offset <= file_size &&
	       ph->p_filesz <= file_size - ph->p_offset &&
	       ph->p_filesz <= ph->p_memsz &&
	       ph->p_vaddr >= PAGE_SIZE &&
	       ph->p_vaddr < STACK_TOP - STACK_INITIAL &&
	       ph->p_memsz <= STACK_TOP - STACK_INITIAL - ph->p_vaddr &&
	       (ph->p_vaddr & ~PAGE_MASK) == (ph->p_offset & ~PAGE_MASK);
}

/* A static ELF32 i386 executable whose every part lies inside the file. */
static int check_elf(struct linux_binprm *bprm)
{
	const struct elf32_hdr *eh = bprm->file.data;
	unsigned long size = bprm->file.size;
	const struct elf32_phdr *ph;
	int i, loads = 0;

	if (size < sizeof(*eh) || memcmp(eh->e_ident, ELFMAG, SELFMAG) ||
	    eh->e_ident[EI_CLASS] != ELFCLASS32 ||
	    eh->e_ident[EI_DATA] != ELFDATA2LSB || eh->e_type != ET_EXEC ||
	    eh->e_machine != EM_386 ||
	    eh->e_phentsize != sizeof(struct elf32_phdr) ||
	    eh->e_phnum == 0 || eh->e_phoff > size ||
	    eh->e_phnum * sizeof(*ph) > size - eh->e_phoff)
		return -ENOEXEC;
	ph = (const void *)((const char *)eh + eh->e_phoff);
	for (i = 0; i < eh->e_phnum; i++) {
		if (!phdr_ok(&ph[i], size))
			return -ENOEXEC;
		loads += ph[i].p_type == PT_LOAD;
	}
	if (!loads || eh->e_entry >= STACK_TOP)
		return -ENOEXEC;
	bprm->ehdr = eh;
	return 0;
}

static int find_program(struct linux_binprm *bprm)
{
	int err = initramfs_lookup(bprm->path, &bprm->file);

	if (err)
		return err;
	if (S_ISDIR(bprm->file.mode) || !S_ISREG(bprm->file.mode) ||
	    !(bprm->file.mode & 0111))
		return -EACCES;
	return check_elf(bprm);
}

static unsigned long elf_prot(unsigned long p_flags)
{
	return (p_flags & PF_R ? PROT_READ : 0) |
	       (p_flags & PF_W ? PROT_WRITE : 0) |
	       (p_flags & PF_X ? PROT_EXEC : 0);
}

/*
 * Map one PT_LOAD segment writable, copy its file bytes in, and leave the
 * rest (bss) zero; mprotect gives it its real protection afterwards.
 * Pages already mapped by the previous segment are kept.
 */
static int load_segment(const struct linux_binprm *bprm,
			const struct elf32_phdr *ph)
{
	unsigned long start = ph->p_vaddr & PAGE_MASK;
	unsigned long end = PAGE_ALIGN(ph->p_vaddr + ph->p_memsz);
	unsigned long map_from = start;

	while (map_from < end && find_vma(current->mm, map_from) &&
	       find_vma(current->mm, map_from)->vm_start <= map_from)
		map_from += PAGE_SIZE;
	if (map_from < end &&
	    do_mmap(NULL, map_from, end - map_from, PROT_READ | PROT_WRITE,
		    MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, 0) != map_from)
		return -ENOMEM;
	if (memcpy_tofs((void *)ph->p_vaddr,
			(const char *)bprm->file.data + ph->p_offset,
			ph->p_filesz))
		return -ENOMEM;
	return 0;
}

static int load_elf(struct linux_binprm *bprm)
{
	const struct elf32_hdr *eh = bprm->ehdr;
	const struct elf32_phdr *ph = (const void *)((const char *)eh +
						      eh->e_phoff);
	struct mm_struct *mm = current->mm;
	unsigned long end = 0;
	int i, err;

	for (i = 0; i < eh->e_phnum; i++) {
		if (ph[i].p_type != PT_LOAD)
			continue;
		err = load_segment(bprm, &ph[i]);
		if (err)
			return err;
		if (ph[i].p_vaddr + ph[i].p_memsz > end)
			end = ph[i].p_vaddr + ph[i].p_memsz;
		if (ph[i].p_flags & PF_X) {
			mm->start_code = ph[i].p_vaddr;
			mm->end_code = ph[i].p_vaddr + ph[i].p_filesz;
		} else {
			mm->start_data = ph[i].p_vaddr;
			mm->end_data = ph[i].p_vaddr + ph[i].p_filesz;
		}
	}
	for (i = 0; i < eh->e_phnum; i++)
		if (ph[i].p_type == PT_LOAD)
			sys_mprotect(ph[i].p_vaddr & PAGE_MASK,
				     PAGE_ALIGN(ph[i].p_vaddr + ph[i].p_memsz) -
				     (ph[i].p_vaddr & PAGE_MASK),
				     elf_prot(ph[i].p_flags));
	mm->start_brk = mm->brk = PAGE_ALIGN(end);
	return 0;
}

/* Where the program headers are in memory, for AT_PHDR. */
static unsigned long phdr_address(const struct elf32_hdr *eh)
{
	const struct elf32_phdr *ph = (const void *)((const char *)eh +
						      eh->e_phoff);
	int i;

	for (i = 0; i < eh->e_phnum; i++)
		if (ph[i].p_type == PT_LOAD && ph[i].p_offset <= eh->e_phoff &&
		    eh->e_phoff < ph[i].p_offset + ph[i].p_filesz)
			return ph[i].p_vaddr + eh->e_phoff - ph[i].p_offset;
	return 0;
}

static int put_user_word(unsigned long **sp, unsigned long v)
{
	return memcpy_tofs((*sp)++, &v, sizeof(v));
}

/*
 * Write n pointers to consecutive strings starting at user address *p,
 * then the NULL that ends the array (argv's and envp's both have one,
 * even when empty). delta turns a user address into its copy in the
 * kernel's page.
 */
static int put_pointers(unsigned long **sp, unsigned long *p, int n,
			long delta)
{
	int i, err = 0;

	for (i = 0; i < n; i++) {
		err |= put_user_word(sp, *p);
		*p += strlen((const char *)(*p + delta)) + 1;
	}
	return err | put_user_word(sp, 0);
}

/* Move *p down by n bytes and copy src there (the area above the vectors). */
static int push_bytes(unsigned long *p, const void *src, unsigned long n)
{
	*p -= n;
	return memcpy_tofs((void *)*p, src, n);
}

/* Where the strings and random bytes above the vectors were put. */
struct stack_strings {
	unsigned long execfn, args, platform, random;
};

/*
 * The aux vector in Linux's order (create_elf_tables); ends with AT_NULL.
 * 1.2.13 passed only AT_PHDR..AT_EGID; glibc needs AT_RANDOM and reads it
 * without checking. No set-uid files exist, so AT_SECURE is always 0.
 */
static int fill_auxv(unsigned long *auxv, const struct linux_binprm *bprm,
		     const struct stack_strings *at)
{
	const struct elf32_hdr *eh = bprm->ehdr;
	int n = 0;

#define NEW_AUX_ENT(id, val) do { auxv[n++] = (id); auxv[n++] = (val); } while (0)
	NEW_AUX_ENT(AT_SYSINFO, vdso_entry);	/* Linux's ARCH_DLINFO */
	NEW_AUX_ENT(AT_SYSINFO_EHDR, VDSO_BASE);
	NEW_AUX_ENT(AT_HWCAP, x86_features());
	NEW_AUX_ENT(AT_PAGESZ, PAGE_SIZE);
	NEW_AUX_ENT(AT_CLKTCK, HZ);
	NEW_AUX_ENT(AT_PHDR, phdr_address(eh));
	NEW_AUX_ENT(AT_PHENT, sizeof(struct elf32_phdr));
	NEW_AUX_ENT(AT_PHNUM, eh->e_phnum);
	NEW_AUX_ENT(AT_BASE, 0);
	NEW_AUX_ENT(AT_FLAGS, 0);
	NEW_AUX_ENT(AT_ENTRY, eh->e_entry);
	NEW_AUX_ENT(AT_UID, current->uid);
	NEW_AUX_ENT(AT_EUID, current->euid);
	NEW_AUX_ENT(AT_GID, current->gid);
	NEW_AUX_ENT(AT_EGID, current->egid);
	NEW_AUX_ENT(AT_SECURE, 0);
	NEW_AUX_ENT(AT_RANDOM, at->random);
	NEW_AUX_ENT(AT_EXECFN, at->execfn);
	NEW_AUX_ENT(AT_PLATFORM, at->platform);
	NEW_AUX_ENT(AT_NULL, 0);
#undef NEW_AUX_ENT
	return n;
}

/*
 * Copy, from the top of the new stack down: the file name (AT_EXECFN),
 * the argument and environment strings, the platform name and the
 * AT_RANDOM bytes, as Linux lays them out. *p ends below the last.
 */
static int push_strings(struct linux_binprm *bprm, struct stack_strings *at,
			unsigned long *p)
{
	unsigned char random[AT_RANDOM_BYTES];
	int err;

	err = push_bytes(p, bprm->filename, strlen(bprm->filename) + 1);
	at->execfn = *p;
	err |= push_bytes(p, bprm->page, bprm->used);
	at->args = *p;
	err |= push_bytes(p, ELF_PLATFORM, sizeof(ELF_PLATFORM));
	at->platform = *p;
	get_random_bytes(random, sizeof(random));
	err |= push_bytes(p, random, sizeof(random));
	at->random = *p;
	return err;
}

/* Build argc, argv, envp and the aux vector; returns the new esp or 0. */
static unsigned long create_stack(struct linux_binprm *bprm)
{
	struct mm_struct *mm = current->mm;
	struct stack_strings at;
	unsigned long auxv[2 * NR_AUXV];
	unsigned long top = STACK_TOP, nwords, esp, *sp, p;
	int i, nauxv, err = 0;

	if (do_mmap(NULL, STACK_TOP - STACK_INITIAL, STACK_INITIAL,
		    PROT_READ | PROT_WRITE,
		    MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED | MAP_GROWSDOWN, 0)
	    != STACK_TOP - STACK_INITIAL)
		return 0;
	if (push_strings(bprm, &at, &top))
		return 0;
	nauxv = fill_auxv(auxv, bprm, &at);
	nwords = 1 + bprm->argc + 1 + bprm->envc + 1 + nauxv;
	esp = (top - nwords * 4) & ~15UL;
	sp = (unsigned long *)esp;
	p = mm->arg_start = at.args;
	err |= put_user_word(&sp, bprm->argc);
	err |= put_pointers(&sp, &p, bprm->argc, (long)bprm->page - (long)at.args);
	mm->arg_end = mm->env_start = p;
	err |= put_pointers(&sp, &p, bprm->envc, (long)bprm->page - (long)at.args);
	mm->env_end = p;
	for (i = 0; i < nauxv; i++)
		err |= put_user_word(&sp, auxv[i]);
	mm->start_stack = esp;
	return err ? 0 : esp;
}

/* The new program starts with fresh registers at its entry point. */
static void start_thread(struct pt_regs *regs, unsigned long eip,
			 unsigned long esp)
{
	memset(regs, 0, sizeof(*regs));
	regs->eip = eip;
	regs->esp = esp;
	regs->cs = USER_CS;
	regs->ds = regs->es = regs->ss = USER_DS;
	regs->eflags = EFLAGS_USER;
	regs->orig_eax = -1;
}

/* Handlers don't survive exec (their code is gone); ignored signals do. */
static void flush_signal_handlers(void)
{
	int i;

	for (i = 0; i < NSIG; i++) {
		struct sigaction *sa = &current->sigaction[i];

		if (sa->sa_handler != SIG_IGN)
			sa->sa_handler = SIG_DFL;
		sa->sa_flags = 0;
		sa->sa_mask = 0;
		sa->sa_restorer = NULL;
	}
}

/* Past the point of no return: drop the old mm, build the new image. */
static int exec_mmap(void)
{
	struct mm_struct *old = current->mm, *mm = mm_alloc();

	if (!mm)
		return -ENOMEM;
	if (old)
		mm_release(old);
	current->mm = mm;
	activate_mm(mm);
	if (old)
		mmput(old);	/* a vfork parent or other threads may hold it */
	return 0;
}

/* The task's name (comm, what ps shows): filename's last component. */
static void set_comm(const char *filename)
{
	const char *base = strrchr(filename, '/');

	strncpy(current->comm, base ? base + 1 : filename,
		sizeof(current->comm));
}

/* /proc/<pid>/exe's target; too long a path leaves it empty (ENOENT). */
static void set_exe(const char *path)
{
	if (strlen(path) < sizeof(current->exe))
		strcpy(current->exe, path);
	else
		current->exe[0] = '\0';
}

/*
 * do_execve - replace current's program by the file filename names (as
 * given to execve: relative to the cwd, kept as it is for AT_EXECFN and
 * the task's name, as Linux does), with argv and envp (kernel copies).
 * Returns 0 with regs set to start the new program, or -errno with the
 * old one untouched; past the point of no return a failure kills the
 * task instead. Called by sys_execve and, for init, by the kernel.
 */
int do_execve(const char *filename, char *const argv[], char *const envp[],
	      struct pt_regs *regs)
{
	struct linux_binprm bprm;
	unsigned long esp;
	int err;

	memset(&bprm, 0, sizeof(bprm));
	bprm.filename = filename;
	bprm.path = kmalloc(PATH_MAX, GFP_KERNEL);
	err = bprm.path ? resolve_path(filename, bprm.path, PATH_MAX) : -ENOMEM;
	if (!err)
		err = find_program(&bprm);
	if (!err) {
		bprm.page = kmalloc(MAX_ARG_STRLEN, GFP_KERNEL);
		err = bprm.page ? 0 : -ENOMEM;
	}
	if (!err)
		err = copy_strings(&bprm, argv, &bprm.argc);
	if (!err)
		err = copy_strings(&bprm, envp, &bprm.envc);
	if (!err) {
		de_thread();
		err = unshare_files();	/* close-on-exec is ours alone */
	}
	if (!err)
		err = exec_mmap();
	if (err)
		goto out;

	err = load_elf(&bprm);
	if (!err)
		err = arch_setup_additional_pages();
	esp = err ? 0 : create_stack(&bprm);
	if (!esp) {
		/*
		 * Past the point of no return: the old image is gone. The
		 * task dies of SIGKILL on its way out, as Linux kills it
		 * there; returning lets sys_execve free the argument blocks
		 * (a do_exit here leaked them: 264 KiB, found by make fuzz).
		 */
		printk("exec: cannot load %s, pid %d killed\n", bprm.path,
		       current->pid);
		force_sig(SIGKILL, current);
		err = err ? err : -ENOMEM;
		goto out;
	}
	set_comm(filename);	/* Linux: the name it was run by */
	set_exe(bprm.path);
	flush_signal_handlers();
	clear_TLS();
	current->clear_child_tid = NULL;	/* Linux's exec_mm_release */
	current->robust_list = NULL;
	current->sas_ss_sp = current->sas_ss_size = 0;	/* no sigaltstack */
	clear_fpu();		/* the new program starts with fninit's state */
	do_close_on_exec(current);
	current->did_exec = 1;
	start_thread(regs, bprm.ehdr->e_entry, esp);
out:
	kfree(bprm.page);
	kfree(bprm.path);
	return err;
}

/*
 * Copy a user argv or envp (an array of pointers to strings) into one
 * kernel block: the NULL-terminated pointer array, then the strings.
 * Empty strings are fine here (unlike in a path name).
 */
static int getvector(char *const *uvec, char ***kvec)
{
	char **v, *strings;
	unsigned long p, used = 0;
	long len;
	int n, err;

	*kvec = NULL;
	if (!uvec)
		return 0;
	v = kmalloc((MAX_ARG_COUNT + 1) * sizeof(char *) + MAX_ARG_STRLEN,
		    GFP_KERNEL);
	if (!v)
		return -ENOMEM;
	strings = (char *)(v + MAX_ARG_COUNT + 1);
	for (n = 0; ; n++) {
		err = -EFAULT;
		if (memcpy_fromfs(&p, uvec + n, sizeof(p)))
			goto fail;
		if (!p)
			break;
		err = -E2BIG;
		if (n >= MAX_ARG_COUNT)
			goto fail;
		len = strncpy_fromfs(strings + used, (const char *)p,
				     MAX_ARG_STRLEN - used);
		if (len < 0) {
			err = len == -ENAMETOOLONG ? -E2BIG : len;
			goto fail;
		}
		v[n] = strings + used;
		used += len + 1;
	}
	v[n] = NULL;
	*kvec = v;
	return 0;
fail:
	kfree(v);
	return err;
}

long sys_execve(struct pt_regs *regs)
{
	char *filename, **argv = NULL, **envp = NULL;
	int err;

	err = getname((const char *)regs->ebx, &filename);
	if (err)
		return err;
	err = getvector((char *const *)regs->ecx, &argv);
	if (!err)
		err = getvector((char *const *)regs->edx, &envp);
	if (!err)
		err = do_execve(filename, argv, envp, regs);
	kfree(envp);
	kfree(argv);
	putname(filename);
	return err;
}
