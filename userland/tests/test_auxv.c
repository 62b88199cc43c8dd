/*
 * test_auxv.c - the aux vector a new program finds above envp, as Linux
 * builds it: the program headers and entry point, page size, clock tick,
 * ids, AT_SECURE, AT_HWCAP (CPUID's feature flags), AT_PLATFORM "i686",
 * AT_EXECFN, and 16 AT_RANDOM bytes that differ from one program to the
 * next; the strings and bytes lie above the vectors.
 */
#include <unistd.h>
#include <sys/wait.h>
#include "check.h"
#include "child.h"
#include "auxv.h"

#define PAGE_SIZE	4096
#define USER_HZ		100
#define PT_LOAD		1
#define CPUID_FEATURES	1

struct phdr {			/* Elf32_Phdr */
	unsigned long p_type, p_offset, p_vaddr, p_paddr;
	unsigned long p_filesz, p_memsz, p_flags, p_align;
};

extern char _start[];
static unsigned long *auxv;
static const char *helper;

static unsigned long need(unsigned long type, const char *name)
{
	int found;
	unsigned long v = aux_get(auxv, type, &found);

	CHECK(found, "%s (%lu) present", name, type);
	return v;
}

static void test_program_headers(void)
{
	const struct phdr *ph;
	unsigned long n, entry, i;
	int covers = 0;

	case_begin("auxv_phdr_and_entry");
	ph = (const struct phdr *)need(AT_PHDR, "AT_PHDR");
	n = need(AT_PHNUM, "AT_PHNUM");
	entry = need(AT_ENTRY, "AT_ENTRY");
	CHECK(need(AT_PHENT, "AT_PHENT") == sizeof(struct phdr),
	      "AT_PHENT %u", (unsigned)sizeof(struct phdr));
	CHECK(entry == (unsigned long)_start, "AT_ENTRY %p, got 0x%lx",
	      (void *)_start, entry);
	for (i = 0; ph && i < n; i++)
		if (ph[i].p_type == PT_LOAD && ph[i].p_vaddr <= entry &&
		    entry < ph[i].p_vaddr + ph[i].p_memsz)
			covers = 1;
	CHECK(covers, "a PT_LOAD header among the %lu at AT_PHDR holds the "
	      "entry point", n);
	case_end();
}

static void test_numbers(void)
{
	case_begin("auxv_pagesz_clktck_ids_secure");
	CHECK(need(AT_PAGESZ, "AT_PAGESZ") == PAGE_SIZE, "AT_PAGESZ 4096");
	CHECK(need(AT_CLKTCK, "AT_CLKTCK") == USER_HZ, "AT_CLKTCK 100");
	CHECK(need(AT_UID, "AT_UID") == getuid(), "AT_UID = getuid()");
	CHECK(need(AT_EUID, "AT_EUID") == geteuid(), "AT_EUID = geteuid()");
	CHECK(need(AT_GID, "AT_GID") == getgid(), "AT_GID = getgid()");
	CHECK(need(AT_EGID, "AT_EGID") == getegid(), "AT_EGID = getegid()");
	CHECK(need(AT_SECURE, "AT_SECURE") == 0, "AT_SECURE 0");
	case_end();
}

static unsigned long cpuid_edx(void)
{
	unsigned long a = CPUID_FEATURES, b, c = 0, d;

	__asm__ volatile("cpuid" : "+a"(a), "=b"(b), "+c"(c), "=d"(d));
	return d;
}

static void test_hwcap_platform(void)
{
	unsigned long hwcap, want = cpuid_edx();
	const char *platform;

	case_begin("auxv_hwcap_platform");
	hwcap = need(AT_HWCAP, "AT_HWCAP");
	CHECK(hwcap == want, "AT_HWCAP = CPUID.1 edx 0x%lx, got 0x%lx",
	      want, hwcap);
	platform = (const char *)need(AT_PLATFORM, "AT_PLATFORM");
	CHECK(platform && strcmp(platform, "i686") == 0,
	      "AT_PLATFORM \"i686\", got \"%s\"", platform ? platform : "");
	CHECK((unsigned long)platform > (unsigned long)auxv,
	      "the platform string above the vectors");
	case_end();
}

static const char *basename_of(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? slash + 1 : path;
}

static void test_execfn(const char *argv0)
{
	const char *fn;

	case_begin("auxv_execfn");
	fn = (const char *)need(AT_EXECFN, "AT_EXECFN");
	CHECK(fn && strcmp(basename_of(fn), basename_of(argv0)) == 0,
	      "AT_EXECFN names this program (%s), got \"%s\"", argv0,
	      fn ? fn : "");
	CHECK((unsigned long)fn > (unsigned long)auxv,
	      "the file name above the vectors");
	case_end();
}

/*
 * Run the helper at path with one argument (NULL: none) and gather
 * what it prints into out; its wait status, -1 if it could not run.
 */
static int run_helper(const char *path, const char *arg, char *out, int size)
{
	char *argv[] = { (char *)path, (char *)arg, NULL };
	char *envp[] = { NULL };

	return run_capture(path, argv, envp, out, size);
}

/*
 * AT_EXECFN is the name as given to execve, not the file's normal path:
 * the helper run by a name with "/./" in it reports that very name.
 */
static void test_execfn_as_given(const char *argv0)
{
	char odd[256], out[300];
	int status;

	case_begin("auxv_execfn_as_given_to_execve");
	snprintf(odd, sizeof(odd), "%s", helper_path(argv0, "./helper_auxv"));
	status = run_helper(odd, "execfn", out, sizeof(out));
	CHECK(status == 0, "the helper ran: %s", describe_status(status));
	out[strcspn(out, "\n")] = '\0';
	CHECK(strcmp(out, odd) == 0, "AT_EXECFN \"%s\", got \"%s\"", odd,
	      out);
	case_end();
}

static void test_random(void)
{
	const unsigned char *r;
	char mine[2 * AT_RANDOM_BYTES + 2], a[64], b[64];
	int i, sa, sb;

	case_begin("auxv_random_differs_per_program");
	r = (const unsigned char *)need(AT_RANDOM, "AT_RANDOM");
	CHECK(r && (unsigned long)r > (unsigned long)auxv,
	      "AT_RANDOM points above the vectors, got %p", (void *)r);
	for (i = 0; r && i < AT_RANDOM_BYTES; i++)
		snprintf(mine + 2 * i, 3, "%02x", r[i]);
	strcat(mine, "\n");
	sa = run_helper(helper, NULL, a, sizeof(a));
	sb = run_helper(helper, NULL, b, sizeof(b));
	CHECK(sa == 0 && sb == 0, "the helper ran twice: %s",
	      describe_status(sa ? sa : sb));
	CHECK(strlen(a) == 2 * AT_RANDOM_BYTES + 1, "32 hex digits, got "
	      "\"%s\"", a);
	CHECK(strcmp(a, b) != 0 && strcmp(a, mine) != 0,
	      "three programs, three different AT_RANDOM: %s / %s / %s",
	      mine, a, b);
	case_end();
}

int main(int argc, char **argv, char **envp)
{
	(void)argc;
	auxv = find_auxv(envp);
	helper = helper_path(argv[0], "helper_auxv");
	test_program_headers();
	test_numbers();
	test_hwcap_platform();
	test_execfn(argv[0]);
	test_execfn_as_given(argv[0]);
	test_random();
	return check_summary();
}
