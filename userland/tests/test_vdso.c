/*
 * test_vdso.c - the vDSO as a C library finds it: AT_SYSINFO_EHDR gives
 * an ELF shared object whose dynamic symbol table holds Linux i386's
 * names with their versions (looked up by DT_HASH, DT_VERSYM and
 * DT_VERDEF, as glibc's dl-vdso and Linux's parse_vdso.c do), and
 * AT_SYSINFO gives __kernel_vsyscall, which enters the kernel with the
 * int 0x80 registers and keeps every register but eax. Each answer the
 * vDSO gives is compared with the system call's: clock readings lie
 * between two system-call readings. On the host the same checks run
 * against Linux's own vDSO.
 */
#include <unistd.h>
#include <time.h>
#include <fcntl.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <sys/syscall.h>
#include "check.h"
#include "child.h"
#include "auxv.h"

#define AT_SYSINFO	32
#define AT_SYSINFO_EHDR	33
#define ET_DYN		3
#define EM_386		3
#define PT_LOAD		1
#define PT_DYNAMIC	2
#define DT_NULL		0
#define DT_HASH		4
#define DT_STRTAB	5
#define DT_SYMTAB	6
#define DT_VERSYM	0x6ffffff0
#define DT_VERDEF	0x6ffffffc
#define VERSYM_HIDDEN	0x8000
#define VERSYM_INDEX	0x7fff
#define NR_GETPID	20
#define NR_PSELECT6	308
#define NR_CLOCK_GETTIME 265
#define NR_CLOCK_GETTIME64 403
#define NR_GETTIMEOFDAY	78
#define NR_TIME		13
#define BAD_CLOCK	100
#define EINVAL_RAW	(-22)
#define NSEC_PER_SEC	1000000000LL
#define MAPS_SIZE	8192

struct ehdr {			/* Elf32_Ehdr */
	unsigned char e_ident[16];
	unsigned short e_type, e_machine;
	unsigned int e_version, e_entry, e_phoff, e_shoff, e_flags;
	unsigned short e_ehsize, e_phentsize, e_phnum, e_shentsize,
		       e_shnum, e_shstrndx;
};

struct phdr {			/* Elf32_Phdr */
	unsigned int p_type, p_offset, p_vaddr, p_paddr, p_filesz, p_memsz,
		     p_flags, p_align;
};

struct sym {			/* Elf32_Sym */
	unsigned int st_name, st_value, st_size;
	unsigned char st_info, st_other;
	unsigned short st_shndx;
};

struct verdef {			/* Elf32_Verdef */
	unsigned short vd_version, vd_flags, vd_ndx, vd_cnt;
	unsigned int vd_hash, vd_aux, vd_next;
};

struct verdaux {		/* Elf32_Verdaux */
	unsigned int vda_name, vda_next;
};

struct ts32 {			/* the 32-bit struct timespec */
	long tv_sec, tv_nsec;
};

struct ts64 {			/* struct __kernel_timespec */
	long long tv_sec, tv_nsec;
};

struct tv32 {
	long tv_sec, tv_usec;
};

/* What the dynamic section says, once parsed. */
static struct {
	unsigned long base, load;
	const unsigned int *hash;
	const struct sym *sym;
	const char *str;
	const unsigned short *versym;
	const struct verdef *verdef;
} vdso;

static unsigned long *auxv;

static unsigned long aux(unsigned long type, int *found)
{
	return aux_get(auxv, type, found);
}

