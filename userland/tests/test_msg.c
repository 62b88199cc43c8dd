/*
 * test_msg - message queues: msgget, msgsnd and msgrcv with type
 * selection (0, > 0, < 0, MSG_EXCEPT), MSG_NOERROR, MSG_COPY, a full
 * queue with and without IPC_NOWAIT, sleepers interrupted (EINTR) and
 * removed (EIDRM), a sender handing a message to the receiver waiting for
 * its type, and every msgctl command in both layouts, each bad input with
 * today's Linux errno; through ipc(117) (MSGRCV versions 0 and 1) and
 * the direct calls 399-402.
 */
#include "ipc_test.h"

#define CHILD_TIMEOUT	30
#define TEXT_MAX	64

struct tmsg {
	long mtype;
	char mtext[TEXT_MAX];
};

static struct abi_msginfo limits;

static int send(int id, long type, const char *text, int flg)
{
	struct tmsg m;

	m.mtype = type;
	strncpy(m.mtext, text, TEXT_MAX);
	return msgsnd(id, &m, strlen(text), flg);
}

/* Receive into *m, NUL-terminating the text; msgrcv's result. */
static long recv(int id, struct tmsg *m, size_t sz, long type, int flg)
{
	long n;

	memset(m, 0, sizeof(*m));
	n = msgrcv(id, m, sz, type, flg);
	if (n >= 0 && n < TEXT_MAX)
		m->mtext[n] = '\0';
	return n;
}

static int got(int id, long type, int flg, long want_type,
	       const char *want_text)
{
	struct tmsg m;
	long n = recv(id, &m, TEXT_MAX - 1, type, flg | IPC_NOWAIT);

	return n == (long)strlen(want_text) && m.mtype == want_type &&
	       !strcmp(m.mtext, want_text);
}

static void test_msgget(void)
{
	key_t key = test_key(10);
	int id;

	case_begin("msgget_errors_and_paths");
	CHECK_ERR(msgget(key, 0600), ENOENT);
	id = msq_new(key, IPC_CREAT | IPC_EXCL | 0600);
	CHECK(id >= 0, "create: errno %d", errno);
	CHECK_ERR(msgget(key, IPC_CREAT | IPC_EXCL | 0600), EEXIST);
	CHECK(msgget(key, 0) == id && sys_msgget(key, 0) == id &&
	      ipc_msgget(key, IPC_CREAT) == id, "the paths disagree on %d",
	      id);
	CHECK(msq_new(IPC_PRIVATE, 0600) != id, "IPC_PRIVATE gave %d", id);
	case_end();
}

static void test_info(void)
{
	struct abi_msginfo a, b;
	int id = msq_new(IPC_PRIVATE, 0600);

	case_begin("msgctl_ipc_info_and_msg_info");
	memset(&a, POISON, sizeof(a));
	CHECK(sys_msgctl(0, IPC_INFO, &a) >= 0, "IPC_INFO: errno %d", errno);
	CHECK(a.msgmax > 0 && a.msgmnb >= a.msgmax && a.msgmni > 0 &&
	      a.msgssz > 0, "max %d mnb %d mni %d ssz %d", a.msgmax,
	      a.msgmnb, a.msgmni, a.msgssz);
	memset(&b, POISON, sizeof(b));
	CHECK(ipc_msgctl(0, IPC_INFO, &b) >= 0 && !memcmp(&a, &b, sizeof(a)),
	      "ipc IPC_INFO differs (errno %d)", errno);
	send(id, 1, "12345", 0);
	memset(&b, POISON, sizeof(b));
	CHECK(sys_msgctl(0, MSG_INFO, &b) >= 0, "MSG_INFO: errno %d", errno);
	CHECK(b.msgpool >= 1 && b.msgmap >= 1 && b.msgtql >= 5,
	      "MSG_INFO: %d queues, %d messages, %d bytes", b.msgpool,
	      b.msgmap, b.msgtql);
	CHECK_ERR(sys_msgctl(0, IPC_INFO, BAD_PTR_NULL), EFAULT);
	CHECK_ERR(sys_msgctl(-1, IPC_INFO, &b), EINVAL);
	msgctl(id, IPC_RMID, NULL);
	case_end();
}

