"""ipcsem.py - SysV semaphore sets and message queues (ipc/sem.c,
ipc/msg.c): lx-sem and lx-msg.

semary[SEMMNI] and msgque[MSGMNI] hold a pointer per slot, or one of the
sentinels shm uses (-1: free, -2: being made); an id is seq * size of the
array + slot. A set keeps its semaphores in sem_base[], its sleeping
semops on sem_pending (oldest first) and its SEM_UNDO records on undo; a
queue keeps its messages on msg_first (oldest first) and its sleeping
msgrcv and msgsnd calls on receivers and senders.
"""
import gdb

from lintel import utils

SHOW_MESSAGES = 8       # lx-msg lists this many messages of a queue


def live_slots(array_name, type_name):
    """(slot, value) for every slot of the array that holds an object."""
    table = utils.symbol_value(array_name)
    ptr_type = gdb.lookup_type(type_name).pointer()
    for slot in range(utils.array_length(table)):
        ptr = utils.u32(table[slot])
        if ptr in (utils.IPC_UNUSED, utils.IPC_NOID):
            continue
        yield slot, gdb.Value(ptr).cast(ptr_type).dereference()


def ipc_id(perm, slot, array_name):
    return int(perm["seq"]) * \
        utils.array_length(utils.symbol_value(array_name)) + slot


def walk(first, field):
    """Follow a NULL-terminated list from pointer first through field."""
    node = first
    for _ in range(utils.WALK_LIMIT):
        if utils.u32(node) == 0:
            return
        yield node.dereference()
        node = node.dereference()[field]
    raise gdb.GdbError("list through %s does not end" % field)


def perm_line(perm):
    return "key 0x%08x uid %d mode %04o" % (
        utils.u32(perm["key"]), int(perm["uid"]), int(perm["mode"]) & 0o777)


def undo_owner(un_addr):
    """The task whose semundo list holds the record at un_addr (the first
    of the threads that share the list under CLONE_SYSVSEM)."""
    for task in utils.tasks():
        ulp = task["semundo"]
        if not utils.u32(ulp):
            continue
        for un in walk(ulp["proc_list"], "proc_next"):
            if utils.u32(un.address) == un_addr:
                return utils.task_name(task)
    return "no task"


class LxSem(utils.LxCommand):
    """List the SysV semaphore sets, their values, sleepers and undo records.

Usage: lx-sem

For every set in semary[]: id (seq * SEMMNI + slot), key, owner, mode,
and each semaphore's value and last pid; then every semop asleep on the
set (oldest first: the order update_queue retries them) with the
operation that blocked it; then every SEM_UNDO record and its owner."""

    NAME = "lx-sem"
    USAGE = "lx-sem"
    MIN_ARGS = 0
    MAX_ARGS = 0

    def run(self, argv):
        count = 0
        for slot, sma in live_slots("semary", "struct semid_ds"):
            count += 1
            self.show_set(sma, slot)
        if count == 0:
            gdb.write("no semaphore sets\n")

    def show_set(self, sma, slot):
        nsems = int(sma["sem_nsems"])
        gdb.write("semid %d slot %d: %s nsems %d\n" % (
            ipc_id(sma["sem_perm"], slot, "semary"), slot,
            perm_line(sma["sem_perm"]), nsems))
        for i in range(nsems):
            sem = sma["sem_base"][i]
            gdb.write("    sem %d: value %d pid %d\n" % (
                i, int(sem["semval"]), int(sem["sempid"])))
        for q in walk(sma["sem_pending"], "next"):
            op = q["sops"][int(q["blocked_on"])]
            gdb.write("    asleep: %s, %d op(s), blocked on sem %d op %d\n"
                      % (utils.task_name(q["sleeper"]), int(q["nsops"]),
                         int(op["sem_num"]), int(op["sem_op"])))
        for un in walk(sma["undo"], "id_next"):
            adj = [int(un["semadj"][i]) for i in range(nsems)]
            gdb.write("    undo: %s semadj %s\n" % (
                undo_owner(utils.u32(un.address)), adj))


class LxMsg(utils.LxCommand):
    """List the SysV message queues, their messages and sleepers.

Usage: lx-msg

For every queue in msgque[]: id (seq * MSGMNI + slot), key, owner, mode,
messages and bytes queued against msg_qbytes; then its first messages
(type and size, oldest first) and every msgrcv and msgsnd asleep on it."""

    NAME = "lx-msg"
    USAGE = "lx-msg"
    MIN_ARGS = 0
    MAX_ARGS = 0

    def run(self, argv):
        count = 0
        for slot, msq in live_slots("msgque", "struct msqid_ds"):
            count += 1
            self.show_queue(msq, slot)
        if count == 0:
            gdb.write("no message queues\n")

    def show_queue(self, msq, slot):
        gdb.write("msqid %d slot %d: %s qnum %d cbytes %d qbytes %d\n" % (
            ipc_id(msq["msg_perm"], slot, "msgque"), slot,
            perm_line(msq["msg_perm"]), int(msq["msg_qnum"]),
            int(msq["msg_cbytes"]), int(msq["msg_qbytes"])))
        for n, msg in enumerate(walk(msq["msg_first"], "msg_next")):
            if n == SHOW_MESSAGES:
                gdb.write("    ...\n")
                break
            gdb.write("    message %d: type %d, %d bytes\n" % (
                n, int(msg["msg_type"]), int(msg["msg_ts"])))
        for r in walk(msq["receivers"], "next"):
            gdb.write("    asleep in msgrcv: %s, type %d\n" % (
                utils.task_name(r["task"]), int(r["r_msgtype"])))
        for s in walk(msq["senders"], "next"):
            gdb.write("    asleep in msgsnd: %s\n"
                      % utils.task_name(s["task"]))


LxSem()
LxMsg()
