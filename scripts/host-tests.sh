#!/bin/sh
# host-tests.sh - run every guest test program natively on this Linux host.
#
# Lintel speaks the Linux i386 system call ABI, so each static test binary
# must pass on real Linux first: a test that fails here is a wrong test.
# Each program prints its cases and ends with "N passed, N failed"; we add
# those up. A program that hangs (60 s guard), crashes, or ends without
# its summary line counts as one failure.
#
# usage: scripts/host-tests.sh [test-directory]   (default build/user/tests)

dir=${1:-build/user/tests}
limit=60
passed=0
failed=0

for t in "$dir"/test_*; do
	[ -x "$t" ] || continue
	echo "== $t"
	out=$(timeout "$limit" "$t" 2>&1)
	status=$?
	printf '%s\n' "$out"
	summary=$(printf '%s\n' "$out" | tail -n 1)
	p=$(printf '%s\n' "$summary" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\1/p')
	f=$(printf '%s\n' "$summary" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\2/p')
	if [ -z "$p" ]; then
		echo "$t: no summary line (exit status $status)"
		failed=$((failed + 1))
		continue
	fi
	passed=$((passed + p))
	failed=$((failed + f))
	if [ "$f" -eq 0 ] && [ "$status" -ne 0 ]; then
		echo "$t: exit status $status after a clean summary"
		failed=$((failed + 1))
	fi
done

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
