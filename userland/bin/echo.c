/* echo - print the arguments, separated by spaces; -n: no newline. */
#include <stdio.h>
#include <string.h>

int main(int argc, char **argv)
{
	int newline = 1, i = 1;

	if (argc > 1 && !strcmp(argv[1], "-n")) {
		newline = 0;
		i++;
	}
	for (; i < argc; i++)
		printf(i + 1 < argc ? "%s " : "%s", argv[i]);
	if (newline)
		putchar('\n');
	return 0;
}
