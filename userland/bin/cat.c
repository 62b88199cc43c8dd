/* cat - copy files (or standard input, also for "-") to standard output. */
#include <stdio.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

static int copy(int fd)
{
	char buf[4096];
	int n;

	while ((n = read(fd, buf, sizeof(buf))) > 0)
		if (write(STDOUT_FILENO, buf, n) != n)
			return -1;
	return n;
}

static int cat_file(const char *path)
{
	int fd = strcmp(path, "-") ? open(path, O_RDONLY) : STDIN_FILENO;
	int ret;

	if (fd < 0) {
		fprintf(stderr, "cat: %s: %s\n", path, strerror(errno));
		return 1;
	}
	ret = copy(fd);
	if (ret < 0)
		fprintf(stderr, "cat: %s: %s\n", path, strerror(errno));
	if (fd != STDIN_FILENO)
		close(fd);
	return ret < 0;
}

int main(int argc, char **argv)
{
	int failed = 0;

	if (argc < 2)
		return cat_file("-");
	for (int i = 1; i < argc; i++)
		failed |= cat_file(argv[i]);
	return failed;
}
