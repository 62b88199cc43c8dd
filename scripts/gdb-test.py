#!/usr/bin/env python3
"""gdb-test.py - Lintel's GDB helpers, tested on a running kernel.

    python3 scripts/gdb-test.py [--kernel K] [--initrd I]
    python3 scripts/gdb-test.py --docs DIR     (make docs: DIR is docs)

Boots Lintel under QEMU (TCG, no display) stopped at its first
instruction, with the gdbstub on a free local port and
init=/tests/helper_gdbshm: a parent and its child share one page of a
segment, each touching it for the first time through its own attach
(userland/tests/helper_gdbshm.c). GDB, in batch mode with
scripts/gdb/lintel.gdb, breaks in shm_swap_in and runs the lx- commands
at both faults; this script then checks what they printed:

  first fault (the parent)  bt is do_page_fault -> do_no_page ->
                            do_swap_page -> shm_swap_in; lx-shm shows the
                            segment; lx-vmas the attach; lx-pt the pte
                            still a shm signature, then present after
                            the fault completes
  second fault (the child)  its pte a signature naming a resident page;
                            once handled, both ptes map one frame, and
                            lx-shm shows both attaches on it
  a file (the parent)       tbreak filemap_nopage: bt is do_page_fault ->
                            do_no_page -> filemap_nopage; the area maps
                            the helper's file; finish returns the cache
                            page, whose mem_map entry names the file's
                            address_space and offset 0, count 2

With --swap-img, a boot of 16 MiB with that swap area as /dev/hda runs
init=/bin/swapdemo, whose shm pages go out to swap and come back: GDB
breaks in shm_read_in (shm_swap_in reading a page from its slot); bt
must be do_page_fault -> do_no_page -> do_swap_page -> shm_swap_in ->
shm_read_in, lx-pt must find the faulting address's pte a shm signature
whose page 0 is in swap, and lx-swap the area with that slot held by the
segment's page 0.

A further boot runs init=/tests/helper_threads (a process of three
threads, userland/tests/helper_threads.c): GDB breaks in sys_getppid
when a thread that is not its group's leader calls it, and lx-ps must
list the leader and both threads, each "(thread of <leader>)" with the
leader's parent, the stopped task among them.

Prints "test <name>: OK|FAILED (...)" per check and "N passed, N failed";
exits 1 on any failure. QEMU is killed at the end whatever happens.

--docs DIR writes the session as a GDB user would see it to
DIR/gdb-session.txt, refreshes the blocks of DIR/gdb.md (and of the
chapters in SESSION_DOCS) marked
<!-- session NAME --> with the real output of the step NAME, and writes
the step vmatree_dot to DIR/diagrams/vmatree.dot, so that the docs stay
true. `make test` runs it on a scratch copy of docs/ and compares
(scripts/mkdocs.py --compare). Processes are named in the session by
convenience variables ($parent, $child), never by a pid typed in.

This one file is both sides: run by python3 it is the launcher; loaded
into GDB (gdb -x scripts/gdb-test.py) it is the driver, which runs the
session and writes each command's output to LINTEL_GDBTEST_OUT.
"""
import argparse
import json
import os
import re
import socket
import subprocess
import sys
import tempfile
import time

try:
    import gdb
    if not hasattr(gdb, "execute"):    # scripts/gdb/, not GDB's module
        gdb = None
except ImportError:
    gdb = None

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
HELPER = "/tests/helper_gdbshm"
CMDLINE = "init=%s panic=exit" % HELPER
THREADS_HELPER = "/tests/helper_threads"
THREADS_CMDLINE = "init=%s panic=exit" % THREADS_HELPER
THREADS_DONE = "helper_threads: 2 threads ran"
THREADS_COMM = "helper_threads"
NR_HELPER_THREADS = 2       # besides the leader
HANG_GUARD = 120            # seconds; a session this long is a hang
LOG_DIR = "build/test-logs"

# What userland/tests/helper_gdbshm.c does, and so what we expect.
SEG_KEY = 0x4C494E54
SEG_SIZE = 8192
PARENT_ATTACH = (0x40000000, 0x40002000)
CHILD_ATTACH = (0x50000000, 0x50002000)
TEXT_OFFSET = 0x1080            # page 1, 0x80 in
PAGE_INDEX = 1
MESSAGE = "written by the parent, read by the child"
HELPER_DONE = "helper_gdbshm: the child read what the parent wrote"
FILE_ADDR = 0x60000000          # where the helper maps its file
LOCALS_STEPS = 8            # nexts into shm_swap_in at most, to set shp
SWAP_HELPER = "/bin/swapdemo"   # userland/bin/swapdemo.c
SWAP_CMDLINE = "init=%s panic=exit" % SWAP_HELPER
SWAP_MEM = 16               # MiB: small enough that swapdemo's pages go out
SWAP_DONE = "swapdemo: read the 4 pages back: pattern whole"
SWAP_SLOTS_SHOWN = 16       # lx-swap's limit: swapdemo's run uses fewer


# ==== the driver: runs inside GDB ===========================================

