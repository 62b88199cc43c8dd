/*
 * fuzz_mm.h - the fuzzer's memory: mmap, munmap, mprotect, brk, touching pages.
 *
 * Part of fuzz.c, which includes it once, after the generator and the
 * call helpers (rnd, below, hostile_*, call, remember) its ops use; the
 * op table at the end of fuzz.c picks them. Split out by subject only
 * to keep each file short.
 */
#ifndef _FUZZ_MM_H
#define _FUZZ_MM_H

/* An address range, mostly in the arena, now and then anywhere. */
static void hostile_range(unsigned long *addr, unsigned long *len)
{
	if (below(16)) {
		*addr = ARENA + below(ARENA_PAGES) * PAGE_SIZE;
		*len = (below(64) + 1) * PAGE_SIZE - (below(4) ? 0 : below(64));
	} else {
		*addr = hostile_ptr();
		*len = hostile_size();
	}
}

static unsigned long hostile_prot(void)
{
	return below(4) ? below(8) : hostile_int();
}

static void op_mmap(void)
{
	unsigned long addr, len, flags, *args = (unsigned long *)scratch;

	hostile_range(&addr, &len);
	flags = below(4) ? (MAP_PRIVATE | MAP_ANONYMOUS |
			    (below(2) ? MAP_FIXED : 0)) : hostile_int();
	if (below(2)) {
		call(__NR_mmap2, addr, len, hostile_prot(), flags,
		     below(4) ? (unsigned long)-1 : hostile_fd(),
		     below(4) ? 0 : hostile_int());
		return;
	}
	args[0] = addr;
	args[1] = len;
	args[2] = hostile_prot();
	args[3] = flags;
	args[4] = (unsigned long)-1;
	args[5] = below(4) ? 0 : hostile_int();
	call(NR_old_mmap, below(4) ? (unsigned long)args : hostile_ptr(), 0,
	     0, 0, 0, 0);
}

static void op_unmap_protect(void)
{
	unsigned long addr, len;

	hostile_range(&addr, &len);
	if (below(2))
		call(__NR_munmap, addr, len, 0, 0, 0, 0);
	else
		call(__NR_mprotect, addr, len, hostile_prot(), 0, 0, 0);
}

static void op_brk(void)
{
	long cur = call(__NR_brk, 0, 0, 0, 0, 0, 0);

	if (below(4))
		call(__NR_brk, cur + (long)below(64 * PAGE_SIZE) -
		     (long)(32 * PAGE_SIZE), 0, 0, 0, 0, 0);
	else
		call(__NR_brk, hostile_ptr(), 0, 0, 0, 0, 0);
}

static void touch_fault(int sig)
{
	(void)sig;
	siglongjmp(touch_env, 1);
}

/* Read or write arena pages: demand-zero, COW, shm and protection faults. */
static void op_touch(void)
{
	struct sigaction sa;
	volatile unsigned long addr = ARENA + below(ARENA_PAGES) * PAGE_SIZE;

	if (below(3) == 0 && nattaches)
		addr = attaches[below(nattaches)] + below(4) * PAGE_SIZE;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = touch_fault;
	sigaction(SIGSEGV, &sa, NULL);
	sigaction(SIGBUS, &sa, NULL);
	shared->calls += 2;
	if (sigsetjmp(touch_env, 1) == 0) {
		if (below(2))
			*(volatile char *)addr = (char)rnd();
		else
			(void)*(volatile char *)addr;
	}
}

#endif
