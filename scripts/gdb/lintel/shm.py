"""shm.py - SysV shared memory segments (ipc/shm.c): lx-shm.

shm_segs[SHMMNI] holds a struct shmid_ds * per slot, or one of 1.2.13's
sentinels: IPC_UNUSED (free) and IPC_NOID (being created). A segment's
id is seq * SHMMNI + slot. shm_pages[] holds one pte value per page: 0
until the first fault on it, then the present pte of its frame. Every
vma attached to the segment is on a ring through vm_next_share, starting
at shp->attaches.
"""
import gdb

from lintel import mmu, utils


def shmmni():
    return utils.array_length(utils.symbol_value("shm_segs"))


def slots():
    """(slot, pointer) for every slot of shm_segs[] that is not free;
    pointer is utils.IPC_NOID for a segment still being created."""
    segs = utils.symbol_value("shm_segs")
    for slot in range(utils.array_length(segs)):
        ptr = utils.u32(segs[slot])
        if ptr != utils.IPC_UNUSED:
            yield slot, ptr


def segment(slot):
    """The struct shmid_ds in slot, or None if the slot holds none."""
    ptr = utils.u32(utils.symbol_value("shm_segs")[slot])
    if ptr in (utils.IPC_UNUSED, utils.IPC_NOID):
        return None
    return gdb.Value(ptr).cast(utils.shmid_ds_type.pointer()).dereference()


def segment_id(shp, slot):
    return int(shp["shm_perm"]["seq"]) * shmmni() + slot


def slot_of(shp_addr):
    """The slot whose pointer is shp_addr, or None."""
    for slot, ptr in slots():
        if ptr == shp_addr:
            return slot
    return None


def shm_vm_ops():
    """The address of ipc/shm.c's shm_vm_ops, or None without shm."""
    return utils.symbol_address("shm_vm_ops")


def is_shm_vma(vma):
    ops = shm_vm_ops()
    return ops is not None and utils.u32(vma["vm_ops"]) == ops


def vma_slot(vma):
    """The slot an attach maps: the id field of its signature, vm_pte."""
    return mmu.shm_slot(utils.u32(vma["vm_pte"]))


def vma_label(vma):
    """'shm id=N' for an attach (as lx-vmas prints it)."""
    slot = vma_slot(vma)
    shp = segment(slot)
    if shp is None:
        return "shm slot=%d (segment gone)" % slot
    return "shm id=%d" % segment_id(shp, slot)


def page_ptes(shp):
    """shm_pages[]: one pte value per page of the segment."""
    npages = int(shp["shm_npages"])
    if npages == 0:
        return []
    return list(utils.read_u32s(utils.u32(shp["shm_pages"]), npages))


def attaches(shp):
    """The vmas on the segment's attach ring, starting at shp->attaches."""
    first = shp["attaches"]
    if utils.u32(first) == 0:
        return
    vma = first
    for _ in range(utils.WALK_LIMIT):
        yield vma
        vma = vma["vm_next_share"]
        if utils.u32(vma) == utils.u32(first):
            return
        if utils.u32(vma) == 0:
            raise gdb.GdbError("attach ring broken: vm_next_share is NULL")
    raise gdb.GdbError("attach ring does not return to its start")


def attach_address(vma, index):
    """The user address at which attach vma maps page index, or None."""
    addr = utils.u32(vma["vm_start"]) - utils.u32(vma["vm_offset"]) + \
        index * utils.PAGE_SIZE
    addr &= 0xFFFFFFFF
    if utils.u32(vma["vm_start"]) <= addr < utils.u32(vma["vm_end"]):
        return addr
    return None


def mode_str(mode):
    text = "%04o" % (mode & 0o777)
    if mode & utils.SHM_DEST:
        text += " dest"
    if mode & utils.SHM_LOCKED:
        text += " locked"
    return text