static void test_types(void)
{
	int id = msq_new(IPC_PRIVATE, 0600);

	case_begin("msgrcv_type_selection");
	send(id, 3, "a", 0);
	send(id, 1, "b", 0);
	send(id, 2, "c", 0);
	send(id, 1, "d", 0);
	send(id, 5, "e", 0);
	CHECK(got(id, 2, 0, 2, "c"), "type 2 should be c");
	CHECK(got(id, -4, 0, 1, "b"), "type -4: lowest <= 4 first, b");
	CHECK(got(id, 1, MSG_EXCEPT, 3, "a"), "EXCEPT 1: the first not 1, a");
	CHECK(got(id, 0, 0, 1, "d"), "type 0: the oldest, d");
	CHECK_ERR(recv(id, &(struct tmsg){ 0 }, 8, 4, IPC_NOWAIT), ENOMSG);
	CHECK_ERR(recv(id, &(struct tmsg){ 0 }, 8, -4, IPC_NOWAIT), ENOMSG);
	CHECK(got(id, -5, 0, 5, "e"), "type -5 should be e");
	CHECK_ERR(recv(id, &(struct tmsg){ 0 }, 8, 0, IPC_NOWAIT), ENOMSG);
	case_end();
}

static void test_sizes(void)
{
	static struct { long mtype; char mtext[65536]; } big;
	struct tmsg m;
	int id = msq_new(IPC_PRIVATE, 0600);

	case_begin("msgsnd_msgrcv_sizes_and_noerror");
	CHECK(send(id, 7, "hello world", 0) == 0, "send: errno %d", errno);
	CHECK_ERR(recv(id, &m, 5, 0, IPC_NOWAIT), E2BIG);
	CHECK(recv(id, &m, 5, 0, IPC_NOWAIT | MSG_NOERROR) == 5 &&
	      m.mtype == 7 && !strcmp(m.mtext, "hello"),
	      "NOERROR: '%s' type %ld", m.mtext, m.mtype);
	CHECK_ERR(recv(id, &m, 64, 0, IPC_NOWAIT), ENOMSG);
	big.mtype = 1;
	CHECK(msgsnd(id, &big, limits.msgmax, 0) == 0, "msgmax bytes: errno %d",
	      errno);
	CHECK_ERR(msgsnd(id, &big, limits.msgmax + 1, 0), EINVAL);
	CHECK(msgrcv(id, &big, sizeof(big.mtext), 0, IPC_NOWAIT) ==
	      limits.msgmax, "msgmax bytes back");
	CHECK(msgsnd(id, &big, 0, 0) == 0, "empty message: errno %d", errno);
	CHECK(msgrcv(id, &big, 0, 0, IPC_NOWAIT) == 0, "empty back");
	case_end();
}

static void test_snd_rcv_errors(void)
{
	struct tmsg m = { 1, "x" };
	int id = msq_new(IPC_PRIVATE, 0600);

	case_begin("msgsnd_msgrcv_errors");
	m.mtype = 0;
	CHECK_ERR(msgsnd(id, &m, 1, 0), EINVAL);
	m.mtype = -1;
	CHECK_ERR(msgsnd(id, &m, 1, 0), EINVAL);
	m.mtype = 1;
	CHECK_ERR(msgsnd(id, &m, (size_t)-1, 0), EINVAL);
	CHECK_ERR(msgsnd(-1, &m, 1, 0), EINVAL);
	CHECK_ERR(msgsnd(id + 1000000, &m, 1, 0), EINVAL);
	CHECK_ERR(msgsnd(id, BAD_PTR_KERNEL, 1, 0), EFAULT);
	CHECK_ERR(msgsnd(id, (char *)BAD_PTR_KERNEL - 4, 1, 0), EFAULT);
	CHECK_ERR(msgrcv(-1, &m, 8, 0, IPC_NOWAIT), EINVAL);
	CHECK_ERR(msgrcv(id, &m, (size_t)-1, 0, IPC_NOWAIT), EINVAL);
	CHECK_ERR(msgrcv(id + 1000000, &m, 8, 0, IPC_NOWAIT), EINVAL);
	CHECK(send(id, 1, "lost", 0) == 0, "send: errno %d", errno);
	CHECK_ERR(msgrcv(id, BAD_PTR_KERNEL, 8, 0, IPC_NOWAIT), EFAULT);
	CHECK_ERR(msgrcv(id, &m, 8, 0, IPC_NOWAIT), ENOMSG);
	CHECK_ERR(ipc_call(IPCOP_MSGRCV, id, 8, 0, NULL), EINVAL);
	CHECK_ERR(ipc_call(IPCOP_MSGRCV, id, 8, 0, BAD_PTR_KERNEL), EFAULT);
	case_end();
}

