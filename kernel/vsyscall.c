/*
 * vsyscall.c - sysenter and the vDSO, as Linux 2.6's i386 kernel has
 * them (arch/i386/kernel/sysenter.c); 1.2.13 entered only by int 0x80.
 *
 * Two pages go into every process at exec, below its stack
 * (include/asm/vdso.h): the vDSO, a small shared object built from
 * vdso/ (its __kernel_vsyscall enters the kernel by sysenter where the
 * CPU has it, else by int 0x80; its __vdso_clock_gettime and siblings
 * read the clock without entering at all), and below it [vvar], the page
 * of clock data the timer keeps (time.c, update_vsyscall). Both are
 * frames of the kernel image, reserved in mem_map: mapping, forking and
 * unmapping them counts nothing, and no process ever frees them. exec
 * passes the vDSO's address as AT_SYSINFO_EHDR and __kernel_vsyscall's
 * as AT_SYSINFO (fs/exec.c).
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/mm.h>
#include <linux/elf.h>
#include <asm/desc.h>
#include <asm/segment.h>
#include <asm/cpufeature.h>
#include <asm/vsyscall.h>

#define MSR_IA32_SYSENTER_CS	0x174
#define MSR_IA32_SYSENTER_ESP	0x175
#define MSR_IA32_SYSENTER_EIP	0x176
#define X86_FEATURE_SEP		0x00000800	/* edx bit 11: sysenter */

_Static_assert(VDSO_BASE == TASK_SIZE - (8UL << 20) - PAGE_SIZE,
	       "vDSO below the stack's default 8 MiB");
_Static_assert(VVAR_BASE == VDSO_BASE - PAGE_SIZE, "data page below it");
_Static_assert(sizeof(struct vdso_data) <= PAGE_SIZE, "one page of data");

/* The two images, each page-aligned in .rodata (vdso/images.asm). */
extern const char vdso_int80_image[], vdso_int80_end[];
extern const char vdso_sysenter_image[], vdso_sysenter_end[];
extern char sysenter_entry[], sysenter_stack_top[];

static union {
	struct vdso_data data;
	char page[PAGE_SIZE];
} vvar_page __attribute__((aligned(PAGE_SIZE)));

struct vdso_data *const vdso_data = &vvar_page.data;

static const char *vdso_image;		/* the one mapped: int80 or sysenter */
unsigned long vdso_entry;		/* __kernel_vsyscall: AT_SYSINFO */
/*
 * Where sysexit returns: the vDSO's return point. entry.asm compares a
 * frame's eip with it; ~0, which no user eip can be, while sysenter is
 * not in use.
 */
unsigned long sysenter_return __sched_data = ~0UL;

/* Write a model-specific register (the sysenter MSRs are 32 bits wide). */
static void wrmsr(unsigned long msr, unsigned long value)
{
	__asm__ volatile("wrmsr" : : "c"(msr), "a"(value), "d"(0));
}

/* The vDSO's e_entry, checked to lie in its one page. */
static unsigned long image_entry(const char *image)
{
	const struct elf32_hdr *eh = (const struct elf32_hdr *)image;

	if (eh->e_entry < VDSO_BASE || eh->e_entry >= VDSO_BASE + PAGE_SIZE)
		panic("vdso: entry %08lx outside its page",
		      (unsigned long)eh->e_entry);
	return eh->e_entry;
}

/*
 * sysenter_setup - choose the vDSO and, with SEP, point the sysenter MSRs
 * at entry.asm's sysenter_entry. Called once at boot, after gdt_init
 * (KERNEL_CS must be in place) and before the first exec. SYSENTER_ESP is
 * a small stack of its own: the entry moves to the task's kernel stack
 * (init_tss.esp0) at its first instruction, so no MSR changes at a task
 * switch.
 */
void sysenter_setup(void)
{
	int sep = (x86_features() & X86_FEATURE_SEP) != 0;

	vdso_image = sep ? vdso_sysenter_image : vdso_int80_image;
	if (vdso_int80_end - vdso_int80_image > (long)PAGE_SIZE ||
	    vdso_sysenter_end - vdso_sysenter_image > (long)PAGE_SIZE)
		panic("vdso: an image is larger than a page");
	vdso_entry = image_entry(vdso_image);
	vdso_data->hz = HZ;
	vdso_data->nsec_per_tick = NSEC_PER_TICK;
	if (sep) {
		wrmsr(MSR_IA32_SYSENTER_CS, KERNEL_CS);
		wrmsr(MSR_IA32_SYSENTER_ESP, (unsigned long)sysenter_stack_top);
		wrmsr(MSR_IA32_SYSENTER_EIP, (unsigned long)sysenter_entry);
		sysenter_return = vdso_entry + VSYSCALL_RETURN;
	}
	printk("vdso: %s, __kernel_vsyscall at %08lx\n",
	       sep ? "sysenter" : "int 0x80", vdso_entry);
}

/*
 * A fault in either area maps its one kernel page, read-only (the areas
 * never have VM_MAYWRITE, so mprotect cannot make them writable). The
 * page is reserved: its pte holds no reference (forget_pte and fork's
 * copy_one_pte count none), so none is taken here.
 */
static unsigned long vdso_nopage(struct vm_area_struct *area,
				 unsigned long address, int no_share)
{
	return (unsigned long)vdso_image;
}

static unsigned long vvar_nopage(struct vm_area_struct *area,
				 unsigned long address, int no_share)
{
	return (unsigned long)vvar_page.page;
}

static struct vm_operations_struct vdso_vm_ops = { .nopage = vdso_nopage };
static struct vm_operations_struct vvar_vm_ops = { .nopage = vvar_nopage };

/* A one-page area of current at start, filled by ops on the first touch. */
static int map_special(unsigned long start, unsigned long flags,
		       struct vm_operations_struct *ops)
{
	struct vm_area_struct *vma = new_vma(start, PAGE_SIZE, flags, 0);

	if (!vma)
		return -ENOMEM;
	vma->vm_ops = ops;
	insert_vm_struct(current->mm, vma);
	return 0;
}

/*
 * arch_setup_additional_pages - map [vvar] and [vdso] into current's new
 * mm (Linux's name). Called by exec once the old areas are gone; fork
 * copies the areas and their ptes like any others. 0 or -ENOMEM.
 */
int arch_setup_additional_pages(void)
{
	int err = map_special(VVAR_BASE, VM_READ | VM_MAYREAD, &vvar_vm_ops);

	if (!err)
		err = map_special(VDSO_BASE, VM_READ | VM_EXEC | VM_MAYREAD |
				  VM_MAYEXEC, &vdso_vm_ops);
	return err;
}

/* The name /proc/<pid>/maps gives area, or NULL if it is not ours. */
const char *vsyscall_area_name(const struct vm_area_struct *area)
{
	if (area->vm_ops == &vdso_vm_ops)
		return "[vdso]";
	if (area->vm_ops == &vvar_vm_ops)
		return "[vvar]";
	return NULL;
}
