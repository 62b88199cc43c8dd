/*
 * cpio.c - walk a newc cpio archive without ever reading past its end.
 *
 * Pure code: no allocation, no kernel state (tests/test_cpio.c runs it on
 * the host against good, truncated and corrupt archives).
 */
#include <linux/cpio.h>
#include <linux/string.h>

#define CPIO_FIELD_LEN	8
#define CPIO_NR_FIELDS	13

enum { F_INO, F_MODE, F_UID, F_GID, F_NLINK, F_MTIME, F_FILESIZE,
       F_DEVMAJ, F_DEVMIN, F_RDEVMAJ, F_RDEVMIN, F_NAMESIZE, F_CHECK };

static unsigned long pad4(unsigned long x)
{
	return (x + 3) & ~3UL;
}

/* Parse one 8-digit hex field; -1 if a character is not a hex digit. */
static int hex_field(const char *p, unsigned long *v)
{
	int i;

	*v = 0;
	for (i = 0; i < CPIO_FIELD_LEN; i++) {
		char c = p[i];
		unsigned int d;

		if (c >= '0' && c <= '9')
			d = c - '0';
		else if (c >= 'a' && c <= 'f')
			d = c - 'a' + 10;
		else if (c >= 'A' && c <= 'F')
			d = c - 'A' + 10;
		else
			return -1;
		*v = (*v << 4) | d;
	}
	return 0;
}

/* "Does [start, start + len) fit in an archive of size bytes?" */
static int fits(unsigned long start, unsigned long len, unsigned long size)
{
	return start <= size && len <= size - start;
}

int cpio_next(const void *archive, unsigned long size, unsigned long *offset,
	      struct cpio_entry *e)
{
	const char *base = archive;
	const char *hdr = base + *offset;
	unsigned long f[CPIO_NR_FIELDS], name_at, data_at;
	int i;

	if (!fits(*offset, CPIO_HDR_SIZE, size) ||
	    memcmp(hdr, CPIO_MAGIC, sizeof(CPIO_MAGIC) - 1))
		return CPIO_BAD;
	for (i = 0; i < CPIO_NR_FIELDS; i++)
		if (hex_field(hdr + 6 + i * CPIO_FIELD_LEN, &f[i]))
			return CPIO_BAD;

	name_at = *offset + CPIO_HDR_SIZE;
	if (f[F_NAMESIZE] == 0 || !fits(name_at, f[F_NAMESIZE], size) ||
	    base[name_at + f[F_NAMESIZE] - 1] != '\0')
		return CPIO_BAD;
	data_at = pad4(name_at + f[F_NAMESIZE]);
	if (!fits(data_at, f[F_FILESIZE], size))
		return CPIO_BAD;

	e->name = base + name_at;
	e->namelen = f[F_NAMESIZE] - 1;
	if (!strcmp(e->name, "TRAILER!!!"))
		return CPIO_END;
	e->data = base + data_at;
	e->size = f[F_FILESIZE];
	e->mode = f[F_MODE];
	e->uid = f[F_UID];
	e->gid = f[F_GID];
	e->mtime = f[F_MTIME];
	e->ino = f[F_INO];
	*offset = pad4(data_at + f[F_FILESIZE]);
	return CPIO_OK;
}

/* Walk the whole archive once: CPIO_END if it is sound, else CPIO_BAD. */
int cpio_validate(const void *archive, unsigned long size,
		  unsigned long *nr_entries)
{
	unsigned long offset = 0;
	struct cpio_entry e;
	int r;

	*nr_entries = 0;
	while ((r = cpio_next(archive, size, &offset, &e)) == CPIO_OK)
		(*nr_entries)++;
	return r;
}
