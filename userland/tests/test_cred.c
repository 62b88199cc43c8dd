/*
 * test_cred.c - user and group ids as Linux rules them: root's setuid
 * sets all three uids for good, an unprivileged process may only move
 * between its real, effective and saved ids, groups need root. Each case
 * runs in a child, since giving up root cannot be undone. Needs root.
 */
#include <grp.h>
#include <signal.h>
#include "check.h"
#include "child.h"

#define KEEP	((uid_t)-1)	/* "leave this id alone" */

static void check_uids(uid_t r, uid_t e, uid_t s)
{
	uid_t gr, ge, gs;

	CHECK_OK(getresuid(&gr, &ge, &gs));
	CHECK(gr == r && ge == e && gs == s,
	      "uids (%u,%u,%u), got (%u,%u,%u)", r, e, s, gr, ge, gs);
}

static int setuid_for_good(void *arg)
{
	(void)arg;
	CHECK_OK(setuid(1000));
	check_uids(1000, 1000, 1000);
	CHECK(getuid() == 1000 && geteuid() == 1000, "getuid/geteuid 1000");
	CHECK_ERR(setuid(0), EPERM);
	CHECK_OK(setuid(1000));
	CHECK_ERR(kill(getppid(), 0), EPERM);
	return check_case_failed;
}

static int setreuid_rules(void *arg)
{
	(void)arg;
	CHECK_OK(setreuid(1000, 2000));
	check_uids(1000, 2000, 2000);
	CHECK_OK(setreuid(KEEP, 1000));		/* effective to real */
	check_uids(1000, 1000, 2000);
	CHECK_OK(setreuid(KEEP, 2000));		/* effective to saved */
	check_uids(1000, 2000, 2000);
	CHECK_ERR(setreuid(KEEP, 0), EPERM);
	CHECK_ERR(setreuid(3000, KEEP), EPERM);
	CHECK_OK(setreuid(2000, KEEP));		/* real to effective */
	check_uids(2000, 2000, 2000);
	return check_case_failed;
}

static int setresuid_rules(void *arg)
{
	(void)arg;
	CHECK_OK(setresuid(1, 2, 3));
	check_uids(1, 2, 3);
	CHECK_OK(setresuid(KEEP, 3, KEEP));
	check_uids(1, 3, 3);
	CHECK_ERR(setresuid(KEEP, 2, KEEP), EPERM);
	CHECK_ERR(setresuid(3, 1, 0), EPERM);
	CHECK_OK(setresuid(3, 1, KEEP));
	check_uids(3, 1, 3);
	return check_case_failed;
}

static int gid_rules(void *arg)
{
	gid_t r, e, s;

	(void)arg;
	CHECK_OK(setresgid(10, 20, 30));
	CHECK_OK(getresgid(&r, &e, &s));
	CHECK(r == 10 && e == 20 && s == 30, "gids (10,20,30), got "
	      "(%u,%u,%u)", r, e, s);
	CHECK(getgid() == 10 && getegid() == 20, "getgid 10, getegid 20, "
	      "got %u and %u", getgid(), getegid());
	CHECK_OK(setgid(40));			/* as root: all three */
	getresgid(&r, &e, &s);
	CHECK(r == 40 && e == 40 && s == 40, "gids (40,40,40), got "
	      "(%u,%u,%u)", r, e, s);
	CHECK_OK(setregid(50, 60));
	CHECK(getgid() == 50 && getegid() == 60, "setregid(50, 60) gives "
	      "50 and 60, got %u and %u", getgid(), getegid());
	CHECK_OK(setuid(1000));
	CHECK_ERR(setgid(0), EPERM);
	return check_case_failed;
}

static int group_rules(void *arg)
{
	gid_t want[] = { 5, 6, 7 }, got[8];
	int n;

	(void)arg;
	CHECK_OK(setgroups(3, want));
	n = getgroups(0, NULL);
	CHECK(n == 3, "getgroups(0) counts 3, got %d", n);
	n = getgroups(8, got);
	CHECK(n == 3 && got[0] == 5 && got[1] == 6 && got[2] == 7,
	      "groups 5 6 7, got %d of them: %u %u %u", n, got[0], got[1],
	      got[2]);
	CHECK_ERR(getgroups(1, got), EINVAL);
	CHECK_OK(setgroups(0, NULL));
	CHECK(getgroups(0, NULL) == 0, "no groups after setgroups(0)");
	CHECK_OK(setuid(1000));
	CHECK_ERR(setgroups(3, want), EPERM);
	return check_case_failed;
}

int main(void)
{
	static const char *const names[] = {
		"setuid_root_sets_all_uids_for_good", "setreuid_rules",
		"setresuid_rules", "setgid_setresgid_setregid_rules",
		"getgroups_setgroups_rules",
	};
	static int (*const cases[])(void *) = {
		setuid_for_good, setreuid_rules, setresuid_rules, gid_rules,
		group_rules,
	};

	for (unsigned i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		if (geteuid() != 0)
			case_skip(names[i], "not root");
		else
			case_in_child(names[i], cases[i], NULL);
	}
	return check_summary();
}