static void test_paths(void)
{
	struct tmsg m = { 4, "via" };
	int id = msq_new(IPC_PRIVATE, 0600);

	case_begin("msg_ipc_versions_and_direct_calls");
	CHECK(sys_msgsnd(id, &m, 3, 0) == 0, "msgsnd(400): errno %d", errno);
	CHECK(ipc_msgsnd(id, &m, 3, 0) == 0, "ipc MSGSND: errno %d", errno);
	m.mtype = 5;
	CHECK(sys_msgsnd(id, &m, 3, 0) == 0, "msgsnd(400): errno %d", errno);
	memset(&m, 0, sizeof(m));
	CHECK(sys_msgrcv(id, &m, 8, 5, IPC_NOWAIT) == 3 && m.mtype == 5,
	      "msgrcv(401): type %ld", m.mtype);
	CHECK(ipc_msgrcv_v0(id, &m, 8, 4, IPC_NOWAIT) == 3 && m.mtype == 4,
	      "ipc MSGRCV v0: errno %d", errno);
	CHECK(ipc_msgrcv(id, &m, 8, 4, IPC_NOWAIT) == 3 && m.mtype == 4,
	      "ipc MSGRCV v1: errno %d", errno);
	CHECK(sys_msgctl(id, IPC_RMID, NULL) == 0, "msgctl(402) IPC_RMID");
	case_end();
}

static void test_copy(void)
{
	struct tmsg m;
	int id = msq_new(IPC_PRIVATE, 0600);
	long n;

	send(id, 1, "first", 0);
	send(id, 2, "second", 0);
	n = recv(id, &m, 32, 1, MSG_COPY | IPC_NOWAIT);
	if (n < 0 && errno == ENOSYS) {
		case_skip("msgrcv_msg_copy",
			  "this Linux is built without MSG_COPY");
		return;
	}
	case_begin("msgrcv_msg_copy");
	CHECK(n == 6 && m.mtype == 2 && !strcmp(m.mtext, "second"),
	      "copy of number 1: %ld '%s'", n, m.mtext);
	CHECK(got(id, 0, 0, 1, "first"), "the copy took a message");
	CHECK_ERR(recv(id, &m, 32, 1, MSG_COPY | IPC_NOWAIT), ENOMSG);
	CHECK_ERR(recv(id, &m, 32, 0, MSG_COPY), EINVAL);
	CHECK_ERR(recv(id, &m, 32, 0, MSG_COPY | MSG_EXCEPT | IPC_NOWAIT),
		  EINVAL);
	CHECK_ERR(recv(id, &m, 3, 0, MSG_COPY | IPC_NOWAIT), E2BIG);
	CHECK_ERR(recv(id, &m, 3, 0, MSG_COPY | IPC_NOWAIT | MSG_NOERROR),
		  EINVAL);
	CHECK(got(id, 0, 0, 2, "second"), "second still there");
	case_end();
}

