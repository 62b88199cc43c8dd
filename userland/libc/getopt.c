/*
 * getopt.c - POSIX command-line option parsing.
 *
 * "-ab -c arg -carg -- rest": optind is the next argv element, and a
 * static position remembers where we are inside a group like "-ab".
 */
#include <unistd.h>
#include <string.h>
#include <stdio.h>

char *optarg;
int optind = 1, opterr = 1, optopt;

static int group_pos = 1;	/* next letter inside argv[optind] */

/*
 * A leading ':' in optstring asks for silence, and for ':' rather than
 * '?' when only the argument is missing.
 */
static int opt_error(const char *optstring, const char *prog,
		     const char *what, int c, int missing_arg)
{
	optopt = c;
	if (opterr && optstring[0] != ':')
		fprintf(stderr, "%s: %s -- '%c'\n", prog, what, c);
	return optstring[0] == ':' && missing_arg ? ':' : '?';
}

/* The option needs an argument: the rest of this word, or the next. */
static int take_argument(int argc, char *const argv[], const char *optstring,
			 int c)
{
	char *word = argv[optind];

	if (word[group_pos + 1]) {
		optarg = word + group_pos + 1;
	} else if (optind + 1 < argc) {
		optarg = argv[++optind];
	} else {
		optind++;
		group_pos = 1;
		return opt_error(optstring, argv[0],
				 "option requires an argument", c, 1);
	}
	optind++;
	group_pos = 1;
	return c;
}

int getopt(int argc, char *const argv[], const char *optstring)
{
	char *word, *spec;
	int c;

	optarg = NULL;
	if (optind >= argc || !argv[optind] || argv[optind][0] != '-' ||
	    !argv[optind][1])
		return -1;
	if (!strcmp(argv[optind], "--")) {
		optind++;
		return -1;
	}
	word = argv[optind];
	c = word[group_pos];
	spec = c == ':' ? NULL : strchr(optstring, c);
	if (spec && spec[1] == ':')
		return take_argument(argc, argv, optstring, c);
	if (!word[++group_pos]) {
		optind++;
		group_pos = 1;
	}
	if (!spec)
		return opt_error(optstring, argv[0], "invalid option", c, 0);
	return c;
}
