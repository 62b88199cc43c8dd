; head.asm - the first instructions Lintel runs.
;
; GRUB (or QEMU's -kernel multiboot loader) loads the kernel ELF at 1 MiB
; physical and jumps to _start with paging off, eax = multiboot magic and
; ebx = physical address of the multiboot information. The rest of the
; kernel is linked at PAGE_OFFSET + 1 MiB, so until paging is on, every
; address of its data used here must have PAGE_OFFSET subtracted (PHYS).
;
; We build a page directory that maps the first EARLY_MAP_MB of physical
; memory twice, at 0 (so the instruction after "enable paging" still runs)
; and at PAGE_OFFSET (where the C kernel lives), then jump to the high
; copy: start_high in boot/high.asm drops the low one and calls
; start_kernel(magic, mbi).
;
; This file is linked where it is loaded, at 1 MiB (section .boot, see
; boot/lintel.ld), because it runs before paging.

bits 32

%include "layout.inc"
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

section .boot exec
global _start
global swapper_pg_dir
global early_pg_tables
global boot_stack_top
extern start_high

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

section .bss
align 4096
swapper_pg_dir:
	resb 4096
early_pg_tables:
	resb 4096 * EARLY_PGTABLES
boot_stack:
	resb BOOT_STACK_SIZE
boot_stack_top:
