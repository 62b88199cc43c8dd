/*
 * ipcs - show System V IPC objects, as util-linux does.
 *
 *	ipcs [-q] [-m] [-s] [-a] [-l|-u|-p|-c] [-i id]
 *
 * -q message queues, -m shared memory, -s semaphore arrays; none of them
 * (or -a) means all three, in util-linux's order. The lists come from
 * the kernel itself: MSG_INFO, SHM_INFO and SEM_INFO return the highest
 * index in use, and the _STAT commands on each index return the object's
 * id and fields (an index is not an id: an id also carries a sequence
 * number). -l prints the limits (IPC_INFO), -u the totals (the _INFO
 * commands), -p pids, -c creators and owners, -i one object in full.
 * Owners are numbers, 0 as root: there is no password file to ask.
 * Times are UTC: Lintel has no time zone.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/ipc.h>
#include <sys/shm.h>
#include <sys/sem.h>
#include <sys/msg.h>

#define PAGE_KIB	4	/* SHM_INFO and shmall count 4 KiB pages */

enum format { LIST, LIMITS, SUMMARY, PIDS, CREATOR };
enum { QUEUES = 1, SHM = 2, SEMS = 4 };

static int usage(void)
{
	fprintf(stderr, "usage: ipcs [-q] [-m] [-s] [-a] [-l|-u|-p|-c] "
		"[-i id]\n"
		"  -q  message queues   -m  shared memory   -s  semaphores\n"
		"  -a  all three (the default)\n"
		"  -l  limits   -u  summary   -p  pids   -c  creator and owner\n"
		"  -i id  one object in full (with -q, -m or -s)\n");
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

static void print_creator(int id, const struct ipc_perm *perm)
{
	printf("%-10d %-10o ", id, perm->mode & 0777);
	print_id(perm->cuid, " ");
	print_id(perm->cgid, " ");
	print_id(perm->uid, " ");
	print_id(perm->gid, "\n");
}

static void print_heading(const char *title, enum format format,
			  const char *idname, const char *columns)
{
	printf("\n------ %s --------\n", title);
	if (format == CREATOR)
		printf("%-10s %-10s %-10s %-10s %-10s %-10s\n", idname,
		       "perms", "cuid", "cgid", "uid", "gid");
	else
		printf("%s\n", columns);
}

/* ---- times, for -i --------------------------------------------------- */

/* "Fri Dec  4 18:57:52 2026" (UTC), or "Not set" for 0, in 26 columns. */
static void print_time(const char *label, unsigned long t)
{
	static const char days[] = "ThuFriSatSunMonTueWed";
	static const char months[] = "JanFebMarAprMayJunJulAugSepOctNovDec";
	static const int mdays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31,
				     30, 31 };
	unsigned long d = t / 86400, s = t % 86400;
	int year = 1970, mon = 0, len;
	char buf[32];

	if (!t) {
		printf("%s%-26s\n", label, "Not set");
		return;
	}
	for (;; year++) {
		len = (year % 4 == 0 && (year % 100 || year % 400 == 0)) ?
		      366 : 365;
		if (d < (unsigned long)len)
			break;
		d -= len;
	}
	for (; d >= (unsigned long)mdays[mon] + (mon == 1 && len == 366);
	     mon++)
		d -= mdays[mon] + (mon == 1 && len == 366);
	snprintf(buf, sizeof(buf), "%.3s %.3s %2lu %02lu:%02lu:%02lu %d",
		 days + (t / 86400 % 7) * 3, months + mon * 3, d + 1, s / 3600,
		 s / 60 % 60, s % 60, year);
	printf("%s%-26s\n", label, buf);
}

/* ---- message queues -------------------------------------------------- */

