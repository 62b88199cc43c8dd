/*
 * test_proc - the /proc files, read as Linux tools read them: the same
 * program passes on Lintel and on a Linux host, so every line checked
 * here is in Linux's own format.
 *
 *   /proc/self/maps      the stack, the program's text, a shm attach
 *                        ("/SYSV<key>", rw-s, the shm id as inode)
 *   /proc/sysvipc/shm    a segment's key, shmid, perms, size, nattch
 *   /proc/meminfo        MemTotal and MemFree in kB
 *   /proc/uptime         two "seconds.hundredths" numbers
 *   /proc/self/status    Pid, PPid and Name of the caller
 *   /proc/PID/stat       pid (comm) state ppid: a sleeping child is S
 *   /proc/self/cmdline   argv, each string with its NUL
 *   /proc                lists the caller's pid and self
 *   /proc/trace          (Lintel only) the trace switch reads back
 *
 * Segments are removed and children reaped before the program ends.
 */
#include <fcntl.h>
#include <dirent.h>
#include <time.h>
#include <sys/mman.h>

#include "shm_test.h"

#define TEXT_MAX	65536	/* a whole /proc file */
#define LINE_MAX	512
#define WAIT_TRIES	1000	/* 1 ms naps for a child to go to sleep */
#define MANY_AREAS	150	/* a maps longer than a page */
#define SMALL_READ	100

static char text[TEXT_MAX];
static int saved_argc;
static char **saved_argv;

/* The whole file into text[]; its length, or -1 (errno set). */
static int slurp(const char *path)
{
	int fd = open(path, O_RDONLY), len = 0, n;

	text[0] = '\0';
	if (fd < 0)
		return -1;
	while (len < TEXT_MAX - 1 &&
	       (n = read(fd, text + len, TEXT_MAX - 1 - len)) > 0)
		len += n;
	text[len] = '\0';
	close(fd);
	return len;
}

/* Copy the line of text starting at p into line (no newline). */
static void copy_line(const char *p, char *line)
{
	int n = strcspn(p, "\n");

	if (n >= LINE_MAX)
		n = LINE_MAX - 1;
	memcpy(line, p, n);
	line[n] = '\0';
}

/* The first line of text that starts with prefix, into line; 0 if none. */
static int find_line(const char *prefix, char *line)
{
	const char *p = text;
	size_t n = strlen(prefix);

	while (*p) {
		if (!strncmp(p, prefix, n)) {
			copy_line(p, line);
			return 1;
		}
		p += strcspn(p, "\n");
		if (*p)
			p++;
	}
	return 0;
}

/* A maps line taken apart. */
struct map_line {
	unsigned long start, end, offset, inode;
	char perms[5];
	char name[LINE_MAX];
};

static int parse_map(const char *line, struct map_line *m)
{
	char *p;

	m->start = strtoul(line, &p, 16);
	if (*p++ != '-')
		return 0;
	m->end = strtoul(p, &p, 16);
	if (*p++ != ' ' || strlen(p) < 5 || p[4] != ' ')
		return 0;
	memcpy(m->perms, p, 4);
	m->perms[4] = '\0';
	m->offset = strtoul(p + 5, &p, 16);
	p += strspn(p, " ");
	p += strcspn(p, " ");			/* the device, "00:00" */
	m->inode = strtoul(p, &p, 10);
	p += strspn(p, " ");
	snprintf(m->name, sizeof(m->name), "%s", p);
	return 1;
}

/* The area of /proc/self/maps (already in text) holding addr. */
static int map_of(unsigned long addr, struct map_line *m)
{
	const char *p = text;
	char line[LINE_MAX];

	while (*p) {
		copy_line(p, line);
		if (parse_map(line, m) && m->start <= addr && addr < m->end)
			return 1;
		p += strcspn(p, "\n");
		if (*p)
			p++;
	}
	return 0;
}

