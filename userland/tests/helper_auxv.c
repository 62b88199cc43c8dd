/*
 * helper_auxv.c - run by test_auxv through execve: prints its AT_RANDOM
 * bytes in hex on one line, so that the test can compare two programs'.
 */
#include <stdio.h>
#include "auxv.h"

int main(int argc, char **argv, char **envp)
{
	const unsigned char *r;
	int i, found;

	(void)argc;
	(void)argv;
	r = (const unsigned char *)aux_get(find_auxv(envp), AT_RANDOM, &found);
	if (!found || !r)
		return 1;
	for (i = 0; i < AT_RANDOM_BYTES; i++)
		printf("%02x", r[i]);
	printf("\n");
	return 0;
}
