/*
 * helper_shm.h - what test_shm_fork and helper_shm agree on.
 */
#ifndef _HELPER_SHM_H
#define _HELPER_SHM_H

/* Where "reply" writes its answer in the segment. */
#define HELPER_REPLY_OFFSET	1024

/* The hand-shake word of "hold": the helper sets HOLDING, the test
 * answers RELEASE. */
#define HELPER_HOLDING		3
#define HELPER_RELEASE		4

/* Exit statuses. */
#define HELPER_EXIT_USAGE	2
#define HELPER_EXIT_SHMGET	3
#define HELPER_EXIT_SHMAT	4
#define HELPER_EXIT_MISMATCH	5
#define HELPER_EXIT_SHMDT	6
#define HELPER_EXIT_TIMEOUT	7

#endif
