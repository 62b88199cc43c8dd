/*
 * test_personality.c - personality (asked, set, kept across fork) and
 * getcpu (a CPU number, NULL pointers allowed, EFAULT for a bad one).
 */
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>
#include "check.h"
#include "child.h"

#define QUERY		0xffffffffUL
#define NO_RANDOMIZE	0x0040000UL	/* ADDR_NO_RANDOMIZE, a flag bit */
#define MAX_CPUS	4096
#define BAD_PTR		((void *)16)

static long persona(unsigned long p)
{
	return syscall(__NR_personality, p);
}

static int same_in_child(void *want)
{
	return persona(QUERY) == (long)want ? 0 : 1;
}

static int set_in_child(void *arg)
{
	long old = persona(QUERY), s;

	(void)arg;
	case_begin("personality_sets_and_returns_the_old_one");
	CHECK(persona(old | NO_RANDOMIZE) == old, "returns the old value %ld",
	      old);
	CHECK(persona(QUERY) == (old | (long)NO_RANDOMIZE),
	      "the flag is set: %#lx", persona(QUERY));
	s = run_in_child(same_in_child, (void *)(old | NO_RANDOMIZE));
	CHECK(s == 0, "a forked child has it too: %s", describe_status(s));
	CHECK(persona(old) == (old | (long)NO_RANDOMIZE), "and back");
	CHECK(persona(QUERY) == old, "restored: %#lx", persona(QUERY));
	return check_case_failed;
}

static void test_getcpu(void)
{
	unsigned int cpu = MAX_CPUS, node = MAX_CPUS;

	case_begin("getcpu_gives_a_cpu_and_node");
	CHECK_OK(syscall(__NR_getcpu, &cpu, &node, NULL));
	CHECK(cpu < MAX_CPUS && node < MAX_CPUS, "cpu %u node %u", cpu,
	      node);
	CHECK_OK(syscall(__NR_getcpu, NULL, NULL, NULL));
	CHECK_ERR(syscall(__NR_getcpu, BAD_PTR, NULL, NULL), EFAULT);
	CHECK_ERR(syscall(__NR_getcpu, &cpu, BAD_PTR, NULL), EFAULT);
	case_end();
}

int main(void)
{
	case_in_child("personality_sets_and_returns_the_old_one", set_in_child,
		      NULL);
	test_getcpu();
	return check_summary();
}
