; head.asm - the first instructions Lintel runs.
;
; GRUB (or QEMU's -kernel multiboot loader) loads the kernel ELF at 1 MiB
; physical and jumps to _start with paging off, eax = multiboot magic and
; ebx = physical address of the multiboot information. The kernel is linked
; at PAGE_OFFSET + 1 MiB, so until paging is on, every absolute address in
; this file must have PAGE_OFFSET subtracted (the PHYS macro).
;
; We build a page directory that maps the first EARLY_MAP_MB of physical
; memory twice, at 0 (so the instruction after "enable paging" still runs)
; and at PAGE_OFFSET (where the C kernel lives), jump to the high copy,
; drop the low one, and call start_kernel(magic, mbi).

bits 32

PAGE_OFFSET	equ 0xC0000000
EARLY_MAP_MB	equ 64			; enough for kernel, initramfs, multiboot data
EARLY_PGTABLES	equ EARLY_MAP_MB / 4	; one page table maps 4 MiB
PDE_OFFSET	equ PAGE_OFFSET >> 22	; pgd index of PAGE_OFFSET (768)
PG_PRESENT_RW	equ 0x003
CR0_PG		equ 0x80000000
CR0_WP		equ 0x00010000		; kernel writes honour read-only ptes (COW)
BOOT_STACK_SIZE	equ 8192

MB_MAGIC	equ 0x1BADB002
MB_FLAGS	equ 0x00000003		; page-align modules, give us the memory map

%define PHYS(x) ((x) - PAGE_OFFSET)

section .multiboot
align 4
	dd MB_MAGIC
	dd MB_FLAGS
	dd -(MB_MAGIC + MB_FLAGS)

; Linked at its physical address (boot/lintel.ld): runs before paging.
section .boot exec
global _start
global swapper_pg_dir
global boot_stack_top
extern start_kernel

_start:
	cli
	cld
	mov esi, eax			; keep the loader's magic and mbi
	mov ebp, ebx

	; Zero the page directory: the loader may not have cleared .bss yet.
	mov edi, PHYS(swapper_pg_dir)
	xor eax, eax
	mov ecx, 1024
	rep stosd

	; Fill EARLY_PGTABLES page tables with frames 0, 1, 2, ... in order.
	mov edi, PHYS(early_pg_tables)
	mov eax, PG_PRESENT_RW
	mov ecx, EARLY_PGTABLES * 1024
.fill_pte:
	stosd
	add eax, 0x1000
	loop .fill_pte

	; Point both the low and the PAGE_OFFSET pgd entries at those tables.
	mov ebx, PHYS(swapper_pg_dir)
	mov eax, PHYS(early_pg_tables) + PG_PRESENT_RW
	xor ecx, ecx
.fill_pde:
	mov [ebx + ecx * 4], eax
	mov [ebx + (PDE_OFFSET + ecx) * 4], eax
	add eax, 0x1000
	inc ecx
	cmp ecx, EARLY_PGTABLES
	jne .fill_pde

	mov eax, PHYS(swapper_pg_dir)
	mov cr3, eax
	mov eax, cr0
	or eax, CR0_PG | CR0_WP
	mov cr0, eax

	mov eax, start_high		; an absolute (high) address
	jmp eax

section .text
start_high:
	; Now running at PAGE_OFFSET: the identity map is no longer needed.
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

section .bss
align 4096
swapper_pg_dir:
	resb 4096
early_pg_tables:
	resb 4096 * EARLY_PGTABLES
boot_stack:
	resb BOOT_STACK_SIZE
boot_stack_top:
