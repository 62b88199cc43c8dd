; entry.asm - every way into the kernel: CPU exceptions, hardware
; interrupts and the int 0x80 system call, and the one way out.
;
; Each stub makes the stack look like struct pt_regs (include/asm/ptrace.h)
; and calls C with a pointer to it. Stack at the call, lowest address first:
;
;   esp -> ebx ecx edx esi edi ebp eax      pushed by save_all
;          ds es fs gs                      pushed by save_all
;          orig_eax trapno error_code       pushed by the stub
;          eip cs eflags [esp ss]           pushed by the CPU
;
; esp and ss are there only when the CPU came from user mode (ring 3).

bits 32

%include "layout.inc"
%include "asm-offsets.inc"		; TASK_*: kernel/asm-offsets.c

KERNEL_DS	equ 0x18
USER_CS		equ 0x23
USER_DS		equ 0x2B
USER_RPL	equ 3
REGS_EBP	equ 4 * 5		; offsets in struct pt_regs
REGS_EAX	equ 4 * 6
REGS_DS		equ 4 * 7
REGS_ES		equ 4 * 8
REGS_FS		equ 4 * 9
REGS_GS		equ 4 * 10
REGS_ORIG_EAX	equ 4 * 11
REGS_EIP	equ 4 * 14
REGS_CS		equ 4 * 15
REGS_EFLAGS	equ 4 * 16
TSS_ESP0	equ 4			; offset of esp0 in struct tss_struct
EFLAGS_TF	equ 0x00000100		; trap after each instruction
EFLAGS_IF	equ 0x00000200
EFLAGS_NT	equ 0x00004000
EFLAGS_VM	equ 0x00020000
EFAULT		equ 14
ERESTARTSYS	equ 512
ERESTART_RESTARTBLOCK equ 516
MSR_SYSENTER_EIP equ 0x176
FLOOR_ENTRY_VECTOR equ 0x82		; kernel/floors.c
FLOOR_KERNEL_VECTOR equ 0x84
FLOOR_FAULT_VECTOR equ 0x85
TRAP_PF		equ 14			; page fault
SYSCALL_ARGS	equ 6			; ebx ecx edx esi edi ebp
SYSENTER_STACK	equ 512			; room for a debug trap on the first
					; instruction (traps.c)
NO_SYSCALL	equ -1
TRAP_GP		equ 13			; general protection

extern do_exception
extern do_IRQ
extern do_syscall
extern return_to_user
extern schedule_tail
extern need_resched
extern current
extern sysenter_return
extern init_tss
extern do_floors
extern sys_call_table
extern trace_mask

global ret_from_intr
global ret_from_fork
global start_user
global exception_stubs
global irq_stubs
global system_call
global sysenter_entry
global floor_iret
global floor_entry
global floor_msr
global floor_kernel
global floor_switch
global floor_fault_arm
global floor_page_fault
extern do_floor_fault_arm
extern floor_fault_base
extern floor_fault_size
extern floor_fault_mm
extern floor_fault_ptes
extern floor_fault_saved

; Save the general and segment registers, switch to kernel data segments.
; cld: a user program may leave the direction flag set, and the kernel's
; string instructions (rep movs in the user copies) assume it clear.
; fs and gs are null while in the kernel, which uses neither: the user's
; may name a TLS slot that is cleared before we return, and an exception
; taken meanwhile would save and restore it, fault again on the restore,
; and never get out.
;
; A segment load costs QEMU a descriptor fetch and its checks, so none
; is made that would change nothing: ds and es that already hold one of
; the two flat data segments (USER_DS or KERNEL_DS, whose descriptors
; never change) are kept, as are null fs and gs. The kernel then runs on
; USER_DS, as Linux 2.6 does; 1.2.13 always loaded KERNEL_DS. Only eax is
; used: sysenter_entry still needs ebp.
%macro save_all 0
	cld
	push gs
	push fs
	push es
	push ds
	push eax
	push ebp
	push edi
	push esi
	push edx
	push ecx
	push ebx
	mov eax, ds
	cmp eax, USER_DS
	je %%ds_flat
	cmp eax, KERNEL_DS
	je %%ds_flat
	mov eax, KERNEL_DS
	mov ds, eax
