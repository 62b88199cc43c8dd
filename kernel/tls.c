/*
 * tls.c - thread-local storage segments: set_thread_area and
 * get_thread_area.
 *
 * A program asks for a data segment whose base is its TLS block; glibc
 * then loads the selector into %gs and reaches its thread's variables as
 * %gs:offset. Each task has three such descriptors in its thread_struct
 * (tls_array); schedule() copies the next task's into GDT entries 6-8.
 * fork copies them with the task_struct, exec clears them (fs/exec.c).
 *
 * Not in 1.2.13 (2.5 added these calls); the checks and the encoding are
 * today's Linux's, so that a program sees the same answers.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/syscalls.h>
#include <asm/segment.h>
#include <asm/desc.h>
#include <asm/ldt.h>

#define SEL_RPL_USER	3
#define SEL_INDEX_SHIFT	3
#define CONTENTS_CODE	2	/* contents values 2 and 3 are code */

/* The descriptor word b, bit by bit (Intel SDM vol. 3, 3.4.5). */
#define DESC_ACCESSED	0x00000100
#define DESC_WRITABLE	0x00000200
#define DESC_TYPE_SHIFT	10	/* user_desc's contents land in bits 10-11 */
#define DESC_S		0x00001000	/* code or data, not system */
#define DESC_DPL3	0x00006000
#define DESC_P		0x00008000
#define DESC_AVL	0x00100000
#define DESC_DB		0x00400000
#define DESC_G		0x00800000
#define DESC_CONTENTS	0x00000C00	/* where fill_desc put contents */

/* "Remove this segment": all zero, or only read_exec_only|not_present. */
static int desc_empty_request(const struct user_desc *info)
{
	unsigned int f = info->flags & UD_ALL;

	return info->base_addr == 0 && info->limit == 0 &&
	       (f == 0 || f == (UD_READ_EXEC_ONLY | UD_SEG_NOT_PRESENT));
}

/*
 * Linux accepts only 32-bit, present data segments (or an empty request):
 * a 16-bit or not-present TLS segment is refused with EINVAL.
 */
static int tls_desc_okay(const struct user_desc *info)
{
	unsigned int contents;

	if (desc_empty_request(info))
		return 1;
	contents = (info->flags & UD_CONTENTS_MASK) >> UD_CONTENTS_SHIFT;
	return (info->flags & UD_SEG_32BIT) && contents < CONTENTS_CODE &&
	       !(info->flags & UD_SEG_NOT_PRESENT);
}

/* Encode a checked user_desc as the CPU's descriptor (Linux's fill_ldt). */
static void fill_desc(struct desc_struct *d, const struct user_desc *info)
{
	unsigned long f = info->flags;

	if (desc_empty_request(info)) {
		d->a = d->b = 0;
		return;
	}
	d->a = (info->base_addr << 16) | (info->limit & 0xFFFF);
	d->b = (info->base_addr & 0xFF000000) | (info->limit & 0xF0000) |
	       ((info->base_addr >> 16) & 0xFF) | DESC_ACCESSED | DESC_S |
	       DESC_DPL3 |
	       (f & UD_READ_EXEC_ONLY ? 0 : DESC_WRITABLE) |
	       ((f & UD_CONTENTS_MASK) >> UD_CONTENTS_SHIFT) << DESC_TYPE_SHIFT |
	       (f & UD_SEG_NOT_PRESENT ? 0 : DESC_P) |
	       (f & UD_USEABLE ? DESC_AVL : 0) |
	       (f & UD_SEG_32BIT ? DESC_DB : 0) |
	       (f & UD_LIMIT_IN_PAGES ? DESC_G : 0);
}

/* Decode a descriptor for get_thread_area (Linux's fill_user_desc). */
static void fill_user_desc(struct user_desc *info, int idx,
			   const struct desc_struct *d)
{
	unsigned long contents = (d->b & DESC_CONTENTS) >> DESC_TYPE_SHIFT;

	info->entry_number = idx;
	info->base_addr = (d->a >> 16) | ((d->b & 0xFF) << 16) |
			  (d->b & 0xFF000000);
	info->limit = (d->a & 0xFFFF) | (d->b & 0xF0000);
	info->flags = (d->b & DESC_DB ? UD_SEG_32BIT : 0) |
		      contents << UD_CONTENTS_SHIFT |
		      (d->b & DESC_WRITABLE ? 0 : UD_READ_EXEC_ONLY) |
		      (d->b & DESC_G ? UD_LIMIT_IN_PAGES : 0) |
		      (d->b & DESC_P ? 0 : UD_SEG_NOT_PRESENT) |
		      (d->b & DESC_AVL ? UD_USEABLE : 0);
}