class Session:
    """Runs GDB commands, recording each one's output under a name."""

    def __init__(self, out_path):
        self.out = open(out_path, "w")

    def record(self, name, cmd, text, error=None, note=None):
        self.out.write(json.dumps({"name": name, "cmd": cmd, "out": text,
                                   "error": error, "note": note}) + "\n")
        self.out.flush()

    def run(self, name, cmd, note=None):
        try:
            text = gdb.execute(cmd, to_string=True)
            self.record(name, cmd, text, note=note)
            return text
        except gdb.error as e:
            self.record(name, cmd, "", error=str(e), note=note)
            return None

    def fact(self, name, value):
        self.record(name, None, "", note=value)


def frame_name():
    try:
        return gdb.selected_frame().name()
    except gdb.error:
        return None


def stopped_in(s, name, cmd, note):
    """Continue (or similar); True if GDB then stands in shm_swap_in."""
    s.run(name, cmd, note)
    s.run(name + "_where", "frame")
    where = frame_name()
    s.fact(name + "_frame", where)
    if where != "shm_swap_in" and where is not None:
        s.run(name + "_dmesg", "lx-dmesg 10")
    return where == "shm_swap_in"


def finish_fault(s, name):
    """finish out of shm_swap_in, then out of every caller up to
    do_page_fault: do_swap_page has then written the pte."""
    s.run(name, "finish", "back in do_swap_page, which will write the "
          "pte that shm_swap_in returned")
    s.run(name + "_where", "frame")
    s.run(name + "_value", "print $", "that pte_t, through Lintel's "
          "pretty-printer")
    for _ in range(6):
        if frame_name() in ("do_page_fault", None):
            break
        gdb.execute("finish", to_string=True)
    s.fact(name + "_frame", frame_name())


def segment_slot():
    """The slot of the helper's segment, found by its key."""
    from lintel import shm
    for slot, _ in shm.slots():
        seg = shm.segment(slot)
        if seg is not None and int(seg["shm_perm"]["key"]) == SEG_KEY:
            return slot
    return 0


def kernel_alias(addr):
    """The kernel virtual address of the byte the current task sees at
    user address addr (the page tables, read through the direct map)."""
    from lintel import mmu, utils
    w = mmu.walk(utils.u32(gdb.parse_and_eval("current->mm->pgd")), addr)
    return utils.va(w.phys) if w.phys is not None else 0


def fault_facts(s, prefix):
    s.fact(prefix + "_pid", int(gdb.parse_and_eval("current->pid")))
    s.fact(prefix + "_cr2", int(gdb.parse_and_eval("$cr2")) & 0xFFFFFFFF)


def drive():
    s = Session(os.environ["LINTEL_GDBTEST_OUT"])
    port = os.environ["LINTEL_GDBTEST_PORT"]
    s.run("connect", "target remote 127.0.0.1:%s" % port)
    s.run("break_panic", "break panic")
    mode = os.environ.get("LINTEL_GDBTEST_MODE")
    if mode == "locals":
        drive_locals(s)
    elif mode == "threads":
        drive_threads(s)
    elif mode == "swap":
        drive_swap(s)
    else:
        drive_helpers(s)


def drive_threads(s):
    """helper_threads: stop in a thread (getppid from a task that is not
    its group's leader) and list the tasks."""
    s.run("thr_break", "break sys_getppid if current->pid != current->tgid")
    s.run("thr_stop", "continue")
    s.fact("thr_frame", frame_name())
    s.run("thr_ps", "lx-ps")
    s.run("thr_current", "print current->pid")
    s.run("delete", "delete")
    s.run("end", "continue")


def drive_swap(s):
    """swapdemo reads its segment back: stop where shm_swap_in reads the
    first page from swap, and look at the area and the pte."""
    s.run("sw_break", "break shm_read_in", "a third session: 16 MiB, the "
          "swap area as /dev/hda, init=/bin/swapdemo")
    s.run("sw_stop", "continue", "swapdemo reads its pattern back; the "
          "page went to swap")
    s.fact("sw_frame", frame_name())
    s.run("sw_bt", "bt")
    s.run("sw_swap", "lx-swap %d" % SWAP_SLOTS_SHOWN, "the area, then "
          "its used slots: the segment's four pages among them")
    s.run("sw_pt", "lx-pt $cr2", "the attach's pte is the shm signature; "
          "the page it names is in swap")
    s.run("delete", "delete")
    s.run("end", "continue")


def drive_locals(s):
    """A kernel built with DEBUG=1: a few lines into shm_swap_in, its
    locals have values."""
    s.run("dbg_break", "break shm_swap_in", "a second session, on a "
          "kernel built with DEBUG=1 (-Og)")
    s.run("dbg_stop", "continue")
    for _ in range(LOCALS_STEPS):
        if "shp = <optimized out>" not in gdb.execute("info locals",
                                                      to_string=True):
            break
        gdb.execute("next", to_string=True)
    s.run("dbg_where", "frame", "after a few `next`s, past the "
          "assignment of shp")
    s.run("dbg_locals", "info locals")
    s.run("delete", "delete")
    s.run("end", "continue")