/* Fill vdso from the ELF image at base; 0 if it is not one we can read. */
static int parse_vdso(unsigned long base)
{
	const struct ehdr *eh = (const void *)base;
	const struct phdr *ph = (const void *)(base + eh->e_phoff);
	const unsigned int *dyn = NULL;
	int i, loads = 0;

	vdso.base = base;
	for (i = 0; i < eh->e_phnum; i++) {
		if (ph[i].p_type == PT_LOAD && !loads++)
			vdso.load = base + ph[i].p_offset - ph[i].p_vaddr;
		else if (ph[i].p_type == PT_DYNAMIC)
			dyn = (const void *)(base + ph[i].p_offset);
	}
	for (; dyn && dyn[0] != DT_NULL; dyn += 2) {
		const void *p = (const void *)(vdso.load + dyn[1]);

		if (dyn[0] == DT_HASH)
			vdso.hash = p;
		else if (dyn[0] == DT_STRTAB)
			vdso.str = p;
		else if (dyn[0] == DT_SYMTAB)
			vdso.sym = p;
		else if (dyn[0] == DT_VERSYM)
			vdso.versym = p;
		else if (dyn[0] == DT_VERDEF)
			vdso.verdef = p;
	}
	return loads && vdso.hash && vdso.str && vdso.sym;
}

/* The SysV ELF hash, as DT_HASH buckets use it. */
static unsigned int elf_hash(const char *name)
{
	unsigned int h = 0, g;

	for (; *name; name++) {
		h = (h << 4) + (unsigned char)*name;
		g = h & 0xf0000000;
		if (g)
			h ^= g >> 24;
		h &= ~g;
	}
	return h;
}

/* Does symbol i's version (DT_VERSYM, DT_VERDEF) have the name version? */
static int sym_version_is(unsigned int i, const char *version)
{
	const struct verdef *vd = vdso.verdef;
	unsigned int want;

	if (!vdso.versym || !vd)
		return 0;
	want = vdso.versym[i] & VERSYM_INDEX;
	for (;;) {
		if (vd->vd_ndx == want) {
			const struct verdaux *a =
				(const void *)((const char *)vd + vd->vd_aux);

			return !strcmp(vdso.str + a->vda_name, version);
		}
		if (!vd->vd_next)
			return 0;
		vd = (const void *)((const char *)vd + vd->vd_next);
	}
}

/* The address of name@version, found through the hash table, or NULL. */
static void *vdso_lookup(const char *name, const char *version)
{
	unsigned int nbucket = vdso.hash[0], i;
	const unsigned int *bucket = vdso.hash + 2;
	const unsigned int *chain = bucket + nbucket;

	for (i = bucket[elf_hash(name) % nbucket]; i; i = chain[i]) {
		const struct sym *s = &vdso.sym[i];

		if (!s->st_value || strcmp(vdso.str + s->st_name, name))
			continue;
		if (sym_version_is(i, version) &&
		    !(vdso.versym[i] & VERSYM_HIDDEN))
			return (void *)(vdso.load + s->st_value);
	}
	return NULL;
}

typedef long (*cgt_fn)(long, struct ts32 *);
typedef long (*cgt64_fn)(long, struct ts64 *);
typedef long (*gtod_fn)(struct tv32 *, void *);
typedef long (*time_fn)(long *);

static cgt_fn vdso_cgt;
static cgt64_fn vdso_cgt64;
static gtod_fn vdso_gtod;
static time_fn vdso_time;
static unsigned long vsyscall;

static void test_aux_and_elf(void)
{
	int found_ehdr, found_sysinfo;
	unsigned long base, entry;
	const struct ehdr *eh;

	case_begin("vdso_is_an_elf_shared_object_from_auxv");
	base = aux(AT_SYSINFO_EHDR, &found_ehdr);
	entry = aux(AT_SYSINFO, &found_sysinfo);
	CHECK(found_ehdr && base, "AT_SYSINFO_EHDR present");
	CHECK(found_sysinfo && entry, "AT_SYSINFO present");
	if (found_ehdr && base) {
		eh = (const void *)base;
		CHECK(!memcmp(eh->e_ident, "\177ELF", 4), "ELF magic");
		CHECK(eh->e_type == ET_DYN, "ET_DYN, got %u", eh->e_type);
		CHECK(eh->e_machine == EM_386, "EM_386, got %u",
		      eh->e_machine);
		CHECK(parse_vdso(base), "PT_LOAD, DT_HASH, DT_SYMTAB, DT_STRTAB");
		CHECK(vdso.versym && vdso.verdef, "DT_VERSYM and DT_VERDEF");
	}
	case_end();
}

