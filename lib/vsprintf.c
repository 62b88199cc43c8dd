/*
 * vsprintf.c - the kernel's printf engine.
 *
 * Conversions: %d %i %u %x %X %p %s %c %%, with a field width (or *),
 * the '0' and '-' flags, a precision for %s (or .*), and the 'l' length
 * (a no-op on i386, accepted for Linux-style code) and 'll' (64-bit).
 * Output is always NUL-terminated and never runs past the buffer; the
 * return value is the length the whole output would have had, as in C99.
 */
#include <linux/kernel.h>
#include <linux/string.h>

struct out {
	char *buf;
	size_t size;
	size_t len;	/* characters produced so far, stored or not */
};

struct spec {
	int left;	/* '-' flag */
	char pad;	/* ' ' or '0' */
	int width;
	int precision;	/* -1: none */
};

/* One character: stored if it fits beside the NUL, counted either way. */
static void put(struct out *o, char c)
{
	if (o->len + 1 < o->size)
		o->buf[o->len] = c;
	o->len++;
}

/* n characters of s, padded to the field width on the side sp says. */
static void put_padded(struct out *o, const char *s, int n, struct spec *sp)
{
	int fill = sp->width > n ? sp->width - n : 0;

	if (!sp->left)
		while (fill-- > 0)
			put(o, sp->pad);
	while (n--)
		put(o, *s++);
	if (sp->left)
		while (fill-- > 0)
			put(o, ' ');
}

/* Format an unsigned number; a '-' sign goes before any zero padding. */
static void put_number(struct out *o, unsigned long long v, int base,
		       int upper, int negative, struct spec *sp)
{
	const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	char tmp[24];
	int i = sizeof(tmp);

	do {
		tmp[--i] = digits[v % base];
		v /= base;
	} while (v);
	if (negative) {
		if (sp->pad == '0' && !sp->left) {
			put(o, '-');
			if (sp->width)
				sp->width--;
		} else {
			tmp[--i] = '-';
		}
	}
	put_padded(o, tmp + i, sizeof(tmp) - i, sp);
}

/*
 * Read the flags, width and precision after a '%' into sp (a '*' takes
 * the next int argument); returns where the length and conversion start.
 */
static const char *parse_spec(const char *fmt, struct spec *sp, va_list *ap)
{
	sp->left = 0;
	sp->pad = ' ';
	sp->width = 0;
	sp->precision = -1;
	for (;; fmt++) {
		if (*fmt == '-')
			sp->left = 1;
		else if (*fmt == '0')
			sp->pad = '0';
		else
			break;
	}
	if (*fmt == '*') {
		sp->width = va_arg(*ap, int);
		fmt++;
	}
	while (*fmt >= '0' && *fmt <= '9')
		sp->width = sp->width * 10 + (*fmt++ - '0');
	if (*fmt == '.') {
		sp->precision = 0;
		if (*++fmt == '*') {
			sp->precision = va_arg(*ap, int);
			fmt++;
		}
		for (; *fmt >= '0' && *fmt <= '9'; fmt++)
			sp->precision = sp->precision * 10 + (*fmt - '0');
	}
	return fmt;
}

/* A signed decimal: its magnitude through put_number, with the sign. */
static void put_signed(struct out *o, long long v, struct spec *sp)
{
	unsigned long long mag = v < 0 ? -(unsigned long long)v
				       : (unsigned long long)v;

	put_number(o, mag, 10, 0, v < 0, sp);
}

/* %s: at most precision characters; a NULL pointer prints "(null)". */
static void put_string(struct out *o, const char *s, struct spec *sp)
{
	if (!s)
		s = "(null)";
	put_padded(o, s, sp->precision >= 0 ? (int)strnlen(s, sp->precision)
					    : (int)strlen(s), sp);
}

/*
 * The printf engine: format into buf, never more than size bytes with
 * the NUL. Returns the length the whole output would have had, so a
 * result >= size means it was cut (printk and /proc rely on that).
 */
int vsnprintf(char *buf, size_t size, const char *fmt, va_list args)
{
	struct out o = { buf, size, 0 };
	struct spec sp;
	va_list ap;
	int longlong;

	va_copy(ap, args);
	for (; *fmt; fmt++) {
		if (*fmt != '%') {
			put(&o, *fmt);
			continue;
		}
		fmt = parse_spec(fmt + 1, &sp, &ap);
		longlong = 0;
		while (*fmt == 'l') {
			longlong += 1;
			fmt++;
		}
		longlong = longlong >= 2;
		switch (*fmt) {
		case 'd':
		case 'i':
			put_signed(&o, longlong ? va_arg(ap, long long)
						: va_arg(ap, long), &sp);
			break;
		case 'u':
		case 'x':
		case 'X':
			put_number(&o, longlong ? va_arg(ap, unsigned long long)
						: va_arg(ap, unsigned long),
				   *fmt == 'u' ? 10 : 16, *fmt == 'X', 0, &sp);
			break;
		case 'p':
			put(&o, '0');
			put(&o, 'x');
			sp.pad = '0';
			sp.width = 8;
			put_number(&o, (unsigned long)va_arg(ap, void *), 16,
				   0, 0, &sp);
			break;
		case 's':
			put_string(&o, va_arg(ap, const char *), &sp);
			break;
		case 'c': {
			char c = (char)va_arg(ap, int);

			put_padded(&o, &c, 1, &sp);
			break;
		}
		case '%':
			put(&o, '%');
			break;
		case '\0':
			fmt--;
			break;
		default:	/* unknown: print it as written */
			put(&o, '%');
			put(&o, *fmt);
			break;
		}
	}
	va_end(ap);
	if (size)
		buf[o.len < size ? o.len : size - 1] = '\0';
	return (int)o.len;
}

/* vsnprintf with the arguments inline. */
int snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}

/* Callers of sprintf promise the buffer is big enough (kernel style). */
int sprintf(char *buf, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, (size_t)-1 / 2, fmt, ap);
	va_end(ap);
	return n;
}

/*
 * The number at cp in base (0: C's rules, 0x for hex and 0 for octal),
 * read up to the first character that is not a digit of the base; *endp
 * (if endp) is set there. No sign, no overflow check: for the command
 * line and /proc input, where the kernel checks ranges itself.
 */
unsigned long simple_strtoul(const char *cp, char **endp, unsigned int base)
{
	unsigned long v = 0;
	unsigned int d;

	if (!base) {
		base = 10;
		if (cp[0] == '0') {
			base = 8;
			cp++;
			if (*cp == 'x' || *cp == 'X') {
				base = 16;
				cp++;
			}
		}
	} else if (base == 16 && cp[0] == '0' && (cp[1] == 'x' || cp[1] == 'X')) {
		cp += 2;
	}
	for (;; cp++) {
		if (*cp >= '0' && *cp <= '9')
			d = *cp - '0';
		else if (*cp >= 'a' && *cp <= 'f')
			d = *cp - 'a' + 10;
		else if (*cp >= 'A' && *cp <= 'F')
			d = *cp - 'A' + 10;
		else
			break;
		if (d >= base)
			break;
		v = v * base + d;
	}
	if (endp)
		*endp = (char *)cp;
	return v;
}
