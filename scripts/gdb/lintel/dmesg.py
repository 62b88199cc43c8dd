"""dmesg.py - the kernel log (kernel/printk.c): lx-dmesg."""
import gdb

from lintel import utils


def log_text():
    """The log ring's contents, oldest first.

    log_start and log_end only grow; the text lives at index %
    LOG_BUF_LEN, and at most LOG_BUF_LEN of the newest bytes are kept.
    """
    buf = utils.symbol_value("log_buf")
    size = utils.array_length(buf)
    start = int(utils.symbol_value("log_start"))
    end = int(utils.symbol_value("log_end"))
    if end - start > size:
        start = end - size
    raw = utils.read_bytes(utils.u32(buf.address), size)
    a, b = start % size, end % size
    if end == start:
        data = b""
    elif a < b:
        data = raw[a:b]
    else:
        data = raw[a:] + raw[:b]
    return data.decode("utf-8", "replace")


class LxDmesg(utils.LxCommand):
    """Print the kernel log, as dmesg would.

Usage: lx-dmesg [N]     (N: only the last N lines)

Reads log_buf, kernel/printk.c's ring of LOG_BUF_LEN bytes, from
log_start to log_end. It holds every printk since boot until the ring
wraps; the oldest text is then overwritten."""

    NAME = "lx-dmesg"
    USAGE = "lx-dmesg [N]"
    MIN_ARGS = 0
    MAX_ARGS = 1

    def run(self, argv):
        text = log_text()
        if argv:
            lines = text.splitlines(True)
            keep = utils.parse_number(argv[0], "count")
            text = "".join(lines[max(0, len(lines) - keep):])
        gdb.write(text)
        if text and not text.endswith("\n"):
            gdb.write("\n")


LxDmesg()
