/*
 * test_namei.c - path normalisation (fs/namei.c's normalize_path): "."
 * and ".." and doubled slashes, relative paths against a cwd, the length
 * limits, the directory check on every component a later one goes
 * through, and symbolic links anywhere in a path (relative and absolute
 * targets, ".." after a link, the last one followed or not, ELOOP),
 * against a small fake tree.
 */
#include "check.h"
#include "../fs/namei.c"

/* The fake tree: these are directories, "/bin/sh" is a file. */
static const char *const dirs[] = { "/bin", "/etc", "/tests", "/a", "/a/b" };
/* ... and these are symbolic links (name, target). */
static const char *const links[][2] = {
	{ "/l", "a/b" }, { "/abs", "/etc" }, { "/a/up", "../bin" },
	{ "/loop", "loop" }, { "/a/b/sh", "/bin/sh" }, { "/empty", "" },
	{ "/chain", "l" }, { "/l1", "l2" }, { "/l2", "l3" }, { "/l3", "l1" },
};
static int checks;	/* how often the step was asked */
static char link_buf[4096], chain_target[16];

static int fake_step(struct nameidata *nd, int last, const char **target,
		     int *tlen)
{
	unsigned i;

	checks++;
	/* a chain: /c<N> -> c<N-1>, ..., /c0 -> a (N + 1 links) */
	if (sscanf(nd->out, "/c%u", &i) == 1) {
		if (i)
			snprintf(chain_target, sizeof(chain_target), "c%u",
				 i - 1);
		else
			strcpy(chain_target, "a");
		*target = chain_target;
		*tlen = strlen(chain_target);
		return 1;
	}
	for (i = 0; i < sizeof(links) / sizeof(links[0]); i++)
		if (!strcmp(nd->out, links[i][0])) {
			*target = links[i][1];
			*tlen = strlen(links[i][1]);
			return 1;
		}
	if (last)
		return 0;
	for (i = 0; i < sizeof(dirs) / sizeof(dirs[0]); i++)
		if (!strcmp(nd->out, dirs[i]))
			return 0;
	return !strcmp(nd->out, "/bin/sh") ? -ENOTDIR : -ENOENT;
}

/* normalize_path on the fake tree, into out[size]. */
static int walk(const char *cwd, const char *path, char *out, int size,
		int follow)
{
	struct nameidata nd = { out, size, 0, follow, 0, link_buf, fake_step };

	return normalize_path(cwd, path, &nd);
}

static void expect(const char *cwd, const char *path, const char *want)
{
	char out[64], name[160];
	int err = walk(cwd, path, out, sizeof(out), 0);

	snprintf(name, sizeof(name), "namei_normalize_%s_in_%s", path, cwd);
	case_begin(name);
	CHECK(err == 0 && !strcmp(out, want), "\"%s\", got error %d \"%s\"",
	      want, err, err ? "" : out);
	case_end();
}

static void expect_err(const char *cwd, const char *path, int want,
		       const char *name)
{
	char out[64];
	int err = walk(cwd, path, out, sizeof(out), 0);

	case_begin(name);
	CHECK(err == want, "error %d, got %d", want, err);
	case_end();
}

static void test_normal_forms(void)
{
	expect("/", "/", "/");
	expect("/", "//", "/");
	expect("/", "/bin/sh", "/bin/sh");
	expect("/", "//bin///sh", "/bin/sh");
	expect("/", "/bin/./sh", "/bin/sh");
	expect("/", "/./bin/.", "/bin");
	expect("/", "/bin/", "/bin");
	expect("/", "/bin/../etc/issue", "/etc/issue");
	expect("/", "/..", "/");
	expect("/", "/../../bin", "/bin");
	expect("/", ".", "/");
	expect("/", "..", "/");
	expect("/a/b", "..", "/a");
	expect("/a/b", "../..", "/");
	expect("/a/b", "../../../etc", "/etc");
	expect("/tests", "helper", "/tests/helper");
	expect("/tests", "./helper", "/tests/helper");
	expect("/a", "b/", "/a/b");
	expect("/bin", "/etc", "/etc");
}