def drive_helpers(s):
    s.run("help_pt", "help lx-pt")
    s.run("cond_break", "break do_no_page if address == 0x%x"
          % (PARENT_ATTACH[0] + TEXT_OFFSET))
    s.run("cond_stop", "continue", "the parent's first touch of page 1")
    s.fact("cond_frame", frame_name())
    s.run("cond_args", "info args")
    s.run("cond_delete", "delete %d" % gdb.breakpoints()[-1].number)
    s.run("break", "break shm_swap_in")

    if not stopped_in(s, "a_stop", "continue", "the parent's first touch "
                      "of page 1 faults"):
        return
    fault_facts(s, "a")
    s.run("a_name", "set $parent = current->pid", "name the parent, "
          "so that later commands need no pid")
    a_addr = int(gdb.parse_and_eval("$cr2")) & 0xFFFFFFFF
    s.run("a_bt", "bt")
    s.run("a_ps", "lx-ps")
    s.run("a_shm", "lx-shm")
    s.run("a_vmas", "lx-vmas")
    s.run("a_pt", "lx-pt $cr2", "the pte is still the signature that "
          "shmat wrote")
    s.run("a_vma_print", "print *vma")
    s.run("a_shmid_print", "print *shm_segs[%d]" % segment_slot())
    finish_fault(s, "a_finish")
    s.run("a_pt_after", "lx-pt 0x%x" % a_addr, "the fault is handled: "
          "the pte is present")

    if not stopped_in(s, "b_stop", "continue", "the child's first touch "
                      "of page 1, through its own attach"):
        return
    fault_facts(s, "b")
    s.run("b_name", "set $child = current->pid")
    s.run("b_bt", "bt")
    s.run("b_ps", "lx-ps")
    s.run("b_vmas", "lx-vmas")
    s.run("b_pt", "lx-pt $cr2", "the child's pte is a signature; the page "
          "is resident already")
    s.run("b_pt_parent", "lx-pt 0x%x $parent" % a_addr,
          "the parent's pte maps the frame")
    b_addr = int(gdb.parse_and_eval("$cr2")) & 0xFFFFFFFF
    finish_fault(s, "b_finish")
    s.run("b_pt_after", "lx-pt 0x%x" % b_addr, "both processes now map "
          "one frame")
    s.run("b_frame_text", "x/s 0x%x" % kernel_alias(b_addr),
          "the shared frame read through the kernel's direct map")
    s.run("b_shm", "lx-shm")
    s.run("b_sem", "lx-sem")
    s.run("b_msg", "lx-msg")
    s.run("b_pgd_print", "print current->mm->pgd[0x%x >> 22]" % b_addr)
    s.run("vmatree", "lx-vmatree")
    s.run("vmatree_dot", "lx-vmatree --dot")
    s.run("vmacheck", "lx-vmacheck all")
    height = int(gdb.parse_and_eval("current->mm->mmap->vm_avl_height"))
    s.run("break_tree", "set var current->mm->mmap->vm_avl_height = 5")
    s.run("vmacheck_broken", "lx-vmacheck")
    s.run("mend_tree", "set var current->mm->mmap->vm_avl_height = %d"
          % height)
    s.run("mem", "lx-mem")
    s.run("dmesg", "lx-dmesg 12")
    s.run("delete", "delete")
    drive_file(s)
    s.run("end", "continue", "the helper finishes; QEMU exits")


def drive_file(s):
    """The helper's last step: a page of a file mapped shared, read."""
    # tbreak: gone once it stops, so that the finish below cannot stop
    # at it again (seen under load: finish stopped at this breakpoint a
    # second time, with the same process and address, instead of in
    # do_no_page)
    s.run("f_break", "tbreak filemap_nopage if address == 0x%x" % FILE_ADDR)
    s.run("f_stop", "continue", "the parent reads the file it mapped")
    s.run("f_stop_where", "frame")
    s.fact("f_stop_frame", frame_name())
    if frame_name() != "filemap_nopage":
        return
    s.run("f_bt", "bt")
    s.run("f_args", "info args")
    s.run("f_path", "print area->vm_file->f_path")
    s.run("f_mapping", "print *area->vm_file->f_inode.i_mapping")
    s.run("f_finish", "finish", "back in do_no_page, with the page "
          "filemap_nopage returned")
    s.run("f_value", "print/x $", "the page's kernel address")
    s.run("f_page", "print mem_map[((unsigned long)$ - 0xc0000000) >> 12]",
          "its mem_map entry: the cache's count and the pte's")
    s.run("f_delete", "delete")


# ==== the launcher: plain python3 ===========================================

def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def port_taken(port):
    """Has something (QEMU, we hope) bound the port? Binding it ourselves
    tells, without connecting to the gdbstub."""
    with socket.socket() as sock:
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return True
    return False


def start_qemu(args, serial_log, err_log, cmdline, mem=128, disk=None):
    """QEMU stopped before the first instruction, gdbstub listening;
    disk: a swap image, as the first IDE disk, opened copy-on-write."""
    for _ in range(5):
        port = free_port()
        cmd = ["qemu-system-i386", "-kernel", args.kernel,
               "-initrd", args.initrd, "-append", cmdline,
               "-m", str(mem), "-display", "none",
               "-serial", "file:" + serial_log, "-monitor", "none",
               "-no-reboot", "-nic", "none",
               "-device", "isa-debug-exit,iobase=0xf4,iosize=0x04",
               "-S", "-gdb", "tcp:127.0.0.1:%d" % port]
        if disk:
            cmd += ["-drive", "file=%s,format=raw,if=ide,index=0,"
                    "snapshot=on" % disk]
        with open(err_log, "w") as err:
            qemu = subprocess.Popen(cmd, stdin=subprocess.DEVNULL,
                                    stdout=err, stderr=subprocess.STDOUT)
        for _ in range(100):
            if qemu.poll() is not None or port_taken(port):
                break
            time.sleep(0.05)
        time.sleep(0.1)             # a QEMU that lost the port exits now
        if qemu.poll() is None:
            return qemu, port
    with open(err_log) as err:      # five ports taken: give up
        raise RuntimeError("QEMU did not start: %s\n%s"
                           % (" ".join(cmd), err.read()))