static void print_queue(enum format format, int id, struct msqid_ds *ds)
{
	if (format == CREATOR) {
		print_creator(id, &ds->msg_perm);
	} else if (format == PIDS) {
		printf("%-8d ", id);	/* util-linux's widths, uneven */
		print_id(ds->msg_perm.uid, "");
		printf("  %5d     %5d\n", ds->msg_lspid, ds->msg_lrpid);
	} else {
		printf("0x%08x %-10d ", (unsigned int)ds->msg_perm.__key, id);
		print_id(ds->msg_perm.uid, " ");
		printf("%-10o %-12lu %-12lu\n", ds->msg_perm.mode & 0777,
		       ds->__msg_cbytes, ds->msg_qnum);
	}
}

static int list_queues(enum format format)
{
	struct msqid_ds ds;
	struct msginfo info;
	int max = msgctl(0, MSG_INFO, (struct msqid_ds *)&info), idx, id;

	if (max < 0) {
		perror("ipcs: MSG_INFO");
		return 1;
	}
	print_heading(format == CREATOR ? "Message Queues Creators/Owners" :
		      format == PIDS ? "Message Queues PIDs" : "Message Queues",
		      format, "msqid",
		      format == PIDS ? "msqid      owner      lspid      lrpid     "
		      : "key        msqid      owner      perms      "
			"used-bytes   messages    ");
	for (idx = 0; idx <= max; idx++) {
		id = msgctl(idx, MSG_STAT, &ds);
		if (id >= 0)
			print_queue(format, id, &ds);
	}
	return 0;
}

static int queue_limits(int summary)
{
	struct msginfo mi;

	if (msgctl(0, summary ? MSG_INFO : IPC_INFO,
		   (struct msqid_ds *)&mi) < 0) {
		perror("ipcs: msgctl");
		return 1;
	}
	if (summary) {
		printf("\n------ Messages Status --------\n");
		printf("allocated queues = %d\n", mi.msgpool);
		printf("used headers = %d\n", mi.msgmap);
		printf("used space = %d bytes\n", mi.msgtql);
	} else {
		printf("\n------ Messages Limits --------\n");
		printf("max queues system wide = %d\n", mi.msgmni);
		printf("max size of message (bytes) = %d\n", mi.msgmax);
		printf("default max size of queue (bytes) = %d\n", mi.msgmnb);
	}
	return 0;
}

static int show_queue(int id)
{
	struct msqid_ds ds;

	if (msgctl(id, IPC_STAT, &ds) < 0) {
		fprintf(stderr, "ipcs: id %d not found\n", id);
		return 1;
	}
	printf("\nMessage Queue msqid=%d\n", id);
	printf("uid=%u\tgid=%u\tcuid=%u\tcgid=%u\tmode=%#o\n", ds.msg_perm.uid,
	       ds.msg_perm.gid, ds.msg_perm.cuid, ds.msg_perm.cgid,
	       ds.msg_perm.mode);
	printf("cbytes=%lu\tqbytes=%lu\tqnum=%lu\tlspid=%d\tlrpid=%d\n",
	       ds.__msg_cbytes, ds.msg_qbytes, ds.msg_qnum, ds.msg_lspid,
	       ds.msg_lrpid);
	print_time("send_time=", ds.msg_stime);
	print_time("rcv_time=", ds.msg_rtime);
	print_time("change_time=", ds.msg_ctime);
	printf("\n");
	return 0;
}

/* ---- shared memory --------------------------------------------------- */

static void print_segment(enum format format, int id, struct shmid_ds *ds)
{
	const struct ipc_perm *perm = &ds->shm_perm;

	if (format == CREATOR) {
		print_creator(id, perm);
	} else if (format == PIDS) {
		printf("%-10d ", id);
		print_id(perm->uid, " ");
		printf("%-10d %-10d\n", ds->shm_cpid, ds->shm_lpid);
	} else {
		printf("0x%08x %-10d ", (unsigned int)perm->__key, id);
		print_id(perm->uid, " ");
		printf("%-10o %-10u %-10lu %-6s %-6s\n", perm->mode & 0777,
		       (unsigned int)ds->shm_segsz, ds->shm_nattch,
		       perm->mode & SHM_DEST ? "dest" : " ",
		       perm->mode & SHM_LOCKED ? "locked" : " ");
	}
}

