# busybox.sh - Debian's busybox applets, run by busybox sh, with output
# that does not depend on the machine: make test runs this script inside
# Lintel (init=/usr/bin/sh -- /tests/busybox.sh) and, with the same busybox
# binary, on the Linux host in the image's tree (ROOT=build/rootfs-full),
# and the two outputs must be the same line for line.
#
# Every path is relative to ROOT, and PATH holds only ROOT/usr/bin, where
# each applet is a symbolic link to busybox.
cd "${ROOT:-/}" || exit 1
PATH=${ROOT%/}/usr/bin
TZ=UTC
LC_ALL=C
export PATH TZ LC_ALL
echo "busybox.sh: begin"

echo "== sh"
x=3
echo "arith $((x * 14)) $((7 / 2)) $((-7 % 3)) $((1 << 10))"
f() { echo "function $# $1"; }
f a b
for i in 1 2 3; do printf '%s-' "$i"; done
echo
case lintel in l*l) echo "case matched" ;; *) echo "case missed" ;; esac
s=path/to/file.txt
echo "${s##*/} ${s%.*} ${#s} ${s#*/}"
echo "$(echo nested "$(echo deeper)")"
set -- one two three
shift
echo "$# $*"
(exit 3)
echo "subshell status $?"
false || echo "or ran"
true && echo "and ran"
read -r a b <<EOF
first second
EOF
echo "read $a $b"
sleep 0 &
wait $!
echo "background job status $?"
trap 'echo "trap ran"' USR1
kill -USR1 $$
i=0
while [ $i -lt 3 ]; do i=$((i + 1)); done
echo "while $i"

echo "== text"
printf 'b\na\nc\na\n' | sort | uniq -c | sed 's/^ *//'
printf 'one two\nthree four five\n' |
	awk '{ print NR ": " $2; n += NF } END { print "fields", n }'
awk 'BEGIN { printf "%.4f %d %s %.2e\n", 22 / 7, 1024, substr("lintel", 2, 3), 1 / 3 }'
echo "hello world" | sed -e 's/world/lintel/' -e 's/^h/H/'
printf 'a:b:c\n' | cut -d: -f2
echo abc | tr a-c x-z
echo hello | rev
seq 1 5 | tail -n 2
seq 10 | wc -l
printf 'x\ny\n' | grep -n y
expr 7 \* 6
basename /a/b/c.txt .txt
dirname /a/b/c.txt
printf 'c\nb\na\n' | sort -r | tr '\n' ' '
echo
echo lintel | od -A x -t x1 | head -n 1
echo "lintel teaching kernel" | base64
echo bGludGVs | base64 -d
echo

echo "== files"
cat etc/passwd
grep -c : etc/group
wc -c < usr/bin/busybox
sha256sum usr/bin/busybox | cut -c 1-16
ls usr/bin | head -n 3
ls -l usr/bin/ls | awk '{ print $1, $(NF - 2), $(NF - 1), $NF }'
readlink usr/bin/sed
test -L usr/bin/awk && echo "awk is a link"
test -x usr/bin/busybox && echo "busybox can run"
find usr/bin -name 'bu*' | sort
stat -c '%s %F %a' usr/bin/busybox
od -A d -t x1 -N 4 usr/bin/busybox | head -n 1
ls -1 -d etc usr

echo "== writing files"
d=/tmp/busybox.$$
mkdir "$d" && echo "hello file" > "$d/a" && cat "$d/a"
echo "second line" >> "$d/a"
wc -l < "$d/a"
mv "$d/a" "$d/b" && ls "$d"
ln -s b "$d/c" && readlink "$d/c" && tail -n 1 "$d/c"
chmod 600 "$d/b" && stat -c '%a %s' "$d/b"
: > "$d/b" && stat -c '%s' "$d/b"
rm -r "$d" && [ ! -e "$d" ] && echo "all removed"
df /tmp | awk 'NR == 1 { print $1 }'

echo "== system"
date -u -d @0 '+%Y-%m-%d %H:%M:%S %A'
date -u -d @1234567890 '+%F %T %j %a %b %s'
date -u -d '2026-12-04 18:55' '+%s %u %V'
free | head -n 1 | awk '{ print $1, $2, $3 }'
free | awk '/^Mem:/ { print "memory total above 0:", ($2 > 0) }'
ps | awk -v me=$$ 'NR == 1 { print $1, $2 } $1 == me { seen = 1 }
	END { print "ps sees this shell:", seen + 0 }'
echo "busybox.sh: end"
