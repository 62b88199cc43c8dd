/*
 * random.c - unpredictable-enough bytes for AT_RANDOM and getrandom(2).
 *
 * Not in 1.2.13 (random.c came with 1.3.30). Lintel's generator is not
 * cryptographic: a 64-bit state stirred with the time-stamp counter (or
 * jiffies where there is none) at every call, and each output word run
 * through splitmix64's finaliser. That is enough for what programs use
 * these bytes for here (glibc's stack protector and pointer guard, hash
 * seeds), and it never blocks, so getrandom's flags change nothing.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/random.h>
#include <asm/segment.h>
#include <asm/cpufeature.h>

#define GOLDEN_GAMMA	0x9E3779B97F4A7C15ULL	/* splitmix64's increment */
#define MIX_MUL1	0xBF58476D1CE4E5B9ULL
#define MIX_MUL2	0x94D049BB133111EBULL
#define GRND_ALL	(GRND_NONBLOCK | GRND_RANDOM | GRND_INSECURE)
#define GETRANDOM_CHUNK	256	/* bytes made and copied out at a time */
#define MAX_RW_COUNT	0x7FFFF000UL	/* Linux caps one call at this */

static unsigned long long pool;

/* Something that changes between calls: the TSC, or jiffies without one. */
static unsigned long long entropy_sample(void)
{
	unsigned long lo, hi;

	if (!(x86_features() & X86_FEATURE_TSC))
		return jiffies + CURRENT_TIME;
	__asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi));
	return ((unsigned long long)hi << 32 | lo) ^ CURRENT_TIME;
}

/* splitmix64's output function: every input bit reaches every output bit. */
static unsigned long long mix64(unsigned long long z)
{
	z = (z ^ (z >> 30)) * MIX_MUL1;
	z = (z ^ (z >> 27)) * MIX_MUL2;
	return z ^ (z >> 31);
}

/*
 * get_random_bytes - fill buf with nbytes of generator output.
 * Callable from any context; never sleeps.
 */
void get_random_bytes(void *buf, int nbytes)
{
	unsigned char *p = buf;
	unsigned long long word;
	int n;

	pool ^= entropy_sample();
	while (nbytes > 0) {
		pool += GOLDEN_GAMMA;
		word = mix64(pool);
		n = nbytes < (int)sizeof(word) ? nbytes : (int)sizeof(word);
		memcpy(p, &word, n);
		p += n;
		nbytes -= n;
	}
}

/*
 * getrandom(buf, count, flags) - as Linux: EINVAL for unknown flags or
 * GRND_INSECURE with GRND_RANDOM, at most MAX_RW_COUNT bytes, EFAULT if
 * nothing could be copied, otherwise the number of bytes written.
 */
long sys_getrandom(char *buf, unsigned long count, unsigned int flags)
{
	unsigned char chunk[GETRANDOM_CHUNK];
	unsigned long done = 0, n;

	if ((flags & ~GRND_ALL) ||
	    (flags & (GRND_INSECURE | GRND_RANDOM)) ==
	    (GRND_INSECURE | GRND_RANDOM))
		return -EINVAL;
	if (count > MAX_RW_COUNT)
		count = MAX_RW_COUNT;
	while (done < count) {
		if (signal_pending(current))
			break;
		n = count - done < sizeof(chunk) ? count - done : sizeof(chunk);
		get_random_bytes(chunk, n);
		if (memcpy_tofs(buf + done, chunk, n))
			return done ? (long)done : -EFAULT;
		done += n;
	}
	memset(chunk, 0, sizeof(chunk));
	return done ? (long)done : (count ? -EINTR : 0);
}
