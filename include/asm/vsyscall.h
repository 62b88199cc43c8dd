#ifndef _ASM_VSYSCALL_H
#define _ASM_VSYSCALL_H

/* kernel/vsyscall.c: sysenter and the vDSO; time.c keeps vdso_data. */
#include <asm/vdso.h>

struct vm_area_struct;

extern struct vdso_data *const vdso_data;
extern unsigned long vdso_entry;	/* AT_SYSINFO */

void sysenter_setup(void);
int arch_setup_additional_pages(void);
const char *vsyscall_area_name(const struct vm_area_struct *area);

#endif
