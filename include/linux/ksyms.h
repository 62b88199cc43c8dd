#ifndef _LINUX_KSYMS_H
#define _LINUX_KSYMS_H

/*
 * The kernel's symbol table (scripts/mksyms.py fills it in at link time).
 * ksym_lookup finds the function containing addr: its name, the offset of
 * addr into it and its size; it returns NULL when addr is in no function.
 */
struct ksym_table {
	unsigned long count;
	const unsigned long *addrs;	/* ascending */
	const unsigned long *names;	/* offsets into strings */
	const char *strings;
	unsigned long text_end;		/* end of the last function */
};

const char *ksym_search(const struct ksym_table *t, unsigned long addr,
			unsigned long *offset, unsigned long *size);
const char *ksym_lookup(unsigned long addr, unsigned long *offset,
			unsigned long *size);

#endif
