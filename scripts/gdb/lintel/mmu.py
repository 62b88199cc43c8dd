"""mmu.py - the i386 two-level page-table walk, and what entries mean.

    31        22 21        12 11         0
   +------------+------------+------------+
   | pgd index  | pte index  |  offset    |
   +------------+------------+------------+

cr3 holds the physical address of the page directory (mm->pgd is its
kernel virtual address: cr3 = __pa(mm->pgd)). A present directory entry
holds the physical address of a page table, or, with PS set, maps 4 MiB
itself. A present pte holds the physical address of the page frame.
Both tables are read through the kernel's direct map, so the walk works
for any process, not only the one whose cr3 is loaded.

Nothing here talks to the user: lx-pt, lx-shm and the pretty-printers
build their output from these pieces.
"""
from lintel import constants as k
from lintel import utils

# Bit names, low bit first. Bit 7 is PS in a directory entry (a 4 MiB
# page) and PAT in a pte; bit 9 is free for software, and Lintel's ptes
# use it for copy-on-write (_PAGE_COW). PWT, PS/PAT and G are the
# hardware's; Lintel never sets them.
_PAGE_PWT = 0x008
_PAGE_PS = 0x080
_PAGE_GLOBAL = 0x100
_COMMON_BITS = [(k._PAGE_PRESENT, "P"), (k._PAGE_RW, "RW"),
                (k._PAGE_USER, "US"), (_PAGE_PWT, "PWT"),
                (k._PAGE_PCD, "PCD"), (k._PAGE_ACCESSED, "A"),
                (k._PAGE_DIRTY, "D")]
PDE_BITS = _COMMON_BITS + [(_PAGE_PS, "PS"), (_PAGE_GLOBAL, "G")]
PTE_BITS = _COMMON_BITS + [(_PAGE_PS, "PAT"), (_PAGE_GLOBAL, "G"),
                           (k._PAGE_COW, "COW")]
LARGE_PAGE_MASK = 0xFFC00000


def bit_names(value, table):
    """The names of the bits set in an entry: 'P RW US A D'."""
    return " ".join(name for bit, name in table if value & bit)


def present(entry):
    """Is P set: does the entry map something?"""
    return bool(entry & k._PAGE_PRESENT)


def is_writable(entry):
    return bool(entry & k._PAGE_RW)


def is_cow(entry):
    """Lintel's software bit: a private page shared since a fork."""
    return bool(entry & k._PAGE_COW)


def is_large(pde):
    """Does a present directory entry map a 4 MiB page itself?"""
    return bool(pde & _PAGE_PS)


def pgd_index(addr):
    return addr >> utils.PGDIR_SHIFT


def pte_index(addr):
    return (addr >> utils.PAGE_SHIFT) & (utils.PTRS_PER_PTE - 1)


class Walk:
    """The steps of one translation; fields are None past the last."""

    def __init__(self, addr, pgd):
        self.addr = addr
        self.pgd = pgd                  # kernel virtual, as mm->pgd
        self.cr3 = utils.pa(pgd)
        self.pde_index = pgd_index(addr)
        self.pde = None
        self.pte_index = pte_index(addr)
        self.pte = None
        self.table_phys = None          # the page table the pde points at
        self.frame_phys = None          # the page frame, when mapped
        self.large = False              # a 4 MiB page (PS in the pde)

    @property
    def phys(self):
        """The physical address addr translates to, or None."""
        if self.frame_phys is None:
            return None
        if self.large:
            return self.frame_phys + (self.addr & ~LARGE_PAGE_MASK)
        return self.frame_phys + (self.addr & ~utils.PAGE_MASK)

    @property
    def pfn(self):
        if self.frame_phys is None:
            return None
        return self.phys >> utils.PAGE_SHIFT


def walk(pgd, addr):
    """Translate addr with the page directory at kernel address pgd."""
    w = Walk(addr, pgd)
    w.pde = utils.read_u32(pgd + 4 * w.pde_index)
    if not w.pde & k._PAGE_PRESENT:
        return w
    if is_large(w.pde):
        w.large = True
        w.frame_phys = w.pde & LARGE_PAGE_MASK
        return w
    w.table_phys = w.pde & utils.PAGE_MASK
    w.pte = utils.read_u32(utils.va(w.table_phys) + 4 * w.pte_index)
    if w.pte & k._PAGE_PRESENT:
        w.frame_phys = w.pte & utils.PAGE_MASK
    return w


def pte_at(pgd, addr):
    """The pte value for addr, or None when there is no page table."""
    w = walk(pgd, addr)
    return w.pte if w.table_phys is not None else None


# ---- "not present" entries (include/linux/mm.h) ----------------------------

def swp_type(entry):
    return (entry >> utils.SWP_TYPE_SHIFT) & utils.SWP_TYPE_MASK


def swp_offset(entry):
    return entry >> utils.PAGE_SHIFT


def shm_slot(entry):
    return (entry >> utils.SHM_ID_SHIFT) & utils.SHM_ID_MASK


def shm_index(entry):
    return (entry >> utils.SHM_IDX_SHIFT) & utils.SHM_IDX_MASK


def is_shm_signature(entry):
    return entry != 0 and not entry & k._PAGE_PRESENT and \
        swp_type(entry) == utils.SHM_SWP_TYPE


def nonpresent_kind(entry, in_shm_area=None):
    """'none', 'shm' or 'swap' for a pte without P.

    The area decides what a non-none entry is (do_swap_page calls the
    area's vm_ops->swapin, else swap_in): in_shm_area is True or False
    when the covering vma is known, None to go by the type field alone.
    """
    if entry == 0:
        return "none"
    if in_shm_area is None:
        in_shm_area = swp_type(entry) == utils.SHM_SWP_TYPE
    return "shm" if in_shm_area else "swap"


def describe_entry(entry):
    """One line for any pte value, without knowing its area."""
    if entry & k._PAGE_PRESENT:
        return "0x%08x [%s] pfn 0x%x" % (entry, bit_names(entry, PTE_BITS),
                                         entry >> utils.PAGE_SHIFT)
    kind = nonpresent_kind(entry)
    if kind == "none":
        return "0x%08x (none: never touched)" % entry
    if kind == "shm":
        return "0x%08x (not present: shm signature slot %d, page %d)" % (
            entry, shm_slot(entry), shm_index(entry))
    return "0x%08x (not present: swap entry type %d, offset %d)" % (
        entry, swp_type(entry), swp_offset(entry))
