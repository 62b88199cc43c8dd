/*
 * printf.c - the formatting engine behind every printf-family call.
 *
 * Understands flags "-0+ #", a width and precision (digits or '*'), the
 * length modifiers hh h l ll z t j, and the conversions d i u o x X c s p %
 * and f (fixed point, up to FLOAT_PREC_MAX decimals).
 * All output goes through vsnprintf; the stream functions print its buffer.
 */
#include <stdio.h>
#include <stdint.h>
#include <string.h>

/* Where formatted characters go: a buffer that may be too short. */
struct sink {
	char *buf;
	size_t size;
	size_t len;		/* characters produced, stored or not */
};

struct spec {
	int left, zero, plus, space, alt;
	int width;
	int prec;		/* -1: none given */
	int lng;		/* 0 int, 1 long, 2 long long */
	int base;
	int upper;
};

static void emit(struct sink *s, char c)
{
	if (s->len + 1 < s->size)
		s->buf[s->len] = c;
	s->len++;
}

static void emit_n(struct sink *s, char c, int n)
{
	while (n-- > 0)
		emit(s, c);
}

/* n characters of str, padded to the field width. */
static void put_chars(struct sink *s, const struct spec *sp,
		      const char *str, int n)
{
	if (!sp->left)
		emit_n(s, ' ', sp->width - n);
	for (int i = 0; i < n; i++)
		emit(s, str[i]);
	if (sp->left)
		emit_n(s, ' ', sp->width - n);
}

static void put_string(struct sink *s, const struct spec *sp, const char *str)
{
	if (!str)
		str = "(null)";
	put_chars(s, sp, str, sp->prec >= 0 ? (int)strnlen(str, sp->prec)
					    : (int)strlen(str));
}

/* Digits in reverse order; returns how many. */
static int to_digits(char *d, unsigned long long v, const struct spec *sp)
{
	const char *set = sp->upper ? "0123456789ABCDEF" : "0123456789abcdef";
	int n = 0;

	if (v == 0 && sp->prec == 0)
		return 0;		/* "%.0d" prints nothing for zero */
	do {
		d[n++] = set[v % sp->base];
		v /= sp->base;
	} while (v);
	return n;
}

static int make_prefix(char *p, const struct spec *sp, unsigned long long v,
		       int negative)
{
	int n = 0;

	if (negative)
		p[n++] = '-';
	else if (sp->plus)
		p[n++] = '+';
	else if (sp->space)
		p[n++] = ' ';
	if (sp->alt && sp->base == 16 && v) {
		p[n++] = '0';
		p[n++] = sp->upper ? 'X' : 'x';
	}
	return n;
}

static void put_number(struct sink *s, const struct spec *sp,
		       unsigned long long v, int negative)
{
	char digits[24], prefix[3];
	int nd = to_digits(digits, v, sp);
	int np = make_prefix(prefix, sp, v, negative);
	int zeros = sp->prec > nd ? sp->prec - nd : 0;
	int pad;

	if (sp->alt && sp->base == 8 && zeros == 0 &&
	    (nd == 0 || digits[nd - 1] != '0'))
		zeros = 1;
	if (sp->zero && !sp->left && sp->prec < 0 &&
	    sp->width - np - nd > zeros)
		zeros = sp->width - np - nd;
	pad = sp->width - np - zeros - nd;
	if (!sp->left)
		emit_n(s, ' ', pad);
	for (int i = 0; i < np; i++)
		emit(s, prefix[i]);
	emit_n(s, '0', zeros);
	while (nd > 0)
		emit(s, digits[--nd]);
	if (sp->left)
		emit_n(s, ' ', pad);
}

static const char *parse_flags(const char *f, struct spec *sp)
{
	for (;; f++) {
		switch (*f) {
		case '-': sp->left = 1; break;
		case '0': sp->zero = 1; break;
		case '+': sp->plus = 1; break;
		case ' ': sp->space = 1; break;
		case '#': sp->alt = 1; break;
		default: return f;
		}
	}
}

static const char *parse_number(const char *f, int *out, va_list *ap)
{
	if (*f == '*') {
		*out = va_arg(*ap, int);
		return f + 1;
	}
	*out = 0;
	while (*f >= '0' && *f <= '9')
		*out = *out * 10 + (*f++ - '0');
	return f;
}

static const char *parse_length(const char *f, struct spec *sp)
{
	sp->lng = 0;
	while (*f == 'h' || *f == 'l' || *f == 'z' || *f == 't' || *f == 'j') {
		if (*f == 'l' || *f == 'j')
			sp->lng++;
		f++;
	}
	if (sp->lng > 2)
		sp->lng = 2;
	return f;
}

