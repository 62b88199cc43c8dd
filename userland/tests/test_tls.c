/*
 * test_tls.c - set_thread_area and get_thread_area: a slot picked with
 * entry_number -1 and written back, a segment that %fs reads through,
 * the descriptor read back, the empty descriptor that clears a slot, the
 * errors Linux gives, and the slots as per-task state: kept apart across
 * yields between two processes, inherited by fork, cleared by exec.
 */
#include <sched.h>
#include <sys/wait.h>
#include "check.h"
#include "child.h"
#include "tls.h"

#define YIELD_ROUNDS	200
#define BAD_PTR		((void *)0xC0000000)	/* kernel space */

static const char *helper;
static int tls_min, tls_max;	/* the kernel's TLS entries, tls_first() */
static unsigned int word_a = 0x11111111, word_b = 0x22222222;

/* A flat-limit 32-bit data segment based at base, in slot entry. */
static struct tls_desc data_desc(unsigned int entry, void *base)
{
	struct tls_desc d = { entry, (unsigned int)base, TLS_FLAT_LIMIT,
			      TLS_DATA_FLAGS };

	return d;
}

/* Install a segment at base in a free slot; returns the slot or -1. */
static int alloc_slot(void *base)
{
	struct tls_desc d = data_desc(-1, base);

	if (set_tls(&d) != 0)
		return -1;
	return (int)d.entry_number;
}

static long clear_slot(unsigned int entry)
{
	struct tls_desc d = { entry, 0, 0, TLS_EMPTY_FLAGS };

	return set_tls(&d);
}

static void test_alloc_and_read(void)
{
	struct tls_desc got;
	int n;

	case_begin("set_thread_area_picks_slot_and_fs_reads_it");
	n = alloc_slot(&word_a);
	CHECK(n >= tls_min && n <= tls_max,
	      "entry -1 gives a slot in %d..%d written back, got %d",
	      tls_min, tls_max, n);
	if (n >= tls_min) {
		set_fs(tls_selector(n));
		CHECK(read_fs0() == word_a, "%%fs:0 = 0x%x, got 0x%x",
		      word_a, read_fs0());
		set_fs(0);
		memset(&got, 0xff, sizeof(got));
		got.entry_number = n;
		CHECK_OK(get_tls(&got));
		CHECK(got.entry_number == (unsigned int)n &&
		      got.base_addr == (unsigned int)&word_a &&
		      got.limit == TLS_FLAT_LIMIT &&
		      got.flags == TLS_DATA_FLAGS,
		      "get_thread_area gives back %d/%p/0x%x/0x%x, got "
		      "%u/0x%x/0x%x/0x%x", n, (void *)&word_a, TLS_FLAT_LIMIT,
		      TLS_DATA_FLAGS, got.entry_number, got.base_addr,
		      got.limit, got.flags);
		CHECK_OK(clear_slot(n));
	}
	case_end();
}

static void test_clear(void)
{
	struct tls_desc got;
	int n, again;

	case_begin("empty_descriptor_clears_slot");
	n = alloc_slot(&word_a);
	CHECK(n >= tls_min, "a free slot, got %d errno %d", n, errno);
	if (n >= tls_min) {
		CHECK_OK(clear_slot(n));
		got.entry_number = n;
		CHECK_OK(get_tls(&got));
		CHECK(got.base_addr == 0 && got.limit == 0 &&
		      got.flags == TLS_EMPTY_FLAGS,
		      "a cleared slot reads 0/0/0x%x, got 0x%x/0x%x/0x%x",
		      TLS_EMPTY_FLAGS, got.base_addr, got.limit, got.flags);
		again = alloc_slot(&word_b);
		CHECK(again == n, "the cleared slot %d is free again, got %d",
		      n, again);
		if (again >= tls_min)
			clear_slot(again);
	}
	case_end();
}

static void test_clear_loaded(void)
{
	int n;

	case_begin("clearing_the_loaded_slot_leaves_fs_zero");
	n = alloc_slot(&word_a);
	CHECK(n >= tls_min, "a free slot, got %d errno %d", n, errno);
	if (n >= tls_min) {
		set_fs(tls_selector(n));
		CHECK_OK(clear_slot(n));
		CHECK(get_fs() == 0, "%%fs is 0 afterwards, got 0x%x",
		      get_fs());
		set_fs(0);
	}
	case_end();
}

