#ifndef _UAPI_LINUX_SCHED_H
#define _UAPI_LINUX_SCHED_H

/*
 * clone's flags (Linux's values): the low byte is the signal the parent
 * gets when the child ends; the rest say what the child shares.
 */
#define CSIGNAL			0x000000ff
#define CLONE_VM		0x00000100	/* one address space */
#define CLONE_FS		0x00000200	/* cwd, umask */
#define CLONE_FILES		0x00000400	/* the descriptor table */
#define CLONE_SIGHAND		0x00000800	/* the signal handlers */
#define CLONE_PIDFD		0x00001000
#define CLONE_PTRACE		0x00002000
#define CLONE_VFORK		0x00004000	/* parent sleeps until exec/exit */
#define CLONE_PARENT		0x00008000	/* a sibling, not a child */
#define CLONE_THREAD		0x00010000	/* the same thread group */
#define CLONE_NEWNS		0x00020000
#define CLONE_SYSVSEM		0x00040000	/* SEM_UNDO records */
#define CLONE_SETTLS		0x00080000
#define CLONE_PARENT_SETTID	0x00100000
#define CLONE_CHILD_CLEARTID	0x00200000
#define CLONE_DETACHED		0x00400000	/* ignored, as on Linux */
#define CLONE_UNTRACED		0x00800000
#define CLONE_CHILD_SETTID	0x01000000
#define CLONE_NAMESPACES	0x7e020000	/* CLONE_NEWNS .. CLONE_NEWNET */
#define CLONE_IO		0x80000000

#endif