static void test_symbols(void)
{
	void *kv;

	case_begin("vdso_exports_linux_names_and_versions");
	if (!vdso.hash) {
		FAIL("no vDSO to look in");
		case_end();
		return;
	}
	vdso_cgt = (cgt_fn)vdso_lookup("__vdso_clock_gettime", "LINUX_2.6");
	vdso_cgt64 = (cgt64_fn)vdso_lookup("__vdso_clock_gettime64",
					   "LINUX_2.6");
	vdso_gtod = (gtod_fn)vdso_lookup("__vdso_gettimeofday", "LINUX_2.6");
	vdso_time = (time_fn)vdso_lookup("__vdso_time", "LINUX_2.6");
	kv = vdso_lookup("__kernel_vsyscall", "LINUX_2.5");
	CHECK(vdso_cgt, "__vdso_clock_gettime@LINUX_2.6");
	CHECK(vdso_cgt64, "__vdso_clock_gettime64@LINUX_2.6");
	CHECK(vdso_gtod, "__vdso_gettimeofday@LINUX_2.6");
	CHECK(vdso_time, "__vdso_time@LINUX_2.6");
	CHECK(kv && (unsigned long)kv == vsyscall,
	      "__kernel_vsyscall@LINUX_2.5 at AT_SYSINFO %#lx, got %p",
	      vsyscall, kv);
	CHECK(!vdso_lookup("__vdso_clock_gettime", "LINUX_2.5"),
	      "no __vdso_clock_gettime@LINUX_2.5");
	case_end();
}

/*
 * vsys6(block): a system call through __kernel_vsyscall with every
 * register set from block (nr, six arguments, the entry), and each of
 * ebx..ebp as it came back stored over its argument, so that the caller
 * sees whether the vDSO kept them. Returns eax. Written out in assembly:
 * the compiler must not hold anything in those registers meanwhile.
 */
long vsys6(long *block);
__asm__(".text\n"
	".globl vsys6\n"
	"vsys6:\n\t"
	"pushl %ebp\n\t"
	"pushl %ebx\n\t"
	"pushl %esi\n\t"
	"pushl %edi\n\t"
	"movl 20(%esp), %eax\n\t"
	"pushl %eax\n\t"
	"pushl 28(%eax)\n\t"
	"movl 4(%eax), %ebx\n\t"
	"movl 8(%eax), %ecx\n\t"
	"movl 12(%eax), %edx\n\t"
	"movl 16(%eax), %esi\n\t"
	"movl 20(%eax), %edi\n\t"
	"movl 24(%eax), %ebp\n\t"
	"movl 0(%eax), %eax\n\t"
	"call *(%esp)\n\t"
	"addl $4, %esp\n\t"
	"xchgl %eax, (%esp)\n\t"
	"movl %ebx, 4(%eax)\n\t"
	"movl %ecx, 8(%eax)\n\t"
	"movl %edx, 12(%eax)\n\t"
	"movl %esi, 16(%eax)\n\t"
	"movl %edi, 20(%eax)\n\t"
	"movl %ebp, 24(%eax)\n\t"
	"popl %eax\n\t"
	"popl %edi\n\t"
	"popl %esi\n\t"
	"popl %ebx\n\t"
	"popl %ebp\n\t"
	"ret\n");

/* The call nr(a1..a6) through the vDSO; *kept: no register changed. */
static long vsys(long nr, long a1, long a2, long a3, long a4, long a5,
		 long a6, int *kept)
{
	long block[8] = { nr, a1, a2, a3, a4, a5, a6, (long)vsyscall };
	long ret = vsys6(block);

	*kept = block[1] == a1 && block[2] == a2 && block[3] == a3 &&
		block[4] == a4 && block[5] == a5 && block[6] == a6;
	return ret;
}

