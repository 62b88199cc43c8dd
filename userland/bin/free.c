/*
 * free - memory in use and free, in KiB, from sysinfo, with the columns
 * of Linux's free(1). Lintel has no page cache, so buff/cache is what
 * the kernel reports as buffers, and "available" is free plus that.
 */
#include <stdio.h>
#include <sys/sysinfo.h>

static unsigned long kib(unsigned long units, unsigned int mem_unit)
{
	return (unsigned long)((unsigned long long)units * mem_unit / 1024);
}

int main(void)
{
	struct sysinfo si;
	unsigned long total, freem, shared, buffers, swap, swapfree;

	if (sysinfo(&si) < 0) {
		perror("free: sysinfo");
		return 1;
	}
	total = kib(si.totalram, si.mem_unit);
	freem = kib(si.freeram, si.mem_unit);
	shared = kib(si.sharedram, si.mem_unit);
	buffers = kib(si.bufferram, si.mem_unit);
	swap = kib(si.totalswap, si.mem_unit);
	swapfree = kib(si.freeswap, si.mem_unit);
	printf("%-7s %11s %11s %11s %11s %11s %11s\n", "", "total", "used",
	       "free", "shared", "buff/cache", "available");
	printf("%-7s %11lu %11lu %11lu %11lu %11lu %11lu\n", "Mem:", total,
	       total - freem - buffers, freem, shared, buffers,
	       freem + buffers);
	printf("%-7s %11lu %11lu %11lu\n", "Swap:", swap, swap - swapfree,
	       swapfree);
	return 0;
}
