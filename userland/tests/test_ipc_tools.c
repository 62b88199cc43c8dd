/*
 * test_ipc_tools - ipcs and ipcrm on semaphore arrays and message
 * queues, run as a student would (exec'd from ../bin beside this
 * program's directory, output read back through a pipe): util-linux's
 * sections and columns, -s -q -a -l -u -c -p, -i id, and ipcrm -s -S
 * -q -Q; and the demos: semconsumer and semproducer sharing a ring in
 * shared memory guarded by semaphores, and msgdemo's server and client.
 */
#include "ipc_test.h"

/* big: on a busy host plain ipcs lists thousands of other segments */
#define OUT_MAX	(1 << 20)

static char bin_dir[256];
static char out[OUT_MAX];

/* Start bin_dir/argv[0] with its stdout and stderr into a pipe (*fd). */
static pid_t start(char *const argv[], int *fd)
{
	char path[320];
	int fds[2];
	pid_t pid;

	snprintf(path, sizeof(path), "%s%s", bin_dir, argv[0]);
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
	*fd = fds[0];
	return pid;
}

/* Read fd to its end into buf; wait for pid. The wait status. */
static int finish(pid_t pid, int fd, char *buf, size_t size)
{
	size_t len = 0;
	ssize_t n;
	int status;

	while (len < size - 1 && (n = read(fd, buf + len, size - 1 - len)) > 0)
		len += n;
	buf[len] = '\0';
	close(fd);
	if (pid < 0 || waitpid(pid, &status, 0) != pid)
		return -1;
	return status;
}

/* Run bin_dir/argv[0]; stdout and stderr into buf. The wait status. */
static int run(char *const argv[], char *buf)
{
	char path[320];
	int fds[2], status;
	size_t len = 0;
	ssize_t n;
	pid_t pid;

	snprintf(path, sizeof(path), "%s%s", bin_dir, argv[0]);
	buf[0] = '\0';
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
	while (len < OUT_MAX - 1 &&
	       (n = read(fds[0], buf + len, OUT_MAX - 1 - len)) > 0)
		len += n;
	buf[len] = '\0';
	close(fds[0]);
	if (pid < 0 || waitpid(pid, &status, 0) != pid)
		return -1;
	return status;
}

static int exited_with(int status, int code)
{
	return status != -1 && WIFEXITED(status) &&
	       WEXITSTATUS(status) == code;
}

static void test_lists(void)
{
	char *all[] = { "ipcs", NULL }, *sems[] = { "ipcs", "-s", NULL };
	char *msgs[] = { "ipcs", "-q", NULL }, *a[] = { "ipcs", "-a", NULL };
	char sline[128], qline[128];
	int sid = sem_new(test_key(30), 3, IPC_CREAT | 0640);
	int qid = msq_new(test_key(31), IPC_CREAT | 0604);
	struct { long t; char x[8]; } m = { 1, "abcde" };

	case_begin("tools_ipcs_lists_arrays_and_queues");
	msgsnd(qid, &m, 5, 0);
	snprintf(sline, sizeof(sline), "0x%08x %-10d %-10s %-10o %-10u\n",
		 (unsigned)test_key(30), sid, "root", 0640, 3);
	snprintf(qline, sizeof(qline), "0x%08x %-10d %-10s %-10o %-12u "
		 "%-12u\n", (unsigned)test_key(31), qid, "root", 0604, 5, 1);
	CHECK(exited_with(run(sems, out), 0) && strstr(out, sline) &&
	      strstr(out, "\n------ Semaphore Arrays --------\nkey        "
		     "semid      owner      perms      nsems     \n") &&
	      !strstr(out, "Message"), "ipcs -s: want \"%s\" in \"%s\"",
	      sline, out);
	CHECK(exited_with(run(msgs, out), 0) && strstr(out, qline) &&
	      strstr(out, "\n------ Message Queues --------\nkey        "
		     "msqid      owner      perms      used-bytes   messages"
		     "    \n") && !strstr(out, "Semaphore"),
	      "ipcs -q: want \"%s\" in \"%.2000s\"", qline, out);
	CHECK(exited_with(run(all, out), 0) && strstr(out, sline) &&
	      strstr(out, qline) && strstr(out, "Shared Memory Segments") &&
	      strstr(out, "Message Queues") < strstr(out, "Shared Memory") &&
	      strstr(out, "Shared Memory") < strstr(out, "Semaphore Arrays"),
	      "plain ipcs: queues, shm, arrays in that order: \"%.2000s\"",
	      out);
	CHECK(exited_with(run(a, out), 0) && strstr(out, sline) &&
	      strstr(out, qline), "ipcs -a shows both");
	case_end();
}

static void test_limits_summary_details(void)
{
	char *limits[] = { "ipcs", "-s", "-q", "-l", NULL };
	char *summary[] = { "ipcs", "-s", "-u", NULL };
	char idarg[16], *info[] = { "ipcs", "-s", "-i", idarg, NULL };
	char *qinfo[] = { "ipcs", "-q", "-i", idarg, NULL };
	char want[128];
	struct abi_seminfo si;
	struct abi_msginfo mi;
	int sid = sem_new(IPC_PRIVATE, 2, 0600), qid;

	case_begin("tools_ipcs_limits_summary_and_one_object");
	sys_semctl(0, 0, IPC_INFO, (unsigned long)&si);
	sys_msgctl(0, IPC_INFO, &mi);
	snprintf(want, sizeof(want), "max semaphores per array = %d\n"
		 "max semaphores system wide = %d\nmax ops per semop call = "
		 "%d\n", si.semmsl, si.semmns, si.semopm);
	CHECK(exited_with(run(limits, out), 0) && strstr(out, want) &&
	      strstr(out, "------ Messages Limits --------\n"),
	      "ipcs -s -q -l: want \"%s\" in \"%.2000s\"", want, out);
	snprintf(want, sizeof(want), "max size of message (bytes) = %d\n",
		 mi.msgmax);
	CHECK(strstr(out, want) != NULL, "want \"%s\" in \"%.2000s\"", want, out);
	CHECK(exited_with(run(summary, out), 0) &&
	      strstr(out, "------ Semaphore Status --------\nused arrays = "),
	      "ipcs -s -u: \"%s\"", out);
	semctl(sid, 1, SETVAL, 7);
	snprintf(idarg, sizeof(idarg), "%d", sid);
	snprintf(want, sizeof(want), "\nSemaphore Array semid=%d\n", sid);
	CHECK(exited_with(run(info, out), 0) && strstr(out, want) &&
	      strstr(out, "nsems = 2\n") &&
	      strstr(out, "otime = Not set                   \n") &&
	      strstr(out, "\n1          7          0          0          "),
	      "ipcs -s -i %d: \"%s\"", sid, out);
	qid = msq_new(IPC_PRIVATE, 0600);
	snprintf(idarg, sizeof(idarg), "%d", qid);
	snprintf(want, sizeof(want), "cbytes=0\tqbytes=%d\tqnum=0\tlspid=0\t"
		 "lrpid=0\n", mi.msgmnb);
	CHECK(exited_with(run(qinfo, out), 0) && strstr(out, want),
	      "ipcs -q -i %d: want \"%s\" in \"%s\"", qid, want, out);
	case_end();
}

static void test_ipcrm(void)
{
	char a1[16], a2[16], a3[16], a4[16];
	char *by_id[] = { "ipcrm", "-s", a1, "-q", a2, NULL };
	char *by_key[] = { "ipcrm", "-S", a3, "-Q", a4, NULL };
	int s1 = sem_new(IPC_PRIVATE, 1, 0600), q1 = msq_new(IPC_PRIVATE, 0600);
	int s2 = sem_new(test_key(32), 1, IPC_CREAT | 0600);
	int q2 = msq_new(test_key(33), IPC_CREAT | 0600);

	case_begin("tools_ipcrm_arrays_and_queues");
	snprintf(a1, sizeof(a1), "%d", s1);
	snprintf(a2, sizeof(a2), "%d", q1);
	snprintf(a3, sizeof(a3), "0x%x", test_key(32));
	snprintf(a4, sizeof(a4), "%d", test_key(33));
	CHECK(exited_with(run(by_id, out), 0), "ipcrm -s -q: \"%s\"", out);
	CHECK(semctl(s1, 0, GETVAL) < 0 && errno == EINVAL &&
	      msgctl(q1, IPC_STAT, NULL) < 0, "removed by id");
	CHECK(exited_with(run(by_key, out), 0), "ipcrm -S -Q: \"%s\"", out);
	CHECK(semctl(s2, 0, GETVAL) < 0 && msgget(test_key(33), 0) < 0,
	      "removed by key");
	CHECK(exited_with(run(by_id, out), 1) && strstr(out, "semid") &&
	      strstr(out, "msqid"), "gone ids: exit 1 and say so: \"%s\"",
	      out);
	CHECK(exited_with(run(by_key, out), 1), "gone keys: exit 1: \"%s\"",
	      out);
	(void)q2;
	case_end();
}

/* The consumer starts first and waits; the producer fills the ring. */
static void test_producer_consumer(void)
{
	char keyarg[16], *producer[] = { "semproducer", keyarg, "300", NULL };
	char *consumer[] = { "semconsumer", keyarg, NULL }, got[256];
	int fd = -1, status;
	pid_t pid;

	case_begin("demo_semproducer_semconsumer");
	snprintf(keyarg, sizeof(keyarg), "0x%x", test_key(34));
	pid = start(consumer, &fd);
	CHECK(exited_with(run(producer, out), 0) &&
	      strstr(out, "semproducer: put 300 numbers into key "),
	      "producer: \"%s\"", out);
	status = finish(pid, fd, got, sizeof(got));
	CHECK(exited_with(status, 0) &&
	      !strcmp(got, "semconsumer: took 300 numbers, sum 45150\n"),
	      "consumer: %s \"%s\"", describe_status(status), got);
	CHECK(semget(test_key(34), 0, 0) < 0 && shmget(test_key(34), 0, 0) < 0,
	      "the consumer removed the set and the segment");
	case_end();
}

static void test_msgdemo(void)
{
	char *demo[] = { "msgdemo", "4", NULL };

	case_begin("demo_msgdemo");
	CHECK(exited_with(run(demo, out), 0) &&
	      strstr(out, "msgdemo: sent \"hello number 4\", the server "
		     "answered \"HELLO NUMBER 4\"\n") &&
	      strstr(out, "msgdemo: 4 of 4 requests answered through msqid "),
	      "msgdemo 4: \"%.2000s\"", out);
	case_end();
}

int main(int argc, char **argv)
{
	int sems0 = sems_in_use(), msqs0 = msqs_in_use();

	(void)argc;
	prog_dir(argv[0], bin_dir, sizeof(bin_dir) - 8);
	strcat(bin_dir, "../bin/");
	test_lists();
	ipc_cleanup_all();
	test_limits_summary_details();
	ipc_cleanup_all();
	test_ipcrm();
	test_producer_consumer();
	test_msgdemo();
	ipc_check_no_leak("ipc_tools_nothing_leaked", sems0, msqs0);
	return check_summary();
}
