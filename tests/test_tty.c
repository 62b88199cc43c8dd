/*
 * test_tty.c - the line discipline (drivers/char/n_tty.c) on the host:
 * characters typed into a tty_struct, what read() would take out, what
 * was echoed and which signals went out. Canonical editing (erase, kill,
 * ^D), ^C and ^\, raw mode, echo switched off, a full buffer, a buffer
 * that wraps around.
 */
#include <signal.h>
#include "check.h"
/* The host's signal.h has the same numbers; the kernel's clashes with it. */
#define _LINUX_SIGNAL_H
#include "../drivers/char/n_tty.c"

static struct tty_struct tty;
static char echoed[4096];
static int echoed_len, last_signal, wakeups;

static void record_echo(struct tty_struct *t, const char *s, int n)
{
	(void)t;
	if (echoed_len + n < (int)sizeof(echoed)) {
		memcpy(echoed + echoed_len, s, n);
		echoed_len += n;
		echoed[echoed_len] = '\0';
	}
}

void tty_signal(struct tty_struct *t, int sig)
{
	(void)t;
	last_signal = sig;
}

void wake_up_interruptible(struct wait_queue **q)
{
	(void)q;
	wakeups++;
}

static void reset(void)
{
	memset(&tty, 0, sizeof(tty));
	n_tty_init(&tty);
	tty.write = record_echo;
	echoed_len = 0;
	echoed[0] = '\0';
	last_signal = 0;
	wakeups = 0;
}

static void type(const char *s)
{
	while (*s)
		n_tty_receive_char(&tty, (unsigned char)*s++);
}

/* What one read() of up to n bytes gets; *eol says a line ended. */
static const char *take(int n, int *eol)
{
	static unsigned char buf[4096];
	int got = n_tty_take(&tty, buf, n, eol);

	buf[got] = '\0';
	return (const char *)buf;
}

static void expect_line(const char *name, const char *typed,
			const char *want)
{
	int eol;
	const char *got;

	reset();
	type(typed);
	case_begin(name);
	CHECK(n_tty_input_available(&tty), "a line is ready");
	got = take(sizeof(echoed), &eol);
	CHECK(!strcmp(got, want) && eol, "read \"%s\" with a line end, got "
	      "\"%s\" eol %d", want, got, eol);
	CHECK(!n_tty_input_available(&tty), "nothing left after the line");
	case_end();
}

static void test_canonical_editing(void)
{
	int eol;

	expect_line("tty_canon_cr_ends_line_as_newline", "abc\r", "abc\n");
	expect_line("tty_canon_del_erases", "abx\177c\n", "abc\n");
	expect_line("tty_canon_backspace_erases", "abx\bc\n", "abc\n");
	expect_line("tty_canon_ctrl_u_kills_line", "junk\025ok\n", "ok\n");
	expect_line("tty_canon_erase_stops_at_line_start", "\177\177a\n",
		    "a\n");

	reset();
	case_begin("tty_canon_nothing_ready_before_newline");
	type("partial");
	CHECK(!n_tty_input_available(&tty), "no line yet");
	CHECK(!strcmp(echoed, "partial"), "echoed \"partial\", got \"%s\"",
	      echoed);
	CHECK(n_tty_chars_in_buffer(&tty) == 0, "FIONREAD 0, got %d",
	      n_tty_chars_in_buffer(&tty));
	type("\r");
	CHECK(n_tty_chars_in_buffer(&tty) == 8, "FIONREAD 8, got %d",
	      n_tty_chars_in_buffer(&tty));
	CHECK(wakeups == 1, "one wake-up for the line, got %d", wakeups);
	case_end();

	reset();
	case_begin("tty_canon_erase_echo");
	type("ab\177\177\177");
	CHECK(!strcmp(echoed, "ab\b \b\b \b"), "two erasures echoed, "
	      "nothing for the third, got \"%s\"", echoed);
	type("\001\177");
	CHECK(!strcmp(echoed, "ab\b \b\b \b^A\b \b\b \b"), "^A echoed as two "
	      "columns and erased as two, got \"%s\"", echoed);
	case_end();

	reset();
	case_begin("tty_canon_partial_reads");
	type("hello\n");
	CHECK(!strcmp(take(2, &eol), "he") && !eol, "first 2 bytes");
	CHECK(!strcmp(take(100, &eol), "llo\n") && eol, "then the rest");
	case_end();

	reset();
	case_begin("tty_canon_one_line_per_read");
	type("one\ntwo\n");
	CHECK(!strcmp(take(100, &eol), "one\n") && eol, "the first line");
	CHECK(!strcmp(take(100, &eol), "two\n") && eol, "the second");
	case_end();
}

