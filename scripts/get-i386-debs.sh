#!/bin/sh
# get-i386-debs.sh DIR FILE PACKAGE... - Debian's i386 PACKAGEs unpacked
# in DIR, fetched once and then kept (until make clean): nothing happens
# when DIR/FILE is already there. Called by deps.sh for busybox-static
# (BUSYBOX=1 and make test) and for musl (make test's musl build).
#
# apt-get runs with a private state, cache and sources list (the same
# Debian mirror and suite the host uses, /etc/apt/sources.list*) and
# APT::Architecture=i386, so the host's dpkg architectures, package lists
# and lock are never touched.
set -e
dir=$1
want=$2
shift 2
pkgs=$*
[ -e "$dir/$want" ] && exit 0
mkdir -p "$dir/apt"
apt=$(cd "$dir/apt" && pwd)	# apt wants absolute paths
mkdir -p "$apt/lists/partial" "$apt/archives/partial" "$apt/sources.list.d"
: > "$apt/status"

# The first Debian mirror and suite the host uses: one-line sources
# ("deb URI SUITE ...") or deb822 ("URIs:" and "Suites:" lines).
host_sources() {
	cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list \
		/etc/apt/sources.list.d/*.sources 2>/dev/null || true
}
line=$(host_sources | sed -n 's/^deb \(\[[^]]*\] \)\{0,1\}\([^ ]*debian[^ ]*\) \([^ ]*\) .*/\2 \3/p' |
	grep -v -e security -e updates | head -n 1)
if [ -z "$line" ]; then
	uri=$(host_sources | sed -n 's/^URIs: *\([^ ]*debian[^ ]*\).*/\1/p' |
		grep -v security | head -n 1)
	suite=$(host_sources | sed -n 's/^Suites: *\([^ ]*\).*/\1/p' |
		head -n 1)
	line="$uri $suite"
fi
set -- $line
if [ $# -ne 2 ]; then
	echo "get-i386-debs.sh: no Debian mirror in /etc/apt/sources.list*" >&2
	exit 1
fi
keyring=/usr/share/keyrings/debian-archive-keyring.gpg
echo "deb [arch=i386 signed-by=$keyring] $1 $2 main" > "$apt/sources.list"

aptget() {
	apt-get -q -o Dir::State="$apt" -o Dir::State::status="$apt/status" \
		-o Dir::Cache="$apt" -o Dir::Cache::archives="$apt/archives" \
		-o Dir::Etc::SourceList="$apt/sources.list" \
		-o Dir::Etc::SourceParts="$apt/sources.list.d" \
		-o APT::Architecture=i386 -o APT::Architectures=i386 \
		-o Debug::NoLocking=1 "$@"
}
echo "  DEB     fetching $pkgs (i386) from $1 $2"
aptget update >"$apt/update.log" 2>&1 || { cat "$apt/update.log"; exit 1; }
for p in $pkgs; do
	(cd "$apt/archives" && aptget download "$p:i386") \
		>"$apt/download.log" 2>&1 || { cat "$apt/download.log"; exit 1; }
	dpkg-deb -x "$apt"/archives/"$p"_*_i386.deb "$dir"
done
test -e "$dir/$want"
