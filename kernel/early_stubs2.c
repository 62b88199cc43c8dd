/* Placeholders until mm/ and fs/ land (no headers: any shape will do). */
#define ENOSYS_STUB(name) \
	__attribute__((weak)) long name(void) { return -38; }
ENOSYS_STUB(sys_pipe2) ENOSYS_STUB(sys_lseek) ENOSYS_STUB(sys_fcntl)
ENOSYS_STUB(sys_getdents64) ENOSYS_STUB(sys_fstat64) ENOSYS_STUB(sys_lstat64)
ENOSYS_STUB(sys_stat64) ENOSYS_STUB(sys_mmap2) ENOSYS_STUB(sys_chdir)
ENOSYS_STUB(sys_getcwd) ENOSYS_STUB(sys_writev) ENOSYS_STUB(sys_readv)
ENOSYS_STUB(sys_getdents) ENOSYS_STUB(sys_llseek) ENOSYS_STUB(sys_fchdir)
ENOSYS_STUB(sys_mprotect) ENOSYS_STUB(sys_fstat) ENOSYS_STUB(sys_lstat)
ENOSYS_STUB(sys_stat) ENOSYS_STUB(sys_close) ENOSYS_STUB(sys_munmap)
ENOSYS_STUB(sys_old_mmap) ENOSYS_STUB(sys_open) ENOSYS_STUB(sys_write)
ENOSYS_STUB(sys_dup2) ENOSYS_STUB(sys_umask) ENOSYS_STUB(sys_ioctl)
ENOSYS_STUB(sys_read) ENOSYS_STUB(sys_brk) ENOSYS_STUB(sys_pipe)
ENOSYS_STUB(sys_dup) ENOSYS_STUB(sys_access)
ENOSYS_STUB(memcpy_tofs) ENOSYS_STUB(memcpy_fromfs)
#define NULL_STUB(name) \
	__attribute__((weak)) long name(void) { return 0; }
NULL_STUB(dup_mmap) NULL_STUB(mm_free) NULL_STUB(exit_files)
NULL_STUB(flush_tlb_range) NULL_STUB(do_munmap) NULL_STUB(putname)
NULL_STUB(resolve_path) NULL_STUB(exit_mmap) NULL_STUB(activate_mm)
NULL_STUB(open_console) NULL_STUB(tty_init) NULL_STUB(mm_alloc)
NULL_STUB(copy_files) NULL_STUB(verify_area) NULL_STUB(pte_alloc)
NULL_STUB(get_unmapped_area) NULL_STUB(getname) NULL_STUB(do_close_on_exec)
NULL_STUB(insert_vm_struct) NULL_STUB(find_vma) NULL_STUB(do_mmap)
NULL_STUB(find_vma_intersection) NULL_STUB(pmd_alloc)
