/*
 * auxv.h - find the aux vector the kernel put above envp, without
 * getauxval (our libc has none): main's envp, walked to its NULL.
 */
#ifndef _AUXV_H
#define _AUXV_H

#define AT_NULL		0
#define AT_PHDR		3
#define AT_PHENT	4
#define AT_PHNUM	5
#define AT_PAGESZ	6
#define AT_ENTRY	9
#define AT_UID		11
#define AT_EUID		12
#define AT_GID		13
#define AT_EGID		14
#define AT_PLATFORM	15
#define AT_HWCAP	16
#define AT_CLKTCK	17
#define AT_SECURE	23
#define AT_RANDOM	25
#define AT_EXECFN	31
#define AT_RANDOM_BYTES	16

/* The first (type, value) pair after envp's terminating NULL. */
static inline unsigned long *find_auxv(char **envp)
{
	while (*envp)
		envp++;
	return (unsigned long *)(envp + 1);
}

/* The value of entry type, and *found = 1, or 0 and *found = 0. */
static inline unsigned long aux_get(const unsigned long *auxv,
				    unsigned long type, int *found)
{
	for (; auxv[0] != AT_NULL; auxv += 2)
		if (auxv[0] == type) {
			*found = 1;
			return auxv[1];
		}
	*found = 0;
	return 0;
}

#endif
