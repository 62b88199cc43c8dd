/*
 * dirent.h - reading directories, through getdents64 (220).
 *
 * struct dirent is the kernel's linux_dirent64 record, so readdir hands
 * out pointers straight into the buffer the kernel filled.
 */
#ifndef _DIRENT_H
#define _DIRENT_H

#include <sys/types.h>

#define DT_UNKNOWN	0
#define DT_FIFO		1
#define DT_CHR		2
#define DT_DIR		4
#define DT_BLK		6
#define DT_REG		8
#define DT_LNK		10
#define DT_SOCK		12

struct dirent {
	ino_t d_ino;
	long long d_off;
	unsigned short d_reclen;	/* this record, padding included */
	unsigned char d_type;
	char d_name[256];
};

typedef struct __dir DIR;

DIR *opendir(const char *path);
struct dirent *readdir(DIR *dir);
int closedir(DIR *dir);
int getdents64(int fd, void *buf, size_t count);

#endif
