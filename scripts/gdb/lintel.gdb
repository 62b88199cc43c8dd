# lintel.gdb - GDB setup for Lintel; `make gdb' runs
#   gdb -q -x scripts/gdb/lintel.gdb -ex "target remote ..." build/lintel.elf
# from the top of the tree.
#
# The kernel is 32-bit: qemu-system-i386's gdbstub and GDB must agree on
# i386, or GDB complains "Remote 'g' packet reply is too long".
set architecture i386
source scripts/gdb/lintel-gdb.py
