/*
 * ls - list directories (sorted by name) and files.
 *
 *	ls [-a] [-l] [PATH...]	-a: show names starting with '.';
 *				-l: mode, links, owner, group, size, name
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <dirent.h>
#include <unistd.h>
#include <sys/stat.h>

static int show_all, long_format;

static char mode_char(mode_t mode)
{
	if (S_ISDIR(mode))
		return 'd';
	if (S_ISCHR(mode))
		return 'c';
	if (S_ISBLK(mode))
		return 'b';
	if (S_ISLNK(mode))
		return 'l';
	if (S_ISFIFO(mode))
		return 'p';
	if (S_ISSOCK(mode))
		return 's';
	return '-';
}

/* "drwxr-xr-x" */
static void format_mode(mode_t mode, char *out)
{
	const char *rwx = "rwxrwxrwx";

	out[0] = mode_char(mode);
	for (int i = 0; i < 9; i++)
		out[i + 1] = mode & (0400 >> i) ? rwx[i] : '-';
	out[10] = '\0';
}

/* name is what to print; path is where it is. */
static int show_entry(const char *path, const char *name)
{
	struct stat st;
	char mode[11];

	if (!long_format) {
		puts(name);
		return 0;
	}
	if (stat(path, &st) < 0) {
		fprintf(stderr, "ls: %s: %s\n", path, strerror(errno));
		return 1;
	}
	format_mode(st.st_mode, mode);
	printf("%s %3u %5u %5u %9lld %s\n", mode, st.st_nlink, st.st_uid,
	       st.st_gid, st.st_size, name);
	return 0;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Read every name, or NULL on failure; *count gets how many. */
static char **read_names(const char *dir, int *count)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char **names = NULL;
	int n = 0;

	if (!d)
		return NULL;
	while ((e = readdir(d))) {
		char **more;

		if (e->d_name[0] == '.' && !show_all)
			continue;
		more = realloc(names, (n + 1) * sizeof(*names));
		if (!more)
			break;
		names = more;
		names[n++] = strdup(e->d_name);
	}
	closedir(d);
	*count = n;
	return names ? names : malloc(1);
}

static int list_dir(const char *dir)
{
	char path[512];
	int n, failed = 0;
	char **names = read_names(dir, &n);

	if (!names) {
		fprintf(stderr, "ls: %s: %s\n", dir, strerror(errno));
		return 1;
	}
	qsort(names, n, sizeof(*names), by_name);
	for (int i = 0; i < n; i++) {
		snprintf(path, sizeof(path), "%s/%s", dir, names[i]);
		failed |= show_entry(path, names[i]);
		free(names[i]);
	}
	free(names);
	return failed;
}

static int list(const char *path)
{
	struct stat st;

	if (stat(path, &st) < 0) {
		fprintf(stderr, "ls: %s: %s\n", path, strerror(errno));
		return 1;
	}
	return S_ISDIR(st.st_mode) ? list_dir(path) : show_entry(path, path);
}

int main(int argc, char **argv)
{
	int c, failed = 0;

	while ((c = getopt(argc, argv, "al")) != -1) {
		if (c == 'a')
			show_all = 1;
		else if (c == 'l')
			long_format = 1;
		else
			return 2;
	}
	if (optind == argc)
		return list(".");
	for (int i = optind; i < argc; i++) {
		if (argc - optind > 1)
			printf("%s%s:\n", i > optind ? "\n" : "", argv[i]);
		failed |= list(argv[i]);
	}
	return failed;
}