static void test_errors(void)
{
	struct tls_desc d;
	int slots[TLS_ENTRIES], i, n = 0;

	case_begin("thread_area_errors");
	CHECK_ERR(set_tls(BAD_PTR), EFAULT);
	CHECK_ERR(set_tls(NULL), EFAULT);
	CHECK_ERR(get_tls(BAD_PTR), EFAULT);
	d = data_desc(tls_min - 1, &word_a);
	CHECK_ERR(set_tls(&d), EINVAL);
	d = data_desc(tls_max + 1, &word_a);
	CHECK_ERR(set_tls(&d), EINVAL);
	d = data_desc(-1, &word_a);
	d.flags &= ~TLS_FLAG_32BIT;
	CHECK_ERR(set_tls(&d), EINVAL);
	d = data_desc(-1, &word_a);
	d.flags |= TLS_FLAG_CODE;
	CHECK_ERR(set_tls(&d), EINVAL);
	d = data_desc(-1, &word_a);
	d.flags |= TLS_FLAG_ABSENT;
	CHECK_ERR(set_tls(&d), EINVAL);
	d.entry_number = tls_max + 1;
	CHECK_ERR(get_tls(&d), EINVAL);
	d.entry_number = 0;
	CHECK_ERR(get_tls(&d), EINVAL);
	while (n < (int)(sizeof(slots) / sizeof(slots[0])) &&
	       (slots[n] = alloc_slot(&word_a)) >= 0)
		n++;
	d = data_desc(-1, &word_a);
	CHECK_ERR(set_tls(&d), ESRCH);
	for (i = 0; i < n; i++)
		clear_slot(slots[i]);
	case_end();
}

/* Each process reads its own word through the same selector. */
static int yields_see_own(int sel, unsigned int want)
{
	int i, bad = 0;

	set_fs(sel);
	for (i = 0; i < YIELD_ROUNDS; i++) {
		sched_yield();
		bad += read_fs0() != want;
	}
	set_fs(0);
	return bad;
}

static void test_per_task(void)
{
	int n, status, bad;
	pid_t pid;

	case_begin("tls_per_task_across_yields");
	n = alloc_slot(&word_a);
	CHECK(n >= tls_min, "a free slot, got %d errno %d", n, errno);
	if (n < tls_min) {
		case_end();
		return;
	}
	pid = fork();
	if (pid == 0) {
		struct tls_desc d = data_desc(n, &word_b);

		if (set_tls(&d))
			_exit(2);
		_exit(yields_see_own(tls_selector(n), word_b) ? 1 : 0);
	}
	bad = yields_see_own(tls_selector(n), word_a);
	CHECK(pid > 0 && waitpid(pid, &status, 0) == pid,
	      "fork and wait, errno %d", errno);
	CHECK(pid > 0 && status == 0, "child read its own word: %s",
	      describe_status(status));
	CHECK(bad == 0, "parent read its own word, %d wrong reads", bad);
	clear_slot(n);
	case_end();
}

static int child_reads_inherited(void *arg)
{
	int n = *(int *)arg;
	struct tls_desc got = { n, 0, 0, 0 };
	unsigned int v;

	if (get_tls(&got) || got.base_addr != (unsigned int)&word_a)
		return 1;
	set_fs(tls_selector(n));
	v = read_fs0();
	set_fs(0);
	return v == word_a ? 0 : 2;
}

static void test_fork_inherits(void)
{
	int n, status;

	case_begin("fork_inherits_tls");
	n = alloc_slot(&word_a);
	CHECK(n >= tls_min, "a free slot, got %d errno %d", n, errno);
	if (n >= tls_min) {
		status = run_in_child(child_reads_inherited, &n);
		CHECK(status == 0, "child sees the slot and reads through it: %s",
		      describe_status(status));
		clear_slot(n);
	}
	case_end();
}

static void test_exec_clears(void)
{
	char slot[8];
	char *argv[] = { (char *)helper, slot, NULL };
	char *envp[] = { NULL };
	int n, status = -1;
	pid_t pid;

	case_begin("exec_clears_tls");
	n = alloc_slot(&word_a);
	CHECK(n >= tls_min, "a free slot, got %d errno %d", n, errno);
	if (n >= tls_min) {
		snprintf(slot, sizeof(slot), "%d", n);
		pid = fork();
		if (pid == 0) {
			set_fs(tls_selector(n));
			execve(helper, argv, envp);
			_exit(99);
		}
		CHECK(pid > 0 && waitpid(pid, &status, 0) == pid,
		      "fork and wait, errno %d", errno);
		CHECK(status == 0, "the new program has an empty slot %d and "
		      "%%fs 0: %s", n, describe_status(status));
		clear_slot(n);
	}
	case_end();
}

int main(int argc, char **argv)
{
	(void)argc;
	helper = helper_path(argv[0], "helper_tls");
	tls_min = tls_first();
	tls_max = tls_min + TLS_ENTRIES - 1;
	test_alloc_and_read();
	test_clear();
	test_clear_loaded();
	test_errors();
	test_per_task();
	test_fork_inherits();
	test_exec_clears();
	return check_summary();
}
