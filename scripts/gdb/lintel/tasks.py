"""tasks.py - processes: lx-ps, $lx_current() and $lx_task_by_pid()."""
import gdb

from lintel import utils


class LxPs(utils.LxCommand):
    """List every task: pid, parent pid, uid, state and command.

Usage: lx-ps

Walks the task list from init_task through next_task (kernel/sched.c's
for_each_task, plus init_task itself as pid 0). The running task,
`current', is marked with '*'. A task without an mm is a kernel thread;
its command is shown in [brackets], as ps does on Linux. A thread other
than its group's leader says whose thread it is after its command
("thread of 5": task->tgid)."""

    NAME = "lx-ps"
    USAGE = "lx-ps"
    MIN_ARGS = 0
    MAX_ARGS = 0

    def run(self, argv):
        cur = utils.u32(utils.current_task())
        gdb.write("  %5s %5s %5s  %-20s %-10s %-10s %s\n"
                  % ("PID", "PPID", "UID", "STATE", "TASK", "MM", "COMM"))
        for task in utils.tasks():
            parent = task["p_pptr"]
            ppid = int(parent["pid"]) if utils.u32(parent) else 0
            state = int(task["state"])
            mm = utils.u32(task["mm"])
            comm = utils.task_comm(task)
            tgid = int(task["tgid"])
            if mm and tgid != int(task["pid"]):
                comm += " (thread of %d)" % tgid
            gdb.write("%s %5d %5d %5d  %-20s 0x%08x %-10s %s\n" % (
                "*" if utils.u32(task) == cur else " ",
                int(task["pid"]), ppid, int(task["uid"]),
                utils.TASK_STATES.get(state, "? (%d)" % state),
                utils.u32(task), "0x%08x" % mm if mm else "-",
                comm if mm else "[%s]" % comm))


class LxCurrent(gdb.Function):
    """$lx_current() - the running task, a struct task_struct *."""

    def __init__(self):
        super().__init__("lx_current")

    def invoke(self):
        return utils.current_task()


class LxTaskByPid(gdb.Function):
    """$lx_task_by_pid(PID) - the struct task_struct * with that pid."""

    def __init__(self):
        super().__init__("lx_task_by_pid")

    def invoke(self, pid):
        return utils.task_by_pid(int(pid))


LxPs()
LxCurrent()
LxTaskByPid()
