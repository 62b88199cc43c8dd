/*
 * test_dynamic.c - dynamically linked programs: helper_dynamic, built
 * with plain i686-linux-gnu-gcc (position-independent, PT_INTERP
 * /lib/ld-linux.so.2, libc.so.6), runs and finds its aux vector right;
 * ld.so runs as a program of its own (an ET_DYN with no interpreter);
 * execve of a program whose PT_INTERP names a missing interpreter is
 * ENOENT, and EACCES when the interpreter may not be executed.
 */
#include <fcntl.h>
#include "check.h"
#include "child.h"

#define LD_SO		"/lib/ld-linux.so.2"
#define OUT_SIZE	512

static const char *dir_of_tests;

/* Run argv (argv[0] the file) with an empty environment: run_capture. */
static int run(char *const argv[], char *out)
{
	char *envp[] = { NULL };

	return run_capture(argv[0], argv, envp, out, OUT_SIZE);
}

static void test_hello(void)
{
	char *argv[] = { (char *)helper_path(dir_of_tests, "helper_dynamic"),
			 "one", NULL };
	char out[OUT_SIZE];
	int status = run(argv, out);

	case_begin("dynamic_hello_runs_with_its_aux_vector");
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0,
	      "exit 0, got %s (%s)", describe_status(status), out);
	CHECK(!strcmp(out, "hello from a dynamic program: one\n"),
	      "its line, got \"%s\"", out);
	case_end();
}

static void test_ld_so_alone(void)
{
	char *argv[] = { LD_SO, "--version", NULL };
	char out[OUT_SIZE];
	int status = run(argv, out);

	case_begin("dynamic_ld_so_runs_as_a_program");
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0,
	      "exit 0, got %s", describe_status(status));
	CHECK(!strncmp(out, "ld.so (", 7), "its version, got \"%.40s\"", out);
	case_end();
}

static void test_interp_errors(void)
{
	char *missing[] = { (char *)helper_path(dir_of_tests,
						"helper_nointerp"), NULL };
	char out[OUT_SIZE];
	int status = run(missing, out);

	case_begin("dynamic_missing_interpreter_enoent");
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 128 + ENOENT,
	      "ENOENT, got %s", describe_status(status));
	case_end();
	missing[0] = (char *)helper_path(dir_of_tests, "helper_badinterp");
	status = run(missing, out);
	case_begin("dynamic_interpreter_not_executable_eacces");
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 128 + EACCES,
	      "EACCES, got %s", describe_status(status));
	case_end();
}

int main(int argc, char **argv)
{
	(void)argc;
	dir_of_tests = argv[0];
	test_hello();
	test_ld_so_alone();
	test_interp_errors();
	return check_summary();
}
