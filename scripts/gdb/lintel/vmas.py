"""vmas.py - an address space's areas: lx-vmas, lx-vmatree, lx-vmacheck.

An mm keeps its vm_area_structs twice (mm/mmap_avl.c): a list sorted by
address through vm_next (mm->mmap), and an AVL tree keyed by vm_end
through vm_avl_left/vm_avl_right with vm_avl_height (mm->mmap_avl).
The tree's in-order walk must be the list.
"""
import gdb

from lintel import shm, utils


def vma_list(mm):
    """The areas of mm in list order (vm_next)."""
    vma = mm["mmap"]
    seen = set()
    while utils.u32(vma):
        if utils.u32(vma) in seen:
            raise gdb.GdbError("vm_next list loops at 0x%08x"
                               % utils.u32(vma))
        seen.add(utils.u32(vma))
        yield vma
        vma = vma["vm_next"]


def perm_str(flags):
    """rwxs / rwxp, as /proc/PID/maps prints them."""
    return "".join([
        "r" if flags & utils.VM_READ else "-",
        "w" if flags & utils.VM_WRITE else "-",
        "x" if flags & utils.VM_EXEC else "-",
        "s" if flags & utils.VM_SHARED else "p"])


def ops_label(vma):
    """What handles the area's faults: anon, stack, shm id=N, or the
    name of its vm_operations_struct."""
    if shm.is_shm_vma(vma):
        return shm.vma_label(vma)
    if int(vma["vm_flags"]) & utils.VM_GROWSDOWN:
        return "stack"
    ops = utils.u32(vma["vm_ops"])
    if ops == 0:
        return "anon"
    return utils.symbol_at(ops) or "ops 0x%08x" % ops


def vma_range(vma):
    return utils.range_str(utils.u32(vma["vm_start"]),
                           utils.u32(vma["vm_end"]))


def vma_line(vma):
    """'[start,end) rwxs flags=0x... ops', the lx-vmas row."""
    flags = int(vma["vm_flags"])
    return "%s %s flags=0x%04x %s" % (vma_range(vma), perm_str(flags),
                                      flags, ops_label(vma))


def find_vma(mm, addr):
    """The area containing addr, or None (by the list, not the tree,
    so that it answers even when lx-vmacheck would complain)."""
    for vma in vma_list(mm):
        if utils.u32(vma["vm_start"]) <= addr < utils.u32(vma["vm_end"]):
            return vma
    return None


class LxVmas(utils.LxCommand):
    """List a process's memory areas in address order.

Usage: lx-vmas [PID]     (default: the current task)

Walks mm->mmap through vm_next. Each line: [start,end), permissions
(r w x, then s shared or p private), vm_flags in hex, and what handles
faults in the area: anon (no vm_ops: demand-zero pages), stack
(VM_GROWSDOWN), shm id=N (vm_ops is shm_vm_ops; the id comes from the
slot in vm_pte), or the name of another vm_operations_struct.

vm_flags bits (include/linux/mm.h): 0x1 READ, 0x2 WRITE, 0x4 EXEC,
0x8 SHARED, 0x10-0x80 MAYREAD MAYWRITE MAYEXEC MAYSHARE (what mprotect
may allow), 0x100 GROWSDOWN, 0x400 SHM, 0x800 DENYWRITE,
0x1000 EXECUTABLE, 0x2000 LOCKED."""

    NAME = "lx-vmas"
    USAGE = "lx-vmas [PID]"
    MIN_ARGS = 0
    MAX_ARGS = 1

    def run(self, argv):
        task = utils.task_from_arg(argv[0] if argv else None)
        mm = utils.task_mm(task)
        vmas = list(vma_list(mm))
        gdb.write("%s: mm 0x%08x, pgd 0x%08x, %d areas\n" % (
            utils.task_name(task), utils.u32(mm), utils.u32(mm["pgd"]),
            len(vmas)))
        for vma in vmas:
            gdb.write("  %s  vma 0x%08x\n" % (vma_line(vma), utils.u32(vma)))


# ---- the AVL tree ---------------------------------------------------------

class Node:
    """One tree node as read from the guest, with what we compute."""

    def __init__(self, vma):
        self.vma = vma
        self.addr = utils.u32(vma)
        self.start = utils.u32(vma["vm_start"])
        self.end = utils.u32(vma["vm_end"])
        self.stored_height = int(vma["vm_avl_height"])
        self.left = None
        self.right = None
        self.height = 0          # computed from the children

    @property
    def balance(self):
        """height(right) - height(left), from the computed heights."""
        return height(self.right) - height(self.left)