static void test_maps_stack_and_text(void)
{
	struct map_line m;
	int local = 0;

	case_begin("proc_maps_stack_and_text");
	CHECK(slurp("/proc/self/maps") > 0, "read /proc/self/maps: %s",
	      strerror(errno));
	if (!map_of((unsigned long)&local, &m)) {
		FAIL("no area holds the stack variable at %p:\n%s",
		     (void *)&local, text);
	} else {
		CHECK(!strcmp(m.name, "[stack]") && !strncmp(m.perms, "rw", 2),
		      "the stack's area is rw and named [stack], got %s "
		      "\"%s\"", m.perms, m.name);
	}
	if (!map_of((unsigned long)test_maps_stack_and_text, &m))
		FAIL("no area holds the code at %p:\n%s",
		     (void *)test_maps_stack_and_text, text);
	else
		CHECK(m.perms[0] == 'r' && m.perms[2] == 'x' &&
		      m.perms[3] == 'p', "the text is r-xp, got %s", m.perms);
	case_end();
}

/* The maps line of an attach at addr, into m; 0 if none starts there. */
static int attach_line(char *addr, struct map_line *m)
{
	return slurp("/proc/self/maps") > 0 && map_of((unsigned long)addr, m) &&
	       m->start == (unsigned long)addr;
}

static void test_maps_shm_attach(void)
{
	key_t key = test_key(1);
	int id = seg_get(key, 2 * PAGE_SIZE, IPC_CREAT | IPC_EXCL | 0600);
	struct map_line m;
	char want[32], *p;

	case_begin("proc_maps_shm_attach");
	p = id < 0 ? (char *)-1 : shmat(id, NULL, 0);
	if (p == (char *)-1) {
		FAIL("shmget and shmat: %s", strerror(errno));
		case_end();
		return;
	}
	snprintf(want, sizeof(want), "/SYSV%08x", (unsigned)key);
	if (!attach_line(p, &m)) {
		FAIL("no area at the attach %p:\n%s", (void *)p, text);
	} else {
		CHECK(m.end == (unsigned long)p + 2 * PAGE_SIZE,
		      "area %08lx-%08lx, got %08lx-%08lx", (unsigned long)p,
		      (unsigned long)p + 2 * PAGE_SIZE, m.start, m.end);
		CHECK(!strcmp(m.perms, "rw-s"), "perms rw-s, got %s", m.perms);
		CHECK(!strncmp(m.name, want, strlen(want)),
		      "name %s, got \"%s\"", want, m.name);
		CHECK(m.inode == (unsigned long)id, "inode = shmid %d, got %lu",
		      id, m.inode);
		CHECK(m.offset == 0, "offset 0, got %lx", m.offset);
	}
	CHECK_OK(shmdt(p));
	CHECK(!attach_line(p, &m) || m.name[0] != '/',
	      "the area is gone after shmdt, got \"%s\"", m.name);
	CHECK_OK(seg_rm(id));
	case_end();
}

/* The /proc/sysvipc/shm line of segment id, split into its 16 columns. */
static int shm_columns(int id, long *col)
{
	const char *p = text;
	char *end;
	int i;

	if (slurp("/proc/sysvipc/shm") <= 0)
		return 0;
	for (;;) {
		p += strcspn(p, "\n");	/* the first line is the header */
		if (!*p++ || !*p)
			return 0;
		for (i = 0, end = (char *)p; i < 16; i++)
			/* perms (column 2) is octal, the rest decimal */
			col[i] = strtol(end, &end, i == 2 ? 8 : 10);
		if (col[1] == id && (*end == '\n' || !*end))
			return 1;
	}
}