def stop_qemu(qemu):
    if qemu.poll() is None:
        qemu.kill()
    qemu.wait()


def run_session(args, mode=""):
    """Boot args.kernel, drive GDB (mode "locals": the DEBUG=1 session;
    "threads": helper_threads; "swap": swapdemo with args.swap_img),
    return (records, gdb's own output,
    serial log)."""
    os.makedirs("build", exist_ok=True)
    tmp = tempfile.mkdtemp(prefix="gdb-test-", dir="build")
    serial_log = os.path.join(tmp, "serial.log")
    err_log = os.path.join(tmp, "qemu.log")
    out_path = os.path.join(tmp, "session.jsonl")
    if mode == "swap":
        qemu, port = start_qemu(args, serial_log, err_log, SWAP_CMDLINE,
                                SWAP_MEM, args.swap_img)
    else:
        qemu, port = start_qemu(args, serial_log, err_log,
                                THREADS_CMDLINE if mode == "threads"
                                else CMDLINE)
    env = dict(os.environ, LINTEL_GDBTEST_OUT=out_path,
               LINTEL_GDBTEST_PORT=str(port), LINTEL_GDBTEST_MODE=mode)
    gdb_cmd = ["gdb", "-nx", "-batch", "-x", "scripts/gdb/lintel.gdb",
               "-x", os.path.abspath(__file__), args.kernel]
    try:
        p = subprocess.run(gdb_cmd, env=env, stdin=subprocess.DEVNULL,
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           timeout=HANG_GUARD)
        gdb_out = p.stdout.decode("utf-8", "replace")
        try:
            qemu.wait(timeout=30)   # the helper ends, QEMU exits itself
        except subprocess.TimeoutExpired:
            pass
    except subprocess.TimeoutExpired as e:
        gdb_out = (e.stdout or b"").decode("utf-8", "replace")
        gdb_out += "\n[gdb hung: killed after %d s]\n" % HANG_GUARD
    finally:
        stop_qemu(qemu)
    records = []
    if os.path.exists(out_path):
        with open(out_path) as f:
            records = [json.loads(line) for line in f]
    serial = ""
    if os.path.exists(serial_log):
        with open(serial_log, errors="replace") as f:
            serial = f.read()
    with open(err_log, errors="replace") as f:
        said = f.read()
    if said:
        gdb_out += "\n[QEMU said]\n" + said
    for name in (serial_log, err_log, out_path):
        if os.path.exists(name):
            os.unlink(name)
    os.rmdir(tmp)
    return records, gdb_out, serial


# ---- checking what GDB printed ---------------------------------------------

class Records:
    """The session's records by name."""

    def __init__(self, records):
        self.by_name = {r["name"]: r for r in records}

    def out(self, name):
        r = self.by_name.get(name)
        if r is None:
            return ""
        return r["out"] or ("Error: %s" % r["error"] if r["error"] else "")

    def fact(self, name):
        r = self.by_name.get(name)
        return r["note"] if r else None


def missing(text, wanted):
    """The strings or regexes of wanted that text lacks."""
    gone = []
    for w in wanted:
        if isinstance(w, re.Pattern):
            if not w.search(text):
                gone.append(w.pattern)
        elif w not in text:
            gone.append(w)
    return gone


def expect(tally, name, text, wanted):
    gone = missing(text, wanted)
    tally.case(name, not gone, "missing %s in:\n%s" % (gone, indent(text)))


def indent(text):
    return "".join("    | " + l + "\n" for l in text.splitlines()[:40])


FRAME = re.compile(r"^#\d+\s+(?:0x[0-9a-f]+ in )?(\w+) \(", re.M)
PFN = re.compile(r"^\s*frame\s+pfn (0x[0-9a-f]+):.*mem_map count (\d+)",
                 re.M)


def frame_of(text):
    m = PFN.search(text)
    return (int(m.group(1), 16), int(m.group(2))) if m else (None, None)


def check_fault_path(tally, name, bt):
    want = ["shm_swap_in", "do_swap_page", "do_no_page", "do_page_fault"]
    frames = FRAME.findall(bt)
    got = [f for f in frames if f in want]
    tally.case(name, got[:4] == want,
               "frames %s, want innermost first %s" % (frames, want))


def stopped(tally, r, name, stop, what):
    """Did GDB stop in shm_swap_in at this fault? If not, one failure
    that says where it went instead; the checks of the stop are not run."""
    ok = r.fact(stop + "_frame") == "shm_swap_in"
    tally.case(name, ok, "%s: GDB stopped in %s instead:\n%s%s" % (
        what, r.fact(stop + "_frame"), indent(r.out(stop + "_where")),
        indent(r.out(stop + "_dmesg"))))
    return ok


