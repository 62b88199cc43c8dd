/*
 * string.c - the freestanding string and memory helpers the kernel uses.
 *
 * memset and memcpy move four bytes at a time with the string
 * instructions (under QEMU's TCG a byte loop costs several times more);
 * the rest is plain C.
 */
#include <linux/string.h>

/* As C's: n bytes of s set to c (rep stos). Returns s. */
void *memset(void *s, int c, size_t n)
{
	unsigned long fill = (unsigned char)c * 0x01010101UL;
	int d0, d1;

	__asm__ volatile("rep stosl\n\t"
			 "movl %4, %%ecx\n\t"
			 "rep stosb"
			 : "=&c"(d0), "=&D"(d1)
			 : "a"(fill), "0"(n / 4), "g"(n % 4), "1"(s)
			 : "memory");
	return s;
}

/* As C's: n bytes from src to dst, which must not overlap (rep movs). */
void *memcpy(void *dst, const void *src, size_t n)
{
	int d0, d1, d2;

	__asm__ volatile("rep movsl\n\t"
			 "movl %4, %%ecx\n\t"
			 "rep movsb"
			 : "=&c"(d0), "=&D"(d1), "=&S"(d2)
			 : "0"(n / 4), "g"(n % 4), "1"(dst), "2"(src)
			 : "memory");
	return dst;
}

/* As C's: memcpy that allows overlap, copying backwards when it must. */
void *memmove(void *dst, const void *src, size_t n)
{
	unsigned char *d = dst;
	const unsigned char *s = src;

	if (d <= s || d >= s + n)
		return memcpy(dst, src, n);
	while (n--)
		d[n] = s[n];
	return dst;
}

/* As C's: <0, 0 or >0 as the first differing byte (unsigned) says. */
int memcmp(const void *a, const void *b, size_t n)
{
	const unsigned char *p = a, *q = b;

	for (; n; n--, p++, q++)
		if (*p != *q)
			return *p - *q;
	return 0;
}

/* As C's. */
size_t strlen(const char *s)
{
	const char *p = s;

	while (*p)
		p++;
	return p - s;
}

/* strlen, but never looking past max bytes. */
size_t strnlen(const char *s, size_t max)
{
	size_t n = 0;

	while (n < max && s[n])
		n++;
	return n;
}

/* As C's, comparing unsigned chars. */
int strcmp(const char *a, const char *b)
{
	while (*a && *a == *b)
		a++, b++;
	return (unsigned char)*a - (unsigned char)*b;
}

/* As C's: strcmp over at most n characters. */
int strncmp(const char *a, const char *b, size_t n)
{
	for (; n; n--, a++, b++) {
		if (*a != *b)
			return (unsigned char)*a - (unsigned char)*b;
		if (!*a)
			break;
	}
	return 0;
}

/* As C's: dst must have room for src and its NUL. */
char *strcpy(char *dst, const char *src)
{
	char *d = dst;

	while ((*d++ = *src++))
		;
	return dst;
}

/* Copies at most n bytes and, unlike C's strncpy, always terminates. */
char *strncpy(char *dst, const char *src, size_t n)
{
	size_t i = 0;

	if (!n)
		return dst;
	for (; i + 1 < n && src[i]; i++)
		dst[i] = src[i];
	dst[i] = '\0';
	return dst;
}

/* As C's: the first c in s (c may be the NUL), or NULL. */
char *strchr(const char *s, int c)
{
	for (; *s; s++)
		if (*s == (char)c)
			return (char *)s;
	return c ? NULL : (char *)s;
}

/* As C's: the last c in s, or NULL. */
char *strrchr(const char *s, int c)
{
	const char *last = NULL;

	do {
		if (*s == (char)c)
			last = s;
	} while (*s++);
	return (char *)last;
}

/* As C's: the first needle in hay (hay itself for an empty needle), or NULL. */
char *strstr(const char *hay, const char *needle)
{
	size_t n = strlen(needle);

	for (; *hay; hay++)
		if (!strncmp(hay, needle, n))
			return (char *)hay;
	return n ? NULL : (char *)hay;
}