static void test_sysvipc_shm(void)
{
	key_t key = test_key(2);
	int id = seg_get(key, 5000, IPC_CREAT | IPC_EXCL | 0640);
	char header[LINE_MAX], *p;
	long col[16];

	case_begin("proc_sysvipc_shm_lists_segment");
	p = id < 0 ? (char *)-1 : shmat(id, NULL, 0);
	if (p == (char *)-1) {
		FAIL("shmget and shmat: %s", strerror(errno));
		case_end();
		return;
	}
	if (!shm_columns(id, col)) {
		FAIL("no line for shmid %d in /proc/sysvipc/shm:\n%s", id,
		     text);
	} else {
		CHECK(col[0] == key, "key %d, got %ld", key, col[0]);
		CHECK(col[2] == 0640, "perms 640, got %lo", col[2]);
		CHECK(col[3] == 5000, "size 5000, got %ld", col[3]);
		CHECK(col[4] == getpid() && col[5] == getpid(),
		      "cpid and lpid %d, got %ld %ld", getpid(), col[4],
		      col[5]);
		CHECK(col[6] == 1, "nattch 1, got %ld", col[6]);
		CHECK(col[7] == (long)geteuid(), "uid %u, got %ld", geteuid(),
		      col[7]);
	}
	copy_line(text, header);
	CHECK(strstr(header, "key") && strstr(header, "shmid") &&
	      strstr(header, "nattch") && strstr(header, "swap"),
	      "a header of column names, got \"%s\"", header);
	CHECK_OK(shmdt(p));
	CHECK(shm_columns(id, col) && col[6] == 0,
	      "nattch 0 after shmdt, got %ld", col[6]);
	CHECK_OK(seg_rm(id));
	CHECK(!shm_columns(id, col), "no line after IPC_RMID");
	case_end();
}

/* "Key:   123 kB" -> 123, or -1 if the line is not there in that form. */
static long kb_value(const char *key)
{
	char line[LINE_MAX], *p;
	long v;

	if (!find_line(key, line))
		return -1;
	v = strtol(line + strlen(key), &p, 10);
	return strcmp(p, " kB") ? -1 : v;
}

static void test_meminfo(void)
{
	long total, freekb;

	case_begin("proc_meminfo_total_and_free");
	CHECK(slurp("/proc/meminfo") > 0, "read /proc/meminfo: %s",
	      strerror(errno));
	total = kb_value("MemTotal:");
	freekb = kb_value("MemFree:");
	CHECK(total > 0, "MemTotal: N kB, got %ld in:\n%s", total, text);
	CHECK(freekb > 0 && freekb <= total,
	      "MemFree: N kB with 0 < N <= %ld, got %ld", total, freekb);
	case_end();
}

/* "12.34" -> 1234 hundredths, *p past it; -1 if not in that form. */
static long hundredths(char **p)
{
	char *s = *p, *end;
	long whole = strtol(s, &end, 10);

	if (end == s || end[0] != '.' || end[1] < '0' || end[1] > '9' ||
	    end[2] < '0' || end[2] > '9')
		return -1;
	*p = end + 3;
	return whole * 100 + (end[1] - '0') * 10 + (end[2] - '0');
}

static void test_uptime(void)
{
	long up, idle;
	char *p = text;

	case_begin("proc_uptime_parses");
	CHECK(slurp("/proc/uptime") > 0, "read /proc/uptime: %s",
	      strerror(errno));
	up = hundredths(&p);
	idle = *p == ' ' ? (p++, hundredths(&p)) : -1;
	CHECK(up > 0 && idle >= 0 && !strcmp(p, "\n"),
	      "\"UP.xx IDLE.xx\\n\" with UP > 0, got \"%s\"", text);
	case_end();
}

static void test_self_status(void)
{
	char line[LINE_MAX], want[LINE_MAX];
	const char *base = strrchr(saved_argv[0], '/');

	case_begin("proc_self_status_pid");
	CHECK(slurp("/proc/self/status") > 0, "read /proc/self/status: %s",
	      strerror(errno));
	snprintf(want, sizeof(want), "Pid:\t%d", getpid());
	CHECK(find_line("Pid:", line) && !strcmp(line, want),
	      "\"%s\", got \"%s\"", want, line);
	snprintf(want, sizeof(want), "PPid:\t%d", getppid());
	CHECK(find_line("PPid:", line) && !strcmp(line, want),
	      "\"%s\", got \"%s\"", want, line);
	snprintf(want, sizeof(want), "Name:\t%.15s",
		 base ? base + 1 : saved_argv[0]);
	CHECK(find_line("Name:", line) && !strcmp(line, want),
	      "\"%s\", got \"%s\"", want, line);
	CHECK(find_line("State:\tR", line), "State: R (running), got \"%s\"",
	      find_line("State:", line) ? line : "nothing");
	case_end();
}

