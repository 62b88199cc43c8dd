"""utils.py - what every Lintel GDB helper needs.

The kernel's constants (re-exported from constants.py), kernel types
looked up once per symbol file, reads of guest memory at kernel virtual
addresses, and the task list.

All guest memory is read through QEMU's gdbstub, which translates with
the page directory in the CPU's cr3 at the moment of the read. Kernel
addresses (>= PAGE_OFFSET) are mapped the same way in every page
directory, so they can always be read; another process's user addresses
cannot, which is why the helpers walk page tables through the kernel's
direct map (__va(phys) = phys + PAGE_OFFSET) instead.
"""
import struct

import gdb

from lintel import constants as k
from lintel.constants import *  # noqa: F401,F403 (utils.PAGE_SHIFT, ...)

TASK_STATES = {k.TASK_RUNNING: "R (running)",
               k.TASK_INTERRUPTIBLE: "S (sleeping)",
               k.TASK_UNINTERRUPTIBLE: "D (uninterruptible)",
               k.TASK_ZOMBIE: "Z (zombie)",
               k.TASK_STOPPED: "T (stopped)"}

# Longest list or ring the helpers follow before calling it a loop.
WALK_LIMIT = 100000


class CachedType:
    """A kernel type, looked up when first needed and again after the
    symbol file changes (for example after `file build/lintel.elf`)."""

    def __init__(self, name):
        self._name = name
        self._type = None
        gdb.events.new_objfile.connect(self._forget)

    def _forget(self, event):
        self._type = None

    def get(self):
        if self._type is None:
            try:
                self._type = gdb.lookup_type(self._name)
            except gdb.error:
                raise gdb.GdbError("no type %s: is build/lintel.elf loaded?"
                                   % self._name)
        return self._type

    def pointer(self):
        return self.get().pointer()


task_struct_type = CachedType("struct task_struct")
mm_struct_type = CachedType("struct mm_struct")
vma_type = CachedType("struct vm_area_struct")
shmid_ds_type = CachedType("struct shmid_ds")
mem_map_type = CachedType("mem_map_t")


class LxCommand(gdb.Command):
    """The base of every lx- command. A subclass sets NAME, USAGE and
    how many arguments it takes (MIN_ARGS..MAX_ARGS), and its run(argv)
    does the work; its docstring is its help text. A failed read of
    guest memory becomes a one-line error rather than a traceback."""

    NAME = None
    USAGE = None
    MIN_ARGS = 0
    MAX_ARGS = 0

    def __init__(self):
        super().__init__(self.NAME, gdb.COMMAND_DATA)

    def invoke(self, arg, from_tty):
        argv = gdb.string_to_argv(arg)
        if not self.MIN_ARGS <= len(argv) <= self.MAX_ARGS:
            raise gdb.GdbError("usage: " + self.USAGE)
        try:
            self.run(argv)
        except gdb.MemoryError as e:
            raise gdb.GdbError("%s: kernel addresses can be read only "
                               "once paging is on (break start_kernel, "
                               "continue, then try again)" % e)

    def run(self, argv):
        raise NotImplementedError


def u32(value):
    """A gdb.Value (pointer or integer) as an unsigned 32-bit int."""
    return int(value) & 0xFFFFFFFF


def va(phys):
    """__va: the kernel virtual address of a physical address."""
    return (phys + PAGE_OFFSET) & 0xFFFFFFFF


def pa(virt):
    """__pa: the physical address of a direct-mapped kernel address."""
    return (virt - PAGE_OFFSET) & 0xFFFFFFFF


def read_bytes(addr, size):
    """size bytes of guest memory at kernel virtual address addr."""
    return bytes(gdb.selected_inferior().read_memory(addr, size))


def read_u32(addr):
    return struct.unpack("<I", read_bytes(addr, 4))[0]


def read_u32s(addr, count):
    """count consecutive 32-bit words, e.g. a whole page table."""
    return struct.unpack("<%dI" % count, read_bytes(addr, 4 * count))


def symbol_address(name):
    """The address of a global or file-static kernel symbol, or None."""
    sym = gdb.lookup_global_symbol(name)
    if sym is None:
        sym = gdb.lookup_static_symbol(name)
    if sym is None:
        return None
    return u32(sym.value().address)


def symbol_value(name):
    """The value of a global or file-static kernel variable."""
    sym = gdb.lookup_global_symbol(name)
    if sym is None:
        sym = gdb.lookup_static_symbol(name)
    if sym is None:
        raise gdb.GdbError("no symbol %s in the kernel" % name)
    return sym.value()


def symbol_at(addr):
    """The name of the kernel symbol at addr ("name+off"), or None."""
    text = gdb.execute("info symbol 0x%x" % addr, to_string=True)
    if text.startswith("No symbol"):
        return None
    name = text.split(" in section")[0].strip()
    return name.replace(" + ", "+")


def range_str(start, end):
    """An address range the way the helpers print them: [start,end)."""
    return "[0x%08x,0x%08x)" % (start, end)


def array_length(value):
    """The number of elements of a C array gdb.Value."""
    low, high = value.type.strip_typedefs().range()
    return high - low + 1


def parse_number(arg, what):
    """A number or a GDB expression (0x40001000, $cr2, current->pid)."""
    try:
        return int(gdb.parse_and_eval(arg)) & 0xFFFFFFFF
    except gdb.error as e:
        raise gdb.GdbError("bad %s %r: %s" % (what, arg, e))


# ---- the task list ---------------------------------------------------------

def tasks():
    """Every task, init_task (pid 0) first, following next_task."""
    init = gdb.parse_and_eval("&init_task")
    task = init
    for _ in range(WALK_LIMIT):
        yield task
        task = task["next_task"]
        if u32(task) == u32(init):
            return
        if u32(task) == 0:
            raise gdb.GdbError("task list broken: next_task is NULL")
    raise gdb.GdbError("task list does not return to init_task")


def current_task():
    return gdb.parse_and_eval("current")


def task_by_pid(pid):
    for task in tasks():
        if int(task["pid"]) == pid:
            return task
    raise gdb.GdbError("no task with pid %d" % pid)


def task_from_arg(arg):
    """The task named by an optional PID argument (default: current)."""
    if arg is None or arg == "":
        return current_task()
    return task_by_pid(parse_number(arg, "pid"))


def task_comm(task):
    return task["comm"].string(length=16).split("\0")[0]


def task_name(task):
    """'pid 2 (shmpingpong)', for headers and messages."""
    return "pid %d (%s)" % (int(task["pid"]), task_comm(task))


def task_mm(task):
    """The task's mm_struct pointer; an error for a kernel thread."""
    mm = task["mm"]
    if u32(mm) == 0:
        raise gdb.GdbError("%s is a kernel thread: it has no mm"
                           % task_name(task))
    return mm


def pid_of_mm(mm_addr):
    """The pids of the tasks using the mm at mm_addr (fork may share)."""
    return [int(t["pid"]) for t in tasks() if u32(t["mm"]) == mm_addr]
