/*
 * mmapcat - print a file by mapping it, or write into it through a
 * shared mapping first.
 *
 *	mmapcat FILE		map FILE private and read-only, print it
 *	mmapcat -w TEXT FILE	map FILE shared and writable, copy TEXT over
 *				its first bytes, then print it
 *
 * Each page of the mapping is brought in by a page fault on its first
 * touch (do_no_page -> filemap_nopage); with -w the write lands in the
 * page cache page that read() and every other mapping of FILE see.
 */
#include <stdio.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/stat.h>

static int usage(void)
{
	fprintf(stderr, "usage: mmapcat [-w TEXT] FILE\n");
	return 2;
}

int main(int argc, char **argv)
{
	const char *text = NULL, *path;
	struct stat st;
	char *p;
	int fd;

	if (argc == 4 && !strcmp(argv[1], "-w"))
		text = argv[2];
	else if (argc != 2)
		return usage();
	path = argv[argc - 1];
	fd = open(path, text ? O_RDWR : O_RDONLY);
	if (fd < 0 || fstat(fd, &st) < 0) {
		fprintf(stderr, "mmapcat: %s: %s\n", path, strerror(errno));
		return 1;
	}
	if (!st.st_size)
		return 0;
	p = mmap(NULL, st.st_size, text ? PROT_READ | PROT_WRITE : PROT_READ,
		 text ? MAP_SHARED : MAP_PRIVATE, fd, 0);
	close(fd);
	if (p == MAP_FAILED) {
		fprintf(stderr, "mmapcat: mmap %s: %s\n", path,
			strerror(errno));
		return 1;
	}
	if (text)
		memcpy(p, text, strlen(text) < (size_t)st.st_size ?
		       strlen(text) : (size_t)st.st_size);
	write(STDOUT_FILENO, p, st.st_size);
	munmap(p, st.st_size);
	return 0;
}
