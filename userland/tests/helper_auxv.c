/*
 * helper_auxv.c - run by test_auxv through execve: prints its AT_RANDOM
 * bytes in hex on one line, so that the test can compare two programs',
 * or, with the argument "execfn", its AT_EXECFN string.
 */
#include <stdio.h>
#include <string.h>
#include "auxv.h"

int main(int argc, char **argv, char **envp)
{
	const unsigned char *r;
	int i, found;

	if (argc > 1 && strcmp(argv[1], "execfn") == 0) {
		r = (const unsigned char *)aux_get(find_auxv(envp), AT_EXECFN,
						   &found);
		if (!found || !r)
			return 1;
		printf("%s\n", (const char *)r);
		return 0;
	}
	r = (const unsigned char *)aux_get(find_auxv(envp), AT_RANDOM, &found);
	if (!found || !r)
		return 1;
	for (i = 0; i < AT_RANDOM_BYTES; i++)
		printf("%02x", r[i]);
	printf("\n");
	return 0;
}
