"""constants.py - the kernel's #defines that the helpers decode with.

Macros are not in the kernel's debug information, so these are copies.
Each has the name it has in the header listed in HEADERS below, and
scripts/gdb-test.py checks every one against that header: change a
header and the test says which copy to update. This module does not
import gdb, so that the test can read it from plain Python.
"""

# include/asm/page.h
PAGE_SHIFT = 12
PAGE_OFFSET = 0xC0000000
TASK_SIZE = PAGE_OFFSET
PAGE_SIZE = 1 << PAGE_SHIFT
PAGE_MASK = 0xFFFFFFFF & ~(PAGE_SIZE - 1)

# include/asm/pgtable.h: the pte bits Lintel names (the hardware has a
# few more: PWT, PS/PAT and G, named in mmu.py)
PGDIR_SHIFT = 22
PTRS_PER_PTE = 1024
PTRS_PER_PGD = 1024
_PAGE_PRESENT = 0x001
_PAGE_RW = 0x002
_PAGE_USER = 0x004
_PAGE_PCD = 0x010
_PAGE_ACCESSED = 0x020
_PAGE_DIRTY = 0x040
_PAGE_COW = 0x200

# include/linux/mm.h: what a "not present, not none" pte holds
#   swap entry:    offset << 12 | type << 1
#   shm signature: idx << SHM_IDX_SHIFT | slot << SHM_ID_SHIFT
#                  | SHM_SWP_TYPE << 1
# (SHM_SWP_TYPE is mm.h's; the id and idx fields are include/linux/shm.h's)
SHM_SWP_TYPE = 0x41
SHM_ID_SHIFT = 8
SHM_ID_MASK = (1 << 7) - 1
SHM_IDX_SHIFT = 15
SHM_IDX_MASK = (1 << 15) - 1
SWP_TYPE_SHIFT = 1          # SWP_TYPE(entry) = (entry >> 1) & 0x7f
SWP_TYPE_MASK = 0x7F

# include/linux/mm.h: vm_flags, and the flags of a mem_map_t
VM_READ = 0x0001
VM_WRITE = 0x0002
VM_EXEC = 0x0004
VM_SHARED = 0x0008
VM_GROWSDOWN = 0x0100
VM_SHM = 0x0400
PG_reserved = 0x01
PG_buddy = 0x02
PG_slab = 0x04
PG_kmalloc = 0x08

# include/linux/shm.h: shm_perm.mode flags; the shm_segs[] sentinels
# IPC_UNUSED ((struct shmid_ds *)-1) and IPC_NOID (-2) as addresses
SHM_DEST = 0o1000
SHM_LOCKED = 0o2000
IPC_UNUSED = 0xFFFFFFFF
IPC_NOID = 0xFFFFFFFE

# include/linux/sched.h
TASK_RUNNING = 0
TASK_INTERRUPTIBLE = 1
TASK_UNINTERRUPTIBLE = 2
TASK_ZOMBIE = 3
TASK_STOPPED = 4

# Where each name above is #defined (the sentinels are casts, checked
# by hand).
HEADERS = {
    "include/asm/page.h": ["PAGE_SHIFT", "PAGE_OFFSET", "TASK_SIZE",
                           "PAGE_SIZE", "PAGE_MASK"],
    "include/asm/pgtable.h": ["PGDIR_SHIFT", "PTRS_PER_PTE", "PTRS_PER_PGD",
                              "_PAGE_PRESENT", "_PAGE_RW", "_PAGE_USER",
                              "_PAGE_PCD", "_PAGE_ACCESSED", "_PAGE_DIRTY",
                              "_PAGE_COW"],
    "include/linux/mm.h": ["SHM_SWP_TYPE", "VM_READ", "VM_WRITE", "VM_EXEC",
                           "VM_SHARED", "VM_GROWSDOWN", "VM_SHM",
                           "PG_reserved", "PG_buddy", "PG_slab",
                           "PG_kmalloc"],
    "include/linux/shm.h": ["SHM_ID_SHIFT", "SHM_ID_MASK", "SHM_IDX_SHIFT",
                            "SHM_IDX_MASK", "SHM_DEST", "SHM_LOCKED"],
    "include/linux/sched.h": ["TASK_RUNNING", "TASK_INTERRUPTIBLE",
                              "TASK_UNINTERRUPTIBLE", "TASK_ZOMBIE",
                              "TASK_STOPPED"],
}