/* The state letter of /proc/PID/stat, after "pid (comm) "; 0 if none. */
static char stat_state(pid_t pid, pid_t *ppid)
{
	char path[32], *p;

	snprintf(path, sizeof(path), "/proc/%d/stat", pid);
	if (slurp(path) <= 0 || atoi(text) != pid)
		return 0;
	p = strrchr(text, ')');
	if (!p || p[1] != ' ' || p[3] != ' ')
		return 0;
	*ppid = atoi(p + 4);
	return p[2];
}

/* Wait (a bounded number of naps) until pid shows state, as LTP does. */
static char wait_for_state(pid_t pid, char state)
{
	struct timespec nap = { 0, 1000000 };
	pid_t ppid;
	char s = 0;
	int i;

	for (i = 0; i < WAIT_TRIES && s != state; i++) {
		s = stat_state(pid, &ppid);
		if (s != state)
			nanosleep(&nap, NULL);
	}
	return s;
}

static void test_stat_of_child(void)
{
	char path[32];
	pid_t pid, ppid;
	int status;
	char s;

	case_begin("proc_stat_sleeping_child");
	s = stat_state(getpid(), &ppid);
	CHECK(s == 'R' && ppid == getppid(), "self: R, ppid %d, got %c %d",
	      getppid(), s ? s : '?', ppid);
	pid = fork();
	if (pid == 0) {
		pause();
		_exit(0);
	}
	if (pid < 0) {
		FAIL("fork: %s", strerror(errno));
		case_end();
		return;
	}
	s = wait_for_state(pid, 'S');
	CHECK(s == 'S', "child %d in pause() is S, got %c", pid, s ? s : '?');
	CHECK(stat_state(pid, &ppid) && ppid == getpid(),
	      "child's ppid %d, got %d", getpid(), ppid);
	kill(pid, SIGKILL);
	CHECK(waitpid(pid, &status, 0) == pid, "reap child: %s",
	      strerror(errno));
	snprintf(path, sizeof(path), "/proc/%d", pid);
	CHECK_ERR(open(path, O_RDONLY), ENOENT);
	case_end();
}

static void test_cmdline(void)
{
	int len, want = 0, i;

	case_begin("proc_self_cmdline");
	len = slurp("/proc/self/cmdline");
	for (i = 0; i < saved_argc; i++) {
		CHECK(want < len && !strcmp(text + want, saved_argv[i]),
		      "argv[%d] \"%s\" at %d", i, saved_argv[i], want);
		want += strlen(saved_argv[i]) + 1;
	}
	CHECK(len == want, "%d bytes, got %d", want, len);
	case_end();
}

/*
 * Many areas (every other page read-only, so none merge): maps runs
 * past a page, read 100 bytes at a time, and again after lseek to 0.
 */