static void test_stat(void)
{
	struct abi_msqid64_ds ds;
	unsigned char raw[128];
	struct abi_old_msqid_ds *old = (void *)raw;
	struct tmsg m;
	int id = msq_new(test_key(11), IPC_CREAT | 0640), i, max, at = -1;

	case_begin("msgctl_stat_both_layouts");
	send(id, 1, "abc", 0);
	send(id, 1, "de", 0);
	recv(id, &m, 8, 0, 0);
	memset(&ds, POISON, sizeof(ds));
	CHECK(sys_msgctl(id, IPC_STAT, &ds) == 0, "IPC_STAT: errno %d", errno);
	CHECK(ds.msg_perm.key == test_key(11) && ds.msg_perm.mode == 0640 &&
	      ds.msg_qnum == 1 && ds.msg_cbytes == 2 &&
	      ds.msg_qbytes == (uint32_t)limits.msgmnb &&
	      ds.msg_lspid == getpid() && ds.msg_lrpid == getpid() &&
	      ds.msg_stime >= ds.msg_ctime && ds.msg_rtime >= ds.msg_ctime,
	      "key %x mode %o qnum %u cbytes %u qbytes %u lspid %d",
	      ds.msg_perm.key, ds.msg_perm.mode, ds.msg_qnum, ds.msg_cbytes,
	      ds.msg_qbytes, ds.msg_lspid);
	CHECK(ds.msg_stime_high == 0 && ds.unused4 == 0 && ds.unused5 == 0,
	      "padding not zeroed");
	memset(raw, POISON, sizeof(raw));
	CHECK(ipc_msgctl(id, IPC_STAT | ABI_IPC_64, raw) == 0 &&
	      !memcmp(raw, &ds, sizeof(ds)) && raw[sizeof(ds)] == POISON,
	      "ipc IPC_64 layout differs");
	memset(raw, POISON, sizeof(raw));
	CHECK(ipc_msgctl(id, IPC_STAT, raw) == 0, "old: errno %d", errno);
	/* msg_lcbytes and msg_lqbytes: i386 fills them, x86-64's compat
	 * layer leaves them 0 */
	CHECK(old->msg_qnum == 1 && old->msg_cbytes == 2 &&
	      (old->msg_lcbytes == 2 || old->msg_lcbytes == 0) &&
	      old->msg_qbytes == (uint16_t)(ds.msg_qbytes > 0xffff ? 0xffff
						: ds.msg_qbytes) &&
	      old->msg_first == 0 && old->msg_lspid == (uint16_t)getpid() &&
	      raw[sizeof(*old)] == POISON, "old: qnum %u cbytes %u lcbytes %u",
	      old->msg_qnum, old->msg_cbytes, old->msg_lcbytes);
	max = sys_msgctl(0, MSG_INFO, &limits);
	for (i = 0; i <= max && at < 0; i++)
		if (sys_msgctl(i, MSG_STAT, &ds) == id)
			at = i;
	CHECK(at >= 0 && sys_msgctl(at, MSG_STAT_ANY, &ds) == id,
	      "MSG_STAT(_ANY) found %d for id %d", at, id);
	CHECK_ERR(sys_msgctl(max + 1, MSG_STAT, &ds), EINVAL);
	CHECK_ERR(sys_msgctl(id, IPC_STAT, BAD_PTR_KERNEL), EFAULT);
	CHECK_ERR(sys_msgctl(id, IPC_SET, BAD_PTR_NULL), EFAULT);
	CHECK_ERR(sys_msgctl(id, 4242, &ds), EINVAL);
	CHECK_ERR(sys_msgctl(-1, IPC_STAT, &ds), EINVAL);
	CHECK(msgctl(id, IPC_RMID, NULL) == 0, "IPC_RMID: errno %d", errno);
	CHECK_ERR(sys_msgctl(id, IPC_STAT, &ds), EINVAL);
	CHECK_ERR(msgctl(id, IPC_RMID, NULL), EINVAL);
	CHECK_ERR(msgget(test_key(11), 0), ENOENT);
	case_end();
	sys_msgctl(0, IPC_INFO, &limits);
}

static void test_ipc_set(void)
{
	struct abi_msqid64_ds ds;
	struct abi_old_msqid_ds old;
	int id = msq_new(IPC_PRIVATE, 0600);

	case_begin("msgctl_ipc_set_both_layouts");
	sys_msgctl(id, IPC_STAT, &ds);
	ds.msg_perm.mode = 0660;
	ds.msg_qbytes = 100;
	CHECK(sys_msgctl(id, IPC_SET, &ds) == 0, "IPC_SET: errno %d", errno);
	sys_msgctl(id, IPC_STAT, &ds);
	CHECK(ds.msg_perm.mode == 0660 && ds.msg_qbytes == 100,
	      "mode %o qbytes %u", ds.msg_perm.mode, ds.msg_qbytes);
	ipc_msgctl(id, IPC_STAT, &old);
	old.msg_qbytes = 300;
	CHECK(ipc_msgctl(id, IPC_SET, &old) == 0, "old IPC_SET: errno %d",
	      errno);
	sys_msgctl(id, IPC_STAT, &ds);
	CHECK(ds.msg_qbytes == 300, "qbytes %u after old IPC_SET",
	      ds.msg_qbytes);
	case_end();
}

