/*
 * test_segv.c - bad memory accesses raise SIGSEGV with the right siginfo:
 * si_addr is the faulting address, si_code says "no mapping" or "not
 * allowed". A handler can jump out, or fix the page and return to retry
 * the access; a blocked or ignored SIGSEGV still kills.
 */
#include <signal.h>
#include <setjmp.h>
#include <stdint.h>
#include <sys/mman.h>
#include "check.h"
#include "child.h"

#define PAGE_SIZE	4096
#define KERNEL_ADDR	0xC0000000UL	/* Lintel's PAGE_OFFSET */

static sigjmp_buf recover;
static volatile int fault_count;
static volatile int fault_code;
static void *volatile fault_addr;
static char *fixable_page;

static void record(int sig, siginfo_t *info)
{
	fault_count++;
	fault_code = sig == SIGSEGV ? info->si_code : -1;
	fault_addr = info->si_addr;
}

static void jump_out(int sig, siginfo_t *info, void *ctx)
{
	(void)ctx;
	record(sig, info);
	siglongjmp(recover, 1);
}

/* Make the page writable and return: the write is retried and works. */
static void fix_page(int sig, siginfo_t *info, void *ctx)
{
	(void)ctx;
	record(sig, info);
	mprotect(fixable_page, PAGE_SIZE, PROT_READ | PROT_WRITE);
}

static void install(void (*handler)(int, siginfo_t *, void *))
{
	struct sigaction sa = { .sa_flags = SA_SIGINFO };

	sa.sa_sigaction = handler;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGSEGV, &sa, NULL);
}

/* Touch addr; return 1 if it faulted (and the handler jumped back). */
static int touch(uintptr_t addr, int write)
{
	volatile char *p = (volatile char *)addr;

	fault_count = 0;
	fault_addr = NULL;
	if (sigsetjmp(recover, 1))
		return 1;
	if (write)
		*p = 1;
	else
		(void)*p;
	return 0;
}

static void check_fault(const char *name, uintptr_t addr, int write,
			int code)
{
	int faulted;

	case_begin(name);
	install(jump_out);
	faulted = touch(addr, write);
	CHECK(faulted && fault_count == 1, "one SIGSEGV, got %d",
	      fault_count);
	CHECK(fault_addr == (void *)addr, "si_addr %p, got %p",
	      (void *)addr, fault_addr);
	CHECK(fault_code == code, "si_code %d, got %d", code, fault_code);
	case_end();
}

static void test_read_only_page(void)
{
	char *p = mmap(NULL, PAGE_SIZE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS,
		       -1, 0);

	check_fault("segv_write_read_only_page_si_addr",
		    (uintptr_t)(p + 123), 1, SEGV_ACCERR);
	munmap(p, PAGE_SIZE);
}

static void test_unmapped_page(void)
{
	char *p = mmap(NULL, PAGE_SIZE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS,
		       -1, 0);

	munmap(p, PAGE_SIZE);
	check_fault("segv_read_unmapped_page_si_addr", (uintptr_t)(p + 7), 0,
		    SEGV_MAPERR);
}

static void test_handler_fixes_page(void)
{
	case_begin("segv_handler_fixes_page_and_write_retries");
	fixable_page = mmap(NULL, PAGE_SIZE, PROT_READ,
			    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	install(fix_page);
	fault_count = 0;
	((volatile char *)fixable_page)[42] = 'x';	/* faults once */
	CHECK(fault_count == 1, "one SIGSEGV, got %d", fault_count);
	CHECK(fixable_page[42] == 'x', "the retried write landed, got %d",
	      fixable_page[42]);
	CHECK(fault_addr == fixable_page + 42, "si_addr %p, got %p",
	      fixable_page + 42, fault_addr);
	munmap(fixable_page, PAGE_SIZE);
	case_end();
}

/* SIGSEGV from a fault cannot be blocked or ignored away: it kills. */
static int fault_while(void *how)
{
	sigset_t set;

	no_core_dump();
	if (how) {
		signal(SIGSEGV, SIG_IGN);
	} else {
		sigemptyset(&set);
		sigaddset(&set, SIGSEGV);
		sigprocmask(SIG_BLOCK, &set, NULL);
	}
	*(volatile int *)0 = 1;
	return 0;
}

static void test_cannot_block(void)
{
	int blocked = run_in_child(fault_while, NULL);
	int ignored = run_in_child(fault_while, (void *)1);

	case_begin("segv_blocked_or_ignored_still_kills");
	CHECK(WIFSIGNALED(blocked) && WTERMSIG(blocked) == SIGSEGV,
	      "blocked: killed by SIGSEGV, got %s", describe_status(blocked));
	CHECK(WIFSIGNALED(ignored) && WTERMSIG(ignored) == SIGSEGV,
	      "ignored: killed by SIGSEGV, got %s", describe_status(ignored));
	case_end();
}

int main(void)
{
	check_fault("segv_read_null_si_addr", 0, 0, SEGV_MAPERR);
	check_fault("segv_write_null_si_addr", 0, 1, SEGV_MAPERR);
	check_fault("segv_read_kernel_address_si_addr", KERNEL_ADDR, 0,
		    SEGV_MAPERR);
	test_read_only_page();
	test_unmapped_page();
	test_handler_fixes_page();
	test_cannot_block();
	return check_summary();
}