/* Parse "%[flags][width][.prec][length]" up to the conversion letter. */
static const char *parse_spec(const char *f, struct spec *sp, va_list *ap)
{
	memset(sp, 0, sizeof(*sp));
	sp->prec = -1;
	f = parse_flags(f, sp);
	f = parse_number(f, &sp->width, ap);
	if (sp->width < 0) {
		sp->left = 1;
		sp->width = -sp->width;
	}
	if (*f == '.') {
		f = parse_number(f + 1, &sp->prec, ap);
		if (sp->prec < 0)
			sp->prec = -1;
	}
	return parse_length(f, sp);
}

static long long signed_arg(const struct spec *sp, va_list *ap)
{
	if (sp->lng == 2)
		return va_arg(*ap, long long);
	if (sp->lng == 1)
		return va_arg(*ap, long);
	return va_arg(*ap, int);
}

static unsigned long long unsigned_arg(const struct spec *sp, va_list *ap)
{
	if (sp->lng == 2)
		return va_arg(*ap, unsigned long long);
	if (sp->lng == 1)
		return va_arg(*ap, unsigned long);
	return va_arg(*ap, unsigned int);
}

#define FLOAT_PREC_DEFAULT	6
#define FLOAT_PREC_MAX		18	/* 10^18 still fits 64 bits */
#define FLOAT_INT_MAX		1.8e19	/* beyond: no 64-bit integer part */

static int count_digits(unsigned long long v)
{
	int n = 1;

	while (v >= 10) {
		v /= 10;
		n++;
	}
	return n;
}

/* n decimal digits of v, zero-padded on the left, into d. */
static int put_digits(char *d, unsigned long long v, int n)
{
	for (int i = n - 1; i >= 0; i--, v /= 10)
		d[i] = '0' + v % 10;
	return n;
}

/*
 * %f: sign, integer part, '.', prec decimals, rounded half up; "nan"
 * and "inf" for what has no digits (and for more than 64 bits of
 * integer part, which our programs never print).
 */
static void put_double(struct sink *s, const struct spec *sp, double v)
{
	char buf[64];
	int n = 0, prec = sp->prec < 0 ? FLOAT_PREC_DEFAULT : sp->prec;
	unsigned long long ip, fp, scale = 1;

	if (prec > FLOAT_PREC_MAX)
		prec = FLOAT_PREC_MAX;
	if (v < 0 || (v == 0 && 1 / v < 0)) {
		buf[n++] = '-';
		v = -v;
	} else if (sp->plus || sp->space) {
		buf[n++] = sp->plus ? '+' : ' ';
	}
	if (v != v || v > FLOAT_INT_MAX) {
		strcpy(buf + n, v != v ? "nan" : "inf");
		put_chars(s, sp, buf, n + 3);
		return;
	}
	for (int i = 0; i < prec; i++)
		scale *= 10;
	ip = (unsigned long long)v;
	fp = (unsigned long long)((v - (double)ip) * (double)scale + 0.5);
	if (fp >= scale) {
		ip++;
		fp -= scale;
	}
	n += put_digits(buf + n, ip, count_digits(ip));
	if (prec || sp->alt)
		buf[n++] = '.';
	n += put_digits(buf + n, fp, prec);
	put_chars(s, sp, buf, n);
}

static void convert(struct sink *s, struct spec *sp, char conv, va_list *ap)
{
	long long v;
	char c;

	sp->base = 10;
	switch (conv) {
	case 'd':
	case 'i':
		v = signed_arg(sp, ap);
		put_number(s, sp, v < 0 ? -(unsigned long long)v
					  : (unsigned long long)v, v < 0);
		break;
	case 'X':
		sp->upper = 1;
		/* fall through */
	case 'x':
		sp->base = 16;
		put_number(s, sp, unsigned_arg(sp, ap), 0);
		break;
	case 'o':
		sp->base = 8;
		/* fall through */
	case 'u':
		put_number(s, sp, unsigned_arg(sp, ap), 0);
		break;
	case 'p':
		sp->base = 16;
		sp->alt = 1;
		put_number(s, sp, (uintptr_t)va_arg(*ap, void *), 0);
		break;
	case 'c':
		c = va_arg(*ap, int);
		put_chars(s, sp, &c, 1);
		break;
	case 's':
		put_string(s, sp, va_arg(*ap, const char *));
		break;
	case 'f':
		put_double(s, sp, va_arg(*ap, double));
		break;
	default:		/* "%%", and anything we do not know */
		emit(s, conv);
	}
}

int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
	struct sink s = { buf, size, 0 };
	struct spec sp;
	va_list args;

	va_copy(args, ap);
	while (*fmt) {
		if (*fmt != '%') {
			emit(&s, *fmt++);
			continue;
		}
		fmt = parse_spec(fmt + 1, &sp, &args);
		if (!*fmt)
			break;
		convert(&s, &sp, *fmt++, &args);
	}
	va_end(args);
	if (size)
		buf[s.len < size ? s.len : size - 1] = '\0';
	return s.len;
}

int snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}

int sprintf(char *buf, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, SIZE_MAX, fmt, ap);
	va_end(ap);
	return n;
}
