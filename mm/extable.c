/*
 * extable.c - the exception table: which kernel instructions may fault
 * on a user address, and where to go on when they do.
 *
 * Each entry is a pair of addresses (insn, fixup), put in the __ex_table
 * section by the asm that does the access (mm/uaccess.c); the linker
 * script collects them between __start___ex_table and __stop___ex_table.
 * There are only a handful, so a linear search will do.
 */
#include <asm/segment.h>

struct exception_table_entry {
	unsigned long insn, fixup;
};

extern const struct exception_table_entry __start___ex_table[];
extern const struct exception_table_entry __stop___ex_table[];

/*
 * The fixup address for a kernel instruction at eip that may fault on a
 * user address (the copy loops of mm/uaccess.c), or 0 if eip is not one:
 * then a kernel fault there is a bug. A linear search: the table is short.
 */
unsigned long search_exception_table(unsigned long eip)
{
	const struct exception_table_entry *e;

	for (e = __start___ex_table; e < __stop___ex_table; e++)
		if (e->insn == eip)
			return e->fixup;
	return 0;
}
