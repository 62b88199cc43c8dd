#ifndef _LINUX_INTERRUPT_H
#define _LINUX_INTERRUPT_H

#include <asm/ptrace.h>

#define NR_IRQS		16
#define TIMER_IRQ	0
#define KEYBOARD_IRQ	1
#define SERIAL_IRQ	4
#define HD_IRQ		14	/* the primary IDE channel */

typedef void (*irq_handler_t)(int irq, struct pt_regs *regs);

void irq_init(void);
int request_irq(int irq, irq_handler_t handler, const char *name);
void do_IRQ(struct pt_regs *regs);
extern unsigned long irq_count[NR_IRQS];	/* interrupts taken, per line */

/* kernel/time.c */
void time_init(void);
unsigned long read_cmos_time(void);
extern unsigned long startup_time;	/* seconds since 1970 at boot */

#endif
