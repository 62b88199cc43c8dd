/*
 * test_procsys.c - the whole-system files under /proc that top, free,
 * ps and glibc read (stat, loadavg, mounts, cpuinfo), the shm, msg and
 * sem limits in /proc/sys/kernel (readable by all, writable by root
 * only, and a change is what shmget, msgsnd and semop then enforce),
 * and the /etc/passwd and /etc/group lines every system has (root and
 * nobody).
 */
#include <fcntl.h>
#include <unistd.h>
#include <sys/ipc.h>
#include <sys/shm.h>
#include <sys/msg.h>
#include <sys/sem.h>
#include <sys/utsname.h>
#include "check.h"
#include "child.h"

#define TEXT_MAX	8192
#define PAGE		4096
#define NOBODY		65534
#define SHMMAX_FILE	"/proc/sys/kernel/shmmax"
#define SHMMNI_FILE	"/proc/sys/kernel/shmmni"
#define MSGMAX_FILE	"/proc/sys/kernel/msgmax"
#define SMALL_MSGMAX	100
#define SEM_FILE	"/proc/sys/kernel/sem"
#define SMALL_SEMOPM	2

/* The whole text of a file, NUL-terminated, or -1. */
static int read_file(const char *path, char *buf, int size)
{
	int fd = open(path, O_RDONLY), n;

	if (fd < 0)
		return -1;
	n = read_all(fd, buf, size);
	close(fd);
	return n;
}

/* write(2) text to path: the call's result, errno kept. */
static long write_file(const char *path, const char *text)
{
	int fd = open(path, O_WRONLY);
	long n;

	if (fd < 0)
		return -1;
	n = write(fd, text, strlen(text));
	close(fd);
	return n;
}

static unsigned long read_number(const char *path)
{
	char buf[64];

	if (read_file(path, buf, sizeof(buf)) <= 0)
		return 0;
	return strtoul(buf, NULL, 10);
}

/* How many numbers follow prefix at the start of s, separated by blanks. */
static int count_numbers(const char *s, const char *prefix)
{
	char *end;
	int n = 0;

	if (strncmp(s, prefix, strlen(prefix)))
		return 0;
	s += strlen(prefix);
	for (;;) {
		strtoul(s, &end, 10);
		if (end == s)
			return n;
		n++;
		s = end;
	}
}

static void test_stat(void)
{
	static char buf[TEXT_MAX];

	case_begin("proc_stat_cpu_ctxt_btime_processes");
	CHECK(read_file("/proc/stat", buf, sizeof(buf)) > 0, "readable");
	CHECK(count_numbers(buf, "cpu ") >= 4,
	      "a \"cpu\" line of ticks first, got %.40s", buf);
	CHECK(strstr(buf, "\ncpu0 ") != NULL, "a cpu0 line");
	CHECK(strstr(buf, "\nctxt ") && strstr(buf, "\nbtime ") &&
	      strstr(buf, "\nprocesses ") && strstr(buf, "\nprocs_running "),
	      "ctxt, btime, processes and procs_running lines");
	case_end();
}

/* One "N.NN " of /proc/loadavg: digits, a dot, two digits, a blank. */
static const char *skip_load(const char *s)
{
	char *end;

	strtoul(s, &end, 10);
	if (end == s || end[0] != '.' || end[1] < '0' || end[1] > '9' ||
	    end[2] < '0' || end[2] > '9' || end[3] != ' ')
		return NULL;
	return end + 4;
}

static void test_loadavg(void)
{
	char buf[128], *end;
	const char *s = buf;
	long running = 0, total = 0;
	int i;

	case_begin("proc_loadavg_format");
	CHECK(read_file("/proc/loadavg", buf, sizeof(buf)) > 0, "readable");
	for (i = 0; i < 3 && s; i++)
		s = skip_load(s);
	CHECK(s != NULL, "three loads \"N.NN\", got %s", buf);
	if (s) {
		running = strtol(s, &end, 10);
		CHECK(*end == '/', "running/total, got %s", s);
		total = strtol(end + 1, &end, 10);
		CHECK(*end == ' ' && strtol(end, NULL, 10) > 0,
		      "then the last pid, got %s", s);
	}
	CHECK(running >= 1 && total >= running,
	      "this process runs: %ld of %ld", running, total);
	case_end();
}

