#!/usr/bin/env bash
# trade_stats on other PostgreSQL majors.  For each major, the upstream
# source from Debian's archive (the .orig tarball of the postgresql-MAJOR
# source package, checked against the SHA-256 of the archive's signed
# Sources index, read through a private apt configuration that leaves the
# system's alone; pinned versions as a fallback when the index names a
# tarball the archive no longer has), built once into a cache outside the
# repository and reused; then the extension built against it (warnings
# counted as failures), and the pg_regress and isolation suites run in a
# cluster of that build listening on a Unix socket only.  One line
# "PostgreSQL MAJOR (VERSION): N passed, N failed" per major; exits
# non-zero if any failed.
#
#   test/tools/versions.sh [--cassert] [MAJOR...]    default: 15 16 17 18 19
#
# --cassert builds PostgreSQL with --enable-cassert (assertions, and freed
# memory clobbered, which makes a use after free fail): the test command
# runs the suites this way on the newest major it can fetch.
#
# 15 is Debian 12's own server (no build), unless TS_UPSTREAM=1 asks for
# the upstream source of it too (test/tools/pg_upgrade.sh needs that: Debian's
# 15.20 gives every column an attribute option, pg_attver, that upstream
# servers reject, so pg_upgrade from it to an upstream build fails).  A major whose source cannot be
# fetched is reported as unavailable, not failed.  Not part of the test
# command: a PostgreSQL build takes about 7 minutes here.
set -uo pipefail
cd "$(dirname "$0")/../.."
. test/lib.sh
cassert=
if [ "${1:-}" = --cassert ]; then
	cassert=-cassert
	shift