static void test_kernel_vsyscall(void)
{
	struct ts32 zero = { 0, 0 };
	unsigned long long none = 0;	/* an empty sigset_t */
	struct { void *set; unsigned long size; } mask = { &none, 8 };
	int kept;
	long r;

	case_begin("kernel_vsyscall_is_int_0x80");
	if (!vsyscall) {
		FAIL("no AT_SYSINFO");
		case_end();
		return;
	}
	r = vsys(NR_GETPID, 11, 22, 33, 44, 55, 66, &kept);
	CHECK(r == getpid(), "getpid %ld, syscall says %d", r, getpid());
	CHECK(kept, "ebx ecx edx esi edi ebp kept");
	/* the sixth argument (ebp) reaches the kernel: a bad size is EINVAL */
	r = vsys(NR_PSELECT6, 0, 0, 0, 0, (long)&zero, (long)&mask, &kept);
	CHECK(r == 0, "pselect6 with a good sigset size: %ld", r);
	CHECK(kept, "registers kept over pselect6");
	mask.size = 7;
	r = vsys(NR_PSELECT6, 0, 0, 0, 0, (long)&zero, (long)&mask, &kept);
	CHECK(r == EINVAL_RAW, "pselect6 with sigset size 7: %ld", r);
	r = vsys(NR_PSELECT6, 0, 0, 0, 0, (long)&zero, 1, &kept);
	CHECK(r == -EFAULT, "pselect6 with a bad sixth argument: %ld", r);
	case_end();
}

static long long ns32(const struct ts32 *t)
{
	return t->tv_sec * NSEC_PER_SEC + t->tv_nsec;
}

/* One clock read by syscall, vDSO, syscall: the middle one lies between. */
static void check_clock_between(long clock)
{
	struct ts32 a, b, c;
	struct ts64 b64;
	long r;

	syscall(NR_CLOCK_GETTIME, clock, &a);
	r = vdso_cgt(clock, &b);
	syscall(NR_CLOCK_GETTIME, clock, &c);
	CHECK(r == 0, "clock %ld: vDSO returned %ld", clock, r);
	CHECK(ns32(&a) <= ns32(&b) && ns32(&b) <= ns32(&c),
	      "clock %ld: %ld.%09ld <= %ld.%09ld <= %ld.%09ld", clock,
	      a.tv_sec, a.tv_nsec, b.tv_sec, b.tv_nsec, c.tv_sec, c.tv_nsec);
	CHECK(b.tv_nsec >= 0 && b.tv_nsec < NSEC_PER_SEC, "clock %ld nsec %ld",
	      clock, b.tv_nsec);
	r = vdso_cgt64(clock, &b64);
	syscall(NR_CLOCK_GETTIME, clock, &c);
	CHECK(r == 0 && b64.tv_sec * NSEC_PER_SEC + b64.tv_nsec <= ns32(&c) &&
	      b64.tv_sec * NSEC_PER_SEC + b64.tv_nsec >= ns32(&b),
	      "clock %ld: time64 reading %lld.%09lld out of order", clock,
	      b64.tv_sec, b64.tv_nsec);
}

static void test_clock_gettime(void)
{
	static const long clocks[] = {
		CLOCK_REALTIME, CLOCK_MONOTONIC, CLOCK_MONOTONIC_RAW,
		CLOCK_REALTIME_COARSE, CLOCK_MONOTONIC_COARSE, CLOCK_BOOTTIME,
		CLOCK_PROCESS_CPUTIME_ID,
	};
	struct ts32 t;
	unsigned int i;

	case_begin("vdso_clock_gettime_between_two_syscalls");
	if (!vdso_cgt || !vdso_cgt64) {
		FAIL("no __vdso_clock_gettime or __vdso_clock_gettime64");
		case_end();
		return;
	}
	for (i = 0; i < sizeof(clocks) / sizeof(clocks[0]); i++)
		check_clock_between(clocks[i]);
	CHECK(vdso_cgt(BAD_CLOCK, &t) == EINVAL_RAW,
	      "clock %d: -EINVAL as the system call says", BAD_CLOCK);
	case_end();
}