/* The first of the caller's slots holding nothing, or -ESRCH (Linux). */
static int get_free_idx(void)
{
	int i;

	for (i = 0; i < GDT_ENTRY_TLS_ENTRIES; i++)
		if (!current->tss.tls_array[i].a &&
		    !current->tss.tls_array[i].b)
			return GDT_ENTRY_TLS_MIN + i;
	return -ESRCH;
}

/*
 * A segment register of the interrupted program that names an emptied
 * slot is set to 0: reloading it on the way out would fault in the
 * kernel. Linux ends with the same 0, from its exit path's fixup.
 */
static void drop_stale_selectors(struct pt_regs *regs, int idx)
{
	long sel = (idx << SEL_INDEX_SHIFT) | SEL_RPL_USER;
	const struct desc_struct *d =
		&current->tss.tls_array[idx - GDT_ENTRY_TLS_MIN];

	if (d->a || d->b)
		return;
	if (regs->fs == sel)
		regs->fs = 0;
	if (regs->gs == sel)
		regs->gs = 0;
}

/* Copy a user_desc in and check it: 0, -EFAULT or -EINVAL. */
static int tls_from_user(const struct user_desc *u_info,
			 struct user_desc *info)
{
	if (memcpy_fromfs(info, u_info, sizeof(*info)))
		return -EFAULT;
	return tls_desc_okay(info) ? 0 : -EINVAL;
}

/* Is idx one of the three GDT entries (6-8) that TLS may use? */
static int tls_slot_ok(unsigned int idx)
{
	return idx >= GDT_ENTRY_TLS_MIN && idx <= GDT_ENTRY_TLS_MAX;
}

/*
 * set_thread_area(u_info) - install or clear one of the caller's TLS
 * segments. entry_number -1 picks the first free slot and writes its
 * number back into *u_info. Errors as Linux: EFAULT for a bad pointer,
 * EINVAL for a bad slot or descriptor, ESRCH when no slot is free.
 */
long sys_set_thread_area(struct pt_regs *regs)
{
	struct user_desc *u_info = (struct user_desc *)regs->ebx;
	struct user_desc info;
	int idx, err;

	err = tls_from_user(u_info, &info);
	if (err)
		return err;
	idx = info.entry_number;
	if (idx == -1) {
		idx = get_free_idx();
		if (idx < 0)
			return idx;
		if (put_fs_long(idx, &u_info->entry_number))
			return -EFAULT;
	}
	if (!tls_slot_ok(idx))
		return -EINVAL;
	fill_desc(&current->tss.tls_array[idx - GDT_ENTRY_TLS_MIN], &info);
	load_TLS(current->tss.tls_array);
	drop_stale_selectors(regs, idx);
	return 0;
}

/*
 * clone(CLONE_SETTLS): read the new task's descriptor before the task
 * exists, so that a bad one fails the clone (entry_number must name a
 * slot: Linux does not allocate here).
 */
int get_clone_tls(const struct user_desc *u_info, struct user_desc *info)
{
	int err = tls_from_user(u_info, info);

	if (!err && !tls_slot_ok(info->entry_number))
		err = -EINVAL;
	return err;
}

/* Install a descriptor get_clone_tls accepted into p's slots. */
void set_clone_tls(struct task_struct *p, const struct user_desc *info)
{
	fill_desc(&p->tss.tls_array[info->entry_number - GDT_ENTRY_TLS_MIN],
		  info);
}

/*
 * get_thread_area(u_info) - describe the caller's TLS slot
 * u_info->entry_number (6..8) in *u_info. An empty slot reads back as
 * Linux shows it: read_exec_only and seg_not_present, all else zero.
 */
long sys_get_thread_area(struct user_desc *u_info)
{
	struct user_desc info;
	unsigned long idx;

	if (get_fs_long(&u_info->entry_number, &idx))
		return -EFAULT;
	if (!tls_slot_ok(idx))
		return -EINVAL;
	memset(&info, 0, sizeof(info));
	fill_user_desc(&info, idx,
		       &current->tss.tls_array[idx - GDT_ENTRY_TLS_MIN]);
	if (memcpy_tofs(u_info, &info, sizeof(info)))
		return -EFAULT;
	return 0;
}

/* exec: the new program starts with no TLS segments. */
void clear_TLS(void)
{
	memset(current->tss.tls_array, 0, sizeof(current->tss.tls_array));
	load_TLS(current->tss.tls_array);
}