static void test_directory_checks(void)
{
	expect_err("/", "/bin/sh/", -ENOTDIR, "namei_trailing_slash_on_file");
	expect_err("/", "/bin/sh/x", -ENOTDIR, "namei_file_as_directory");
	expect_err("/", "/bin/sh/..", -ENOTDIR, "namei_dotdot_of_file");
	expect_err("/", "/nothere/..", -ENOENT, "namei_dotdot_of_missing");
	expect_err("/", "/nothere/x", -ENOENT, "namei_missing_directory");
	expect("/", "/nothere", "/nothere");	/* the last name is not vetted */

	case_begin("namei_checks_only_directories_passed_through");
	checks = 0;
	{
		char out[64];

		walk("/a/b", "x", out, sizeof(out), 0);
		CHECK(checks == 0, "the cwd and a last name unchecked, got %d "
		      "checks", checks);
		walk("/", "/a/b/x", out, sizeof(out), 0);
		CHECK(checks == 2, "/a and /a/b checked, got %d checks",
		      checks);
	}
	case_end();
}

static void test_limits(void)
{
	char longname[300], path[400];

	expect_err("/", "", -ENOENT, "namei_empty_path_enoent");

	memset(longname, 'x', 256);
	longname[256] = '\0';
	snprintf(path, sizeof(path), "/%s", longname);
	expect_err("/", path, -ENAMETOOLONG, "namei_component_over_name_max");

	memset(longname, 'y', 70);
	longname[70] = '\0';
	snprintf(path, sizeof(path), "/%s", longname);
	expect_err("/", path, -ENAMETOOLONG, "namei_result_over_buffer");

	case_begin("namei_long_path_shrinking_back_fits");
	{
		char out[64];
		int err;

		snprintf(path, sizeof(path), "/a/%.40s/../%.40s/../b",
			 longname, longname);
		struct nameidata nd = { out, sizeof(out), 0, 0, 0, NULL, NULL };

		err = normalize_path("/", path, &nd);
		CHECK(err == 0 && !strcmp(out, "/a/b"),
		      "\"/a/b\", got error %d \"%s\"", err, err ? "" : out);
	}
	case_end();
}

/* normalize_path following the last link too (stat, open). */
static void expect_follow(const char *path, const char *want)
{
	char out[64], name[160];
	int err = walk("/", path, out, sizeof(out), 1);

	snprintf(name, sizeof(name), "namei_follow_%s", path);
	case_begin(name);
	CHECK(err == 0 && !strcmp(out, want), "\"%s\", got error %d \"%s\"",
	      want, err, err ? "" : out);
	case_end();
}

static void test_links(void)
{
	expect("/", "/l/x", "/a/b/x");		/* relative, mid-path */
	expect("/", "/abs/passwd", "/etc/passwd");	/* absolute */
	expect("/", "/l/../x", "/a/x");		/* ".." of the target */
	expect("/", "/a/up/sh", "/bin/sh");	/* relative with ".." */
	expect("/", "/chain/x", "/a/b/x");	/* a link to a link */
	expect("/a", "up/", "/bin");		/* a trailing slash follows */
	expect("/", "/l", "/l");		/* the last one: not followed */
	expect_follow("/l", "/a/b");
	expect_follow("/a/b/sh", "/bin/sh");
	expect_follow("/chain", "/a/b");
	expect_follow("/nothere", "/nothere");
	expect_err("/", "/loop/x", -ELOOP, "namei_link_to_itself_eloop");
	expect_err("/", "/l1/x", -ELOOP, "namei_link_cycle_eloop");
	expect_err("/", "/empty/x", -ENOENT, "namei_empty_link_enoent");
	expect_err("/", "/a/b/sh/x", -ENOTDIR, "namei_link_to_file_enotdir");

	case_begin("namei_forty_links_followed_not_forty_one");
	{
		char out[64];
		int err = walk("/", "/c39/b", out, sizeof(out), 0);

		CHECK(err == 0 && !strcmp(out, "/a/b"),
		      "40 links to /a/b, got error %d", err);
		err = walk("/", "/c40/b", out, sizeof(out), 0);
		CHECK(err == -ELOOP, "41 links: ELOOP, got %d", err);
	}
	case_end();
}

int main(void)
{
	test_normal_forms();
	test_directory_checks();
	test_limits();
	test_links();
	return check_summary();
}
