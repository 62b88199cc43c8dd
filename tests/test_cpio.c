/*
 * test_cpio.c - the initramfs parser (fs/cpio.c) against archives made
 * here: a good one, every truncation of it, and corrupted headers. The
 * parser must accept the first and refuse the rest without reading past
 * the end (each archive sits at the very end of a malloc'd block, so an
 * overrun would be caught by a careful allocator; we also check offsets).
 */
#include <stdlib.h>
#include "check.h"
#include "../fs/cpio.c"

static size_t add_member(char *buf, size_t at, const char *name,
			 unsigned mode, const char *data)
{
	size_t namesize = strlen(name) + 1, size = strlen(data);

	at += sprintf(buf + at, "070701%08X%08X%08X%08X%08X%08X%08X%08X%08X"
		      "%08X%08X%08X%08X", 1, mode, 0, 0, 1, 0, (unsigned)size,
		      0, 0, 0, 0, (unsigned)namesize, 0);
	memcpy(buf + at, name, namesize);
	at += namesize;
	while (at % 4)
		buf[at++] = 0;
	memcpy(buf + at, data, size);
	at += size;
	while (at % 4)
		buf[at++] = 0;
	return at;
}

static size_t make_archive(char *buf)
{
	size_t n = 0;

	n = add_member(buf, n, ".", S_IFDIR | 0755, "");
	n = add_member(buf, n, "bin", S_IFDIR | 0755, "");
	n = add_member(buf, n, "bin/sh", S_IFREG | 0755, "#!shell");
	n = add_member(buf, n, "etc/issue", S_IFREG | 0644, "Lintel\n");
	return add_member(buf, n, "TRAILER!!!", 0, "");
}

/* Copy to the end of an exact-size heap block and validate there. */
static int validate_copy(const char *src, size_t len, unsigned long *n)
{
	char *copy = malloc(len ? len : 1);
	int r;

	memcpy(copy, src, len);
	r = cpio_validate(copy, len, n);
	free(copy);
	return r;
}

static void test_good(const char *buf, size_t len)
{
	unsigned long n, off = 0;
	struct cpio_entry e;

	case_begin("cpio_good_archive");
	CHECK(validate_copy(buf, len, &n) == CPIO_END && n == 4,
	      "expected a sound archive of 4 members, got %lu", n);
	cpio_next(buf, len, &off, &e);
	cpio_next(buf, len, &off, &e);
	CHECK(cpio_next(buf, len, &off, &e) == CPIO_OK &&
	      !strcmp(e.name, "bin/sh") && e.size == 7 &&
	      !memcmp(e.data, "#!shell", 7) && S_ISREG(e.mode),
	      "third member should be bin/sh with 7 bytes");
	case_end();
}

static void test_truncated(const char *buf, size_t len)
{
	unsigned long n;
	size_t cut;
	int bad = 0;

	case_begin("cpio_every_truncation_refused");
	for (cut = 0; cut < len; cut++)
		if (validate_copy(buf, cut, &n) != CPIO_BAD) {
			FAIL("archive cut at %zu of %zu accepted", cut, len);
			bad = 1;
			break;
		}
	(void)bad;
	case_end();
}

static void corrupt(const char *name, const char *buf, size_t len,
		    size_t at, const char *bytes)
{
	char *copy = malloc(len);
	unsigned long n;

	memcpy(copy, buf, len);
	memcpy(copy + at, bytes, strlen(bytes));
	case_begin(name);
	CHECK(validate_copy(copy, len, &n) == CPIO_BAD,
	      "corruption at offset %zu was accepted", at);
	free(copy);
	case_end();
}

int main(void)
{
	static char buf[4096];
	size_t len = make_archive(buf);

	test_good(buf, len);
	test_truncated(buf, len);
	corrupt("cpio_bad_magic", buf, len, 0, "070707");
	corrupt("cpio_bad_hex_digit", buf, len, 6 + 8, "0000G000");
	/* a file size far past the end of the archive */
	corrupt("cpio_size_past_end", buf, len, 6 + 6 * 8, "7FFFFFF0");
	/* a name size of zero, and one running past the end */
	corrupt("cpio_namesize_zero", buf, len, 6 + 11 * 8, "00000000");
	corrupt("cpio_namesize_past_end", buf, len, 6 + 11 * 8, "FFFFFFF0");
	return check_summary();
}