static int list_segments(enum format format)
{
	struct shm_info info;
	struct shmid_ds ds;
	int max = shmctl(0, SHM_INFO, (struct shmid_ds *)&info), idx, id;

	if (max < 0) {
		perror("ipcs: SHM_INFO");
		return 1;
	}
	print_heading(format == CREATOR ? "Shared Memory Segment Creators/Owners"
		      : format == PIDS ? "Shared Memory Creator/Last-op PIDs"
		      : "Shared Memory Segments", format, "shmid",
		      format == PIDS ? "shmid      owner      cpid       lpid      "
		      : "key        shmid      owner      perms      bytes      "
			"nattch     status      ");
	for (idx = 0; idx <= max; idx++) {
		id = shmctl(idx, SHM_STAT, &ds);
		if (id >= 0)
			print_segment(format, id, &ds);
	}
	return 0;
}

static int segment_limits(int summary)
{
	struct shm_info info;
	struct shminfo si;

	if (summary) {
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
		return 0;
	}
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
	return 0;
}

static int show_segment(int id)
{
	struct shmid_ds ds;

	if (shmctl(id, IPC_STAT, &ds) < 0) {
		fprintf(stderr, "ipcs: id %d not found\n", id);
		return 1;
	}
	printf("\nShared memory Segment shmid=%d\n", id);
	printf("uid=%u\tgid=%u\tcuid=%u\tcgid=%u\n", ds.shm_perm.uid,
	       ds.shm_perm.gid, ds.shm_perm.cuid, ds.shm_perm.cgid);
	printf("mode=%#o\taccess_perms=%#o\n", ds.shm_perm.mode,
	       ds.shm_perm.mode & 0777);
	printf("bytes=%lu\tlpid=%d\tcpid=%d\tnattch=%lu\n",
	       (unsigned long)ds.shm_segsz, ds.shm_lpid, ds.shm_cpid,
	       ds.shm_nattch);
	print_time("att_time=", ds.shm_atime);
	print_time("det_time=", ds.shm_dtime);
	print_time("change_time=", ds.shm_ctime);
	printf("\n");
	return 0;
}

/* ---- semaphores ------------------------------------------------------ */

static void print_array(enum format format, int id, struct semid_ds *ds)
{
	if (format == CREATOR) {
		print_creator(id, &ds->sem_perm);
		return;
	}
	printf("0x%08x %-10d ", (unsigned int)ds->sem_perm.__key, id);
	print_id(ds->sem_perm.uid, " ");
	printf("%-10o %-10lu\n", ds->sem_perm.mode & 0777, ds->sem_nsems);
}

static int list_arrays(enum format format)
{
	struct seminfo info;
	struct semid_ds ds;
	int max = semctl(0, 0, SEM_INFO, &info), idx, id;

	if (max < 0) {
		perror("ipcs: SEM_INFO");
		return 1;
	}
	if (format == PIDS)		/* util-linux has no pids for arrays */
		return 0;
	print_heading(format == CREATOR ? "Semaphore Arrays Creators/Owners"
		      : "Semaphore Arrays", format, "semid",
		      "key        semid      owner      perms      nsems     ");
	for (idx = 0; idx <= max; idx++) {
		id = semctl(idx, 0, SEM_STAT, &ds);
		if (id >= 0)
			print_array(format, id, &ds);
	}
	return 0;
}

