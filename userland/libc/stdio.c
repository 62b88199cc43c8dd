/*
 * stdio.c - the three standard streams over file descriptors 0, 1, 2.
 *
 * Output goes through a small buffer per stream. stdout is flushed at
 * each newline whatever fd 1 is, so lines from a parent and its children
 * reach a shared pipe in the order they were printed; stderr is flushed
 * at the end of every call. Input is read a byte at a time.
 */
#include <stdio.h>
#include <string.h>
#include <errno.h>
#include <unistd.h>

struct __file {
	int fd;
	int unbuffered;		/* flush at the end of every call */
	int len;		/* bytes waiting in buf */
	char buf[BUFSIZ];
};

static FILE std_in = { .fd = STDIN_FILENO };
static FILE std_out = { .fd = STDOUT_FILENO };
static FILE std_err = { .fd = STDERR_FILENO, .unbuffered = 1 };

FILE *stdin = &std_in;
FILE *stdout = &std_out;
FILE *stderr = &std_err;

/* write() may take less than asked (pipes, signals); keep going. */
static int write_all(int fd, const char *p, int n)
{
	while (n > 0) {
		int done = write(fd, p, n);

		if (done < 0 && errno == EINTR)
			continue;
		if (done <= 0)
			return EOF;
		p += done;
		n -= done;
	}
	return 0;
}

int fflush(FILE *f)
{
	int ret;

	if (!f)
		return fflush(stdout) | fflush(stderr);
	ret = write_all(f->fd, f->buf, f->len);
	f->len = 0;
	return ret;
}

/* Streams marked unbuffered still collect a whole call, then flush. */
static int end_of_call(FILE *f, int ret)
{
	if (f->unbuffered && fflush(f) == EOF)
		return EOF;
	return ret;
}

static int buffer_char(int c, FILE *f)
{
	if (f->len == BUFSIZ && fflush(f) == EOF)
		return EOF;
	f->buf[f->len++] = c;
	if (c == '\n' && !f->unbuffered && fflush(f) == EOF)
		return EOF;
	return (unsigned char)c;
}

int fputc(int c, FILE *f)
{
	return end_of_call(f, buffer_char(c, f));
}

int putchar(int c)
{
	return fputc(c, stdout);
}

int fputs(const char *s, FILE *f)
{
	for (; *s; s++)
		if (buffer_char(*s, f) == EOF)
			return EOF;
	return end_of_call(f, 0);
}

int puts(const char *s)
{
	if (fputs(s, stdout) == EOF)
		return EOF;
	return putchar('\n');
}

int vfprintf(FILE *f, const char *fmt, va_list ap)
{
	char small[256];
	va_list again;
	int n;

	va_copy(again, ap);
	n = vsnprintf(small, sizeof(small), fmt, ap);
	if (n < (int)sizeof(small)) {
		fputs(small, f);
	} else {
		char big[n + 1];

		vsnprintf(big, n + 1, fmt, again);
		fputs(big, f);
	}
	va_end(again);
	return n;
}

int fprintf(FILE *f, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vfprintf(f, fmt, ap);
	va_end(ap);
	return n;
}

int vprintf(const char *fmt, va_list ap)
{
	return vfprintf(stdout, fmt, ap);
}

int printf(const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vfprintf(stdout, fmt, ap);
	va_end(ap);
	return n;
}

void perror(const char *s)
{
	if (s && *s)
		fprintf(stderr, "%s: %s\n", s, strerror(errno));
	else
		fprintf(stderr, "%s\n", strerror(errno));
}

int fgetc(FILE *f)
{
	unsigned char c;
	int n;

	fflush(stdout);		/* a prompt must show before we block */
	do {
		n = read(f->fd, &c, 1);
	} while (n < 0 && errno == EINTR);
	return n == 1 ? c : EOF;
}

int getchar(void)
{
	return fgetc(stdin);
}

char *fgets(char *buf, int size, FILE *f)
{
	int i = 0;

	while (i < size - 1) {
		int c = fgetc(f);

		if (c == EOF)
			break;
		buf[i++] = c;
		if (c == '\n')
			break;
	}
	if (i == 0)
		return NULL;
	buf[i] = '\0';
	return buf;
}
