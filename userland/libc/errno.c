/*
 * errno.c - errno itself, and the names and messages of its values.
 */
#include <errno.h>
#include <string.h>
#include <stdio.h>

int errno;

struct errno_text {
	const char *name;
	const char *message;
};

static const struct errno_text errno_texts[] = {
	[EPERM]		= { "EPERM", "Operation not permitted" },
	[ENOENT]	= { "ENOENT", "No such file or directory" },
	[ESRCH]		= { "ESRCH", "No such process" },
	[EINTR]		= { "EINTR", "Interrupted system call" },
	[EIO]		= { "EIO", "Input/output error" },
	[ENXIO]		= { "ENXIO", "No such device or address" },
	[E2BIG]		= { "E2BIG", "Argument list too long" },
	[ENOEXEC]	= { "ENOEXEC", "Exec format error" },
	[EBADF]		= { "EBADF", "Bad file descriptor" },
	[ECHILD]	= { "ECHILD", "No child processes" },
	[EAGAIN]	= { "EAGAIN", "Resource temporarily unavailable" },
	[ENOMEM]	= { "ENOMEM", "Cannot allocate memory" },
	[EACCES]	= { "EACCES", "Permission denied" },
	[EFAULT]	= { "EFAULT", "Bad address" },
	[ENOTBLK]	= { "ENOTBLK", "Block device required" },
	[EBUSY]		= { "EBUSY", "Device or resource busy" },
	[EEXIST]	= { "EEXIST", "File exists" },
	[EXDEV]		= { "EXDEV", "Invalid cross-device link" },
	[ENODEV]	= { "ENODEV", "No such device" },
	[ENOTDIR]	= { "ENOTDIR", "Not a directory" },
	[EISDIR]	= { "EISDIR", "Is a directory" },
	[EINVAL]	= { "EINVAL", "Invalid argument" },
	[ENFILE]	= { "ENFILE", "Too many open files in system" },
	[EMFILE]	= { "EMFILE", "Too many open files" },
	[ENOTTY]	= { "ENOTTY", "Inappropriate ioctl for device" },
	[ETXTBSY]	= { "ETXTBSY", "Text file busy" },
	[EFBIG]		= { "EFBIG", "File too large" },
	[ENOSPC]	= { "ENOSPC", "No space left on device" },
	[ESPIPE]	= { "ESPIPE", "Illegal seek" },
	[EROFS]		= { "EROFS", "Read-only file system" },
	[EMLINK]	= { "EMLINK", "Too many links" },
	[EPIPE]		= { "EPIPE", "Broken pipe" },
	[EDOM]		= { "EDOM", "Numerical argument out of domain" },
	[ERANGE]	= { "ERANGE", "Numerical result out of range" },
	[EDEADLK]	= { "EDEADLK", "Resource deadlock avoided" },
	[ENAMETOOLONG]	= { "ENAMETOOLONG", "File name too long" },
	[ENOLCK]	= { "ENOLCK", "No locks available" },
	[ENOSYS]	= { "ENOSYS", "Function not implemented" },
	[ENOTEMPTY]	= { "ENOTEMPTY", "Directory not empty" },
	[ELOOP]		= { "ELOOP", "Too many levels of symbolic links" },
	[ENOMSG]	= { "ENOMSG", "No message of desired type" },
	[EIDRM]		= { "EIDRM", "Identifier removed" },
	[EOVERFLOW]	= { "EOVERFLOW", "Value too large for defined data type" },
	[EOPNOTSUPP]	= { "EOPNOTSUPP", "Operation not supported" },
	[ETIMEDOUT]	= { "ETIMEDOUT", "Connection timed out" },
};

#define NR_ERRNO_TEXTS	(sizeof(errno_texts) / sizeof(errno_texts[0]))

static const struct errno_text *errno_text(int errnum)
{
	if (errnum <= 0 || errnum >= (int)NR_ERRNO_TEXTS ||
	    !errno_texts[errnum].name)
		return NULL;
	return &errno_texts[errnum];
}

char *strerror(int errnum)
{
	static char unknown[32];
	const struct errno_text *t = errno_text(errnum);

	if (t)
		return (char *)t->message;
	if (errnum == 0)
		return "Success";
	snprintf(unknown, sizeof(unknown), "Unknown error %d", errnum);
	return unknown;
}

const char *strerrorname_np(int errnum)
{
	const struct errno_text *t = errno_text(errnum);

	return t ? t->name : NULL;
}
