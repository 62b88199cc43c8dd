/*
 * helper_gdbshm - one shared page, two processes, two faults: the scene
 * scripts/gdb-test.py stops in (break shm_swap_in) and looks at with the
 * lx- GDB helpers.
 *
 *  1. The parent makes a two-page segment with key GDBSHM_KEY, attaches
 *     it at PARENT_ADDR and writes MESSAGE at page 1 + TEXT_OFFSET: the
 *     first fault. The pte holds a shm signature; shm_swap_in allocates
 *     the page.
 *  2. It forks. The child detaches the attach it inherited, attaches the
 *     segment again at CHILD_ADDR and reads the message there: the second
 *     fault. shm_swap_in finds the page resident and maps the same frame.
 *
 *  3. Once the child is done, the parent writes FILE_TEXT into the file
 *     FILE_PATH, maps the file shared and reads it back through the
 *     mapping: a fault into filemap_nopage, which finds the page that
 *     write() put in the page cache. The file is removed afterwards.
 *
 * Beside the segment, a semaphore set (values 3 and 0) and a message
 * queue holding one message (type 7) stand there for lx-sem and lx-msg.
 * Fixed keys and addresses make the GDB session the same on every run.
 * Exit status 0 when the child read back what the parent wrote.
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include <sys/ipc.h>
#include <sys/shm.h>
#include <sys/sem.h>
#include <sys/msg.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <fcntl.h>

#define GDBSHM_KEY	0x4c494e54	/* "LINT" */
#define SEG_PAGES	2
#define PAGE		4096
#define PARENT_ADDR	0x40000000UL
#define CHILD_ADDR	0x50000000UL
#define TEXT_OFFSET	(PAGE + 0x80)	/* page 1, a little way in */
#define MESSAGE		"written by the parent, read by the child"
#define GDBSEM_KEY	0x4c53454d	/* "LSEM" */
#define GDBMSG_KEY	0x4c4d5347	/* "LMSG" */
#define SEM_VALUE	3
#define MSG_TYPE	7
#define FILE_PATH	"/tmp/gdbfile"
#define FILE_TEXT	"a page of a file, in the page cache"
#define FILE_ADDR	0x60000000UL	/* a hint: where GDB's break waits */

/* The set and the queue lx-sem and lx-msg show; -1 if either failed. */
static int make_sem_and_msg(int *semid, int *msqid)
{
	struct { long mtype; char mtext[8]; } m = { MSG_TYPE, "queued" };

	*semid = semget(GDBSEM_KEY, 2, IPC_CREAT | 0600);
	*msqid = msgget(GDBMSG_KEY, IPC_CREAT | 0600);
	if (*semid < 0 || *msqid < 0 ||
	    semctl(*semid, 0, SETVAL, SEM_VALUE) < 0 ||
	    msgsnd(*msqid, &m, sizeof(m.mtext), 0) < 0) {
		perror("helper_gdbshm: semaphores and messages");
		return -1;
	}
	return 0;
}

/* Step 3: the file, written, mapped and read back; 0 if it read back. */
static int map_a_file(void)
{
	int fd = open(FILE_PATH, O_RDWR | O_CREAT | O_TRUNC, 0600), ok;
	char *p;

	if (fd < 0 || write(fd, FILE_TEXT, sizeof(FILE_TEXT)) !=
		      sizeof(FILE_TEXT)) {
		perror("helper_gdbshm: " FILE_PATH);
		return -1;
	}
	p = mmap((void *)FILE_ADDR, PAGE, PROT_READ, MAP_SHARED, fd, 0);
	close(fd);
	ok = p != MAP_FAILED && !strcmp(p, FILE_TEXT);
	if (p != MAP_FAILED)
		munmap(p, PAGE);
	syscall(__NR_unlink, FILE_PATH);
	if (!ok)
		fprintf(stderr, "helper_gdbshm: the mapping did not show "
			"the file\n");
	return ok ? 0 : -1;
}

static int child(int id, char *inherited)
{
	char *p;

	if (shmdt(inherited) < 0) {
		perror("helper_gdbshm: child shmdt");
		return 1;
	}
	p = shmat(id, (void *)CHILD_ADDR, 0);
	if (p != (char *)CHILD_ADDR) {
		perror("helper_gdbshm: child shmat");
		return 1;
	}
	if (strcmp(p + TEXT_OFFSET, MESSAGE) != 0) {
		fprintf(stderr, "helper_gdbshm: child read \"%.40s\", expected "
			"\"%s\"\n", p + TEXT_OFFSET, MESSAGE);
		return 1;
	}
	return shmdt(p) == 0 ? 0 : 1;
}

int main(void)
{
	int id, status, semid, msqid;
	char *p;
	pid_t pid;

	if (make_sem_and_msg(&semid, &msqid) < 0)
		return 1;

	id = shmget(GDBSHM_KEY, SEG_PAGES * PAGE, IPC_CREAT | 0600);
	if (id < 0) {
		perror("helper_gdbshm: shmget");
		return 1;
	}
	p = shmat(id, (void *)PARENT_ADDR, 0);
	if (p != (char *)PARENT_ADDR) {
		perror("helper_gdbshm: shmat");
		return 1;
	}
	strcpy(p + TEXT_OFFSET, MESSAGE);
	pid = fork();
	if (pid < 0) {
		perror("helper_gdbshm: fork");
		return 1;
	}
	if (pid == 0)
		_exit(child(id, p));
	if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status) ||
	    WEXITSTATUS(status) != 0) {
		fprintf(stderr, "helper_gdbshm: child failed (status 0x%x)\n",
			status);
		return 1;
	}
	shmdt(p);
	shmctl(id, IPC_RMID, NULL);
	semctl(semid, 0, IPC_RMID);
	msgctl(msqid, IPC_RMID, NULL);
	if (map_a_file() < 0)
		return 1;
	printf("helper_gdbshm: the child read what the parent wrote\n");
	return 0;
}
