#ifndef _LINUX_RANDOM_H
#define _LINUX_RANDOM_H

/* drivers/char/random.c: bytes for AT_RANDOM and getrandom(2). */
#define GRND_NONBLOCK	0x0001
#define GRND_RANDOM	0x0002
#define GRND_INSECURE	0x0004

void get_random_bytes(void *buf, int nbytes);
long sys_getrandom(char *buf, unsigned long count, unsigned int flags);

#endif