%%ds_flat:
	mov eax, es
	cmp eax, USER_DS
	je %%es_flat
	cmp eax, KERNEL_DS
	je %%es_flat
	mov eax, KERNEL_DS
	mov es, eax
%%es_flat:
	mov eax, fs
	test eax, eax
	jz %%fs_null
	xor eax, eax
	mov fs, eax
%%fs_null:
	mov eax, gs
	test eax, eax
	jz %%gs_null
	xor eax, eax
	mov gs, eax
%%gs_null:
%endmacro

; Give the frame's selectors back, each only if the register does not
; already hold it (save_all's rule: a selector equal to the one loaded
; names the same descriptor, since only null fs/gs and the fixed flat
; segments are ever kept). The labels .load_* are where a selector from
; the user may fault; the exception table sends such a fault to
; ret_from_intr's fixups. Uses eax; run before the general registers are
; popped.
%macro restore_seg 2
	mov eax, %1
	cmp ax, [esp + %2]
	je %%done
.load_%1:
	mov %1, [esp + %2]
%%done:
%endmacro

; save_all's inverse, as 1.2.13's RESTORE_ALL: the selectors, then the
; general registers, then the frame down to the CPU's own (eip cs
; eflags esp ss), which iret or sysexit then uses.
%macro restore_all 0
	restore_seg ds, REGS_DS
	restore_seg es, REGS_ES
	restore_seg fs, REGS_FS
	restore_seg gs, REGS_GS
	pop ebx
	pop ecx
	pop edx
	pop esi
	pop edi
	pop ebp
	pop eax
	add esp, 16 + 12	; ds es fs gs, orig_eax, trapno, error_code
%endmacro

; Jump to %1 if the way back to user mode may have work for C, what
; return_to_user looks for: need_resched, a signal pending for the task
; or its group (the leader's shared_signal) and not blocked,
; restore_blocked (the mask sigsuspend is still to put back), or a
; system call's result that is a restart code (-ERESTARTSYS ..
; -ERESTART_RESTARTBLOCK; C tells which). Interrupts off. Clobbers eax,
; ebx, ecx, edx: the frame still holds the user's.
%macro jump_if_work 1
	cmp dword [need_resched], 0
	jne %1
	mov eax, [esp + REGS_EAX]
	cmp eax, -ERESTART_RESTARTBLOCK
	jb %%no_restart
	cmp eax, -ERESTARTSYS
	jbe %1
%%no_restart:
	mov eax, [current]
	mov ecx, [eax + TASK_GROUP_LEADER]
	mov edx, [ecx + TASK_SHARED_SIGNAL]
	or edx, [eax + TASK_SIGNAL]
	mov ecx, [ecx + TASK_SHARED_SIGNAL + 4]
	or ecx, [eax + TASK_SIGNAL + 4]
	mov ebx, [eax + TASK_BLOCKED]
	not ebx
	and edx, ebx
	mov ebx, [eax + TASK_BLOCKED + 4]
	not ebx
	and ecx, ebx
	or edx, ecx
	or edx, [eax + TASK_RESTORE_BLOCKED]
	jnz %1
%endmacro

; Make the system call the frame's orig_eax names, its result into the
; frame's eax. 1.2.13's system_call calls sys_call_table's entry itself;
; so does this for a slot with a plain fn while no per-call work is on
; (trace=syscall: the one bit of trace_mask tested here; work added to
; do_syscall later must be tested here too). The six argument registers
; are copied above the frame as the C arguments: a callee may write to
; its arguments (a sibling call does), and the frame must keep the
; user's. Every other call (a number past the table, a slot that takes
; the frame or is empty, trace on) goes to do_syscall, which does it all
; in C. Entered with interrupts on (int 0x80's trap gate; sysenter_entry
; turns them on itself): no sti here, which in QEMU would end the
; translation block and go back to its main loop on every call.
; Clobbers eax, ecx, edx.
%macro dispatch 0
	mov eax, [esp + REGS_ORIG_EAX]
	cmp eax, NR_SYSCALLS
	jae %%slow
	test dword [trace_mask], TRACE_SYSCALL
	jnz %%slow
	imul eax, eax, SYSCALL_ENTRY_SIZE
	mov eax, [sys_call_table + eax + SYSCALL_FN]
	test eax, eax
	jz %%slow
