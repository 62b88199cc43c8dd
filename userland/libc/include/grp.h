/*
 * grp.h - groups. Of this header's functions Lintel's libc has only
 * setgroups() so far; it is declared in <unistd.h>, which glibc does not
 * do, so portable programs include this header for it.
 */
#ifndef _GRP_H
#define _GRP_H

#include <unistd.h>

#endif