def check_first_fault(tally, r):
    pid = r.fact("a_pid")
    addr = PARENT_ATTACH[0] + TEXT_OFFSET
    tally.case("first_fault_address", r.fact("a_cr2") == addr,
               "cr2 %s, expected 0x%x" % (r.fact("a_cr2"), addr))
    check_fault_path(tally, "bt_fault_path", r.out("a_bt"))
    expect(tally, "lx_ps", r.out("a_ps"), [
        re.compile(r"^\*\s+%d\s+\d+\s+0\s+R \(running\).*helper_gdbshm$"
                   % (pid or -1), re.M),
        re.compile(r"^\s+0\s+0\s+0\s.*\[swapper\]$", re.M)])
    expect(tally, "lx_shm_segment", r.out("a_shm"), [
        re.compile(r"^\s+\d+ 0x%08x\s+%d\s+1\s+0\s+0600\s+0/2" % (
            SEG_KEY, SEG_SIZE), re.M),
        "attach [0x%08x,0x%08x) pid %s (helper_gdbshm)"
        % (PARENT_ATTACH + (pid,))])
    expect(tally, "lx_vmas_attach", r.out("a_vmas"), [
        re.compile(r"\[0x%08x,0x%08x\) rw-s flags=0x[0-9a-f]+ shm id=\d+"
                   % PARENT_ATTACH),
        re.compile(r"\) rw-p flags=0x[0-9a-f]+ stack")])
    expect(tally, "lx_pt_shm_signature", r.out("a_pt"), [
        "lx-pt 0x%08x" % addr, "pgd index 256, pte index 1, offset 0x080",
        "not present: shm signature",
        "type 0x41 (SHM_SWP_TYPE), segment slot 0, page index %d"
        % PAGE_INDEX,
        "has no page %d yet (shm_pages[%d] is 0)" % (PAGE_INDEX, PAGE_INDEX),
        "do_no_page -> do_swap_page -> shm_swap_in allocates a zeroed page",
        "vma     [0x%08x,0x%08x) rw-s" % PARENT_ATTACH])
    expect(tally, "vma_pretty_printer", r.out("a_vma_print"), [
        re.compile(r"= \[0x%08x,0x%08x\) rw-s off=0x0 shm id=\d+$"
                   % PARENT_ATTACH, re.M)])
    expect(tally, "shmid_ds_pretty_printer", r.out("a_shmid_print"), [
        re.compile(r"= id=\d+ key=0x%08x size=%d nattch=1 uid=0 "
                   r"mode=0600 pages 0/2 resident" % (SEG_KEY, SEG_SIZE))])
    expect(tally, "pte_pretty_printer", r.out("a_finish_value"), [
        re.compile(r"^\$\d+ = 0x[0-9a-f]{8} \[P RW US[^]]*\] pfn 0x[0-9a-f]+$",
                   re.M)])
    text = r.out("a_pt_after")
    pfn, count = frame_of(text)
    tally.case("lx_pt_present_after_fault",
               pfn is not None and count == 2 and
               r.fact("a_finish_frame") == "do_page_fault",
               "after finishing to %s, frame %s count %s (want 2: the "
               "segment's and the mapping's):\n%s"
               % (r.fact("a_finish_frame"), pfn, count, indent(text)))
    return pfn


def check_second_fault(tally, r, parent_pfn):
    a_pid, b_pid = r.fact("a_pid"), r.fact("b_pid")
    addr = CHILD_ATTACH[0] + TEXT_OFFSET
    tally.case("second_fault_in_the_child",
               b_pid is not None and b_pid != a_pid and
               r.fact("b_cr2") == addr,
               "pid %s (parent %s), cr2 %s, expected 0x%x" % (
                   b_pid, a_pid, r.fact("b_cr2"), addr))
    check_fault_path(tally, "bt_fault_path_child", r.out("b_bt"))
    vmas = r.out("b_vmas")
    gone = missing(vmas, [re.compile(r"\[0x%08x,0x%08x\) rw-s .*shm id"
                                     % CHILD_ATTACH)])
    tally.case("lx_vmas_child_attach",
               not gone and "[0x%08x," % PARENT_ATTACH[0] not in vmas,
               "want the child's attach only (it detached the inherited "
               "one):\n%s" % indent(vmas))
    expect(tally, "lx_pt_child_signature", r.out("b_pt"), [
        "not present: shm signature",
        "type 0x41 (SHM_SWP_TYPE), segment slot 0, page index %d"
        % PAGE_INDEX,
        "has page %d at pfn 0x%x" % (PAGE_INDEX, parent_pfn or 0),
        "do_no_page -> do_swap_page -> shm_swap_in maps that frame"])
    pfn, _ = frame_of(r.out("b_pt_parent"))
    tally.case("lx_pt_other_process", pfn == parent_pfn and pfn is not None,
               "the parent's pte, walked while the child runs: frame %s, "
               "want %s:\n%s" % (pfn, parent_pfn,
                                 indent(r.out("b_pt_parent"))))
    text = r.out("b_pt_after")
    pfn, count = frame_of(text)
    tally.case("both_map_one_frame",
               pfn == parent_pfn and pfn is not None and count == 3,
               "child's frame %s count %s, parent's %s (want the same "
               "frame, count 3):\n%s" % (pfn, count, parent_pfn,
                                         indent(text)))
    expect(tally, "shared_frame_holds_the_text", r.out("b_frame_text"),
           ['"%s"' % MESSAGE])
    expect(tally, "lx_shm_side_by_side", r.out("b_shm"), [
        re.compile(r"0x%08x\s+%d\s+2\s+0\s+0600\s+1/2" % (SEG_KEY,
                                                          SEG_SIZE)),
        "page %d: pfn 0x%x, mapped by pid %s at 0x%08x, pid %s at 0x%08x"
        % (PAGE_INDEX, parent_pfn or 0, a_pid,
           PARENT_ATTACH[0] + PAGE_INDEX * 4096, b_pid,
           CHILD_ATTACH[0] + PAGE_INDEX * 4096)])
    expect(tally, "pgd_pretty_printer", r.out("b_pgd_print"), [
        re.compile(r"= 0x[0-9a-f]{8} \[P RW US[^]]*\] page table at phys "
                   r"0x[0-9a-f]{8}$", re.M)])


