/*
 * hd.c - the AT disk: QEMU's first IDE disk (primary channel, master),
 * driven by programmed I/O with interrupts, as 1.2.13's hd.c.
 *
 *   add_request -> do_hd_request: hd_out writes the LBA and the sector
 *                  count and issues READ or WRITE (MULTIPLE or SECTORS;
 *                  a WRITE also hands over its first block at once)
 *   IRQ 14      -> hd_interrupt -> do_hd (read_intr or write_intr): one
 *                  block of mult_count sectors moved per interrupt; after
 *                  the last, end_request wakes the task and the next
 *                  request starts
 *
 * The disk is found at boot by IDENTIFY DEVICE, polled (hd_init); it is
 * /dev/hda (HD_MAJOR, minor 0), the whole disk. When the drive can, it
 * is put in multiple mode with a page's worth of sectors per block (READ
 * and WRITE MULTIPLE), so that a page costs one interrupt, not eight.
 *
 * Departures from 1.2.13's hd.c, each because QEMU's disk is the only
 * one: sectors are addressed by LBA28, not cylinder/head/sector, and
 * IDENTIFY gives the size (1.2.13 read the BIOS's CMOS geometry); one
 * drive, no partitions; multiple mode is on from boot (1.2.13 had it,
 * off until hdparm -m); data moves 32 bits at a time (insl/outsl: half
 * the port accesses, each costly under QEMU; 1.2.13's hd.c moved 16);
 * no retries and no reset after an error (QEMU's errors do not go away:
 * the request fails with -EIO at once) and no lost-interrupt timer
 * (QEMU never loses one).
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/string.h>
#include <linux/interrupt.h>
#include <linux/blkdev.h>
#include <asm/io.h>
#include <asm/page.h>

/* The primary channel's registers (1.2.13's hdreg.h names). */
#define HD_DATA		0x1f0	/* 16-bit data port */
#define HD_ERROR	0x1f1	/* read: why ERR_STAT is set */
#define HD_NSECTOR	0x1f2	/* sectors to move (0 means 256) */
#define HD_LBA_LOW	0x1f3	/* LBA bits 0-7 (1.2.13: HD_SECTOR) */
#define HD_LBA_MID	0x1f4	/* LBA bits 8-15 (HD_LCYL) */
#define HD_LBA_HIGH	0x1f5	/* LBA bits 16-23 (HD_HCYL) */
#define HD_CURRENT	0x1f6	/* drive select, LBA bits 24-27 */
#define HD_STATUS	0x1f7	/* read: status; reading it acks the IRQ */
#define HD_COMMAND	0x1f7	/* write: command */
#define HD_CMD		0x3f6	/* device control: nIEN */

#define HD_LBA_MASTER	0xe0	/* HD_CURRENT: LBA addressing, master */
#define HD_NIEN		0x02	/* HD_CMD: no interrupts from the drive */

/* Status bits. */
#define BUSY_STAT	0x80
#define READY_STAT	0x40
#define WRERR_STAT	0x20	/* drive fault */
#define SEEK_STAT	0x10
#define DRQ_STAT	0x08
#define ERR_STAT	0x01
#define BAD_STAT	(BUSY_STAT | WRERR_STAT | ERR_STAT)

/* Commands. */
#define WIN_READ	0x20
#define WIN_WRITE	0x30
#define WIN_MULTREAD	0xc4
#define WIN_MULTWRITE	0xc5
#define WIN_SETMULT	0xc6
#define WIN_IDENTIFY	0xec

/* IDENTIFY DEVICE: word offsets in its 256-word answer. */
#define ID_WORDS	256
#define ID_CYLS		1
#define ID_HEADS	3
#define ID_SECTORS	6
#define ID_BUF_SIZE	21	/* the drive's cache, in sectors */
#define ID_MAX_MULTSECT	47	/* low byte: most sectors per block */
#define ID_MULTSECT_MASK 0xff
#define ID_MODEL	27	/* 40 characters, two per word */
#define ID_MODEL_LEN	40
#define ID_CAPABILITY	49
#define ID_CAP_LBA	0x200
#define ID_LBA_SECTORS	60	/* two words, low first */