fi
majors=("$@")
[ ${#majors[@]} -gt 0 ] || majors=(15 16 17 18 19)
cache=${TS_VERSIONS_CACHE:-/var/tmp/trade_stats-versions}
archive=http://deb.debian.org/debian

# Known-good upstream tarballs: major, version, SHA-256.  18.6's is the
# archive index's; 17.11 had left the index (which names 17.12, whose files
# the archive did not have) and was hashed when pinned on 2026-12-01.
pinned=(
	"17 17.11 dd27f2b3c59e73ed14aa3324901242bf69a032a6347805f274e6260322d42979"
	"18 18.6 555610c24d53e4316da5b7d3fc25c279d96856d5e0e23ee308c328c5fa881d9f"
)

need_packages "${BASE_PACKAGES[@]}" bison flex curl libreadline-dev || exit 1
mkdir -p "$cache/apt/lists/partial" "$cache/apt/cache/archives/partial" "$cache/src" || exit 1
cat >"$cache/apt/sources.list" <<-EOF
	deb-src $archive bookworm main
	deb-src $archive trixie main
	deb-src $archive sid main
	deb-src $archive experimental main
EOF
apt_opts=(-o "Dir::Etc::SourceList=$cache/apt/sources.list" -o Dir::Etc::SourceParts=/dev/null
	-o "Dir::State::Lists=$cache/apt/lists" -o "Dir::Cache=$cache/apt/cache"
	-o Debug::NoLocking=1 -o APT::Sandbox::User=root)
as_root apt-get "${apt_opts[@]}" update -qq >/dev/null 2>&1 ||
	echo "warning: the archive's source index could not be updated; using pinned versions"

# The cluster runs as a normal user: ourselves, or postgres when root.
run_as() {
	if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$(printf '%q ' "$@")"; else "$@"; fi
}

# fetch MAJOR: download and check a source tarball; prints its version.
fetch() {
	local major=$1 candidates=() line v sum file
	# what the index offers (newest first), then the pinned ones
	while read -r v sum; do
		candidates+=("$v $sum")
	done < <(apt-cache "${apt_opts[@]}" showsrc "postgresql-$major" 2>/dev/null |
		awk -v pkg="postgresql-$major" '
			/^Package:/ { p = $2 }
			/^Version:/ { ver = $2 }
			/^Checksums-Sha256:/ { in_sums = 1; next }
			/^[^ ]/ { in_sums = 0 }
			in_sums && $3 ~ /\.orig\.tar\.(bz2|gz|xz)$/ && p == pkg {
				up = ver; sub(/-[^-]*$/, "", up); sub(/^[0-9]+:/, "", up); print up, $1 }' |
		sort -rV | uniq)
	for line in "${pinned[@]}"; do
		set -- $line
		[ "$1" = "$major" ] && candidates+=("$2 $3")
	done
	for line in "${candidates[@]}"; do
		set -- $line
		v=$1
		sum=$2
		file="$cache/src/postgresql-${major}_$v.orig.tar.bz2"
		if [ ! -s "$file" ]; then
			curl -sfL -o "$file.part" \
				"$archive/pool/main/p/postgresql-$major/postgresql-${major}_${v//\~/%7e}.orig.tar.bz2" &&
				mv "$file.part" "$file" || { rm -f "$file.part"; continue; }
		fi
		if ! echo "$sum  $file" | sha256sum -c --quiet - 2>/dev/null; then
			echo "warning: $file does not match its SHA-256; skipped" >&2
			rm -f "$file"
			continue
		fi
		echo "$v"
		return 0
	done
	return 1
}

# build MAJOR VERSION: configure, make and install into the cache, once.
build() {
	local major=$1 v=$2 name=$2$cassert
	local prefix="$cache/pg-$name" srcdir="$cache/build-$name" log="$cache/build-$name.log"
	[ -x "$prefix/bin/pg_config" ] && return 0
	rm -rf "$srcdir" && mkdir -p "$srcdir" &&
		tar -xjf "$cache/src/postgresql-${major}_$v.orig.tar.bz2" -C "$srcdir" --strip-components=1 &&
		(cd "$srcdir" &&
			./configure --prefix="$prefix" --without-icu --without-zlib \
				${cassert:+--enable-cassert --enable-debug} >"$log" 2>&1 &&
			make -s -j"$(nproc)" >>"$log" 2>&1 &&
			make -s install >>"$log" 2>&1 &&
			make -s -C src/test/isolation install >>"$log" 2>&1) ||
		{ echo "PostgreSQL $major ($v$cassert): build failed, see $log"; return 1; }
	rm -rf "$srcdir"
}

# contrib MAJOR VERSION: citext (a test's key type) built into the cache
# with PGXS from the same tarball, once; builds cached before the tests
# needed it get it here.
contrib() {
	local major=$1 v=$2 prefix="$cache/pg-$2$cassert" dir
	[ -f "$prefix/share/extension/citext.control" ] && return 0
	dir=$(mktemp -d)
	tar -xjf "$cache/src/postgresql-${major}_$v.orig.tar.bz2" -C "$dir" --strip-components=1 \
		--wildcards '*/contrib/citext/*' &&
		make -s -C "$dir/contrib/citext" USE_PGXS=1 PG_CONFIG="$prefix/bin/pg_config" install \
			>>"$cache/build-$2$cassert.log" 2>&1 ||
		echo "PostgreSQL $major ($v$cassert): citext did not build, see $cache/build-$2$cassert.log"
	rm -rf "$dir"
}

# test MAJOR VERSION PG_CONFIG: build the extension, run the suites.
run_suites() {
	local major=$1 v=$2 pgc=$3 bindir tmp port=$((55400 + $1)) warnings out passed failed
	bindir=$("$pgc" --bindir)
	tmp=$(mktemp -d)
	chmod 755 "$tmp"
	make -s clean PG_CONFIG="$pgc" >/dev/null 2>&1
	out=$(make PG_CONFIG="$pgc" 2>&1)
	warnings=$(grep -c 'warning:' <<<"$out")
	if ! as_root make -s install PG_CONFIG="$pgc" >/dev/null 2>&1; then
		echo "$out" | grep -E 'error|warning' | head -20
		echo "PostgreSQL $major ($v): 0 passed, 1 failed (the extension does not build)"
		rm -rf "$tmp"
		return 1
	fi
	grep -E 'warning:' <<<"$out" | head -10
	chown postgres "$tmp" 2>/dev/null
	run_as "$bindir/initdb" -D "$tmp/data" -A trust -U postgres >/dev/null &&
		run_as "$bindir/pg_ctl" -D "$tmp/data" -l "$tmp/log" -w \
			-o "-p $port -k $tmp -c listen_addresses=" start >/dev/null ||
		{ echo "PostgreSQL $major ($v): the cluster did not start"; cat "$tmp/log"; rm -rf "$tmp"; return 1; }
	make -s installcheck PG_CONFIG="$pgc" PGHOST="$tmp" PGPORT="$port" PGUSER=postgres \
		>"$tmp/regress.out" 2>&1
	run_as "$bindir/pg_ctl" -D "$tmp/data" -m fast stop >/dev/null
	# pg_regress 15 prints "test x ... ok", 16 and later TAP ("ok 1 - x")
	passed=$(grep -cE '\.\.\. ok|^ok [0-9]+ +- ' "$tmp/regress.out")
	failed=$(grep -cE '\.\.\. FAILED|^not ok [0-9]+ +- ' "$tmp/regress.out")
	grep -E '\.\.\. FAILED|^not ok ' "$tmp/regress.out"
	[ "$failed" -gt 0 ] && for d in regression.diffs output_iso/regression.diffs; do
		[ -f "$d" ] && head -60 "$d"
	done
	[ "$passed" -eq 0 ] && tail -20 "$tmp/regress.out" && failed=$((failed + 1))
	if [ "$warnings" -gt 0 ]; then
		passed=$((passed))
		failed=$((failed + 1))
		echo "the build warned $warnings times"
	else
		passed=$((passed + 1))
	fi
	echo "PostgreSQL $major ($v): $passed passed, $failed failed"
	rm -rf "$tmp"
	[ "$failed" -eq 0 ]
}

status=0
for major in "${majors[@]}"; do
	start=$SECONDS
	if [ -z "$cassert" ] && [ "$major" = "$PG_MAJOR" ] && [ -x "$PG_CONFIG" ] && [ -z "${TS_UPSTREAM:-}" ]; then
		run_suites "$major" "$("$PG_CONFIG" --version | awk '{print $2}')" "$PG_CONFIG" || status=1
	elif v=$(fetch "$major"); then
		build "$major" "$v" && contrib "$major" "$v" &&
			run_suites "$major" "$v$cassert" "$cache/pg-$v$cassert/bin/pg_config" || status=1
	else
		echo "PostgreSQL $major: unavailable (no source tarball in $archive)"
	fi
	echo "($((SECONDS - start)) s)"
done
# leave the system's build of the extension installed
make -s clean >/dev/null 2>&1
exit $status