def height(node):
    return node.height if node else 0


def read_tree(mm, problems):
    """Read mm->mmap_avl into Nodes; problems gets a line for each
    node reached twice (the tree is not a tree then)."""
    seen = set()

    def read(ptr, depth):
        if utils.u32(ptr) == 0:
            return None
        if utils.u32(ptr) in seen or depth > 64:
            problems.append("tree reaches vma 0x%08x twice (a cycle or a "
                            "shared subtree)" % utils.u32(ptr))
            return None
        seen.add(utils.u32(ptr))
        node = Node(ptr)
        node.left = read(ptr["vm_avl_left"], depth + 1)
        node.right = read(ptr["vm_avl_right"], depth + 1)
        node.height = 1 + max(height(node.left), height(node.right))
        return node

    return read(mm["mmap_avl"], 0)


def in_order(node):
    if node:
        yield from in_order(node.left)
        yield node
        yield from in_order(node.right)


def bf_str(balance):
    return "%+d" % balance if balance else "0"


def node_text(node):
    text = "%s h=%d bf=%s %s" % (utils.range_str(node.start, node.end),
                                  node.stored_height, bf_str(node.balance),
                                  ops_label(node.vma))
    if node.stored_height != node.height:
        text += "  (height should be %d)" % node.height
    if abs(node.balance) > 1:
        text += "  (unbalanced)"
    return text


def draw_ascii(node, write, prefix="", label=""):
    """The tree top-down, children indented under their parent."""
    write(prefix + label + node_text(node) + "\n")
    if not node.left and not node.right:
        return
    inner = prefix + ("    " if label.startswith("`") else
                      "|   " if label else "")
    for tag, child in (("L", node.left), ("R", node.right)):
        branch = ("|-- " if tag == "L" else "`-- ") + tag + ": "
        if child:
            draw_ascii(child, write, inner, branch)
        else:
            write(inner + branch + "(empty)\n")


def draw_dot(root, title):
    """The tree as a Graphviz digraph (dot -Tsvg)."""
    lines = ["digraph mmap_avl {",
             '    label="%s";' % title,
             '    node [shape=box, fontname="monospace"];']
    empty = 0
    for node in in_order(root):
        lines.append('    n%08x [label="[0x%08x,0x%08x)\\nh=%d bf=%s\\n%s"];'
                     % (node.addr, node.start, node.end, node.stored_height,
                        bf_str(node.balance), ops_label(node.vma)))
        for tag, child in (("L", node.left), ("R", node.right)):
            if child:
                lines.append('    n%08x -> n%08x [label="%s"];'
                             % (node.addr, child.addr, tag))
            elif node.left or node.right:
                lines.append("    e%d [shape=point];" % empty)
                lines.append('    n%08x -> e%d [label="%s"];'
                             % (node.addr, empty, tag))
                empty += 1
    lines.append("}")
    return "\n".join(lines) + "\n"


class LxVmaTree(utils.LxCommand):
    """Draw a process's AVL tree of memory areas.

Usage: lx-vmatree [PID] [--dot [FILE]]     (default: the current task)

Draws mm->mmap_avl top-down: each node is an area [start,end) (the key
is vm_end), its stored vm_avl_height h and its balance factor
bf = height(right) - height(left), then its left (L) and right (R)
subtrees indented below it. A stored height that disagrees with the
subtrees, or |bf| > 1, is pointed out (lx-vmacheck checks everything).
With --dot, writes the tree as a Graphviz digraph instead, to FILE or
to the terminal: dot -Tsvg FILE > tree.svg."""

    NAME = "lx-vmatree"
    USAGE = "lx-vmatree [PID] [--dot [FILE]]"
    MIN_ARGS = 0
    MAX_ARGS = 3

    def run(self, argv):
        dot, dot_file = False, None
        if "--dot" in argv:
            at = argv.index("--dot")
            dot = True
            rest = argv[at + 1:]
            if len(rest) > 1:
                raise gdb.GdbError("usage: " + self.USAGE)
            dot_file = rest[0] if rest else None
            argv = argv[:at]
        if len(argv) > 1:
            raise gdb.GdbError("usage: " + self.USAGE)
        task = utils.task_from_arg(argv[0] if argv else None)
        mm = utils.task_mm(task)
        problems = []
        root = read_tree(mm, problems)
        title = "mmap_avl of %s" % utils.task_name(task)
        if dot:
            text = draw_dot(root, title)
            if dot_file:
                with open(dot_file, "w") as f:
                    f.write(text)
                gdb.write("wrote %s\n" % dot_file)
            else:
                gdb.write(text)
            return
        count = sum(1 for _ in in_order(root))
        gdb.write("%s: %d areas, height %d (key vm_end; "
                  "bf = height(right) - height(left))\n"
                  % (title, count, height(root)))
        if root is None:
            gdb.write("(empty tree)\n")
        else:
            draw_ascii(root, gdb.write)
        for p in problems:
            gdb.write("problem: %s\n" % p)


