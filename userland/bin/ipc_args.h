/*
 * ipc_args.h - reading keys and ids from the command line, shared by
 * shmwriter, shmreader, shmpingpong and ipcrm.
 */
#ifndef _IPC_ARGS_H
#define _IPC_ARGS_H

#include <stdlib.h>
#include <errno.h>
#include <sys/types.h>

/*
 * A whole argument as a number written as C writes it: decimal, 0x hex
 * or 0 octal, optionally signed. Returns 0 on success, -1 if anything
 * is left over or it does not fit a long.
 */
static inline int parse_long(const char *s, long *out)
{
	char *end;

	errno = 0;
	*out = strtol(s, &end, 0);
	if (*s == '\0' || *end != '\0' || errno == ERANGE)
		return -1;
	return 0;
}

/*
 * A key. ipcs shows keys as 32-bit hex, so 0x80000000 and above are
 * accepted too and wrap to the negative int a key_t holds.
 */
static inline int parse_key(const char *s, key_t *key)
{
	unsigned long u;
	char *end;
	long v;

	if (parse_long(s, &v) == 0) {
		*key = (key_t)v;
		return 0;
	}
	errno = 0;
	u = strtoul(s, &end, 0);
	if (*s == '\0' || *s == '-' || *end != '\0' || errno == ERANGE)
		return -1;
	*key = (key_t)u;
	return 0;
}

#endif