%rep SYSCALL_ARGS
	push dword [esp + 4 * (SYSCALL_ARGS - 1)]	; ebp first, ebx last
%endrep
	call eax
	add esp, 4 * SYSCALL_ARGS
	mov [esp + REGS_EAX], eax
	jmp %%done
%%slow:
	push esp
	call do_syscall
	add esp, 4
%%done:
%endmacro

; Exception without a CPU error code: push a zero so the frame is uniform.
%macro exception 1
	align 16
	push dword 0
	push dword %1
	jmp exception_common
%endmacro

; Exception for which the CPU already pushed an error code.
%macro exception_err 1
	align 16
	push dword %1
	jmp exception_common
%endmacro

%macro irq 1
	align 16
	push dword 0
	push dword 32 + %1
	jmp irq_common
%endmacro

section .entry.text progbits alloc exec nowrite align=16

; Vectors 0-31, 16 bytes apart so traps.c can compute each stub's address.
align 16
exception_stubs:
	exception 0		; divide error
	exception 1		; debug
	exception 2		; NMI
	exception 3		; breakpoint
	exception 4		; overflow
	exception 5		; bound range
	exception 6		; invalid opcode
	exception 7		; device not available
	exception_err 8		; double fault
	exception 9		; coprocessor segment overrun
	exception_err 10	; invalid TSS
	exception_err 11	; segment not present
	exception_err 12	; stack fault
	exception_err 13	; general protection
	exception_err 14	; page fault
%assign v 15
%rep 17
	exception v		; 15-31: reserved or error-code-free
%assign v v + 1
%endrep

; IRQs 0-15 from the two 8259s, remapped to vectors 32-47.
align 16
irq_stubs:
%assign i 0
%rep 16
	irq i
%assign i i + 1
%endrep

exception_common:
	push dword NO_SYSCALL
	save_all
.saved:
	push esp
	call do_exception
	add esp, 4
	jmp ret_from_intr

irq_common:
	push dword NO_SYSCALL
	save_all
	push esp
	call do_IRQ
	add esp, 4
	jmp ret_from_intr

; int 0x80: eax = number, ebx ecx edx esi edi ebp = arguments (Linux ABI).
; dispatch stores the result in the frame's eax, which the pops restore.
align 16
system_call:
	push dword 0
	push dword 0x80
	push eax		; orig_eax: the syscall number
	save_all
	dispatch
	jmp ret_from_intr