# ---- checking tree against list --------------------------------------------

def check_list(mm, problems):
    """The sorted list: aligned, non-empty, owned by mm, no overlaps."""
    prev = None
    areas = []
    for vma in vma_list(mm):
        start, end = utils.u32(vma["vm_start"]), utils.u32(vma["vm_end"])
        where = utils.range_str(start, end)
        if (start | end) & ~utils.PAGE_MASK & 0xFFFFFFFF:
            problems.append("%s is not page-aligned" % where)
        if start >= end:
            problems.append("%s is empty or inverted" % where)
        if utils.u32(vma["vm_mm"]) != utils.u32(mm):
            problems.append("%s has vm_mm 0x%08x, not this mm 0x%08x"
                            % (where, utils.u32(vma["vm_mm"]),
                               utils.u32(mm)))
        if prev is not None and prev[1] > start:
            problems.append("%s overlaps or comes before %s in the list"
                            % (where, utils.range_str(*prev)))
        prev = (start, end)
        areas.append(vma)
    return areas


def check_tree(root, areas, problems):
    """Heights, balance, key order, and in-order walk == list."""
    nodes = list(in_order(root))
    for node in nodes:
        where = utils.range_str(node.start, node.end)
        if node.stored_height != node.height:
            problems.append("%s has vm_avl_height %d, its subtrees give %d"
                            % (where, node.stored_height, node.height))
        if abs(node.balance) > 1:
            problems.append("%s is unbalanced: left height %d, right %d"
                            % (where, height(node.left),
                               height(node.right)))
    for a, b in zip(nodes, nodes[1:]):
        if a.end >= b.end:
            problems.append("in-order walk is not sorted by vm_end: %s "
                            "before %s" % (utils.range_str(a.start, a.end),
                                           utils.range_str(b.start, b.end)))
    list_addrs = [utils.u32(v) for v in areas]
    tree_addrs = [n.addr for n in nodes]
    if list_addrs == tree_addrs:
        return
    in_tree, in_list = set(tree_addrs), set(list_addrs)
    for vma in areas:
        if utils.u32(vma) not in in_tree:
            problems.append("%s is on the list but not in the tree"
                            % vma_range(vma))
    for node in nodes:
        if node.addr not in in_list:
            problems.append("%s is in the tree but not on the list"
                            % utils.range_str(node.start, node.end))
    if in_tree == in_list:
        problems.append("the in-order walk visits the areas in another "
                        "order than the list")


def vmacheck(task):
    """A list of problems with task's areas; empty when all is well."""
    mm = utils.task_mm(task)
    problems = []
    areas = check_list(mm, problems)
    root = read_tree(mm, problems)
    check_tree(root, areas, problems)
    return problems, len(areas), height(root)


class LxVmaCheck(utils.LxCommand):
    """Check a process's area tree against its area list.

Usage: lx-vmacheck [PID|all]     (default: the current task)

The GDB twin of mm/mmap_avl.c's vmacheck(), but it reports every problem
instead of the first: every area is page-aligned, non-empty and owned
by the mm; the list is sorted with no overlaps; every tree node's
vm_avl_height is 1 + the larger subtree height and the two subtree
heights differ by at most 1; the in-order walk of the tree is sorted by
vm_end and visits exactly the list's areas, in the list's order.
Prints OK, or each problem found. `all' checks every task with an mm."""

    NAME = "lx-vmacheck"
    USAGE = "lx-vmacheck [PID|all]"
    MIN_ARGS = 0
    MAX_ARGS = 1

    def run(self, argv):
        if argv and argv[0] == "all":
            targets = [t for t in utils.tasks() if utils.u32(t["mm"])]
        else:
            targets = [utils.task_from_arg(argv[0] if argv else None)]
        for task in targets:
            problems, count, tree_height = vmacheck(task)
            if not problems:
                gdb.write("%s: OK (%d areas, tree height %d)\n"
                          % (utils.task_name(task), count, tree_height))
                continue
            gdb.write("%s: %d problem%s\n" % (utils.task_name(task),
                                              len(problems),
                                              "" if len(problems) == 1
                                              else "s"))
            for p in problems:
                gdb.write("  %s\n" % p)


LxVmas()
LxVmaTree()
LxVmaCheck()
