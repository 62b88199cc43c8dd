#ifndef _ASM_DESC_H
#define _ASM_DESC_H

/*
 * The i386 task-state segment. Lintel switches tasks in software (as later
 * Linux does, not with 1.2.13's hardware task switch), so the CPU reads
 * only esp0/ss0 from it: the kernel stack to use on entry from user mode.
 */
struct tss_struct {
	unsigned long back_link;
	unsigned long esp0, ss0;
	unsigned long esp1, ss1;
	unsigned long esp2, ss2;
	unsigned long cr3, eip, eflags;
	unsigned long eax, ecx, edx, ebx, esp, ebp, esi, edi;
	unsigned long es, cs, ss, ds, fs, gs;
	unsigned long ldt;
	unsigned short trap, iomap_base;
} __attribute__((packed));

extern struct tss_struct init_tss;

struct desc_struct;

void gdt_init(void);
void load_TLS(const struct desc_struct *tls);
void trap_init(void);
void set_system_gate(int vector, void *handler);
void floors_init(void);		/* kernel/floors.c */
void set_exception_gate(int vector);
void set_intr_gate(int vector, void *handler);

#endif
