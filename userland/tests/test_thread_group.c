/*
 * test_thread_group.c - what the threads of one process share besides
 * the address space, as Linux has it: the descriptor table (CLONE_FILES),
 * the cwd and umask (CLONE_FS), the SEM_UNDO records (CLONE_SYSVSEM),
 * the children of a thread that exits, and the interval timers. Built
 * with glibc or musl (LIBC_HAS_PTHREADS marks musl); Lintel's own libc
 * has no pthreads and no clone wrapper, so there it says SKIPPED, and
 * counts.
 */
#include <signal.h>
#include <unistd.h>
#include "check.h"

#if defined(__GLIBC__) || defined(LIBC_HAS_PTHREADS)
#include "thread_group.h"
#else
static void test_thread_group(void)
{
	case_skip("thread_group", "Lintel's libc has no pthreads; the glibc "
		  "and musl builds of this program run these cases");
}
#endif

int main(void)
{
	test_thread_group();
	return check_summary();
}
