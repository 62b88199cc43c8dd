; vsyscall.asm - __kernel_vsyscall, the vDSO's way into the kernel.
;
; A C library calls it instead of "int 0x80" (glibc's *%gs:SYSINFO, which
; AT_SYSINFO gives), with the same registers. Two images are built from
; this file, as Linux 2.6 built vsyscall-int80.so and vsyscall-sysenter.so;
; the kernel maps the second only when CPUID reports SEP.
;
; The sysenter path, Linux 2.6's layout byte for byte: sysexit puts edx
; into eip and ecx into esp, so ecx and edx are saved here and restored
; at the return point; ebp carries the user's esp into the kernel, which
; reads the sixth argument from [ebp].
;
;   0  push ecx / push edx / push ebp
;   3  mov ebp, esp
;   5  sysenter
;   7  nops
;  14  jmp .enter: a system call restarted after a signal comes back to
;      VSYSCALL_RETURN - 2 (eip minus the size of int 0x80), and enters
;      again with ebp made the stack pointer once more
;  16  pop ebp / pop edx / pop ecx / ret: sysexit returns here

bits 32

VSYSCALL_RETURN	equ 16		; include/asm/vdso.h

global __kernel_vsyscall:function (__kernel_vsyscall.end - __kernel_vsyscall)

section .text

__kernel_vsyscall:
%ifdef SYSENTER
	push ecx
	push edx
	push ebp
.enter:
	mov ebp, esp
	sysenter
	times VSYSCALL_RETURN - 2 - ($ - __kernel_vsyscall) nop
	jmp short .enter
.return:
	pop ebp
	pop edx
	pop ecx
	ret
%else
	int 0x80
	ret
%endif
.end:
