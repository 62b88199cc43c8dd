/*
 * exec.c - replace the calling process's program with an ELF32 i386
 * executable opened through the file layer (fs/binfmt_elf.c loads it,
 * and the interpreter a dynamic program names).
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
#include <linux/binfmts.h>
#include <asm/segment.h>
#include <linux/random.h>
#include <asm/cpufeature.h>
#include <asm/vsyscall.h>

#define MAX_ARG_STRLEN	(PAGE_SIZE * 32)	/* all strings together */
#define MAX_ARG_COUNT	1024
#define EFLAGS_USER	0x00000202		/* IF and the reserved bit 1 */
#define NR_AUXV		20	/* entries fill_auxv makes, AT_NULL included */
#define AT_RANDOM_BYTES	16
#define ELF_PLATFORM	"i686"

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

/*
 * read_exec - read count bytes at offset of an ELF file being executed,
 * into user space at addr, or into a kernel buffer when to_kmem (1.2.13's
 * read_exec, set_fs(KERNEL_DS) and all). Returns the bytes read or an
 * error; the file's position is the caller's to forget.
 */
int read_exec(struct file *file, unsigned long offset, void *addr,
	      unsigned long count, int to_kmem)
{
	unsigned long old_fs = get_fs();
	int n;

	if (!file->f_op || !file->f_op->read)
		return -ENOEXEC;
	file->f_pos = offset;
	if (to_kmem)
		set_fs(KERNEL_DS);
	n = file->f_op->read(file, addr, count);
	set_fs(old_fs);
	return n;
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
	const struct elf_image *prog = &bprm->prog;
	int n = 0;

#define NEW_AUX_ENT(id, val) do { auxv[n++] = (id); auxv[n++] = (val); } while (0)
	NEW_AUX_ENT(AT_SYSINFO, vdso_entry);	/* Linux's ARCH_DLINFO */
	NEW_AUX_ENT(AT_SYSINFO_EHDR, VDSO_BASE);
	NEW_AUX_ENT(AT_HWCAP, x86_features());
	NEW_AUX_ENT(AT_PAGESZ, PAGE_SIZE);
	NEW_AUX_ENT(AT_CLKTCK, HZ);
	NEW_AUX_ENT(AT_PHDR, elf_phdr_addr(prog));
	NEW_AUX_ENT(AT_PHENT, sizeof(struct elf32_phdr));
	NEW_AUX_ENT(AT_PHNUM, prog->eh.e_phnum);
	NEW_AUX_ENT(AT_BASE, bprm->interp.file ? bprm->interp.bias : 0);
	NEW_AUX_ENT(AT_FLAGS, 0);
	NEW_AUX_ENT(AT_ENTRY, prog->bias + prog->eh.e_entry);
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

/* Past the point of no return: program, interpreter, vDSO, a stack. */
static unsigned long load_image(struct linux_binprm *bprm, int *err)
{
	*err = map_elf(&bprm->prog, 0);
	if (!*err && bprm->interp.file)
		*err = map_elf(&bprm->interp, 1);
	if (!*err)
		*err = arch_setup_additional_pages();	/* the vDSO */
	return *err ? 0 : create_stack(bprm);
}

/* Where the new program starts: ld.so's entry if it has one. */
static unsigned long entry_point(const struct linux_binprm *bprm)
{
	const struct elf_image *img = bprm->interp.file ? &bprm->interp :
							  &bprm->prog;

	return img->bias + img->eh.e_entry;
}

/*
 * do_execve - replace current's program by the file filename names (as
 * given to execve: relative to the cwd, kept as it is for AT_EXECFN and
 * the task's name, as Linux does), with argv and envp (kernel copies).
 * Returns 0 with regs set to start the new program, or -errno with the
 * old one untouched; past the point of no return a failure kills the
 * task instead. The file and its interpreter are opened and checked
 * before anything of the old program is given up. Called by sys_execve
 * and, for init, by the kernel.
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
		err = open_elf(bprm.path, &bprm.prog, 0);
	if (!err)
		err = open_interp(&bprm);
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

	esp = load_image(&bprm, &err);
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
	start_thread(regs, entry_point(&bprm), esp);
out:
	close_elf(&bprm.interp);
	close_elf(&bprm.prog);
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
