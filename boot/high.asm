; high.asm - the first instructions at PAGE_OFFSET.
;
; boot/head.asm turned paging on with physical memory mapped both at 0
; and at PAGE_OFFSET, and jumped here, to the high copy. Drop the low
; mapping, move to the boot stack and call start_kernel(magic, mbi_phys),
; which head.asm left in esi and ebp.

bits 32

%include "layout.inc"

global start_high
extern swapper_pg_dir
extern boot_stack_top
extern start_kernel

section .text
start_high:
	xor ecx, ecx
.drop_low:
	mov dword [swapper_pg_dir + ecx * 4], 0
	inc ecx
	cmp ecx, EARLY_PGTABLES
	jne .drop_low
	mov eax, cr3			; reload cr3 to flush the low entries
	mov cr3, eax

	mov esp, boot_stack_top
	push ebp			; start_kernel(magic, mbi_phys)
	push esi
	xor ebp, ebp			; a zero frame pointer ends backtraces
	call start_kernel
.hang:
	hlt
	jmp .hang
