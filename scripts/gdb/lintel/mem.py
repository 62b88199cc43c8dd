"""mem.py - physical memory (mm/page_alloc.c): lx-mem."""
import struct

import gdb

from lintel import utils


def free_lists():
    """(order, [pfn of each block], problems) for each free_area[] list.

    Each list is circular through mem_map_t next/prev with the array
    entry itself as the head; a block on list k is its first page's
    descriptor, marked PG_buddy with order k.
    """
    area = utils.symbol_value("free_area")
    mem_map = utils.u32(utils.symbol_value("mem_map"))
    size = utils.mem_map_type.get().sizeof
    for order in range(utils.array_length(area)):
        head = area[order]
        head_addr = utils.u32(head.address)
        page = head["next"]
        blocks, problems = [], []
        while utils.u32(page) != head_addr:
            if utils.u32(page) == 0:
                problems.append("list broken: next is NULL")
                break
            if len(blocks) > utils.WALK_LIMIT:
                problems.append("list does not return to its head")
                break
            pfn = (utils.u32(page) - mem_map) // size
            flags, porder = int(page["flags"]), int(page["order"])
            if not flags & utils.PG_buddy or porder != order:
                problems.append("pfn 0x%x on this list has flags 0x%x, "
                                "order %d" % (pfn, flags, porder))
            blocks.append(pfn)
            page = page["next"]
        yield order, blocks, problems


def mem_map_counts(free):
    """Tally mem_map[], read whole. free[pfn] is 1 for the pages of the
    blocks on the free lists: a page with count 0 may also be a later
    page of a multi-page allocation (only the first page is counted)."""
    mem_map = utils.u32(utils.symbol_value("mem_map"))
    n = int(utils.symbol_value("num_physpages"))
    t = utils.mem_map_type.get().strip_typedefs()
    size = t.sizeof
    fields = {f.name: f.bitpos // 8 for f in t.fields()}
    raw = utils.read_bytes(mem_map, n * size) if n else b""
    tally = {"free": 0, "used": 0, "reserved": 0, "shared": 0,
             "slab": 0, "kmalloc": 0, "tail": 0}
    problems = []
    for pfn in range(n):
        base = pfn * size
        count = struct.unpack_from("<H", raw, base + fields["count"])[0]
        flags = raw[base + fields["flags"]]
        if pfn < len(free) and free[pfn]:
            tally["free"] += 1
            if count or flags & utils.PG_reserved:
                problems.append("pfn 0x%x is on a free list but has count "
                                "%d, flags 0x%x" % (pfn, count, flags))
        elif flags & utils.PG_reserved:
            tally["reserved"] += 1
        else:
            tally["used"] += 1
            if count == 0:
                tally["tail"] += 1
            if count > 1:
                tally["shared"] += 1
            if flags & utils.PG_slab:
                tally["slab"] += 1
            if flags & utils.PG_kmalloc:
                tally["kmalloc"] += 1
    return n, tally, problems


def kb(pages):
    return pages << (utils.PAGE_SHIFT - 10)


class LxMem(utils.LxCommand):
    """Show free memory: the buddy free lists and a mem_map summary.

Usage: lx-mem

First the buddy allocator's free_area[] lists: for each order, how many
free blocks of 2^order pages it holds (each block's first page must be
marked PG_buddy with that order). Then mem_map[], one entry per page
frame, each counted as one of:
  free      inside a block on a free list (its count must be 0)
  used      handed out: the first page of a block has count >= 1 (more
            than 1 when shared); the later pages of a multi-page block
            keep count 0, and are shown apart, as are slab and large
            kmalloc pages
  reserved  PG_reserved: the kernel image, the BIOS area, holes
The lists must also add up to nr_free_pages; every disagreement is
printed as a problem."""

    NAME = "lx-mem"
    USAGE = "lx-mem"
    MIN_ARGS = 0
    MAX_ARGS = 0

    def run(self, argv):
        if utils.u32(utils.symbol_value("mem_map")) == 0:
            raise gdb.GdbError("mem_map is NULL: mem_init has not run yet")
        n = int(utils.symbol_value("num_physpages"))
        free = bytearray(n)
        listed = 0
        gdb.write("free_area[] (blocks of 2^order pages):\n")
        for order, blocks, problems in free_lists():
            for pfn in blocks:
                free[pfn:pfn + (1 << order)] = b"\1" * (1 << order)
            pages = len(blocks) << order
            listed += pages
            gdb.write("  order %2d (%5d kB): %6d blocks %8d pages\n"
                      % (order, kb(1 << order), len(blocks), pages))
            for p in problems:
                gdb.write("    problem: %s\n" % p)
        nr_free = int(utils.symbol_value("nr_free_pages"))
        gdb.write("  on the lists: %d pages (%d kB); nr_free_pages %d; "
                  "min_free_pages %d\n"
                  % (listed, kb(listed), nr_free,
                     int(utils.symbol_value("min_free_pages"))))
        if listed != nr_free:
            gdb.write("problem: the lists hold %d pages, nr_free_pages "
                      "says %d\n" % (listed, nr_free))
        n, t, problems = mem_map_counts(free)
        gdb.write("mem_map[]: %d page frames (num_physpages), %d managed "
                  "(totalram_pages)\n"
                  % (n, int(utils.symbol_value("totalram_pages"))))
        gdb.write("  free      %8d  (%d kB, in the free blocks)\n"
                  % (t["free"], kb(t["free"])))
        gdb.write("  used      %8d  (shared %d, slab %d, large kmalloc %d,"
                  " later pages of multi-page blocks %d)\n"
                  % (t["used"], t["shared"], t["slab"], t["kmalloc"],
                     t["tail"]))
        gdb.write("  reserved  %8d\n" % t["reserved"])
        for p in problems[:20]:
            gdb.write("problem: %s\n" % p)
        if len(problems) > 20:
            gdb.write("problem: ... and %d more\n" % (len(problems) - 20))


LxMem()
