#ifndef _LINUX_WAIT_H
#define _LINUX_WAIT_H

/* A wait queue is a list of sleepers (1.2.13's circular list, simplified). */
struct task_struct;

struct wait_queue {
	struct task_struct *task;
	struct wait_queue *next;
};

void add_wait_queue(struct wait_queue **q, struct wait_queue *w);
void remove_wait_queue(struct wait_queue **q, struct wait_queue *w);
void sleep_on(struct wait_queue **q);
void interruptible_sleep_on(struct wait_queue **q);
void wake_up(struct wait_queue **q);
void wake_up_interruptible(struct wait_queue **q);

#endif
