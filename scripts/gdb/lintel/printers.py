"""printers.py - pretty-printers, so that plain `print' reads well.

    pte_t                   0x0001e067 [P RW US A D] pfn 0x1e
                            0x00008082 (not present: shm signature ...)
    pgd_t, pmd_t            0x0001d067 [P RW US A D] page table at ...
    pgprot_t                0x00000025 [P US A]
    struct vm_area_struct   [0x40000000,0x40002000) rw-s off=0x0 shm id=0
    struct shmid_ds         id=0 key=0x4c494e54 size=8192 nattch=2 ...

`print/r' shows the raw structure; `info pretty-printer' lists these
under "lintel", and `disable pretty-printer global lintel;pte_t' turns
one off.
"""
import gdb
import gdb.printing

from lintel import mmu, shm, utils, vmas


class PtePrinter:
    def __init__(self, val):
        self.val = val

    def to_string(self):
        return mmu.describe_entry(utils.u32(self.val["pte"]))


class PdePrinter:
    """pgd_t and pmd_t: on i386 the same directory entry (pmd folded)."""

    def __init__(self, val, field):
        self.val = val
        self.field = field

    def to_string(self):
        v = utils.u32(self.val[self.field])
        if v == 0:
            return "0x00000000 (none)"
        if not mmu.present(v):
            return "0x%08x (not present)" % v
        names = mmu.bit_names(v, mmu.PDE_BITS)
        if mmu.is_large(v):
            return "0x%08x [%s] 4 MiB page at phys 0x%08x" % (
                v, names, v & mmu.LARGE_PAGE_MASK)
        return "0x%08x [%s] page table at phys 0x%08x" % (
            v, names, v & utils.PAGE_MASK)


class PgprotPrinter:
    def __init__(self, val):
        self.val = val

    def to_string(self):
        v = utils.u32(self.val["pgprot"])
        return "0x%08x [%s]" % (v, mmu.bit_names(v, mmu.PTE_BITS))


class VmaPrinter:
    def __init__(self, val):
        self.val = val

    def to_string(self):
        v = self.val
        flags = int(v["vm_flags"])
        return "%s %s off=0x%x %s" % (
            vmas.vma_range(v), vmas.perm_str(flags),
            utils.u32(v["vm_offset"]), vmas.ops_label(v))


class ShmidPrinter:
    def __init__(self, val):
        self.val = val

    def to_string(self):
        v = self.val
        slot = None
        if v.address is not None:
            slot = shm.slot_of(utils.u32(v.address))
        ident = "id=%d" % shm.segment_id(v, slot) if slot is not None \
            else "id=? (not in shm_segs[])"
        ptes = shm.page_ptes(v)
        perm = v["shm_perm"]
        return "%s key=0x%08x size=%d nattch=%d uid=%d mode=%s " \
               "pages %d/%d resident" % (
                   ident, utils.u32(perm["key"]), int(v["shm_segsz"]),
                   int(v["shm_nattch"]), int(perm["uid"]),
                   shm.mode_str(int(perm["mode"])),
                   sum(1 for p in ptes if mmu.present(p)), len(ptes))


class LintelPrinters(gdb.printing.PrettyPrinter):
    """Picks a printer by typedef name (the page-table entry types are
    anonymous structs) or by struct tag."""

    def __init__(self):
        self.by_typedef = {
            "pte_t": PtePrinter,
            "pgd_t": lambda v: PdePrinter(v, "pgd"),
            "pmd_t": lambda v: PdePrinter(v, "pmd"),
            "pgprot_t": PgprotPrinter,
        }
        self.by_tag = {
            "vm_area_struct": VmaPrinter,
            "shmid_ds": ShmidPrinter,
        }
        names = list(self.by_typedef) + ["struct " + t for t in self.by_tag]
        super().__init__("lintel",
                         [gdb.printing.SubPrettyPrinter(n) for n in names])

    def _enabled(self, name):
        for sub in self.subprinters:
            if sub.name == name:
                return sub.enabled
        return False

    def __call__(self, val):
        name = self.type_name(val.type)
        if name is None or not self._enabled(name):
            return None
        if name in self.by_typedef:
            return self.by_typedef[name](val)
        return self.by_tag[name[len("struct "):]](val)

    def type_name(self, t):
        """The subprinter name for type t, or None."""
        t = t.unqualified()
        while t.code == gdb.TYPE_CODE_TYPEDEF:
            if t.name in self.by_typedef:
                return t.name
            t = t.target().unqualified()
        if t.code != gdb.TYPE_CODE_STRUCT:
            return None
        if t.tag in self.by_tag:
            return "struct " + t.tag
        # GDB drops the typedef from some values (what `finish' returns
        # is a bare struct {...}): know pte_t and friends by their field.
        fields = t.fields()
        if t.tag is None and len(fields) == 1:
            name = fields[0].name + "_t"
            if name in self.by_typedef:
                return name
        return None


def register():
    gdb.printing.register_pretty_printer(None, LintelPrinters(),
                                         replace=True)


register()
