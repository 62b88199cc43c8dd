/* sched.h - giving up the processor. */
#ifndef _SCHED_H
#define _SCHED_H

int sched_yield(void);

#endif
