/*
 * stdio.h - formatted output and line input on file descriptors.
 *
 * stdout is line buffered (flushed at every newline, and by fork, exec
 * and exit, so output order survives fork); stderr is unbuffered; input
 * reads fd 0 one byte at a time so nothing past a line is consumed.
 */
#ifndef _STDIO_H
#define _STDIO_H

#include <stddef.h>
#include <stdarg.h>

#define EOF		(-1)
#define BUFSIZ		1024

typedef struct __file FILE;

extern FILE *stdin, *stdout, *stderr;

int printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int fprintf(FILE *f, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
int sprintf(char *buf, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
int snprintf(char *buf, size_t size, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
int vprintf(const char *fmt, va_list ap);
int vfprintf(FILE *f, const char *fmt, va_list ap);
int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);

int fputc(int c, FILE *f);
int putchar(int c);
int fputs(const char *s, FILE *f);
int puts(const char *s);
int fflush(FILE *f);
void perror(const char *s);

int fgetc(FILE *f);
int getchar(void);
char *fgets(char *buf, int size, FILE *f);

#endif