def summary_line(shp, slot):
    """id, key, size, nattch, uid, mode, resident/total: one line."""
    ptes = page_ptes(shp)
    resident = sum(1 for p in ptes if mmu.present(p))
    perm = shp["shm_perm"]
    return "%6d 0x%08x %9d %6d %5d  %-12s %5d/%d" % (
        segment_id(shp, slot), utils.u32(perm["key"]),
        int(shp["shm_segsz"]), int(shp["shm_nattch"]), int(perm["uid"]),
        mode_str(int(perm["mode"])), resident, len(ptes))


def attach_owner(vma):
    """'pid 1 (name)' of the task(s) whose mm holds vma."""
    mm = utils.u32(vma["vm_mm"])
    names = [utils.task_name(t) for t in utils.tasks()
             if utils.u32(t["mm"]) == mm]
    return ", ".join(names) if names else "mm 0x%08x (no task)" % mm


def page_mappings(vmas, index, frame_pte):
    """How each attach maps page index: 'pid 1 0x40001000' when its pte
    holds the segment's frame, else what its pte holds instead."""
    out = []
    for vma in vmas:
        addr = attach_address(vma, index)
        if addr is None:
            continue
        mm = vma["vm_mm"]
        pids = utils.pid_of_mm(utils.u32(mm))
        who = "pid %s" % "/".join(str(p) for p in pids) if pids else \
            "mm 0x%08x" % utils.u32(mm)
        pte = mmu.pte_at(utils.u32(mm["pgd"]), addr)
        if pte is not None and mmu.present(pte) and \
                (pte & utils.PAGE_MASK) == (frame_pte & utils.PAGE_MASK):
            out.append("%s at 0x%08x" % (who, addr))
        elif pte is not None and mmu.is_shm_signature(pte):
            out.append("%s at 0x%08x (signature: not faulted in yet)"
                       % (who, addr))
        else:
            out.append("%s at 0x%08x (pte %s)" % (
                who, addr, "none" if pte is None else "0x%08x" % pte))
    return out


class LxShm(utils.LxCommand):
    """List the SysV shared memory segments, their attaches and frames.

Usage: lx-shm

For every segment in shm_segs[]: id (seq * SHMMNI + slot), key, size in
bytes, nattch, owner uid, mode (octal; "dest" once IPC_RMID was done)
and pages resident / total. Below it, each attach on the segment's ring
(vm_next_share): the task whose mm holds the vma and the address range;
then each resident page's frame (pfn) and, for every attach, whether
its pte maps that frame: two processes sharing a page show one pfn."""

    NAME = "lx-shm"
    USAGE = "lx-shm"
    MIN_ARGS = 0
    MAX_ARGS = 0

    def run(self, argv):
        gdb.write("shm: %d pages in segments, %d resident "
                  "(shm_tot, shm_rss)\n"
                  % (int(utils.symbol_value("shm_tot")),
                     int(utils.symbol_value("shm_rss"))))
        count = 0
        for slot, ptr in slots():
            if count == 0:
                gdb.write("%6s %10s %9s %6s %5s  %-12s %s\n" % (
                    "ID", "KEY", "SIZE", "NATTCH", "UID", "MODE",
                    "PAGES"))
            count += 1
            if ptr == utils.IPC_NOID:
                gdb.write("  slot %d: IPC_NOID (being created)\n" % slot)
                continue
            self.show_segment(segment(slot), slot)
        if count == 0:
            gdb.write("no segments\n")

    def show_segment(self, shp, slot):
        gdb.write(summary_line(shp, slot) + "  slot %d\n" % slot)
        vmas = list(attaches(shp))
        for vma in vmas:
            gdb.write("    attach %s %s vma 0x%08x\n" % (
                utils.range_str(utils.u32(vma["vm_start"]),
                                utils.u32(vma["vm_end"])),
                attach_owner(vma), utils.u32(vma)))
        for index, pte in enumerate(page_ptes(shp)):
            if not mmu.present(pte):
                continue
            pfn = pte >> utils.PAGE_SHIFT
            maps = page_mappings(vmas, index, pte)
            gdb.write("    page %d: pfn 0x%x%s\n" % (
                index, pfn, ", mapped by " + ", ".join(maps) if maps
                else ", mapped by nobody"))


LxShm()
