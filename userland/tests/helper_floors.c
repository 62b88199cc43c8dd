/*
 * helper_floors.c - the page fault floor's arming (kernel/floors.c,
 * int 0x85), for scripts/runtests.py, which boots Lintel with the option
 * "floors" and this program as init: armed pages keep their contents,
 * bad requests are refused, and pages unmapped or a program ending while
 * armed give everything back (init's held line after it says so).
 * Not run on the host: only Lintel booted with "floors" has the gate.
 */
#include <stdint.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include "check.h"

#define PAGE_SIZE	4096
#define FLOOR_PAGES	64		/* kernel/floors.c FLOOR_FAULT_PAGES */
#define AREA_SIZE	(2 * FLOOR_PAGES * PAGE_SIZE)
#define PGDIR_SIZE	(4 << 20)	/* what one page table maps */
#define KERNEL_ADDR	0xC0000000UL

/* int 0x85: arm the FLOOR_PAGES pages at p; 0 or a negative errno. */
static long floor_arm(void *p)
{
	long r = 1;

	__asm__ volatile("int $0x85" : "+a"(r) : "b"(p) : "memory");
	return r;
}

/* int 0x85, eax = 0: disarm. */
static long floor_disarm(void)
{
	long r = 0;

	__asm__ volatile("int $0x85" : "+a"(r) : : "memory");
	return r;
}

/* A fresh private area; FLOOR_PAGES of it under one page table, written
 * with each page's number + 1 unless touch is 0. */
static char *floor_pages(char **area, int touch)
{
	char *p = mmap(NULL, AREA_SIZE, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	uintptr_t first = (uintptr_t)p;
	int i;

	*area = p;
	if (p == MAP_FAILED)
		return NULL;
	if (first / PGDIR_SIZE !=
	    (first + FLOOR_PAGES * PAGE_SIZE - 1) / PGDIR_SIZE)
		p += FLOOR_PAGES * PAGE_SIZE;
	for (i = 0; touch && i < FLOOR_PAGES; i++)
		p[i * PAGE_SIZE] = (char)(i + 1);
	return p;
}

/* Armed pages fault back in with what they held; a second arm is busy. */
static void test_armed_pages_keep_contents(void)
{
	char *area, *p = floor_pages(&area, 1);
	int i, bad = -1;

	case_begin("floors_armed_pages_keep_contents");
	CHECK(p != NULL, "mmap failed");
	if (p) {
		CHECK(floor_arm(p) == 0, "arm failed");
		CHECK(floor_arm(p) == -EBUSY, "second arm not -EBUSY");
		for (i = 0; i < FLOOR_PAGES / 2; i++)
			if (p[i * PAGE_SIZE] != (char)(i + 1))
				bad = i;
		CHECK(floor_disarm() == 0, "disarm failed");
		for (i = FLOOR_PAGES / 2; i < FLOOR_PAGES; i++)
			if (p[i * PAGE_SIZE] != (char)(i + 1))
				bad = i;
		CHECK(bad < 0, "page %d lost its contents", bad);
		munmap(area, AREA_SIZE);
	}
	case_end();
}

/* Misaligned, kernel or untouched pages are refused, nothing armed. */
static void test_bad_requests(void)
{
	char *area, *p = floor_pages(&area, 0);

	case_begin("floors_bad_requests_refused");
	CHECK(p != NULL, "mmap failed");
	if (p) {
		CHECK(floor_arm(p + 1) == -EINVAL, "misaligned not -EINVAL");
		CHECK(floor_arm((void *)KERNEL_ADDR) == -EINVAL,
		      "kernel address not -EINVAL");
		CHECK(floor_arm(p) == -EFAULT, "untouched pages not -EFAULT");
		CHECK(floor_disarm() == 0, "disarm with nothing armed failed");
		munmap(area, AREA_SIZE);
	}
	case_end();
}

/* munmap of armed pages disarms: the next arm is not busy. */
static void test_munmap_while_armed(void)
{
	char *area, *p = floor_pages(&area, 1);

	case_begin("floors_munmap_while_armed");
	CHECK(p != NULL && floor_arm(p) == 0, "arm failed");
	munmap(area, AREA_SIZE);
	p = floor_pages(&area, 1);
	CHECK(p != NULL && floor_arm(p) == 0, "arm after munmap failed");
	CHECK(floor_disarm() == 0, "disarm failed");
	munmap(area, AREA_SIZE);
	case_end();
}

/* A child that exits armed leaves the floor free for the next. */
static void test_exit_while_armed(void)
{
	char *area, *p;
	int status = -1;
	pid_t pid;

	case_begin("floors_exit_while_armed");
	pid = fork();
	if (pid == 0) {
		p = floor_pages(&area, 1);
		_exit(p && floor_arm(p) == 0 ? 0 : 1);
	}
	CHECK(pid > 0 && waitpid(pid, &status, 0) == pid, "fork/wait");
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0,
	      "child could not arm: status %#x", status);
	p = floor_pages(&area, 1);
	CHECK(p != NULL && floor_arm(p) == 0, "arm after the child failed");
	CHECK(floor_disarm() == 0, "disarm failed");
	munmap(area, AREA_SIZE);
	case_end();
}

int main(void)
{
	test_armed_pages_keep_contents();
	test_bad_requests();
	test_munmap_while_armed();
	test_exit_while_armed();
	return check_summary();
}
