/*
 * test_namei.c - path normalisation (fs/namei.c's normalize_path): "."
 * and ".." and doubled slashes, relative paths against a cwd, the length
 * limits, and the directory check on every component a later one goes
 * through, against a small fake tree.
 */
#include "check.h"
#include "../fs/namei.c"

/* The fake tree: these are directories, "/bin/sh" is a file. */
static const char *const dirs[] = { "/bin", "/etc", "/tests", "/a", "/a/b" };
static int checks;	/* how often check_dir was asked */

static int fake_check_dir(const char *dir)
{
	unsigned i;

	checks++;
	for (i = 0; i < sizeof(dirs) / sizeof(dirs[0]); i++)
		if (!strcmp(dir, dirs[i]))
			return 0;
	return !strcmp(dir, "/bin/sh") ? -ENOTDIR : -ENOENT;
}

static void expect(const char *cwd, const char *path, const char *want)
{
	char out[64], name[160];
	int err = normalize_path(cwd, path, out, sizeof(out), fake_check_dir);

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
	int err = normalize_path(cwd, path, out, sizeof(out), fake_check_dir);

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

		normalize_path("/a/b", "x", out, sizeof(out), fake_check_dir);
		CHECK(checks == 0, "the cwd and a last name unchecked, got %d "
		      "checks", checks);
		normalize_path("/", "/a/b/x", out, sizeof(out), fake_check_dir);
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
		err = normalize_path("/", path, out, sizeof(out), NULL);
		CHECK(err == 0 && !strcmp(out, "/a/b"),
		      "\"/a/b\", got error %d \"%s\"", err, err ? "" : out);
	}
	case_end();
}

int main(void)
{
	test_normal_forms();
	test_directory_checks();
	test_limits();
	return check_summary();
}
