"""swap.py - swap areas and who holds their slots (mm/swapfile.c):
lx-swap.

swap_info[] holds one struct swap_info_struct per area; its swap_map[]
has a use count per slot (0 free, 0x80 the header or a bad page). A slot
is held by process ptes holding its swap entry (one count each), by a
segment's shm_pages[idx], or by the swap cache for a page in memory
whose data is still there (mm/swap_state.c).
"""
from lintel import mmu, shm, utils

SWP_WRITEOK = 3
SWAP_MAP_BAD = 0x80


def areas():
    """(type, area) for every swap_info[] entry in use."""
    info = utils.symbol_value("swap_info")
    for swap_type in range(int(utils.symbol_value("nr_swapfiles"))):
        area = info[swap_type]
        if int(area["flags"]):
            yield swap_type, area


def area_name(area):
    return area["name"].string()


def slot_counts(area):
    """swap_map[] as a list of counts."""
    count = int(area["max"])
    data = utils.read_bytes(utils.u32(area["swap_map"]), count)
    return list(data)


def area_line(swap_type, area):
    state = "on" if int(area["flags"]) & SWP_WRITEOK == SWP_WRITEOK \
        else "going (swapoff)"
    return "%d  %-12s prio %-4d %6d slots, %6d used  %s" % (
        swap_type, area_name(area), int(area["prio"]), int(area["pages"]),
        int(area["inuse_pages"]), state)


def pte_owners(owners):
    """Add 'pid N 0xADDR' for each process pte holding a swap entry."""
    seen = set()
    for task in utils.tasks():
        mm = task["mm"]
        if utils.u32(mm) == 0 or utils.u32(mm) in seen:
            continue
        seen.add(utils.u32(mm))
        pgd = utils.u32(mm["pgd"])
        for pgd_i in range(utils.TASK_SIZE >> 22):
            pde = utils.read_u32(pgd + 4 * pgd_i)
            if not mmu.present(pde):
                continue
            table = utils.read_u32s(utils.va(pde & 0xFFFFF000), 1024)
            for i, pte in enumerate(table):
                if pte and not mmu.present(pte) and \
                        not mmu.is_shm_signature(pte):
                    addr = (pgd_i << 22) | (i << 12)
                    owners.setdefault(pte, []).append(
                        "%s 0x%08x" % (utils.task_name(task), addr))


def shm_owners(owners):
    """Add 'shm id N page I' for each shm_pages[] holding a swap entry."""
    for slot, _ in shm.slots():
        shp = shm.segment(slot)
        if shp is None:
            continue
        for index, pte in enumerate(shm.page_ptes(shp)):
            if pte and not mmu.present(pte):
                owners.setdefault(pte, []).append(
                    "shm id %d page %d" % (shm.segment_id(shp, slot), index))


class LxSwap(utils.LxCommand):
    """The swap areas (swap_info[]) and, for each used slot, who holds it.

Usage: lx-swap [MAX]     (MAX: how many used slots to list, default 20)

One line per area: its type (the index in swap_info[], the entry's type
field), the device, priority, usable and used slots. Then each used slot
of each area with its count (swap_map[]) and its holders: process ptes
('pid 4 (test_swap) 0x40123000'), a segment's shm_pages[] ('shm id 0
page 12'), or the swap cache (a page in memory whose data the slot still
holds). A count larger than the holders found is a slot held by a pte
that is being changed right now, or a leak."""

    NAME = "lx-swap"
    USAGE = "lx-swap [MAX]"
    MAX_ARGS = 1

    def run(self, argv):
        limit = utils.parse_number(argv[0], "MAX") if argv else 20
        found = list(areas())
        if not found:
            print("no swap area (swapon /dev/hda, with make ... SWAP=64)")
            return
        print("swap areas: %d pages free of %d" % (
            int(utils.symbol_value("nr_swap_pages")),
            int(utils.symbol_value("total_swap_pages"))))
        for swap_type, area in found:
            print(area_line(swap_type, area))
        owners = {}
        pte_owners(owners)
        shm_owners(owners)
        for swap_type, area in found:
            listed = 0
            for offset, count in enumerate(slot_counts(area)):
                if not count or count == SWAP_MAP_BAD:
                    continue
                if listed == limit:
                    print("  ... (lx-swap %d shows more)" % (2 * limit))
                    break
                entry = (offset << 12) | (swap_type << 1)
                holders = owners.get(entry, []) or ["the swap cache"]
                print("  slot %d:%-6d count %-3d %s" % (
                    swap_type, offset, count, "; ".join(holders)))
                listed += 1


LxSwap()