/* A queue with room for `bytes' bytes (and as many messages). */
static int small_queue(unsigned bytes)
{
	struct abi_msqid64_ds ds;
	int id = msq_new(IPC_PRIVATE, 0600);

	sys_msgctl(id, IPC_STAT, &ds);
	ds.msg_qbytes = bytes;
	sys_msgctl(id, IPC_SET, &ds);
	return id;
}

static void test_full_queue(void)
{
	int id = small_queue(8), fds[2], status;
	struct tmsg m;
	pid_t pid;
	char c;

	case_begin("msgsnd_full_queue_nowait_and_blocking");
	CHECK(send(id, 1, "12345678", 0) == 0, "8 bytes: errno %d", errno);
	CHECK_ERR(send(id, 1, "9", IPC_NOWAIT), EAGAIN);
	CHECK_OK(pipe(fds));
	pid = fork_child();
	if (pid == 0) {
		alarm(CHILD_TIMEOUT);
		write(fds[1], "x", 1);
		_exit(send(id, 2, "9", 0) == 0 ? 0 : errno);
	}
	CHECK(read(fds[0], &c, 1) == 1 && wait_asleep(pid),
	      "the sender never slept");
	CHECK(recv(id, &m, 8, 1, 0) == 8, "receive: errno %d", errno);
	status = wait_status(pid);
	CHECK(status == 0, "blocked sender: %s", describe_status(status));
	CHECK(got(id, 0, 0, 2, "9"), "the blocked message arrived");
	close(fds[0]);
	close(fds[1]);
	msgctl(id, IPC_RMID, NULL);
	id = small_queue(2);		/* messages count against qbytes too */
	CHECK(send(id, 1, "", 0) == 0 && send(id, 1, "", 0) == 0,
	      "two empty messages: errno %d", errno);
	CHECK_ERR(send(id, 1, "", IPC_NOWAIT), EAGAIN);
	case_end();
}

/* A child that says when it is about to block, then makes one call. */
static pid_t sleeper(int id, int sending, long type, int fds[2])
{
	pid_t pid = fork_child();
	struct tmsg m;
	long n;

	if (pid == 0) {
		alarm(CHILD_TIMEOUT);
		write(fds[1], "x", 1);
		n = sending ? send(id, 1, "full", 0)
			    : recv(id, &m, 8, type, 0);
		_exit(n < 0 ? errno : sending ? 0 : 100 + m.mtype);
	}
	return pid;
}

static void test_eintr_eidrm(void)
{
	int id = msq_new(IPC_PRIVATE, 0600), full = small_queue(4), fds[2];
	int status;
	pid_t r, s;
	char c;

	case_begin("msg_sleepers_eintr_and_eidrm");
	CHECK_OK(pipe(fds));
	r = fork_child();
	if (r == 0) {
		struct tmsg m;

		interrupt_in(1);
		CHECK_ERR(recv(id, &m, 8, 0, 0), EINTR);
		send(full, 1, "1234", 0);
		interrupt_restartable_in(1);	/* never restarted */
		CHECK_ERR(send(full, 1, "5", 0), EINTR);
		child_exit();
	}
	child_verdict(r);
	r = sleeper(id, 0, 0, fds);
	s = sleeper(full, 1, 0, fds);
	CHECK(read(fds[0], &c, 1) == 1 && read(fds[0], &c, 1) == 1 &&
	      wait_asleep(r) && wait_asleep(s), "the sleepers never slept");
	CHECK(msgctl(id, IPC_RMID, NULL) == 0 &&
	      msgctl(full, IPC_RMID, NULL) == 0, "IPC_RMID: errno %d", errno);
	status = wait_status(r);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == EIDRM,
	      "receiver: %s", describe_status(status));
	status = wait_status(s);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == EIDRM,
	      "sender: %s", describe_status(status));
	close(fds[0]);
	close(fds[1]);
	case_end();
}