#define SECTOR_DWORDS	(SECTOR_SIZE / 4)
#define SECTORS_PER_PAGE (PAGE_SIZE / SECTOR_SIZE)
#define MAX_NSECTOR	256
#define MAX_LBA28	(1UL << 28)
#define HD_TIMEOUT	100000	/* status reads before a polled wait gives up */
#define BYTES_PER_MB	1000000	/* Linux's boot line counts decimal MB */
#define HD_NOMULT	"nomult"	/* hd=nomult: no multiple mode */

static int hd_sizes[1];		/* blk_size[HD_MAJOR]: 1 KiB blocks */
static void (*do_hd)(void);	/* what the next interrupt means, or NULL */
static unsigned long mult_count = 1;	/* sectors per interrupt (a block) */

/*
 * Wait, polling, until the drive is not busy; return the status then,
 * or -1 after HD_TIMEOUT reads (no drive answers). For boot, before a
 * command, and between a write command (or block) and the next block:
 * moments the drive is busy for a few port reads at most.
 */
static int wait_not_busy(void)
{
	int i, status;

	for (i = 0; i < HD_TIMEOUT; i++) {
		status = inb(HD_STATUS);
		if (!(status & BUSY_STAT))
			return status;
	}
	return -1;
}

/* Wait until the drive asks for or offers data (DRQ); 0 if it did. */
static int wait_DRQ(void)
{
	int status = wait_not_busy();

	if (status < 0 || (status & (ERR_STAT | WRERR_STAT)))
		return -EIO;
	return (status & DRQ_STAT) ? 0 : -EIO;
}

/*
 * hd_out - program the registers for nsect sectors from LBA sector and
 * issue cmd; the drive's next interrupt will call intr. Called with
 * interrupts off, when the drive is idle (the queue's head just began).
 */
static void hd_out(unsigned long sector, unsigned long nsect, int cmd,
		   void (*intr)(void))
{
	wait_not_busy();
	outb(HD_LBA_MASTER | ((sector >> 24) & 0x0f), HD_CURRENT);
	outb(nsect % MAX_NSECTOR, HD_NSECTOR);
	outb(sector & 0xff, HD_LBA_LOW);
	outb((sector >> 8) & 0xff, HD_LBA_MID);
	outb((sector >> 16) & 0xff, HD_LBA_HIGH);
	do_hd = intr;
	outb(cmd, HD_COMMAND);
}

/*
 * Report a failed transfer the way 1.2.13's dump_status did: the
 * status and error registers, decoded, and the sector.
 */
static void dump_status(const char *msg, int status, unsigned long sector)
{
	int error = (status & ERR_STAT) ? inb(HD_ERROR) : 0;

	printk("hda: %s: status=0x%02x {%s%s%s%s%s }, error=0x%02x, "
	       "sector=%lu\n", msg, status,
	       status & BUSY_STAT ? " Busy" : "",
	       status & READY_STAT ? " DriveReady" : "",
	       status & WRERR_STAT ? " DeviceFault" : "",
	       status & DRQ_STAT ? " DataRequest" : "",
	       status & ERR_STAT ? " Error" : "", error, sector);
}

static void do_hd_request(void);

/*
 * The head request is done (ok 1) or has failed (ok 0): retire it and
 * start the next. Called from the interrupt, or when a command could
 * not be started.
 */
static void hd_request_done(int ok)
{
	do_hd = NULL;
	end_request(HD_MAJOR, ok);
	do_hd_request();
}

/* Fail the head request after a bad status (1.2.13's bad_rw_intr). */
static void bad_rw_intr(const char *msg, int status)
{
	struct request *req = blk_dev[HD_MAJOR].current_request;

	dump_status(msg, status, req->sector);
	hd_request_done(0);
}

/* The sectors of req's next block: mult_count, or what is left. */
static unsigned long block_sectors(const struct request *req)
{
	return min(req->nr_sectors, mult_count);
}