; sysenter, from __kernel_vsyscall in the vDSO (vdso/vsyscall.asm), with
; the int 0x80 registers except ebp, which holds the user's esp; the sixth
; argument is at [ebp]. The CPU has loaded cs and ss from the SYSENTER_CS
; MSR, esp from SYSENTER_ESP (sysenter_stack's top), and cleared IF; it
; saved nothing. Build the frame int 0x80 would have built, as Linux 2.6's
; sysenter_entry does: the user's eip is always the vDSO's return point.
; Linux 1.2.13 had only int 0x80.
align 16
sysenter_entry:
	mov esp, [ss:init_tss + TSS_ESP0]
	push dword USER_DS		; ss
	push ebp			; esp
	pushfd
	or dword [esp], EFLAGS_IF	; sysenter cleared it, the user had it
	push dword USER_CS
	push dword [ss:sysenter_return]	; eip
	push dword 0
	push dword 0x80
	push eax
	save_all
	sti				; as int 0x80's trap gate leaves them
	cmp ebp, PAGE_OFFSET - 4
	ja .fault
.arg6:
	mov ebp, [ebp]
	mov [esp + REGS_EBP], ebp
	dispatch
	cli
	jump_if_work .work
	; sysexit only back to the vDSO's return point, which restores ecx
	; and edx itself; execve, sigreturn or a restart (eip moved back to
	; the vDSO's "jmp .enter") leave through iret, and so does a frame
	; whose flags sysexit cannot give back.
	mov eax, [esp + REGS_EIP]
	cmp eax, [sysenter_return]
	jne ret_from_intr.restore
	test dword [esp + REGS_EFLAGS], EFLAGS_TF | EFLAGS_NT | EFLAGS_VM
	jnz ret_from_intr.restore
	restore_all
	mov edx, [esp]		; eip
	mov ecx, [esp + 12]	; esp
	and dword [esp + 8], ~EFLAGS_IF
	push dword [esp + 8]
	popfd
	sti			; takes effect after sysexit: no interrupt between
	sysexit
.work:
	push esp
	call return_to_user
	add esp, 4
	jmp ret_from_intr.restore
; [ebp] is not the user's: the system call fails with EFAULT, as on Linux.
.fault:
	mov dword [esp + REGS_EAX], -EFAULT
	jmp ret_from_intr

; ---- floors: the bare primitives under the paths above ------------------
; Only the boot option "floors" puts these in the IDT (kernel/floors.c);
; make bench times them beside its rows, in the same QEMU.

; int 0x81: the gate and iret, nothing else.
align 16
floor_iret:
	iret

; int 0x82: the gate, the entry code's save and restore, and iret; no C.
align 16
floor_entry:
	push dword 0
	push dword FLOOR_ENTRY_VECTOR
	push eax
	save_all
	jmp ret_from_intr.restore

; sysenter while floor_msr has aimed it here: straight back with sysexit,
; to edx with esp = ecx, which the caller set before its sysenter.
align 16
floor_sysexit:
	sti
	sysexit

; int 0x83: eax = 1 aims sysenter at floor_sysexit, eax = 0 back at
; sysenter_entry. Gives back eax = 0, or -1 when sysenter is not in use.
align 16
floor_msr:
	cmp dword [ss:sysenter_return], -1
	je .none
	push ecx
	push edx
	mov ecx, MSR_SYSENTER_EIP
	test eax, eax
	mov eax, sysenter_entry
	jz .set
	mov eax, floor_sysexit
.set:
	xor edx, edx
	wrmsr
	pop edx
	pop ecx
	xor eax, eax
	iret
.none:
	mov eax, -1
	iret

; int 0x84: the floors measured inside the kernel (do_floors prints them).
align 16
floor_kernel:
	push dword 0
	push dword FLOOR_KERNEL_VECTOR
	push eax
	save_all
	call do_floors
	jmp ret_from_intr

; floor_switch(save, next, cr3): what switch_to does and no more: push
; the callee-saved registers, store esp at *save, take the stack *next
; holds, load cr3 unless it is 0, pop and return on the other side.
; int 0x85: arm (eax = 1, ebx = the pages) or disarm (eax = 0) the page
; fault floor; do_floor_fault_arm (kernel/floors.c) does it in C.
align 16
floor_fault_arm:
	push dword 0
	push dword FLOOR_FAULT_VECTOR
	push eax
	save_all
	push esp
	call do_floor_fault_arm
	add esp, 4
	jmp ret_from_intr

; Vector 14 while the floor is armed: a fault on one of the armed pages
; of the armed mm gets its pte back, through the entry code's save and
; restore and nothing else (no C, no look at pending work), and the
; instruction runs again; every other fault goes on to do_exception as
; through the page fault's own stub.
align 16
floor_page_fault:
	push dword TRAP_PF
	push dword NO_SYSCALL
	save_all
	mov eax, cr2
	sub eax, [floor_fault_base]
	cmp eax, [floor_fault_size]	; 0 when disarmed
	jae .other
	mov edx, [current]
	mov edx, [edx + TASK_MM]
	cmp edx, [floor_fault_mm]
	jne .other
	shr eax, PAGE_SHIFT
	mov edx, [floor_fault_saved + eax * 4]
	test edx, edx			; already given back
	jz .other
	mov dword [floor_fault_saved + eax * 4], 0
	mov ecx, [floor_fault_ptes]
	mov [ecx + eax * 4], edx
	jmp ret_from_intr.restore
.other:
	jmp exception_common.saved

align 16
floor_switch:
	push ebp
	push ebx
	push esi
	push edi
	mov eax, [esp + 20]
	mov edx, [esp + 24]
	mov ecx, [esp + 28]
	mov [eax], esp
	mov esp, [edx]
	test ecx, ecx
	jz .same_mm
	mov cr3, ecx
.same_mm:
	pop edi
	pop esi
	pop ebx
	pop ebp
	ret

; A new task's first instructions: switch_to "returns" here with esp at
; the pt_regs that fork copied from the parent (eax = 0 in the child).
; schedule_tail does what must happen in the child's own address space.
ret_from_fork:
	call schedule_tail
	jmp ret_from_intr

; start_user(regs): leave the kernel through the frame at regs (used once,
; by init's exec of /sbin/init, which has no user frame of its own to
; return through).
start_user:
	mov esp, [esp + 4]
	jmp ret_from_intr

; The common exit. On the way back to user mode, give the scheduler and
; the signal code their chance, as 1.2.13's ret_from_sys_call does: it
; looks at need_resched and at the unblocked pending signals here and
; calls C only when one of them asks for it. Interrupts are off from the
; look to the iret, so a wake-up from an interrupt cannot come between
; (1.2.13 looked with them on). restore_blocked (sigsuspend's mask still
; to put back) is work for do_signal too.
ret_from_intr:
	test dword [esp + REGS_CS], USER_RPL
	jz .restore
	cli
	jump_if_work .work
.restore:
	restore_all
.iret:
	iret

; Something is pending: return_to_user schedules and delivers signals,
; and comes back with interrupts off.
.work:
	push esp
	call return_to_user
	add esp, 4
	jmp .restore

; The user's selectors come from places the user controls (a sigreturn
; frame, a TLS slot cleared while %gs still named it), so each load and
; the iret may fault in the kernel. do_exception finds the instruction in
; the exception table (mm/extable.c) and resumes at its fixup here, with
; esp where it was at the fault: at the whole frame.
;
; A data segment that will not load becomes the null selector, as on
; Linux: zero the slot and load again. The user finds 0 in that register.
; A fault on sysenter_entry's loads comes here too and leaves by iret.
section .text.fixup progbits alloc exec nowrite align=16
.fix_ds:
	mov dword [esp + REGS_DS], 0
	jmp .load_ds
.fix_es:
	mov dword [esp + REGS_ES], 0
	jmp .load_es
.fix_fs:
	mov dword [esp + REGS_FS], 0
	jmp .load_fs
.fix_gs:
	mov dword [esp + REGS_GS], 0
	jmp .load_gs

; iret refused the user's cs, ss or eip (a forged sigreturn frame). The
; iret frame (eip cs eflags esp ss) is still on the stack: push the rest
; of an exception frame on it, so that it looks like a general protection
; fault taken in user mode, and let do_exception send SIGSEGV. This is
; what x86-64 Linux does for a 32-bit program; i386 Linux sends SIGILL.
.fix_iret:
	push dword 0		; error_code
	push dword TRAP_GP	; trapno
	jmp exception_common

section __ex_table progbits alloc noexec nowrite align=4
	dd sysenter_entry.arg6, sysenter_entry.fault
	dd sysenter_entry.load_ds, .fix_ds
	dd sysenter_entry.load_es, .fix_es
	dd sysenter_entry.load_fs, .fix_fs
	dd sysenter_entry.load_gs, .fix_gs
	dd .load_ds, .fix_ds
	dd .load_es, .fix_es
	dd .load_fs, .fix_fs
	dd .load_gs, .fix_gs
	dd .iret, .fix_iret

; The stack sysenter arrives on (SYSENTER_ESP points at its top): the
; entry's first instruction leaves it for the task's kernel stack, but a
; debug trap taken before that instruction (the user's TF) is pushed here.
section .bss
align 16
sysenter_stack:
	resb SYSENTER_STACK
global sysenter_stack_top
sysenter_stack_top:
