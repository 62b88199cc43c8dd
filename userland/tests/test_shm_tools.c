/*
 * test_shm_tools - the shm programs a student runs, run as a student
 * would: shmwriter then shmreader as separate processes, shmpingpong,
 * ipcs and ipcrm. Each is exec'd from ../bin beside this program's
 * directory (host: build/user/bin, guest: /bin) with its output read
 * back through a pipe.
 */
#include "shm_test.h"

static char bin_dir[256];

#define OUT_MAX	4096

/*
 * Run bin_dir/argv[0] with argv, stdout and stderr both into out (NUL
 * terminated). Returns the wait status, or -1 if it could not be run.
 */
static int run(char *const argv[], char *out)
{
	char path[320];
	int fds[2], status;
	size_t len = 0;
	ssize_t n;
	pid_t pid;

	snprintf(path, sizeof(path), "%s%s", bin_dir, argv[0]);
	out[0] = '\0';
	if (pipe(fds) < 0)
		return -1;
	pid = fork_child();
	if (pid == 0) {
		dup2(fds[1], STDOUT_FILENO);
		dup2(fds[1], STDERR_FILENO);
		close(fds[0]);
		close(fds[1]);
		execv(path, argv);
		_exit(127);
	}
	close(fds[1]);
	if (pid < 0) {
		close(fds[0]);
		return -1;
	}
	while (len < OUT_MAX - 1 &&
	       (n = read(fds[0], out + len, OUT_MAX - 1 - len)) > 0)
		len += n;
	out[len] = '\0';
	close(fds[0]);
	if (waitpid(pid, &status, 0) != pid)
		return -1;
	return status;
}

static int exited(int status, int code)
{
	return status != -1 && WIFEXITED(status) &&
	       WEXITSTATUS(status) == code;
}

/* shmwriter in one process, shmreader in another: the text comes back. */
static void test_writer_then_reader(void)
{
	char out[OUT_MAX], keyarg[16], want[64];
	char *writer[] = { "shmwriter", keyarg, "hello", "from", "lintel",
			   NULL };
	char *reader[] = { "shmreader", keyarg, NULL };
	key_t key = test_key(1);
	int status, id;

	case_begin("tools_writer_then_reader");
	snprintf(keyarg, sizeof(keyarg), "0x%x", key);
	status = run(writer, out);
	CHECK(exited(status, 0), "shmwriter exits 0, status 0x%x: %s", status,
	      out);
	id = seg_track(shmget(key, 0, 0));
	snprintf(want, sizeof(want), "shmwriter: wrote 17 bytes to key "
		 "0x%08x (shmid %d)\n", (unsigned)key, id);
	CHECK(strcmp(out, want) == 0, "shmwriter says \"%s\", got \"%s\"",
	      want, out);
	CHECK(nattch_of(id) == 0, "shmwriter detached, nattch %ld",
	      nattch_of(id));
	status = run(reader, out);
	CHECK(exited(status, 0), "shmreader exits 0, status 0x%x", status);
	CHECK(strcmp(out, "hello from lintel\n") == 0,
	      "shmreader prints the text, got \"%s\"", out);
	/* A second writer reuses the segment; a shorter text replaces it. */
	writer[2] = "bye";
	writer[3] = NULL;
	status = run(writer, out);
	CHECK(exited(status, 0) && shmget(key, 0, 0) == id,
	      "a second shmwriter reuses segment %d", id);
	status = run(reader, out);
	CHECK(strcmp(out, "bye\n") == 0, "shmreader prints \"bye\", got "
	      "\"%s\"", out);
	seg_rm(id);
	case_end();
}

static void test_reader_missing_key(void)
{
	char out[OUT_MAX], keyarg[16];
	char *reader[] = { "shmreader", keyarg, NULL };

	case_begin("tools_reader_missing_key");
	snprintf(keyarg, sizeof(keyarg), "%d", test_key(2));
	CHECK(exited(run(reader, out), 1), "shmreader of a missing key exits "
	      "1: %s", out);
	CHECK(strstr(out, "no such segment") != NULL,
	      "and says so, got \"%s\"", out);
	case_end();
}

/* shmpingpong passes exactly N messages, half each way. */
static void test_pingpong_count(void)
{
	char *argv[] = { "shmpingpong", "200", NULL };
	struct abi_shmid64_ds ds;
	char out[OUT_MAX];
	char *line;
	int status, id = -1;

	case_begin("tools_pingpong_count");
	status = run(argv, out);
	CHECK(exited(status, 0), "shmpingpong 200 exits 0, status 0x%x: %s",
	      status, out);
	CHECK(strstr(out, "shmpingpong: 200 messages passed (ping sent 100, "
		     "pong sent 100)\n") != NULL,
	      "200 messages, 100 each way, got \"%s\"", out);
	line = strstr(out, "through shmid ");
	if (line)
		id = atoi(line + strlen("through shmid "));
	CHECK(line && id >= 0, "it names its segment, got \"%s\"", out);
	/* Removed at once, it went with the two processes' attaches. */
	if (line)
		CHECK_ERR(stat64_of(id, &ds), EINVAL);
	case_end();
}

/* What util-linux's ipcs -m prints first, and then for each segment. */
#define IPCS_HEADING \
	"\n------ Shared Memory Segments --------\n" \
	"key        shmid      owner      perms      bytes      nattch     " \
	"status      \n"

static void ipcs_line(char *buf, size_t size, key_t key, int id,
		      const char *owner, int mode, unsigned int bytes,
		      unsigned long nattch, const char *dest)
{
	snprintf(buf, size, "0x%08x %-10d %-10s %-10o %-10u %-10lu %-6s "
		 "%-6s\n", (unsigned)key, id, owner, mode, bytes, nattch, dest,
		 " ");
}

static void test_ipcs_lists_segment(void)
{
	char out[OUT_MAX], line[128], owner[16];
	char *argv[] = { "ipcs", "-m", NULL };
	char *bare[] = { "ipcs", NULL };
	key_t key = test_key(3);
	char *p;
	int id;

	case_begin("tools_ipcs_lists_segment");
	if (geteuid() == 0)
		strcpy(owner, "root");
	else
		snprintf(owner, sizeof(owner), "%u", geteuid());
	id = seg_get(key, 5000, IPC_CREAT | IPC_EXCL | 0640);
	p = shmat(id, NULL, 0);
	CHECK(p != (void *)-1, "create and attach, errno %d", errno);
	CHECK(exited(run(argv, out), 0), "ipcs -m exits 0");
	CHECK(strncmp(out, IPCS_HEADING, strlen(IPCS_HEADING)) == 0,
	      "util-linux's heading, got \"%.120s\"", out);
	ipcs_line(line, sizeof(line), key, id, owner, 0640, 5000, 1, " ");
	CHECK(strstr(out, line) != NULL, "ipcs -m shows \"%s\" in \"%s\"",
	      line, out);
	CHECK(exited(run(bare, out), 0) && strstr(out, line) != NULL,
	      "plain ipcs shows it too");
	seg_rm(id);
	CHECK(exited(run(argv, out), 0), "ipcs -m exits 0");
	ipcs_line(line, sizeof(line), IPC_PRIVATE, id, owner, 0640, 5000, 1,
		  "dest");
	CHECK(strstr(out, line) != NULL, "removed while attached: \"%s\" in "
	      "\"%s\"", line, out);
	if (p != (void *)-1)
		shmdt(p);
	case_end();
}