static void test_eof(void)
{
	int eol;
	const char *got;

	reset();
	case_begin("tty_ctrl_d_at_line_start_is_eof");
	type("\004");
	CHECK(n_tty_input_available(&tty), "^D makes read return");
	got = take(100, &eol);
	CHECK(!*got && eol, "0 bytes and a line end, got \"%s\" eol %d", got,
	      eol);
	CHECK(!n_tty_input_available(&tty), "the ^D is used up");
	CHECK(!strcmp(echoed, ""), "^D is not echoed, got \"%s\"", echoed);
	case_end();

	reset();
	case_begin("tty_ctrl_d_mid_line_ends_it_without_newline");
	type("ab\004");
	got = take(100, &eol);
	CHECK(!strcmp(got, "ab") && eol, "\"ab\", got \"%s\"", got);
	case_end();
}

static void test_signals(void)
{
	int eol;

	reset();
	case_begin("tty_ctrl_c_sigint_flushes_and_echoes");
	type("one\nhalf");
	type("\003");
	CHECK(last_signal == SIGINT, "SIGINT, got %d", last_signal);
	CHECK(!n_tty_input_available(&tty) && tty.read_head == tty.read_tail,
	      "typed input thrown away");
	CHECK(strstr(echoed, "^C") != NULL, "^C echoed, got \"%s\"", echoed);
	type("next\n");
	CHECK(!strcmp(take(100, &eol), "next\n"), "typing goes on after");
	case_end();

	reset();
	case_begin("tty_ctrl_backslash_sigquit");
	type("\034");
	CHECK(last_signal == SIGQUIT, "SIGQUIT, got %d", last_signal);
	case_end();

	reset();
	case_begin("tty_isig_off_ctrl_c_is_data");
	tty.termios.c_lflag &= ~ISIG;
	type("\003\n");
	CHECK(last_signal == 0, "no signal, got %d", last_signal);
	CHECK(!strcmp(take(100, &eol), "\003\n"), "^C read as a byte");
	case_end();
}

static void test_raw_mode(void)
{
	struct termios t;
	int eol;
	const char *got;

	reset();
	case_begin("tty_raw_chars_ready_at_once");
	t = tty.termios;
	t.c_lflag &= ~(ICANON | ECHO);
	n_tty_set_termios(&tty, &t);
	type("x");
	CHECK(n_tty_input_available(&tty), "one char is enough");
	type("\177\004");
	got = take(100, &eol);
	CHECK(!strcmp(got, "x\177\004") && !eol, "no editing, no EOF: "
	      "got %d bytes", (int)strlen(got));
	CHECK(!strcmp(echoed, ""), "ECHO off: nothing echoed, got \"%s\"",
	      echoed);
	case_end();

	reset();
	case_begin("tty_switch_to_raw_releases_partial_line");
	type("abc");
	t = tty.termios;
	t.c_lflag &= ~ICANON;
	n_tty_set_termios(&tty, &t);
	CHECK(!strcmp(take(100, &eol), "abc"), "the typed part is readable");
	case_end();

	reset();
	case_begin("tty_icrnl_off_cr_is_not_a_line_end");
	tty.termios.c_iflag &= ~ICRNL;
	type("a\r");
	CHECK(!n_tty_input_available(&tty), "no line yet");
	type("\n");
	CHECK(!strcmp(take(100, &eol), "a\r\n"), "CR kept in the line");
	case_end();
}

static void test_buffer_limits(void)
{
	char line[TTY_BUF_SIZE + 100];
	int eol, i, ok = 1;
	const char *got;

	reset();
	case_begin("tty_full_buffer_keeps_room_for_newline");
	memset(line, 'z', sizeof(line) - 1);
	line[sizeof(line) - 1] = '\0';
	type(line);
	type("\n");
	got = take(sizeof(line), &eol);
	CHECK((int)strlen(got) == TTY_BUF_SIZE && eol &&
	      got[TTY_BUF_SIZE - 1] == '\n', "%d bytes ending in a newline, "
	      "got %d", TTY_BUF_SIZE, (int)strlen(got));
	case_end();

	reset();
	case_begin("tty_ring_wraps_intact");
	for (i = 0; i < 500 && ok; i++) {
		snprintf(line, sizeof(line), "line %d\n", i);
		type(line);
		got = take(100, &eol);
		ok = !strcmp(got, line) && eol;
	}
	CHECK(ok, "line %d came back as \"%s\"", i - 1, got);
	case_end();
}

int main(void)
{
	test_canonical_editing();
	test_eof();
	test_signals();
	test_raw_mode();
	test_buffer_limits();
	return check_summary();
}
