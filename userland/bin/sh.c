/*
 * sh - the Lintel shell.
 *
 *	line     := pipeline { (';' | '&') pipeline }
 *	pipeline := command { '|' command }
 *	command  := word { word | '<' word | '>' word | '>>' word }
 *
 * Words may be quoted with '...' or "..."; "$?" (outside single quotes)
 * is the status of the last foreground pipeline; '#' starts a comment.
 * Built in: cd [DIR], exit [N]. Commands without a '/' are looked up in
 * $PATH (init sets /bin:/sbin; execvp's default is /bin:/usr/bin). A
 * pipeline ending in '&' runs in the background and its pid is printed;
 * finished ones are reported before the prompt.
 *
 * The shell ignores SIGINT and SIGQUIT, so Ctrl-C stops the foreground
 * job only: its processes get the default actions back. Background jobs
 * keep ignoring them, as in shells without job control.
 *
 *	sh		read lines from standard input
 *	sh -c LINE	run LINE and exit with its status
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/wait.h>

#define LINE_SIZE	1024
#define MAX_ARGS	32
#define MAX_CMDS	8
#define SPECIAL		" \t\n|;&<>#"

enum token { T_WORD, T_PIPE, T_SEMI, T_AMP, T_IN, T_OUT, T_APPEND,
	     T_END, T_ERROR };

struct command {
	char *argv[MAX_ARGS + 1];
	int argc;
	char *in, *out;		/* redirections, or NULL */
	int append;		/* ">>" rather than ">" */
};

struct pipeline {
	struct command cmd[MAX_CMDS];
	int ncmd;
	int background;
};

/* Where the lexer is in the line, and where it puts unquoted words. */
struct lexer {
	const char *p;
	char *out;
	char *out_end;
};

static int last_status;

/* Copy one character of a word, expanding "$?"; returns input used. */
static int word_char(struct lexer *lx, const char *p, int expand)
{
	if (expand && p[0] == '$' && p[1] == '?') {
		lx->out += snprintf(lx->out, lx->out_end - lx->out, "%d",
				    last_status);
		return 2;
	}
	if (lx->out < lx->out_end - 1)
		*lx->out++ = *p;
	return 1;
}

static enum token read_word(struct lexer *lx, char **word)
{
	const char *p = lx->p;

	*word = lx->out;
	while (*p && !strchr(SPECIAL, *p)) {
		char quote = *p;

		if (quote != '\'' && quote != '"') {
			p += word_char(lx, p, 1);
			continue;
		}
		for (p++; *p && *p != quote;)
			p += word_char(lx, p, quote == '"');
		if (!*p)
			return T_ERROR;		/* unterminated quote */
		p++;
	}
	*lx->out++ = '\0';
	lx->p = p;
	return T_WORD;
}

static enum token next_token(struct lexer *lx, char **word)
{
	const char *p = lx->p + strspn(lx->p, " \t\n");
	static const char ops[] = "|;&<>";
	static const enum token op_tokens[] = { T_PIPE, T_SEMI, T_AMP, T_IN,
						T_OUT };

	lx->p = p;
	if (!*p || *p == '#')
		return T_END;
	if (p[0] == '>' && p[1] == '>') {
		lx->p += 2;
		return T_APPEND;
	}
	if (strchr(ops, *p)) {
		lx->p++;
		return op_tokens[strchr(ops, *p) - ops];
	}
	return read_word(lx, word);
}

/* Fill one command; returns the token that ended it. */
static enum token parse_command(struct lexer *lx, struct command *c)
{
	enum token t;
	char *word;

	memset(c, 0, sizeof(*c));
	for (;;) {
		t = next_token(lx, &word);
		if (t == T_IN || t == T_OUT || t == T_APPEND) {
			char **target = t == T_IN ? &c->in : &c->out;

			c->append = t == T_APPEND;
			if (next_token(lx, target) != T_WORD)
				return T_ERROR;
		} else if (t == T_WORD && c->argc < MAX_ARGS) {
			c->argv[c->argc++] = word;
		} else if (t == T_WORD) {
			return T_ERROR;		/* too many arguments */
		} else {
			return t;
		}
	}
}

/* Fill a pipeline; returns T_SEMI, T_AMP, T_END or T_ERROR. */
static enum token parse_pipeline(struct lexer *lx, struct pipeline *pl)
{
	enum token t;

	pl->ncmd = 0;
	do {
		if (pl->ncmd == MAX_CMDS)
			return T_ERROR;
		t = parse_command(lx, &pl->cmd[pl->ncmd++]);
		if (t == T_ERROR)
			return t;
		if (pl->cmd[pl->ncmd - 1].argc == 0 &&
		    (t == T_PIPE || pl->ncmd > 1))
			return T_ERROR;		/* "| x", "x |", "x | | y" */
	} while (t == T_PIPE);
	if (pl->cmd[0].argc == 0)
		pl->ncmd = 0;			/* an empty statement */
	pl->background = t == T_AMP;
	return t;
}

static int exit_code(int status)
{
	if (WIFSIGNALED(status))
		return 128 + WTERMSIG(status);
	return WEXITSTATUS(status);
}

