/*
 * ps - list processes from /proc/<pid>/status:
 *
 *	  PID  PPID   UID S   RSS(KiB) COMMAND
 *
 * Without /proc there is no way to see other processes; ps then says so
 * and shows itself.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <dirent.h>
#include <unistd.h>

#define STATUS_SIZE	4096
#define MAX_PROCS	1024

/* The first word after "Key:" at the start of a line, or "-". */
static const char *field(const char *status, const char *key, char *out,
			 int size)
{
	size_t n = strlen(key);
	const char *line = status;

	while (line) {
		if (!strncmp(line, key, n) && line[n] == ':') {
			line += n + 1;
			line += strspn(line, " \t");
			snprintf(out, size, "%.*s", (int)strcspn(line, "\n\t "),
				 line);
			return out;
		}
		line = strchr(line, '\n');
		if (line)
			line++;
	}
	snprintf(out, size, "-");
	return out;
}

static int read_status(int pid, char *buf, int size)
{
	char path[32];
	int fd, n, len = 0;

	snprintf(path, sizeof(path), "/proc/%d/status", pid);
	fd = open(path, O_RDONLY);
	if (fd < 0)
		return -1;
	while (len < size - 1 && (n = read(fd, buf + len, size - 1 - len)) > 0)
		len += n;
	buf[len] = '\0';
	close(fd);
	return len;
}

static void show(int pid)
{
	char status[STATUS_SIZE], ppid[16], uid[16], state[8], rss[16];
	char name[64];

	if (read_status(pid, status, sizeof(status)) <= 0)
		return;		/* it exited while we looked */
	printf("%5d %5s %5s %s %9s %s\n", pid,
	       field(status, "PPid", ppid, sizeof(ppid)),
	       field(status, "Uid", uid, sizeof(uid)),
	       field(status, "State", state, sizeof(state)),
	       field(status, "VmRSS", rss, sizeof(rss)),
	       field(status, "Name", name, sizeof(name)));
}

static int by_number(const void *a, const void *b)
{
	return *(const int *)a - *(const int *)b;
}

static int collect_pids(DIR *proc, int *pids)
{
	struct dirent *e;
	int n = 0;

	while ((e = readdir(proc)) && n < MAX_PROCS)
		if (isdigit(e->d_name[0]))
			pids[n++] = atoi(e->d_name);
	return n;
}

static int show_self_only(const char *why)
{
	fprintf(stderr, "ps: /proc: %s; only this process is known\n", why);
	printf("%5d %5d %5u R %9s ps\n", getpid(), getppid(), getuid(), "-");
	return 1;
}

int main(void)
{
	static int pids[MAX_PROCS];
	DIR *proc = opendir("/proc");
	int n;

	printf("%5s %5s %5s %s %9s %s\n", "PID", "PPID", "UID", "S",
	       "RSS(KiB)", "COMMAND");
	if (!proc)
		return show_self_only(strerror(errno));
	n = collect_pids(proc, pids);
	closedir(proc);
	if (n == 0)
		return show_self_only("no processes listed");
	qsort(pids, n, sizeof(int), by_number);
	for (int i = 0; i < n; i++)
		show(pids[i]);
	return 0;
}
