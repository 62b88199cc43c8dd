/*
 * irq.c - the two 8259A interrupt controllers.
 *
 * The BIOS leaves IRQs 0-15 on vectors 8-15 and 0x70-0x77, on top of the
 * CPU's exceptions; we move them to vectors 32-47 (entry.asm's irq_stubs).
 */
#include <linux/kernel.h>
#include <linux/interrupt.h>
#include <asm/desc.h>
#include <asm/io.h>

#define PIC1_CMD	0x20
#define PIC1_DATA	0x21
#define PIC2_CMD	0xA0
#define PIC2_DATA	0xA1
#define ICW1_INIT_ICW4	0x11	/* edge triggered, cascade, ICW4 follows */
#define ICW4_8086	0x01
#define PIC_EOI		0x20
#define IRQ_BASE	32	/* vector of IRQ 0 */
#define CASCADE_IRQ	2	/* the slave hangs off the master's IRQ 2 */
#define STUB_SIZE	16	/* entry.asm aligns each stub to 16 bytes */

extern char irq_stubs[];

static irq_handler_t irq_handlers[NR_IRQS];
static const char *irq_names[NR_IRQS];
unsigned long irq_count[NR_IRQS];
static unsigned int irq_mask = 0xFFFF & ~(1 << CASCADE_IRQ);

/* Give both PICs irq_mask: a set bit keeps that line masked. */
static void write_mask(void)
{
	outb(irq_mask & 0xFF, PIC1_DATA);
	outb(irq_mask >> 8, PIC2_DATA);
}

/*
 * Program the two 8259A PICs: IRQs 0-15 to vectors IRQ_BASE.., the slave
 * cascaded on IRQ 2, 8086 mode, every line masked until request_irq.
 * Called once by start_kernel, interrupts off, after trap_init.
 */
void irq_init(void)
{
	int irq;

	for (irq = 0; irq < NR_IRQS; irq++)
		set_intr_gate(IRQ_BASE + irq, irq_stubs + irq * STUB_SIZE);
	outb(ICW1_INIT_ICW4, PIC1_CMD);
	outb(ICW1_INIT_ICW4, PIC2_CMD);
	outb(IRQ_BASE, PIC1_DATA);
	outb(IRQ_BASE + 8, PIC2_DATA);
	outb(1 << CASCADE_IRQ, PIC1_DATA);	/* slave on IRQ 2 */
	outb(CASCADE_IRQ, PIC2_DATA);		/* slave's cascade id */
	outb(ICW4_8086, PIC1_DATA);
	outb(ICW4_8086, PIC2_DATA);
	write_mask();
}

/*
 * Install handler for irq and unmask the line. Returns 0, or -1 if irq
 * is out of range or already taken (no sharing, as 1.2.13 without
 * SA_SHIRQ). name is for the kernel's own accounting.
 */
int request_irq(int irq, irq_handler_t handler, const char *name)
{
	if (irq < 0 || irq >= NR_IRQS || irq_handlers[irq])
		return -1;
	irq_handlers[irq] = handler;
	irq_names[irq] = name;
	irq_mask &= ~(1 << irq);
	write_mask();
	return 0;
}

/* End of interrupt: the slave too for IRQs 8-15, which it passed on. */
static void ack_irq(int irq)
{
	if (irq >= 8)
		outb(PIC_EOI, PIC2_CMD);
	outb(PIC_EOI, PIC1_CMD);
}

/* Called by entry.asm's irq stubs, with interrupts off. */
void do_IRQ(struct pt_regs *regs)
{
	int irq = regs->trapno - IRQ_BASE;

	ack_irq(irq);
	irq_count[irq]++;
	if (irq_handlers[irq])
		irq_handlers[irq](irq, regs);
}
