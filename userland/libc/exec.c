/*
 * exec.c - the exec variants built on execve.
 */
#include <unistd.h>
#include <string.h>
#include <stdlib.h>
#include <errno.h>

#define DEFAULT_PATH	"/bin:/usr/bin"
#define PATH_MAX_LEN	256

int execv(const char *path, char *const argv[])
{
	return execve(path, argv, environ);
}

/*
 * Try file in each PATH directory in turn. A file that exists but
 * cannot run (EACCES, ENOEXEC...) is the error to report, rather than
 * the ENOENT of the directories that lack it.
 */
int execvp(const char *file, char *const argv[])
{
	const char *path = getenv("PATH");
	char full[PATH_MAX_LEN];
	int err = ENOENT;

	if (strchr(file, '/'))
		return execv(file, argv);
	if (!path)
		path = DEFAULT_PATH;
	while (*path) {
		size_t dirlen = strcspn(path, ":");

		if (dirlen + strlen(file) + 2 <= sizeof(full)) {
			memcpy(full, path, dirlen);
			full[dirlen] = '/';
			strcpy(full + dirlen + 1, file);
			execv(full, argv);
			if (errno != ENOENT)
				err = errno;
		}
		path += dirlen + (path[dirlen] == ':');
	}
	errno = err;
	return -1;
}