static void redirect(const char *path, int flags, int to_fd)
{
	int fd = open(path, flags, 0644);

	if (fd < 0) {
		fprintf(stderr, "sh: %s: %s\n", path, strerror(errno));
		_exit(1);
	}
	dup2(fd, to_fd);
	close(fd);
}

/* In the child: wire up fds and signals, then become the command. */
static void exec_command(struct command *c, int in, int out, int background)
{
	if (!background) {
		signal(SIGINT, SIG_DFL);
		signal(SIGQUIT, SIG_DFL);
	}
	if (in != STDIN_FILENO) {
		dup2(in, STDIN_FILENO);
		close(in);
	}
	if (out != STDOUT_FILENO) {
		dup2(out, STDOUT_FILENO);
		close(out);
	}
	if (c->in)
		redirect(c->in, O_RDONLY, STDIN_FILENO);
	if (c->out)
		redirect(c->out, O_WRONLY | O_CREAT |
			 (c->append ? O_APPEND : O_TRUNC), STDOUT_FILENO);
	execvp(c->argv[0], c->argv);
	if (errno == ENOENT)
		fprintf(stderr, "sh: %s: not found\n", c->argv[0]);
	else
		fprintf(stderr, "sh: %s: %s\n", c->argv[0], strerror(errno));
	_exit(errno == ENOENT ? 127 : 126);
}

static int builtin_cd(struct command *c)
{
	const char *dir = c->argc > 1 ? c->argv[1] : getenv("HOME");

	if (chdir(dir ? dir : "/") < 0) {
		fprintf(stderr, "sh: cd: %s: %s\n", dir, strerror(errno));
		return 1;
	}
	return 0;
}

/* cd and exit change the shell itself, so they cannot run in a child. */
static int run_builtin(struct command *c)
{
	if (!strcmp(c->argv[0], "cd")) {
		last_status = builtin_cd(c);
		return 1;
	}
	if (!strcmp(c->argv[0], "exit"))
		exit(c->argc > 1 ? atoi(c->argv[1]) : last_status);
	return 0;
}

static void wait_foreground(pid_t *pids, int n)
{
	int status = 0;

	for (int i = 0; i < n; i++) {
		if (pids[i] > 0 && waitpid(pids[i], &status, 0) == pids[i] &&
		    i == n - 1)
			last_status = exit_code(status);
	}
	if (WIFSIGNALED(status) && WTERMSIG(status) != SIGINT)
		fprintf(stderr, "sh: killed by signal %d\n", WTERMSIG(status));
	else if (WIFSIGNALED(status))
		putchar('\n');
}

/* Start every command, each reading the previous one's pipe. */
static void run_pipeline(struct pipeline *pl)
{
	pid_t pids[MAX_CMDS];
	int in = STDIN_FILENO;

	if (pl->ncmd == 1 && !pl->background && run_builtin(&pl->cmd[0]))
		return;
	for (int i = 0; i < pl->ncmd; i++) {
		int fds[2] = { -1, STDOUT_FILENO };

		if (i < pl->ncmd - 1 && pipe(fds) < 0) {
			perror("sh: pipe");
			fds[0] = -1;
			fds[1] = STDOUT_FILENO;
		}
		pids[i] = fork();
		if (pids[i] == 0) {
			if (fds[0] >= 0)
				close(fds[0]);
			exec_command(&pl->cmd[i], in, fds[1], pl->background);
		}
		if (pids[i] < 0)
			perror("sh: fork");
		if (in != STDIN_FILENO)
			close(in);
		if (fds[1] != STDOUT_FILENO)
			close(fds[1]);
		in = fds[0] >= 0 ? fds[0] : STDIN_FILENO;
	}
	if (pl->background)
		printf("[%d]\n", pids[pl->ncmd - 1]);
	else
		wait_foreground(pids, pl->ncmd);
}

static void run_line(const char *line)
{
	static char words[LINE_SIZE * 2];
	struct lexer lx = { line, words, words + sizeof(words) };
	struct pipeline pl;
	enum token end;

	do {
		end = parse_pipeline(&lx, &pl);
		if (end == T_ERROR) {
			fprintf(stderr, "sh: syntax error\n");
			last_status = 2;
			return;
		}
		if (pl.ncmd)
			run_pipeline(&pl);
	} while (end != T_END);
}

/* Say which background jobs have finished since the last prompt. */
static void reap_background(void)
{
	int status;
	pid_t pid;

	while ((pid = waitpid(-1, &status, WNOHANG)) > 0)
		printf("[%d] done, status %d\n", pid, exit_code(status));
}

/* No prompt when commands come from a pipe or a file. */
static int interactive(void)
{
	struct stat st;

	return fstat(STDIN_FILENO, &st) == 0 && !S_ISFIFO(st.st_mode) &&
	       !S_ISREG(st.st_mode);
}

int main(int argc, char **argv)
{
	char line[LINE_SIZE];
	int prompt = interactive();

	signal(SIGINT, SIG_IGN);
	signal(SIGQUIT, SIG_IGN);
	if (argc == 3 && !strcmp(argv[1], "-c")) {
		run_line(argv[2]);
		return last_status;
	}
	for (;;) {
		reap_background();
		if (prompt)
			fputs("$ ", stdout);
		if (!fgets(line, sizeof(line), stdin))
			break;
		run_line(line);
	}
	if (prompt)
		putchar('\n');
	return last_status;
}
