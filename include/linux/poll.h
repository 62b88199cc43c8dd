#ifndef _LINUX_POLL_H
#define _LINUX_POLL_H

/*
 * poll and select (fs/select.c): a file's poll operation says which of
 * POLLIN, POLLOUT, ... hold now, and puts the caller on the wait queue
 * that will be woken when that changes (poll_wait). 1.2.13's select
 * worked the same way, with a select_table and select_wait.
 */
#include <linux/wait.h>

#define POLLIN		0x0001
#define POLLPRI		0x0002
#define POLLOUT		0x0004
#define POLLERR		0x0008
#define POLLHUP		0x0010
#define POLLNVAL	0x0020
#define POLLRDNORM	0x0040
#define POLLWRNORM	0x0100

/* What a file without a poll operation is: always ready both ways. */
#define DEFAULT_POLLMASK (POLLIN | POLLOUT | POLLRDNORM | POLLWRNORM)

#define POLL_TABLE_ENTRIES	128	/* queues one poll may wait on */

struct poll_table_entry {
	struct wait_queue wait;
	struct wait_queue **queue;
};

typedef struct poll_table_struct {
	int nr;
	struct poll_table_entry entry[POLL_TABLE_ENTRIES];
} poll_table;

struct file;

/* Wait on q too; p is NULL once the caller is already on its queues. */
void poll_wait(struct wait_queue **q, poll_table *p);

#endif