/* Two receivers wait for types 1 and 2: a type 2 goes to the second. */
static void test_handoff(void)
{
	int id = msq_new(IPC_PRIVATE, 0600), fds[2], status;
	pid_t one, two;
	char c;

	case_begin("msgsnd_wakes_the_receiver_of_its_type");
	CHECK_OK(pipe(fds));
	one = sleeper(id, 0, 1, fds);
	two = sleeper(id, 0, 2, fds);
	CHECK(read(fds[0], &c, 1) == 1 && read(fds[0], &c, 1) == 1 &&
	      wait_asleep(one) && wait_asleep(two), "receivers never slept");
	send(id, 2, "two", 0);
	status = wait_status(two);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 102,
	      "type-2 receiver: %s", describe_status(status));
	send(id, 1, "one", 0);
	status = wait_status(one);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 101,
	      "type-1 receiver: %s", describe_status(status));
	CHECK_ERR(recv(id, &(struct tmsg){ 0 }, 8, 0, IPC_NOWAIT), ENOMSG);
	close(fds[0]);
	close(fds[1]);
	case_end();
}

/* /proc/sys/kernel/msg* say what IPC_INFO says; /proc/sysvipc/msg lists queues. */
static void test_proc(void)
{
	static const char *const names[] = { "msgmax", "msgmnb", "msgmni" };
	int want[] = { limits.msgmax, limits.msgmnb, limits.msgmni };
	int id = msq_new(test_key(12), IPC_CREAT | 0620);
	char path[40], buf[64];
	long v[14];
	unsigned i;

	case_begin("msg_proc_sys_kernel_and_sysvipc");
	for (i = 0; i < 3; i++) {
		snprintf(path, sizeof(path), "/proc/sys/kernel/%s", names[i]);
		CHECK(read_proc(path, buf, sizeof(buf)) > 0 &&
		      atoi(buf) == want[i], "%s: \"%s\", want %d", path, buf,
		      want[i]);
	}
	send(id, 3, "four", 0);
	CHECK(sysvipc_line("msg", id, v, 14) == 14 && v[0] == test_key(12) &&
	      v[2] == 0620 && v[3] == 4 && v[4] == 1 && v[5] == getpid() &&
	      v[6] == 0 && v[7] == (long)geteuid() && v[12] == 0,
	      "/proc/sysvipc/msg line for %d: key %ld perms %lo cbytes %ld "
	      "qnum %ld lspid %ld", id, v[0], v[2], v[3], v[4], v[5]);
	case_end();
}

static int make_queue(void)
{
	return msgget(IPC_PRIVATE, 0600);
}

/* MSGMNI: queues until ENOSPC (on Lintel; not a Linux host's 32000). */
static void test_msgmni(void)
{
	int ids[EXHAUST_MAX + 16], n, err;

	if (limits.msgmni > EXHAUST_MAX) {
		case_skip("msg_limits_msgmni_enospc", "msgmni is too big to fill");
		return;
	}
	case_begin("msg_limits_msgmni_enospc");
	n = exhaust(make_queue, limits.msgmni, ids, &err);
	CHECK(err == ENOSPC && n <= limits.msgmni,
	      "ENOSPC within msgmni %d queues: made %d, errno %d",
	      limits.msgmni, n, err);
	while (n > 0)
		msgctl(ids[--n], IPC_RMID, NULL);
	case_end();
}

int main(void)
{
	int sems0 = sems_in_use(), msqs0 = msqs_in_use();

	if (sys_msgctl(0, IPC_INFO, &limits) < 0) {
		printf("test msg_ipc_info: FAILED (errno %d)\n", errno);
		return 1;
	}
	test_msgget();
	test_info();
	test_types();
	test_sizes();
	test_snd_rcv_errors();
	test_paths();
	test_copy();
	test_stat();
	test_ipc_set();
	test_full_queue();
	test_eintr_eidrm();
	test_handoff();
	test_proc();
	test_msgmni();
	ipc_check_no_leak("msg_nothing_leaked", sems0, msqs0);
	return check_summary();
}