def check_whole_views(tally, r):
    vmas = r.out("b_vmas")
    areas = re.search(r"(\d+) areas", vmas)
    tree = r.out("vmatree")
    nodes = re.findall(r"^[|` -]*(?:[LR]: )?\[0x", tree, re.M)
    tally.case("lx_vmatree",
               areas is not None and len(nodes) == int(areas.group(1)) and
               "%s areas" % areas.group(1) in tree and
               "should be" not in tree and "unbalanced" not in tree,
               "lx-vmas says %s areas; the tree:\n%s"
               % (areas.group(1) if areas else "?", indent(tree)))
    dot = r.out("vmatree_dot")
    tally.case("lx_vmatree_dot",
               dot.startswith("digraph mmap_avl {") and
               dot.rstrip().endswith("}") and "-> n" in dot,
               "not a Graphviz digraph with edges:\n%s" % indent(dot))
    check = r.out("vmacheck")
    tally.case("lx_vmacheck",
               check.count(": OK (") >= 2 and "problem" not in check,
               "want OK for parent and child:\n%s" % indent(check))
    expect(tally, "lx_vmacheck_catches_bad_height", r.out("vmacheck_broken"),
           [": 1 problem\n", re.compile(r"has vm_avl_height 5, its subtrees "
                                        r"give \d")])
    mem = r.out("mem")
    expect(tally, "lx_mem", mem, [
        "free_area[]", re.compile(r"order 10 \( 4096 kB\)"),
        re.compile(r"^  free\s+\d+", re.M),
        re.compile(r"^  reserved\s+\d+", re.M)])
    tally.case("lx_mem_consistent", "problem" not in mem and bool(mem),
               "lx-mem found problems:\n%s" % indent(mem))
    expect(tally, "lx_sem", r.out("b_sem"), [
        re.compile(r"^semid \d+ slot \d+: key 0x4c53454d uid 0 mode 0600 "
                   r"nsems 2$", re.M),
        re.compile(r"^    sem 0: value 3 pid \d+$", re.M),
        "    sem 1: value 0 pid 0\n"])
    expect(tally, "lx_msg", r.out("b_msg"), [
        re.compile(r"^msqid \d+ slot \d+: key 0x4c4d5347 uid 0 mode 0600 "
                   r"qnum 1 cbytes 8 qbytes \d+$", re.M),
        "    message 0: type 7, 8 bytes\n"])
    expect(tally, "lx_dmesg", r.out("dmesg"), [
        "Command line:", HELPER])
    expect(tally, "help_text", r.out("help_pt"), [
        "Walk one address through", "Usage: lx-pt ADDR [PID]"])


def check_constants(tally):
    """Every copy in scripts/gdb/lintel/constants.py against its header."""
    sys.path.insert(0, os.path.join(ROOT, "scripts", "gdb"))
    from lintel import constants
    wrong = []
    for header, names in constants.HEADERS.items():
        defines = read_defines(os.path.join(ROOT, header))
        for name in names:
            value = defines.get(name)
            if value != getattr(constants, name):
                wrong.append("%s: %s is %s, constants.py says %s" % (
                    header, name, value, getattr(constants, name)))
    tally.case("constants_match_headers", not wrong, "; ".join(wrong))


DEFINE = re.compile(r"^#define\s+(\w+)\s+(.+?)\s*(?:/\*.*)?$", re.M)


def read_defines(path):
    """The numeric #defines of a header, evaluated (None if not)."""
    with open(path) as f:
        text = f.read().replace("\\\n", " ")
    raw = dict(DEFINE.findall(text))
    values = {}

    def value(name, depth=0):
        if name in values or name not in raw or depth > 20:
            return values.get(name)
        expr = re.sub(r"\b(0x[0-9a-fA-F]+|\d+)[uUlL]+\b", r"\1", raw[name])
        expr = re.sub(r"\b0([0-7]+)\b", r"0o\1", expr)
        for ident in set(re.findall(r"\b[A-Za-z_]\w*\b", expr)):
            v = value(ident, depth + 1)
            if v is None:
                return None
            expr = re.sub(r"\b%s\b" % ident, str(v), expr)
        expr = expr.replace("~", "0xFFFFFFFF ^ ")
        try:
            values[name] = eval(expr, {"__builtins__": {}}) & 0xFFFFFFFF
        except Exception:
            return None
        return values[name]

    for name in raw:
        value(name)
    return values