static int array_limits(int summary)
{
	struct seminfo si;

	if (semctl(0, 0, summary ? SEM_INFO : IPC_INFO, &si) < 0) {
		perror("ipcs: semctl");
		return 1;
	}
	if (summary) {
		printf("\n------ Semaphore Status --------\n");
		printf("used arrays = %d\n", si.semusz);
		printf("allocated semaphores = %d\n", si.semaem);
	} else {
		printf("\n------ Semaphore Limits --------\n");
		printf("max number of arrays = %d\n", si.semmni);
		printf("max semaphores per array = %d\n", si.semmsl);
		printf("max semaphores system wide = %d\n", si.semmns);
		printf("max ops per semop call = %d\n", si.semopm);
		printf("semaphore max value = %d\n", si.semvmx);
	}
	return 0;
}

static int show_array(int id)
{
	struct semid_ds ds;
	unsigned long i;

	if (semctl(id, 0, IPC_STAT, &ds) < 0) {
		fprintf(stderr, "ipcs: id %d not found\n", id);
		return 1;
	}
	printf("\nSemaphore Array semid=%d\n", id);
	printf("uid=%u\t gid=%u\t cuid=%u\t cgid=%u\n", ds.sem_perm.uid,
	       ds.sem_perm.gid, ds.sem_perm.cuid, ds.sem_perm.cgid);
	printf("mode=%#o, access_perms=%#o\n", ds.sem_perm.mode,
	       ds.sem_perm.mode & 0777);
	printf("nsems = %lu\n", ds.sem_nsems);
	print_time("otime = ", ds.sem_otime);
	print_time("ctime = ", ds.sem_ctime);
	printf("%-10s %-10s %-10s %-10s %-10s\n", "semnum", "value", "ncount",
	       "zcount", "pid");
	for (i = 0; i < ds.sem_nsems; i++)
		printf("%-10lu %-10d %-10d %-10d %-10d\n", i,
		       semctl(id, i, GETVAL), semctl(id, i, GETNCNT),
		       semctl(id, i, GETZCNT), semctl(id, i, GETPID));
	printf("\n");
	return 0;
}

/* ---- the command line ------------------------------------------------ */

static int show_all(int which, enum format format)
{
	int err = 0;

	if (which & QUEUES)
		err |= format == LIMITS || format == SUMMARY ?
		       queue_limits(format == SUMMARY) : list_queues(format);
	if (which & SHM)
		err |= format == LIMITS || format == SUMMARY ?
		       segment_limits(format == SUMMARY) :
		       list_segments(format);
	if (which & SEMS)
		err |= format == LIMITS || format == SUMMARY ?
		       array_limits(format == SUMMARY) : list_arrays(format);
	printf("\n");
	return err;
}

static int show_one(int which, const char *arg)
{
	char *end;
	long id = strtol(arg, &end, 0);

	if (*arg == '\0' || *end != '\0' || id < 0) {
		fprintf(stderr, "ipcs: invalid id (%s)\n", arg);
		return 1;
	}
	if (which == QUEUES)
		return show_queue(id);
	if (which == SHM)
		return show_segment(id);
	if (which == SEMS)
		return show_array(id);
	fprintf(stderr, "ipcs: -i needs one of -q, -m, -s\n");
	return 2;
}

static enum format format_of(int c)
{
	switch (c) {
	case 'l':
		return LIMITS;
	case 'u':
		return SUMMARY;
	case 'p':
		return PIDS;
	}
	return CREATOR;
}

int main(int argc, char **argv)
{
	enum format format = LIST;
	const char *one = NULL;
	int c, which = 0;

	while ((c = getopt(argc, argv, "qmsalupci:")) != -1) {
		switch (c) {
		case 'q':
			which |= QUEUES;
			break;
		case 'm':
			which |= SHM;
			break;
		case 's':
			which |= SEMS;
			break;
		case 'a':
			which = QUEUES | SHM | SEMS;
			break;
		case 'i':
			one = optarg;
			break;
		case 'l':
		case 'u':
		case 'p':
		case 'c':
			format = format_of(c);
			break;
		default:
			return usage();
		}
	}
	if (optind != argc)
		return usage();
	if (one)
		return show_one(which, one);
	return show_all(which ? which : QUEUES | SHM | SEMS, format);
}