static void test_gettimeofday_and_time(void)
{
	struct tv32 a, b, c;
	long t0, t1, t2, stored = 0;

	case_begin("vdso_gettimeofday_and_time_between_two_syscalls");
	if (!vdso_gtod || !vdso_time) {
		FAIL("no __vdso_gettimeofday or __vdso_time");
		case_end();
		return;
	}
	syscall(NR_GETTIMEOFDAY, &a, NULL);
	CHECK(vdso_gtod(&b, NULL) == 0, "gettimeofday returns 0");
	syscall(NR_GETTIMEOFDAY, &c, NULL);
	CHECK(a.tv_sec * 1000000LL + a.tv_usec <= b.tv_sec * 1000000LL + b.tv_usec &&
	      b.tv_sec * 1000000LL + b.tv_usec <= c.tv_sec * 1000000LL + c.tv_usec,
	      "%ld.%06ld <= %ld.%06ld <= %ld.%06ld", a.tv_sec, a.tv_usec,
	      b.tv_sec, b.tv_usec, c.tv_sec, c.tv_usec);
	t0 = syscall(NR_TIME, NULL);
	t1 = vdso_time(&stored);
	t2 = syscall(NR_TIME, NULL);
	CHECK(t0 <= t1 && t1 <= t2, "time %ld <= %ld <= %ld", t0, t1, t2);
	CHECK(stored == t1, "time stored %ld, returned %ld", stored, t1);
	case_end();
}

/* Does /proc/self/maps have a line for [vdso] starting at base? */
static int maps_show_vdso(unsigned long base)
{
	static char buf[MAPS_SIZE];
	char want[16], *line, *end;
	int fd = open("/proc/self/maps", O_RDONLY), n = 0, r;

	if (fd < 0)
		return 0;
	while (n < MAPS_SIZE - 1 &&
	       (r = read(fd, buf + n, MAPS_SIZE - 1 - n)) > 0)
		n += r;
	close(fd);
	buf[n] = '\0';
	snprintf(want, sizeof(want), "%08lx-", base);
	for (line = buf; *line; line = end + 1) {
		end = strchr(line, '\n');
		if (!end)
			break;
		*end = '\0';
		if (!strncmp(line, want, strlen(want)))
			return strstr(line, "[vdso]") != NULL;
	}
	return 0;
}

static void test_maps_and_fork(void)
{
	struct ts32 t;
	pid_t pid;
	int status = -1;

	case_begin("vdso_in_maps_and_kept_across_fork");
	CHECK(maps_show_vdso(vdso.base), "[vdso] at %08lx in /proc/self/maps",
	      vdso.base);
	pid = fork();
	if (pid == 0) {
		int ok = maps_show_vdso(vdso.base) && vdso_cgt &&
			 vdso_cgt(CLOCK_MONOTONIC, &t) == 0 && t.tv_sec >= 0;

		_exit(ok ? 0 : 1);
	}
	CHECK(pid > 0, "fork");
	if (pid > 0) {
		waitpid(pid, &status, 0);
		CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0,
		      "the child found the vDSO in its maps and read the clock: %#x",
		      status);
	}
	case_end();
}

int main(int argc, char **argv, char **envp)
{
	int found;

	(void)argc;
	(void)argv;
	auxv = find_auxv(envp);
	vsyscall = aux(AT_SYSINFO, &found);
	test_aux_and_elf();
	test_symbols();
	test_kernel_vsyscall();
	test_clock_gettime();
	test_gettimeofday_and_time();
	test_maps_and_fork();
	return check_summary();
}