static void test_mounts_cpuinfo(void)
{
	static char buf[TEXT_MAX];

	case_begin("proc_mounts_and_cpuinfo");
	CHECK(read_file("/proc/mounts", buf, sizeof(buf)) > 0, "readable");
	CHECK(strstr(buf, " /proc proc ") != NULL,
	      "/proc mounted, type proc, in %s", buf);
	CHECK(read_file("/proc/cpuinfo", buf, sizeof(buf)) > 0, "readable");
	CHECK(!strncmp(buf, "processor\t: 0", 13), "processor 0 first");
	CHECK(strstr(buf, "\nvendor_id\t: ") && strstr(buf, "\nflags\t\t: ") &&
	      strstr(buf, " fpu"), "vendor_id and flags lines, fpu among them");
	case_end();
}

static void test_shm_limits_read(void)
{
	struct shminfo info;

	case_begin("proc_sys_shm_limits_read");
	CHECK(shmctl(0, IPC_INFO, (struct shmid_ds *)&info) >= 0,
	      "IPC_INFO, errno %d", errno);
	CHECK(read_number(SHMMNI_FILE) == info.shmmni,
	      "shmmni %lu as IPC_INFO says, got %lu", info.shmmni,
	      read_number(SHMMNI_FILE));
	CHECK(read_number("/proc/sys/kernel/shmall") > 0, "shmall a number");
	CHECK(read_number(SHMMAX_FILE) > 0, "shmmax a number");
	case_end();
}

static int write_as_nobody(void *arg)
{
	(void)arg;
	if (setuid(NOBODY))
		return 2;
	errno = 0;
	return open(SHMMNI_FILE, O_WRONLY) < 0 && errno == EACCES ? 0 : 1;
}

static void test_shm_limits_write_rules(void)
{
	char text[32];
	unsigned long mni = read_number(SHMMNI_FILE);
	int status;

	case_begin("proc_sys_shm_limits_root_writes");
	snprintf(text, sizeof(text), "%lu\n", mni);
	CHECK(write_file(SHMMNI_FILE, text) == (long)strlen(text),
	      "root writes the value back, errno %d", errno);
	CHECK_ERR(write_file(SHMMNI_FILE, "lots\n"), EINVAL);
	CHECK(read_number(SHMMNI_FILE) == mni, "unchanged: %lu", mni);
	status = run_in_child(write_as_nobody, NULL);
	CHECK(status == 0, "nobody may not open it for writing: %s",
	      describe_status(status));
	case_end();
}

/* Lowering shmmax makes a larger shmget fail; a change for everyone. */
static void test_shmmax_takes_effect(void)
{
	char text[32];
	unsigned long max;
	int id;

	if (!on_lintel()) {
		case_skip("proc_sys_shmmax_takes_effect", "would change the "
			  "host's shm limit under its other users");
		return;
	}
	case_begin("proc_sys_shmmax_takes_effect");
	max = read_number(SHMMAX_FILE);
	CHECK(write_file(SHMMAX_FILE, "8192\n") == 5, "shmmax 8192");
	CHECK_ERR(shmget(IPC_PRIVATE, 4 * PAGE, IPC_CREAT | 0600), EINVAL);
	id = shmget(IPC_PRIVATE, 2 * PAGE, IPC_CREAT | 0600);
	CHECK(id >= 0, "8192 bytes still fit, errno %d", errno);
	if (id >= 0)
		shmctl(id, IPC_RMID, NULL);
	snprintf(text, sizeof(text), "%lu", max);
	CHECK(write_file(SHMMAX_FILE, text) == (long)strlen(text),
	      "shmmax back to %lu", max);
	CHECK(read_number(SHMMAX_FILE) == max, "restored");
	case_end();
}