/* Give the drive req's next block, which it has asked for (DRQ). */
static void write_block(const struct request *req)
{
	outsl(HD_DATA, req->buffer, block_sectors(req) * SECTOR_DWORDS);
}

/*
 * A block of sectors is ready to be read (or the read failed). Take
 * it; the next interrupt brings the next, until nr_sectors is 0.
 */
static void read_intr(void)
{
	struct request *req = blk_dev[HD_MAJOR].current_request;
	int status = inb(HD_STATUS);
	unsigned long n;

	if ((status & BAD_STAT) || !(status & DRQ_STAT)) {
		bad_rw_intr("read_intr", status);
		return;
	}
	n = block_sectors(req);
	insl(HD_DATA, req->buffer, n * SECTOR_DWORDS);
	req->buffer += n * SECTOR_SIZE;
	req->sector += n;
	req->nr_sectors -= n;
	if (req->nr_sectors) {
		do_hd = read_intr;
		return;
	}
	hd_request_done(1);
}

/*
 * The drive has taken the block written last (or failed). Hand it the
 * next, or retire the request after the last.
 */
static void write_intr(void)
{
	struct request *req = blk_dev[HD_MAJOR].current_request;
	int status = inb(HD_STATUS);
	unsigned long n = block_sectors(req);

	if (status & BAD_STAT) {
		bad_rw_intr("write_intr", status);
		return;
	}
	req->buffer += n * SECTOR_SIZE;
	req->sector += n;
	req->nr_sectors -= n;
	if (req->nr_sectors) {
		if (wait_DRQ()) {
			bad_rw_intr("write_intr", inb(HD_STATUS));
			return;
		}
		do_hd = write_intr;
		write_block(req);
		return;
	}
	hd_request_done(1);
}

/*
 * do_hd_request - start the request at the head of the queue, if any.
 *
 * blk_dev[HD_MAJOR].request_fn: called by add_request when the queue
 * was empty, and by hd_request_done for the next one; interrupts off.
 * A READ only needs the command; a WRITE must then give the drive its
 * first block (it interrupts when it has taken it).
 */
static void do_hd_request(void)
{
	struct request *req = blk_dev[HD_MAJOR].current_request;
	int multi = mult_count > 1;

	if (!req)
		return;
	if (req->cmd == READ) {
		hd_out(req->sector, req->nr_sectors,
		       multi ? WIN_MULTREAD : WIN_READ, read_intr);
		return;
	}
	hd_out(req->sector, req->nr_sectors,
	       multi ? WIN_MULTWRITE : WIN_WRITE, write_intr);
	if (wait_DRQ()) {
		bad_rw_intr("write", inb(HD_STATUS));
		return;
	}
	write_block(req);
}

/*
 * IRQ 14. Reading the status (in do_hd) acknowledges the drive; an
 * interrupt nobody waits for is acknowledged and reported, as 1.2.13's
 * unexpected_hd_interrupt did.
 */
static void hd_interrupt(int irq, struct pt_regs *regs)
{
	void (*handler)(void) = do_hd;

	do_hd = NULL;
	if (handler) {
		handler();
		return;
	}
	printk("hda: unexpected interrupt, status=0x%02x\n", inb(HD_STATUS));
}

/*
 * Ask the master drive who it is, polling with its interrupt off.
 * Fills id and returns 0, or -ENODEV: no drive (QEMU reads 0 from an
 * empty channel, real hardware 0xff), or one that is not an ATA disk
 * (an ATAPI CD-ROM aborts IDENTIFY DEVICE).
 */
static int hd_identify(unsigned short *id)
{
	int status;

	outb(HD_NIEN, HD_CMD);
	outb(HD_LBA_MASTER, HD_CURRENT);
	status = inb(HD_STATUS);
	if (status == 0 || status == 0xff)
		return -ENODEV;
	outb(WIN_IDENTIFY, HD_COMMAND);
	if (inb(HD_STATUS) == 0 || wait_DRQ())
		return -ENODEV;
	insw(HD_DATA, id, ID_WORDS);
	return 0;
}

