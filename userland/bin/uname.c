/* uname - print system information: -s -n -r -v -m, or -a for all. */
#include <stdio.h>
#include <unistd.h>
#include <sys/utsname.h>

#define SHOW_SYSNAME	1
#define SHOW_NODENAME	2
#define SHOW_RELEASE	4
#define SHOW_VERSION	8
#define SHOW_MACHINE	16
#define SHOW_ALL	31

static int option_bit(int c)
{
	switch (c) {
	case 's': return SHOW_SYSNAME;
	case 'n': return SHOW_NODENAME;
	case 'r': return SHOW_RELEASE;
	case 'v': return SHOW_VERSION;
	case 'm': return SHOW_MACHINE;
	case 'a': return SHOW_ALL;
	default: return -1;
	}
}

int main(int argc, char **argv)
{
	const char *fields[5];
	struct utsname u;
	int show = 0, c, first = 1;

	while ((c = getopt(argc, argv, "snrvma")) != -1) {
		if (option_bit(c) < 0) {
			fprintf(stderr, "usage: uname [-snrvma]\n");
			return 1;
		}
		show |= option_bit(c);
	}
	if (uname(&u) < 0) {
		perror("uname");
		return 1;
	}
	fields[0] = u.sysname;
	fields[1] = u.nodename;
	fields[2] = u.release;
	fields[3] = u.version;
	fields[4] = u.machine;
	for (int i = 0; i < 5; i++) {
		if (!((show ? show : SHOW_SYSNAME) & (1 << i)))
			continue;
		printf(first ? "%s" : " %s", fields[i]);
		first = 0;
	}
	putchar('\n');
	return 0;
}