/* Lowering msgmax makes a larger msgsnd fail with EINVAL. */
static void test_msgmax_takes_effect(void)
{
	struct {
		long mtype;
		char mtext[SMALL_MSGMAX + 1];
	} m = { 1, "" };
	char text[32];
	unsigned long max;
	int id;

	if (!on_lintel()) {
		case_skip("proc_sys_msgmax_takes_effect", "would change the "
			  "host's msg limit under its other users");
		return;
	}
	case_begin("proc_sys_msgmax_takes_effect");
	max = read_number(MSGMAX_FILE);
	id = msgget(IPC_PRIVATE, IPC_CREAT | 0600);
	CHECK(id >= 0, "a queue, errno %d", errno);
	snprintf(text, sizeof(text), "%d\n", SMALL_MSGMAX);
	CHECK(write_file(MSGMAX_FILE, text) == (long)strlen(text),
	      "msgmax %d, errno %d", SMALL_MSGMAX, errno);
	CHECK(read_number(MSGMAX_FILE) == SMALL_MSGMAX, "read back");
	CHECK_ERR(msgsnd(id, &m, SMALL_MSGMAX + 1, IPC_NOWAIT), EINVAL);
	CHECK(msgsnd(id, &m, SMALL_MSGMAX, IPC_NOWAIT) == 0,
	      "%d bytes still fit, errno %d", SMALL_MSGMAX, errno);
	CHECK_ERR(write_file(MSGMAX_FILE, "9999999999\n"), EINVAL);
	snprintf(text, sizeof(text), "%lu", max);
	CHECK(write_file(MSGMAX_FILE, text) == (long)strlen(text),
	      "msgmax back to %lu", max);
	CHECK(read_number(MSGMAX_FILE) == max, "restored");
	msgctl(id, IPC_RMID, NULL);
	case_end();
}

/* Lowering semopm (kernel.sem's third number) makes a longer semop E2BIG. */
static void test_semopm_takes_effect(void)
{
	struct sembuf ops[SMALL_SEMOPM + 1];
	unsigned long msl, mns, opm, mni;
	char old[64], text[64], *end;
	int id, i;

	if (!on_lintel()) {
		case_skip("proc_sys_sem_takes_effect", "would change the "
			  "host's sem limits under its other users");
		return;
	}
	case_begin("proc_sys_sem_takes_effect");
	CHECK(read_file(SEM_FILE, old, sizeof(old)) > 0, "read kernel.sem");
	msl = strtoul(old, &end, 10);
	mns = strtoul(end, &end, 10);
	opm = strtoul(end, &end, 10);
	mni = strtoul(end, &end, 10);
	CHECK(msl && mns && opm && mni && *end == '\n',
	      "four numbers: \"%s\"", old);
	id = semget(IPC_PRIVATE, 1, IPC_CREAT | 0600);
	CHECK(id >= 0, "a set, errno %d", errno);
	for (i = 0; i <= SMALL_SEMOPM; i++)
		ops[i] = (struct sembuf){ 0, 1, IPC_NOWAIT };
	snprintf(text, sizeof(text), "%lu %lu %d %lu\n", msl, mns,
		 SMALL_SEMOPM, mni);
	CHECK(write_file(SEM_FILE, text) == (long)strlen(text),
	      "semopm %d, errno %d", SMALL_SEMOPM, errno);
	CHECK_ERR(semop(id, ops, SMALL_SEMOPM + 1), E2BIG);
	CHECK(semop(id, ops, SMALL_SEMOPM) == 0, "%d operations still go, "
	      "errno %d", SMALL_SEMOPM, errno);
	CHECK_ERR(write_file(SEM_FILE, "32 4096\n"), EINVAL);
	CHECK(write_file(SEM_FILE, old) == (long)strlen(old),
	      "the old limits back, errno %d", errno);
	CHECK(read_file(SEM_FILE, text, sizeof(text)) > 0 &&
	      !strcmp(text, old), "restored: \"%s\"", text);
	semctl(id, 0, IPC_RMID);
	case_end();
}

static void test_etc(void)
{
	static char buf[TEXT_MAX];

	case_begin("etc_passwd_group_root_and_nobody");
	CHECK(read_file("/etc/passwd", buf, sizeof(buf)) > 0, "readable");
	CHECK(!strncmp(buf, "root:x:0:0:", 11) || strstr(buf, "\nroot:x:0:0:"),
	      "a root line");
	CHECK(strstr(buf, "\nnobody:x:65534:65534:") != NULL,
	      "a nobody line, uid and gid 65534");
	CHECK(read_file("/etc/group", buf, sizeof(buf)) > 0, "readable");
	CHECK(!strncmp(buf, "root:x:0:", 9) || strstr(buf, "\nroot:x:0:"),
	      "a root group");
	case_end();
}

int main(void)
{
	test_stat();
	test_loadavg();
	test_mounts_cpuinfo();
	test_shm_limits_read();
	test_shm_limits_write_rules();
	test_shmmax_takes_effect();
	test_msgmax_takes_effect();
	test_semopm_takes_effect();
	test_etc();
	return check_summary();
}
