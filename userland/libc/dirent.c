/*
 * dirent.c - opendir/readdir/closedir over getdents64.
 */
#include <dirent.h>
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/syscall.h>

#define DIR_BUF_SIZE	2048

struct __dir {
	int fd;
	int pos;		/* next record in buf */
	int len;		/* bytes the last getdents64 gave */
	char buf[DIR_BUF_SIZE];
};

int getdents64(int fd, void *buf, size_t count)
{
	return syscall(__NR_getdents64, fd, buf, count);
}

DIR *opendir(const char *path)
{
	int fd = open(path, O_RDONLY | O_DIRECTORY);
	DIR *dir;

	if (fd < 0)
		return NULL;
	dir = malloc(sizeof(*dir));
	if (!dir) {
		close(fd);
		return NULL;
	}
	dir->fd = fd;
	dir->pos = dir->len = 0;
	return dir;
}

/* NULL at the end of the directory (errno untouched) or on error. */
struct dirent *readdir(DIR *dir)
{
	struct dirent *d;

	if (dir->pos >= dir->len) {
		dir->len = getdents64(dir->fd, dir->buf, sizeof(dir->buf));
		dir->pos = 0;
		if (dir->len <= 0)
			return NULL;
	}
	d = (struct dirent *)(dir->buf + dir->pos);
	dir->pos += d->d_reclen;
	return d;
}

int closedir(DIR *dir)
{
	int ret = close(dir->fd);

	free(dir);
	return ret;
}