def check_conditional_break(tally, r):
    """break do_no_page if address == ... skips every other fault."""
    args = r.out("cond_args")
    tally.case("conditional_breakpoint",
               r.fact("cond_frame") == "do_no_page" and
               "address = %d" % (PARENT_ATTACH[0] + TEXT_OFFSET) in args,
               "stopped in %s with:\n%s" % (r.fact("cond_frame"),
                                            indent(args)))


def check_locals(tally, records):
    """DEBUG=1 keeps shm_swap_in's locals: the parent's fault is on page
    1 of the segment in slot 0."""
    text = Records(records).out("dbg_locals")
    tally.case("debug_build_shows_locals",
               "id = 0\n" in text and "idx = %d\n" % PAGE_INDEX in text and
               re.search(r"^shp = 0x[0-9a-f]+", text, re.M) is not None,
               "info locals in shm_swap_in said:\n%s" % indent(text))


def check_file_fault(tally, r):
    """The helper's file: GDB stops in filemap_nopage, called from
    do_no_page, for the helper's file, and the page it returns is in
    the cache (mapping set, offset 0) with the pte's count."""
    where = r.fact("f_stop_frame")
    tally.case("gdb_stops_in_filemap_nopage", where == "filemap_nopage",
               "GDB stopped in %s instead" % where)
    if where != "filemap_nopage":
        return
    frames = FRAME.findall(r.out("f_bt") or "")
    want = ["filemap_nopage", "do_no_page", "do_page_fault"]
    tally.case("bt_file_fault_path", frames[:3] == want,
               "frames %s, want %s" % (frames, want))
    tally.case("file_area_names_the_file",
               "/tmp/gdbfile" in (r.out("f_path") or ""),
               "print area->vm_file->f_path: %s" % r.out("f_path"))
    page = r.out("f_page") or ""
    tally.case("file_page_in_the_cache",
               re.search(r"count = 2\b", page) is not None and
               re.search(r"mapping = 0x[0-9a-f]+", page) is not None and
               re.search(r"offset = 0\b", page) is not None,
               "the page's mem_map entry:\n%s" % indent(page))


PS_LINE = re.compile(r"^[ *]\s+(\d+)\s+(\d+)\s+\d+\s+.*\s(%s)"
                     r"(?: \(thread of (\d+)\))?$" % THREADS_COMM, re.M)


def check_threads(tally, records, serial):
    """lx-ps, stopped in one of helper_threads' threads, lists the leader
    and its two threads, each thread saying whose it is, with the
    leader's parent; the stopped task is one of the threads."""
    r = Records(records)
    where = r.fact("thr_frame")
    tally.case("gdb_stops_in_a_thread", where == "sys_getppid",
               "break sys_getppid in a thread: GDB stopped in %s" % where)
    if where != "sys_getppid":
        return
    ps = r.out("thr_ps")
    rows = PS_LINE.findall(ps)
    leaders = [(pid, ppid) for pid, ppid, _, of in rows if not of]
    threads = [(pid, ppid, of) for pid, ppid, _, of in rows if of]
    cur = re.search(r"= (\d+)", r.out("thr_current"))
    ok = (len(leaders) == 1 and len(threads) == NR_HELPER_THREADS and
          all(of == leaders[0][0] and ppid == leaders[0][1]
              for _, ppid, of in threads) and
          len({pid for pid, _, _ in threads}) == NR_HELPER_THREADS and
          cur is not None and cur.group(1) in [t[0] for t in threads])
    tally.case("lx_ps_shows_threads_and_their_group", ok,
               "lx-ps said:\n%s\ncurrent: %s"
               % (indent(ps), r.out("thr_current")))
    tally.case("threads_helper_finished", THREADS_DONE in serial,
               "the guest never printed %r" % THREADS_DONE)


SWAP_PATH = ["shm_read_in", "shm_swap_in", "do_swap_page", "do_no_page",
             "do_page_fault"]


def check_swap(tally, records, serial):
    """Stopped in shm_read_in under a fault; lx-swap shows the area with
    slots in use, lx-pt a signature whose page is in swap; swapdemo then
    got its pattern back."""
    r = Records(records)
    where = r.fact("sw_frame")
    tally.case("gdb_stops_in_shm_read_in", where == "shm_read_in",
               "break shm_read_in: GDB stopped in %s" % where)
    if where == "shm_read_in":
        frames = [f for f in FRAME.findall(r.out("sw_bt"))
                  if f in SWAP_PATH]
        tally.case("shm_read_in_under_the_fault", frames == SWAP_PATH,
                   "bt said:\n%s" % indent(r.out("sw_bt")))
        expect(tally, "lx_pt_names_the_swapped_shm_page", r.out("sw_pt"),
               ["shm signature", "page 0 in swap", "(shm_read_in)"])
        slot = re.search(r"in swap, slot (\d+:\d+) of", r.out("sw_pt"))
        expect(tally, "lx_swap_shows_that_slot", r.out("sw_swap"),
               ["swap areas:", "/dev/hda",
                re.compile(r"slot %s +count 1 +shm id \d+ page 0"
                           % (slot.group(1) if slot else "NONE"))])
    tally.case("swapdemo_finished", SWAP_DONE in serial,
               "the guest never printed %r" % SWAP_DONE)