static void test_ipcs_limits_summary(void)
{
	char *limits[] = { "ipcs", "-l", NULL };
	char *summary[] = { "ipcs", "-u", NULL };
	struct abi_shminfo64 si;
	char out[OUT_MAX], want[64];

	case_begin("tools_ipcs_limits_summary");
	CHECK(ipc_info(&si) >= 0, "IPC_INFO, errno %d", errno);
	CHECK(exited(run(limits, out), 0), "ipcs -l exits 0");
	snprintf(want, sizeof(want), "max number of segments = %u\n",
		 si.shmmni);
	CHECK(strstr(out, "------ Shared Memory Limits --------\n") &&
	      strstr(out, want) && strstr(out, "min seg size (bytes) = 1\n"),
	      "ipcs -l shows \"%s\", got \"%s\"", want, out);
	CHECK(exited(run(summary, out), 0), "ipcs -u exits 0");
	CHECK(strstr(out, "------ Shared Memory Status --------\n") &&
	      strstr(out, "segments allocated ") &&
	      strstr(out, "pages allocated "),
	      "ipcs -u shows the totals, got \"%s\"", out);
	case_end();
}

static void test_ipcrm(void)
{
	char out[OUT_MAX], idarg[16], keyarg[16];
	char *by_id[] = { "ipcrm", "-m", idarg, NULL };
	char *by_key[] = { "ipcrm", "-M", keyarg, NULL };
	key_t key = test_key(4);
	int a, b;

	case_begin("tools_ipcrm");
	a = seg_new(PAGE_SIZE);
	b = seg_get(key, PAGE_SIZE, IPC_CREAT | IPC_EXCL | 0600);
	snprintf(idarg, sizeof(idarg), "%d", a);
	snprintf(keyarg, sizeof(keyarg), "0x%x", key);
	CHECK(exited(run(by_id, out), 0), "ipcrm -m %d exits 0: %s", a, out);
	CHECK(nattch_of(a) == -1 && errno == EINVAL, "segment %d gone", a);
	CHECK(exited(run(by_key, out), 0), "ipcrm -M %s exits 0: %s", keyarg,
	      out);
	CHECK_ERR(shmget(key, 0, 0), ENOENT);
	CHECK(nattch_of(b) == -1 && errno == EINVAL, "segment %d gone", b);
	seg_untrack(a);
	seg_untrack(b);
	CHECK(exited(run(by_id, out), 1), "ipcrm of a gone id exits 1: %s",
	      out);
	CHECK(exited(run(by_key, out), 1), "ipcrm of a gone key exits 1: %s",
	      out);
	case_end();
}

/* Bad arguments: a usage line and a non-zero exit, from every program. */
static void test_usage_lines(void)
{
	static char *const cases[][4] = {
		{ "shmwriter", NULL },
		{ "shmwriter", "notakey", "text", NULL },
		{ "shmwriter", "0", "text", NULL },
		{ "shmreader", NULL },
		{ "shmreader", "1", "2", NULL },
		{ "shmpingpong", "-3", NULL },
		{ "shmpingpong", "many", NULL },
		{ "ipcs", "-x", NULL },
		{ "ipcs", "extra", NULL },
		{ "ipcrm", NULL },
		{ "ipcrm", "-z", NULL },
		{ "ipcrm", "-m", NULL },
	};
	char out[OUT_MAX];
	unsigned int i;
	int status;

	case_begin("tools_usage_lines");
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		status = run(cases[i], out);
		CHECK(status != -1 && WIFEXITED(status) &&
		      WEXITSTATUS(status) != 0 && WEXITSTATUS(status) != 127 &&
		      strstr(out, "usage: ") != NULL,
		      "%s %s: a usage line and a failing exit, got status "
		      "0x%x \"%s\"", cases[i][0], cases[i][1] ? cases[i][1] : "",
		      status, out);
	}
	case_end();
}

int main(int argc, char **argv)
{
	(void)argc;
	prog_dir(argv[0], bin_dir, sizeof(bin_dir) - 8);
	strcat(bin_dir, "../bin/");
	seg_purge_keys();
	test_writer_then_reader();
	test_reader_missing_key();
	test_pingpong_count();
	test_ipcs_lists_segment();
	test_ipcs_limits_summary();
	test_ipcrm();
	test_usage_lines();
	seg_cleanup_all();
	return check_summary();
}