static void test_maps_long(void)
{
	char *area[MANY_AREAS], line[32];
	int fd, i, len = 0, n, again = 0;

	case_begin("proc_maps_long_small_reads");
	for (i = 0; i < MANY_AREAS; i++) {
		area[i] = mmap(NULL, PAGE_SIZE, i % 2 ? PROT_READ :
			       PROT_READ | PROT_WRITE,
			       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		if (area[i] == MAP_FAILED)
			break;
	}
	CHECK(i == MANY_AREAS, "%d mmaps, %d worked: %s", MANY_AREAS, i,
	      strerror(errno));
	fd = open("/proc/self/maps", O_RDONLY);
	CHECK(fd >= 0, "open /proc/self/maps: %s", strerror(errno));
	while (fd >= 0 && len < TEXT_MAX - SMALL_READ &&
	       (n = read(fd, text + len, SMALL_READ)) > 0)
		len += n;
	text[len] = '\0';
	CHECK(len > (int)PAGE_SIZE, "more than a page, got %d bytes", len);
	if (fd >= 0) {
		CHECK(lseek(fd, 0, SEEK_SET) == 0, "lseek to 0: %s",
		      strerror(errno));
		while ((n = read(fd, line, sizeof(line))) > 0 &&
		       !memcmp(line, text + again, n))
			again += n;
		CHECK(again == len, "the same %d bytes again, %d matched",
		      len, again);
		close(fd);
	}
	while (i-- > 0) {
		snprintf(line, sizeof(line), "%08lx-%08lx ",
			 (unsigned long)area[i],
			 (unsigned long)area[i] + PAGE_SIZE);
		CHECK(strstr(text, line), "a line for area %d, %s", i, line);
		munmap(area[i], PAGE_SIZE);
	}
	case_end();
}

/* Lintel's run-time trace switch: what is written reads back. */
static void test_trace_switch(void)
{
	char saved[64];
	int fd;

	if (slurp("/proc/trace") < 0) {
		case_skip("proc_trace_switch", "no /proc/trace (not Lintel)");
		return;
	}
	if (!am_root()) {
		case_skip("proc_trace_switch", "only root may set it");
		return;
	}
	case_begin("proc_trace_switch");
	snprintf(saved, sizeof(saved), "%s", text);
	fd = open("/proc/trace", O_WRONLY);
	CHECK(fd >= 0 && write(fd, "shm,cow\n", 8) == 8, "write shm,cow: %s",
	      strerror(errno));
	close(fd);
	slurp("/proc/trace");
	CHECK(!strcmp(text, "shm,cow\n"),
	      "reads back \"shm,cow\\n\", got \"%s\"", text);
	fd = open("/proc/trace", O_WRONLY);
	CHECK(fd >= 0 && write(fd, saved, strlen(saved)) ==
	      (int)strlen(saved), "restore %s: %s", saved, strerror(errno));
	close(fd);
	slurp("/proc/trace");
	CHECK(!strcmp(text, saved), "restored \"%s\", got \"%s\"", saved,
	      text);
	case_end();
}

static void test_readdir(void)
{
	char mine[16];
	int self = 0, pid = 0;
	struct dirent *e;
	DIR *d;

	case_begin("proc_readdir_lists_self_and_pid");
	snprintf(mine, sizeof(mine), "%d", getpid());
	d = opendir("/proc");
	if (!d) {
		FAIL("opendir /proc: %s", strerror(errno));
		case_end();
		return;
	}
	while ((e = readdir(d))) {
		if (!strcmp(e->d_name, "self"))
			self = 1;
		if (!strcmp(e->d_name, mine))
			pid = e->d_type == DT_DIR;
	}
	closedir(d);
	CHECK(self, "/proc lists self");
	CHECK(pid, "/proc lists %s as a directory", mine);
	case_end();
}

/*
 * A directory offset past 2^32 (lseek may leave any f_pos) lists nothing
 * or is refused; it once indexed /proc's tables with a truncated int.
 */
#define PROC_NR_llseek		140
#define PROC_NR_getdents64	220

static void test_readdir_far_offset(void)
{
	static const char *const dirs[] = { "/proc", "/proc/self" };
	static char buf[4096];
	long long res;

	case_begin("proc_readdir_far_offset");
	for (unsigned i = 0; i < sizeof(dirs) / sizeof(dirs[0]); i++) {
		int fd = open(dirs[i], O_RDONLY);
		long r, n;

		CHECK(fd >= 0, "open %s, errno %d", dirs[i], errno);
		r = syscall(PROC_NR_llseek, fd, 1, 1, &res, 0);
		n = syscall(PROC_NR_getdents64, fd, buf, sizeof(buf));
		CHECK(r < 0 || n == 0, "%s at offset 2^32 + 1: refused or "
		      "empty, got lseek %ld and %ld bytes", dirs[i], r, n);
		close(fd);
	}
	case_end();
}

int main(int argc, char **argv)
{
	saved_argc = argc;
	saved_argv = argv;
	seg_purge_keys();
	test_maps_stack_and_text();
	test_maps_shm_attach();
	test_sysvipc_shm();
	test_meminfo();
	test_uptime();
	test_self_status();
	test_stat_of_child();
	test_cmdline();
	test_readdir();
	test_readdir_far_offset();
	test_maps_long();
	test_trace_switch();
	seg_cleanup_all();
	return check_summary();
}