def check_all(records, serial, tally):
    r = Records(records)
    tally.case("gdb_helpers_loaded", bool(r.out("help_pt")),
               "help lx-pt gave nothing: %s" % r.out("help_pt"))
    check_conditional_break(tally, r)
    if stopped(tally, r, "gdb_stops_in_shm_swap_in", "a_stop",
               "the parent's fault"):
        parent_pfn = check_first_fault(tally, r)
        if stopped(tally, r, "gdb_stops_again_in_shm_swap_in", "b_stop",
                   "the child's fault"):
            check_second_fault(tally, r, parent_pfn)
            check_whole_views(tally, r)
    check_file_fault(tally, r)
    tally.case("helper_finished", HELPER_DONE in serial,
               "the guest never printed %r" % HELPER_DONE)


# ---- the transcript, and docs/gdb.md --------------------------------------

def render(record):
    """One step as the GDB user sees it: the prompt, then the output."""
    text = "(gdb) %s\n" % record["cmd"]
    if record["out"]:
        text += record["out"]
    if record["error"]:
        text += "%s\n" % record["error"]
    return text


# Steps that are the test's plumbing, not part of a user's session.
PLUMBING = {"connect", "break_panic", "cond_delete", "delete", "end",
            "f_delete"}


def transcript(records):
    parts = []
    for rec in records:
        if rec["cmd"] is None or rec["name"] in PLUMBING:
            continue
        if rec["note"]:
            parts.append("# %s\n" % rec["note"])
        parts.append(render(rec))
    return "".join(parts)


# The chapters beside gdb.md that quote steps of the session.
SESSION_DOCS = ("04-page-faults.md", "07-files.md", "13-swap.md")

SESSION_BLOCK = re.compile(r"(<!-- session (\w+) -->\n```\n)(.*?)(```\n)",
                           re.S)


def write_docs(docs, records):
    """The transcript, gdb.md's session blocks and the AVL tree's .dot;
    returns the steps gdb.md names that the session lacks."""
    with open(os.path.join(docs, "gdb-session.txt"), "w") as f:
        f.write(transcript(records))
    dot = [r["out"] for r in records if r["name"] == "vmatree_dot"]
    if dot and dot[0]:
        os.makedirs(os.path.join(docs, "diagrams"), exist_ok=True)
        with open(os.path.join(docs, "diagrams", "vmatree.dot"), "w") as f:
            f.write(dot[0])
    unknown = refresh_doc(os.path.join(docs, "gdb.md"), records)
    for name in SESSION_DOCS:
        unknown += refresh_doc(os.path.join(docs, name), records)
    return unknown


def refresh_doc(path, records):
    """Fill each ```-block after <!-- session NAME --> with step NAME."""
    by_name = {r["name"]: r for r in records if r["cmd"]}
    with open(path) as f:
        text = f.read()
    unknown = []

    def fill(m):
        rec = by_name.get(m.group(2))
        if rec is None:
            unknown.append(m.group(2))
            return m.group(0)
        return m.group(1) + render(rec) + m.group(4)

    text = SESSION_BLOCK.sub(fill, text)
    with open(path, "w") as f:
        f.write(text)
    return unknown


def main():
    import runtests     # scripts/runtests.py: its Tally prints our lines
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--kernel", default="build/lintel.elf")
    ap.add_argument("--initrd", default="build/initramfs.cpio")
    ap.add_argument("--docs", metavar="DIR",
                    help="write the session into DIR (docs/ or a copy)")
    ap.add_argument("--debug-kernel", metavar="K",
                    help="also run the DEBUG=1 session on kernel K")
    ap.add_argument("--swap-img", metavar="IMG",
                    help="also run the swap session with this mkswap image")
    args = ap.parse_args()
    os.chdir(ROOT)
    for f in (args.kernel, args.initrd):
        if not os.path.exists(f):
            print("gdb-test: %s is missing: run make first" % f)
            return 1
    records, gdb_out, serial = run_session(args)
    tally = runtests.Tally()
    check_constants(tally)
    check_all(records, serial, tally)
    if args.debug_kernel:
        debug = argparse.Namespace(**dict(vars(args),
                                          kernel=args.debug_kernel))
        more, more_out, _ = run_session(debug, "locals")
        check_locals(tally, more)
        records += more
        gdb_out += more_out
    if args.swap_img:
        swp, swp_out, swp_serial = run_session(args, "swap")
        check_swap(tally, swp, swp_serial)
        records += swp
        gdb_out += swp_out
        serial += swp_serial
    thr, thr_out, thr_serial = run_session(args, "threads")
    check_threads(tally, thr, thr_serial)
    if args.docs:
        unknown = write_docs(args.docs, records)
        tally.case("transcript_written", not unknown,
                   "docs/gdb.md names steps that do not exist: %s"
                   % unknown)
    if tally.failed:
        os.makedirs(LOG_DIR, exist_ok=True)
        for name, text in (("gdb-session", transcript(records + thr)),
                           ("gdb-output", gdb_out + thr_out),
                           ("gdb-serial", serial + thr_serial)):
            with open(os.path.join(LOG_DIR, name + ".log"), "w") as f:
                f.write(text)
        print("logs: %s/gdb-{session,output,serial}.log" % LOG_DIR)
    print("%d passed, %d failed" % (tally.passed, tally.failed))
    return 1 if tally.failed else 0


if gdb is not None:
    drive()
elif __name__ == "__main__":
    sys.exit(main())
