/*
 * ksyms.c - address to function name, for oops backtraces.
 *
 * ksym_search is pure (host-tested in tests/test_ksyms.c); ksym_lookup
 * applies it to the table that the second link put in section .ksyms.
 */
#include <linux/ksyms.h>
#include <linux/types.h>

/* Binary search for the last symbol at or below addr. */
const char *ksym_search(const struct ksym_table *t, unsigned long addr,
			unsigned long *offset, unsigned long *size)
{
	unsigned long lo = 0, hi = t->count, mid, next;

	if (!t->count || addr < t->addrs[0] || addr >= t->text_end)
		return NULL;
	while (hi - lo > 1) {
		mid = lo + (hi - lo) / 2;
		if (t->addrs[mid] <= addr)
			lo = mid;
		else
			hi = mid;
	}
	next = lo + 1 < t->count ? t->addrs[lo + 1] : t->text_end;
	if (offset)
		*offset = addr - t->addrs[lo];
	if (size)
		*size = next - t->addrs[lo];
	return t->strings + t->names[lo];
}

#ifndef HOST_TEST
extern const unsigned long ksym_count;
extern const unsigned long ksym_addrs[];
extern const unsigned long ksym_names[];
extern const char ksym_strings[];
extern char _etext[];

/*
 * The name of the kernel function holding addr, with addr's offset in it
 * and the function's size; NULL outside the kernel's text. For the oops
 * backtrace: it reads only the table built into the kernel (.ksyms).
 */
const char *ksym_lookup(unsigned long addr, unsigned long *offset,
			unsigned long *size)
{
	struct ksym_table t = {
		ksym_count, ksym_addrs, ksym_names, ksym_strings,
		(unsigned long)_etext
	};

	return ksym_search(&t, addr, offset, size);
}
#endif
