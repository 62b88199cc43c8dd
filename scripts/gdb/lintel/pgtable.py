"""pgtable.py - lx-pt: one address through a process's page tables."""
import gdb

from lintel import mmu, shm, swap, utils, vmas


def live_cr3():
    """The CPU's cr3 now (QEMU's gdbstub shows control registers)."""
    try:
        return int(gdb.parse_and_eval("$cr3")) & utils.PAGE_MASK
    except (gdb.error, ValueError):
        return None


def mem_map_entry(pfn):
    """mem_map[pfn], or None for a frame outside mem_map."""
    mem_map = utils.symbol_value("mem_map")
    if utils.u32(mem_map) == 0 or \
            pfn >= int(utils.symbol_value("num_physpages")):
        return None
    return mem_map[pfn]


def frame_line(pfn):
    phys = pfn << utils.PAGE_SHIFT
    text = "pfn 0x%x: phys 0x%08x, kernel alias 0x%08x" % (
        pfn, phys, utils.va(phys))
    page = mem_map_entry(pfn)
    if page is not None:
        text += ", mem_map count %d" % int(page["count"])
        if int(page["flags"]) & utils.PG_reserved:
            text += " (reserved)"
    return text


ON_FAULT = "on a fault, do_no_page -> do_swap_page -> "


def shm_fate(entry):
    """What shm_swap_in will do with a signature: two lines."""
    slot, index = mmu.shm_slot(entry), mmu.shm_index(entry)
    shp = shm.segment(slot)
    if shp is None:
        return ["slot %d holds no segment:" % slot,
                ON_FAULT + "shm_swap_in refuses (SIGBUS)"]
    ptes = shm.page_ptes(shp)
    seg = "segment id %d" % shm.segment_id(shp, slot)
    if index >= len(ptes):
        return ["%s has only %d pages:" % (seg, len(ptes)),
                ON_FAULT + "shm_swap_in refuses (SIGBUS)"]
    if mmu.present(ptes[index]):
        return ["%s has page %d at pfn 0x%x (shm_pages[%d]):"
                % (seg, index, ptes[index] >> utils.PAGE_SHIFT, index),
                ON_FAULT + "shm_swap_in maps that frame"]
    if ptes[index]:
        return ["%s has page %d in swap, %s (shm_pages[%d]):"
                % (seg, index, slot_text(ptes[index]), index),
                ON_FAULT + "shm_swap_in reads it back (shm_read_in)"]
    return ["%s has no page %d yet (shm_pages[%d] is 0):"
            % (seg, index, index),
            ON_FAULT + "shm_swap_in allocates a zeroed page"]


def slot_text(entry):
    """'slot 0:12 of /dev/hda, count 1' for a swap entry."""
    swap_type, offset = mmu.swp_type(entry), mmu.swp_offset(entry)
    for t, area in swap.areas():
        if t == swap_type and offset < int(area["max"]):
            return "slot %d:%d of %s, count %d" % (
                swap_type, offset, swap.area_name(area),
                swap.slot_counts(area)[offset])
    return "slot %d:%d of no swap area (a damaged pte)" % (swap_type,
                                                          offset)


def nonpresent_lines(entry, vma):
    """What a pte without P is, and what a fault on it does."""
    in_shm = shm.is_shm_vma(vma) if vma is not None else None
    kind = mmu.nonpresent_kind(entry, in_shm)
    if kind == "none":
        if vma is None:
            return ["none (never touched)"]
        ops = utils.u32(vma["vm_ops"])
        if ops and utils.u32(vma["vm_ops"]["nopage"]):
            return ["none (never touched)",
                    "on a fault, do_no_page asks vm_ops->nopage (%s)"
                    % vmas.ops_label(vma)]
        return ["none (never touched)",
                "on a fault, do_no_page maps a zeroed page (demand-zero)"]
    if kind == "shm":
        return ["not present: shm signature",
                "type 0x%x (SHM_SWP_TYPE), segment slot %d, page index %d"
                % (mmu.swp_type(entry), mmu.shm_slot(entry),
                   mmu.shm_index(entry))] + shm_fate(entry)
    return ["not present: swap entry",
            "type %d, offset %d: %s" % (mmu.swp_type(entry),
                                        mmu.swp_offset(entry),
                                        slot_text(entry)),
            ON_FAULT + "swap_in reads it back"]