/*
 * Ask for a page's worth of sectors per interrupt (SET MULTIPLE MODE),
 * still polling with the drive's interrupt off, if IDENTIFY says it can
 * move that many in one block; otherwise, if it refuses, or with
 * hd=nomult on the command line, one sector per interrupt as 1.2.13's
 * hd.c at boot.
 */
static void set_multmode(const unsigned short *id)
{
	const char *opt = get_option("hd");
	int status;

	if ((opt && !strcmp(opt, HD_NOMULT)) ||
	    (id[ID_MAX_MULTSECT] & ID_MULTSECT_MASK) < SECTORS_PER_PAGE)
		return;
	outb(SECTORS_PER_PAGE, HD_NSECTOR);
	outb(HD_LBA_MASTER, HD_CURRENT);
	outb(WIN_SETMULT, HD_COMMAND);
	status = wait_not_busy();
	if (status >= 0 && !(status & (ERR_STAT | WRERR_STAT)))
		mult_count = SECTORS_PER_PAGE;
}

/* The model name: two characters per word, high byte first, unpadded. */
static void id_model(const unsigned short *id, char *model)
{
	int i;

	for (i = 0; i < ID_MODEL_LEN / 2; i++) {
		model[2 * i] = id[ID_MODEL + i] >> 8;
		model[2 * i + 1] = id[ID_MODEL + i] & 0xff;
	}
	for (i = ID_MODEL_LEN; i > 0 && model[i - 1] == ' '; i--)
		;
	model[i] = '\0';
}

/*
 * Say what was found, in the lines Linux's IDE driver prints at boot:
 *	hda: QEMU HARDDISK, ATA DISK drive
 *	ide0 at 0x1f0-0x1f7,0x3f6 on irq 14
 *	hda: 131072 sectors (67 MB) w/256KiB Cache, CHS=130/16/63
 */
static void hd_report(const unsigned short *id, unsigned long sectors)
{
	char model[ID_MODEL_LEN + 1];

	id_model(id, model);
	printk("hda: %s, ATA DISK drive\n", model);
	printk("ide0 at 0x%x-0x%x,0x%x on irq %d\n", HD_DATA, HD_STATUS,
	       HD_CMD, HD_IRQ);
	printk("hda: %lu sectors (%lu MB) w/%dKiB Cache, CHS=%d/%d/%d\n",
	       sectors, (unsigned long)((unsigned long long)sectors *
					SECTOR_SIZE / BYTES_PER_MB),
	       id[ID_BUF_SIZE] / 2, id[ID_CYLS], id[ID_HEADS],
	       id[ID_SECTORS]);
}

/*
 * hd_init - find the disk, if QEMU has one, and make it /dev/hda.
 *
 * Called once by blk_dev_init at boot, interrupts off. Without a disk
 * (or with one that cannot do LBA) nothing is registered: blk_size
 * [HD_MAJOR] stays NULL, so /dev/hda's open and swapon find no device.
 */
void hd_init(void)
{
	unsigned short id[ID_WORDS];
	unsigned long sectors;

	if (hd_identify(id))
		return;
	sectors = id[ID_LBA_SECTORS] | ((unsigned long)id[ID_LBA_SECTORS + 1]
					<< 16);
	if (!(id[ID_CAPABILITY] & ID_CAP_LBA) || !sectors ||
	    sectors > MAX_LBA28) {
		printk("hda: no LBA28 addressing, disk ignored\n");
		return;
	}
	set_multmode(id);
	outb(0, HD_CMD);	/* interrupts on from here */
	if (request_irq(HD_IRQ, hd_interrupt, "ide0")) {
		printk("hda: IRQ %d is taken, disk ignored\n", HD_IRQ);
		return;
	}
	hd_report(id, sectors);
	hd_sizes[0] = sectors * SECTOR_SIZE / BLOCK_SIZE;
	blk_dev[HD_MAJOR].request_fn = do_hd_request;
	blk_size[HD_MAJOR] = hd_sizes;
}
