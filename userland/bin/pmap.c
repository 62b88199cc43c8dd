/*
 * pmap - a process's memory map, from /proc/PID/maps, as procps's pmap
 * prints it on a 32-bit system:
 *
 *	1:   /sbin/init
 *	08048000      4K r----   [ anon ]
 *	08049000     12K r-x--   [ anon ]
 *	40000000      8K rw-s-   [ shmid=0x0 ]
 *	bffe0000    128K rw---   [ stack ]
 *	 total      152K
 *
 * Columns: start address, size, permissions (read, write, execute,
 * shared, and a last one procps keeps for "no swap reserved"), and what
 * is mapped: a file's name, a shm segment by id (the maps line's inode
 * column), the stack, or anonymous memory.
 *
 *	pmap PID...
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <unistd.h>

#define CHUNK		4096
#define PERMS_LEN	4	/* "rw-s" in a maps line */

/* The whole of a file, NUL-terminated, in a malloc'd buffer; or NULL. */
static char *read_file(const char *path, int *len)
{
	int fd = open(path, O_RDONLY), n, size = CHUNK;
	char *buf = malloc(size), *bigger;

	*len = 0;
	if (fd < 0 || !buf)
		goto fail;
	while ((n = read(fd, buf + *len, size - 1 - *len)) > 0) {
		*len += n;
		if (*len < size - 1)
			continue;
		size *= 2;
		bigger = realloc(buf, size);
		if (!bigger)
			goto fail;
		buf = bigger;
	}
	if (n < 0)
		goto fail;
	buf[*len] = '\0';
	close(fd);
	return buf;
fail:
	if (fd >= 0)
		close(fd);
	free(buf);
	return NULL;
}

/* The command line with spaces between the words, or [name] if none. */
static void print_header(const char *pid)
{
	char path[64], *text, *p;
	int len, i;

	snprintf(path, sizeof(path), "/proc/%s/cmdline", pid);
	text = read_file(path, &len);
	if (text && len > 0) {
		for (i = 0; i < len - 1; i++)
			if (!text[i])
				text[i] = ' ';
		printf("%s:   %s\n", pid, text);
		free(text);
		return;
	}
	free(text);
	snprintf(path, sizeof(path), "/proc/%s/status", pid);
	text = read_file(path, &len);
	p = text ? strstr(text, "Name:\t") : NULL;
	if (p) {
		p += strlen("Name:\t");
		p[strcspn(p, "\n")] = '\0';
	}
	printf("%s:   [%s]\n", pid, p ? p : "?");
	free(text);
}

/* Skip n blank-separated fields of a maps line; returns what follows. */
static char *skip_fields(char *s, int n)
{
	while (n--) {
		s += strspn(s, " ");
		s += strcspn(s, " ");
	}
	return s + strspn(s, " ");
}

/*
 * One maps line: "start-end perms offset dev inode [name]". Prints it
 * and returns its size in KiB, or -1 for a line that is not one.
 */
static long show_line(char *line)
{
	unsigned long start, end, inode;
	char *p, *name, *slash, perms[PERMS_LEN + 2], label[64];

	start = strtoul(line, &p, 16);
	if (*p != '-')
		return -1;
	end = strtoul(p + 1, &p, 16);
	p += strspn(p, " ");
	if (strlen(p) < PERMS_LEN)
		return -1;
	snprintf(perms, sizeof(perms), "%c%c%c%c-", p[0], p[1], p[2],
		 p[3] == 's' ? 's' : '-');
	p = skip_fields(p, 3);		/* perms, offset, dev */
	inode = strtoul(p, &name, 10);
	name += strspn(name, " ");
	slash = strrchr(name, '/');
	if (!strncmp(name, "/SYSV", 5))
		snprintf(label, sizeof(label), "  [ shmid=0x%lx ]", inode);
	else if (slash)
		snprintf(label, sizeof(label), "%s", slash + 1);
	else if (!strcmp(name, "[stack]"))
		snprintf(label, sizeof(label), "  [ stack ]");
	else
		snprintf(label, sizeof(label), "  [ anon ]");
	printf("%08lx %6luK %s %s\n", start, (end - start) >> 10, perms,
	       label);
	return (end - start) >> 10;
}

static int pmap(const char *pid)
{
	char path[64], *maps, *line, *next;
	unsigned long total = 0;
	long kb;
	int len;

	snprintf(path, sizeof(path), "/proc/%s/maps", pid);
	maps = read_file(path, &len);
	if (!maps) {
		perror(path);
		return 1;
	}
	print_header(pid);
	for (line = maps; *line; line = next) {
		next = line + strcspn(line, "\n");
		if (*next)
			*next++ = '\0';
		kb = show_line(line);
		if (kb >= 0)
			total += kb;
	}
	printf(" total %8luK\n", total);
	free(maps);
	return 0;
}

int main(int argc, char **argv)
{
	int i, status = 0;

	if (argc < 2) {
		fprintf(stderr, "usage: pmap PID...\n");
		return 2;
	}
	for (i = 1; i < argc; i++)
		status |= pmap(argv[i]);
	return status;
}