def vma_lines(mm, addr):
    if addr >= utils.TASK_SIZE:
        return None, ["kernel address: the direct map, phys = addr - "
                      "PAGE_OFFSET (shared by every page directory)"]
    if mm is None:
        return None, ["none: a kernel thread has no user address space"]
    vma = vmas.find_vma(mm, addr)
    if vma is not None:
        return vma, [vmas.vma_line(vma)]
    above = [v for v in vmas.vma_list(mm)
             if utils.u32(v["vm_start"]) > addr]
    if above and int(above[0]["vm_flags"]) & utils.VM_GROWSDOWN:
        return None, ["no vma: SIGSEGV, unless the stack above (%s) "
                      "grows down to it" % vmas.vma_range(above[0])]
    return None, ["no vma: SIGSEGV"]


class LxPt(utils.LxCommand):
    """Walk one address through a process's two-level page tables.

Usage: lx-pt ADDR [PID]     (default: the current task)

ADDR may be any expression: 0x40001000, $cr2, p + 4096. Shows:
  cr3  the page directory's physical address, __pa(mm->pgd)
  pde  its entry for ADDR (pgd index = ADDR >> 22), bits named
       P RW US PWT PCD A D PS G, and the page table it points at
  pte  the page table's entry (index = (ADDR >> 12) & 1023), the same
       bits (PAT for bit 7, COW for Lintel's software bit 9)
  frame  the page frame: pfn, physical and kernel addresses, mem_map count
  vma  the area covering ADDR, or "no vma: SIGSEGV"
A pte without P is decoded as the fault path will see it: none
(demand-zero by do_no_page), a swap entry (type, offset), or in a shm
area a signature (segment slot, page index) for shm_swap_in. Kernel
threads have no mm: their walk uses swapper_pg_dir."""

    NAME = "lx-pt"
    USAGE = "lx-pt ADDR [PID]"
    MIN_ARGS = 1
    MAX_ARGS = 2

    def run(self, argv):
        addr = utils.parse_number(argv[0], "address")
        task = utils.task_from_arg(argv[1] if len(argv) > 1 else None)
        mm = task["mm"] if utils.u32(task["mm"]) else None
        if mm is not None:
            pgd, pgd_from = utils.u32(mm["pgd"]), "mm->pgd"
        else:
            pgd = utils.symbol_address("swapper_pg_dir")
            pgd_from = "swapper_pg_dir"
        w = mmu.walk(pgd, addr)
        out = ["lx-pt 0x%08x, %s" % (addr, utils.task_name(task)),
               "  address 0x%08x: pgd index %d, pte index %d, offset 0x%03x"
               % (addr, w.pde_index, w.pte_index,
                  addr & ~utils.PAGE_MASK & 0xFFFFFFFF)]
        loaded = live_cr3()
        note = ""
        if loaded is not None:
            note = ", loaded now" if loaded == w.cr3 else \
                ", not loaded (the CPU's cr3 is 0x%08x)" % loaded
        out.append("  cr3     0x%08x (__pa of %s 0x%08x%s)"
                   % (w.cr3, pgd_from, pgd, note))
        out += self.entries(w)
        vma, lines = vma_lines(mm, addr)
        if w.pte is not None and not mmu.present(w.pte):
            what = nonpresent_lines(w.pte, vma)
            out[-1] += " " + what[0]
            out += ["          " + l for l in what[1:]]
        out.append("  vma     " + lines[0])
        out += ["          " + l for l in lines[1:]]
        gdb.write("\n".join(out) + "\n")

    def entries(self, w):
        out = []
        pde = "  pde     pgd[%d] = 0x%08x" % (w.pde_index, w.pde)
        if not mmu.present(w.pde):
            out.append(pde + " not present: no page table for this 4 MiB;"
                       " a fault allocates one (pte_alloc)")
            return out
        if w.large:
            out.append(pde + " %s -> 4 MiB page at phys 0x%08x"
                       % (mmu.bit_names(w.pde, mmu.PDE_BITS), w.frame_phys))
            out.append("  frame   " + frame_line(w.pfn))
            return out
        out.append(pde + " %s -> page table at phys 0x%08x"
                   % (mmu.bit_names(w.pde, mmu.PDE_BITS), w.table_phys))
        pte = "  pte     pt[%d] = 0x%08x" % (w.pte_index, w.pte)
        if mmu.present(w.pte):
            out.append(pte + " %s -> frame at phys 0x%08x"
                       % (mmu.bit_names(w.pte, mmu.PTE_BITS), w.frame_phys))
            if mmu.is_cow(w.pte) and not mmu.is_writable(w.pte):
                out.append("          copy-on-write: a write faults into "
                           "do_wp_page, which copies the page (or, if no "
                           "one else maps it, makes it writable)")
            out.append("  frame   " + frame_line(w.pfn))
        else:
            out.append(pte)
        return out


LxPt()
