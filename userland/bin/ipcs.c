/*
 * ipcs - show the System V shared memory segments, as util-linux does.
 *
 *	ipcs [-m|-a] [-l|-u|-p|-c]
 *
 * Lintel has shared memory only, so -m (and -a, and no option) mean the
 * same thing. The list comes from the kernel itself: SHM_INFO returns the
 * highest index in use, and SHM_STAT on each index returns the segment's
 * id and fields (indexes are not ids: an id also carries a sequence
 * number). -l prints the limits from IPC_INFO, -u the totals from
 * SHM_INFO, -p creator and last pids, -c creator and owner ids. Owners
 * are shown as numbers, 0 as root: there is no password file to ask.
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/ipc.h>
#include <sys/shm.h>

#define PAGE_KIB	4	/* SHM_INFO and shmall count 4 KiB pages */

enum format { LIST, LIMITS, SUMMARY, PIDS, CREATOR };

static int usage(void)
{
	fprintf(stderr, "usage: ipcs [-m|-a] [-l|-u|-p|-c]\n"
		"  -m, -a  shared memory segments (all Lintel has)\n"
		"  -l      limits    -u  summary\n"
		"  -p      pids      -c  creator and owner\n");
	return 2;
}

/*
 * A user or group id in a 10-wide column, "root" for 0, else a number;
 * then `end' (the column gap, or the end of the line).
 */
static void print_id(unsigned int id, const char *end)
{
	if (id == 0)
		printf("%-10s%s", "root", end);
	else
		printf("%-10u%s", id, end);
}

static void print_segment(enum format format, int id,
			  const struct shmid_ds *ds)
{
	const struct ipc_perm *perm = &ds->shm_perm;

	switch (format) {
	case PIDS:
		printf("%-10d ", id);
		print_id(perm->uid, " ");
		printf("%-10d %-10d\n", ds->shm_cpid, ds->shm_lpid);
		break;
	case CREATOR:
		printf("%-10d %-10o ", id, perm->mode & 0777);
		print_id(perm->cuid, " ");
		print_id(perm->cgid, " ");
		print_id(perm->uid, " ");
		print_id(perm->gid, "\n");
		break;
	default:
		printf("0x%08x %-10d ", (unsigned int)perm->__key, id);
		print_id(perm->uid, " ");
		printf("%-10o %-10u %-10lu %-6s %-6s\n", perm->mode & 0777,
		       (unsigned int)ds->shm_segsz, ds->shm_nattch,
		       perm->mode & SHM_DEST ? "dest" : " ",
		       perm->mode & SHM_LOCKED ? "locked" : " ");
		break;
	}
}

/* Every segment we may read, in index order. */
static int list_segments(enum format format)
{
	struct shm_info info;
	struct shmid_ds ds;
	int max, idx, id;

	max = shmctl(0, SHM_INFO, (struct shmid_ds *)&info);
	if (max < 0) {
		perror("ipcs: SHM_INFO");
		return 1;
	}
	switch (format) {
	case PIDS:
		printf("\n------ Shared Memory Creator/Last-op PIDs --------\n");
		printf("%-10s %-10s %-10s %-10s\n", "shmid", "owner", "cpid",
		       "lpid");
		break;
	case CREATOR:
		printf("\n------ Shared Memory Segment Creators/Owners "
		       "--------\n");
		printf("%-10s %-10s %-10s %-10s %-10s %-10s\n", "shmid",
		       "perms", "cuid", "cgid", "uid", "gid");
		break;
	default:
		printf("\n------ Shared Memory Segments --------\n");
		printf("%-10s %-10s %-10s %-10s %-10s %-10s %-12s\n", "key",
		       "shmid", "owner", "perms", "bytes", "nattch", "status");
		break;
	}
	for (idx = 0; idx <= max; idx++) {
		id = shmctl(idx, SHM_STAT, &ds);
		if (id >= 0)
			print_segment(format, id, &ds);
	}
	printf("\n");
	return 0;
}

static int print_limits(void)
{
	struct shminfo si;

	if (shmctl(0, IPC_INFO, (struct shmid_ds *)&si) < 0) {
		perror("ipcs: IPC_INFO");
		return 1;
	}
	printf("\n------ Shared Memory Limits --------\n");
	printf("max number of segments = %lu\n", si.shmmni);
	printf("max seg size (kbytes) = %lu\n", si.shmmax >> 10);
	printf("max total shared memory (kbytes) = %llu\n",
	       (unsigned long long)si.shmall * PAGE_KIB);
	printf("min seg size (bytes) = %lu\n", si.shmmin);
	printf("\n");
	return 0;
}

static int print_summary(void)
{
	struct shm_info info;

	if (shmctl(0, SHM_INFO, (struct shmid_ds *)&info) < 0) {
		perror("ipcs: SHM_INFO");
		return 1;
	}
	printf("\n------ Shared Memory Status --------\n");
	printf("segments allocated %d\n", info.used_ids);
	printf("pages allocated %lu\n", info.shm_tot);
	printf("pages resident  %lu\n", info.shm_rss);
	printf("pages swapped   %lu\n", info.shm_swp);
	printf("Swap performance: %lu attempts\t %lu successes\n",
	       info.swap_attempts, info.swap_successes);
	printf("\n");
	return 0;
}

int main(int argc, char **argv)
{
	enum format format = LIST;
	int c;

	while ((c = getopt(argc, argv, "malupc")) != -1) {
		switch (c) {
		case 'm':
		case 'a':
			break;
		case 'l':
			format = LIMITS;
			break;
		case 'u':
			format = SUMMARY;
			break;
		case 'p':
			format = PIDS;
			break;
		case 'c':
			format = CREATOR;
			break;
		default:
			return usage();
		}
	}
	if (optind != argc)
		return usage();
	if (format == LIMITS)
		return print_limits();
	if (format == SUMMARY)
		return print_summary();
	return list_segments(format);
}
