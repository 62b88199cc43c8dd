/*
 * helper_tls.c - run by test_tls through execve: exits 0 when TLS slot
 * argv[1] is empty and %fs is 0, as a new program must find them; 1 when
 * the slot still holds a segment, 2 when %fs survived, 3 on a bad call.
 */
#include <stdlib.h>
#include "tls.h"

int main(int argc, char **argv)
{
	struct tls_desc d = { 0, 0, 0, 0 };

	if (argc < 2)
		return 3;
	d.entry_number = atoi(argv[1]);
	if (get_tls(&d))
		return 3;
	if (d.base_addr || d.limit || d.flags != TLS_EMPTY_FLAGS)
		return 1;
	return get_fs() == 0 ? 0 : 2;
}
