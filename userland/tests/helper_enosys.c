/*
 * helper_enosys.c - run as init by make test with trace=syscall: asks
 * for two calls Lintel does not have (signalfd, io_setup) so the trace
 * can be checked to name them. Exits 0 only if both answered ENOSYS.
 */
#include <errno.h>
#include <sys/syscall.h>
#include <unistd.h>

#define NR_SIGNALFD	321	/* Linux i386 numbers: Lintel has neither */
#define NR_IO_SETUP	245

int main(void)
{
	int missing = 0;

	errno = 0;
	if (syscall(NR_SIGNALFD, -1, 0L, 8) == -1 && errno == ENOSYS)
		missing++;
	errno = 0;
	if (syscall(NR_IO_SETUP, 1, 0L) == -1 && errno == ENOSYS)
		missing++;
	return missing == 2 ? 0 : 1;
}
