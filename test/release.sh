#!/usr/bin/env bash
# The release checklist of trade_stats, as a script, for the version in
# trade_stats.control (default_version 0.3 is release 0.3.0), on a fresh
# clone of the commit checked out (what is released; uncommitted changes
# are not, and are not tested here):
#  - the control file, META.json (both versions), CHANGELOG.md's top entry
#    and debian/changelog agree; META.json follows PGXN Meta Spec 1.0.0;
#  - the install script is built from sql/*.sql, is not committed, and a
#    clean build makes it again byte for byte;
#  - an upgrade script chain leads from each earlier version (0.1, 0.2),
#    and the upgrade test (test/client/upgrade.sh) passes from each;
#  - the three ways of the README's Installing section, run as written:
#    the Debian package (built, lintian, installed with apt, removed with
#    apt), the PGXN zip (installed, checked and uninstalled with pgxn) and
#    the source build (make install, make uninstall), each into a
#    PostgreSQL 15 with no trade_stats file, each followed by CREATE
#    EXTENSION and a query in a throwaway cluster, and each leaving no file
#    behind.
# Prints "ok - ..." / "not ok - ..." lines, which the test command counts;
# exits non-zero if any is "not ok".
#
# It changes the system PostgreSQL 15's installation: it first removes the
# extension's files that make install put there (the packages must install
# into a PostgreSQL without them), and at its end, also when it fails or is
# interrupted, installs the working tree's build again (build_and_install),
# as the test command expects.  Clusters only in pg_virtualenv.
set -uo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
. test/lib.sh
need_packages "${BASE_PACKAGES[@]}" "${RELEASE_PACKAGES[@]}" || exit 1

v=$(sed -n "s/^default_version = '\(.*\)'$/\1/p" trade_stats.control)
release=$v.0
pkg=postgresql-$PG_MAJOR-trade-stats
sharedir=$("$PG_CONFIG" --sharedir)
pkglibdir=$("$PG_CONFIG" --pkglibdir)
work=$(mktemp -d)
chmod 755 "$work"   # the clusters' postgres user reads the clones' test files

# every "not ok" counts: the script exits non-zero if any
failures=0
check() {
	if [ "$2" = "$3" ]; then
		echo "ok - $1"
	else
		echo "not ok - $1: got '$2', want '$3'"
		failures=$((failures + 1))
	fi
}
# the extension's files in the system PostgreSQL's directories
ts_files() {
	find "$sharedir/extension" "$pkglibdir" -path '*trade_stats*' 2>/dev/null | sort
}
# restore: leave the system as the test command expects it (the working
# tree's build installed), whatever happened before
restore() {
	local start=$SECONDS
	as_root dpkg --purge "$pkg" >/dev/null 2>&1
	if build_and_install && [ -f "$sharedir/extension/trade_stats--$v.sql" ]; then
		echo "ok - the working tree's build installed again, as the test command left it ($((SECONDS - start)) s)"
	else
		echo "not ok - the working tree's build installed again, as the test command left it"
		failures=$((failures + 1))
	fi
	rm -rf "$work"
	# in an EXIT trap only exit sets the script's status
	[ "$failures" -eq 0 ] || exit 1
}
trap restore EXIT

# in_cluster SQL...: each SQL run by psql in a throwaway cluster
in_cluster() {
	local args=() s
	for s in "$@"; do args+=(-c "$s"); done
	# psql's output and errors are the answer, pg_virtualenv's messages
	# (on its stdout) not
	rm -f "$work/psql.out"
	pg_virtualenv -v "$PG_MAJOR" -- bash -c 'out=$1; shift; psql -X -q -At -v ON_ERROR_STOP=1 "$@" >"$out" 2>&1' \
		psql "$work/psql.out" "${args[@]}" >/dev/null 2>&1
	cat "$work/psql.out" 2>/dev/null
}
# smoke LABEL: the installed extension is created and answers, in a fresh
# cluster; the upgrade paths PostgreSQL finds from each earlier version
smoke() {
	check "$1: CREATE EXTENSION trade_stats, its version and a query" \
		"$(in_cluster "CREATE EXTENSION trade_stats" \
			"SELECT extversion FROM pg_extension WHERE extname = 'trade_stats'" \
			"SELECT '8.45 trillion yuan'::currency_amount + '0.5 billion yuan'" \
			"SELECT source || ':' || path FROM pg_extension_update_paths('trade_stats') WHERE target = '$v' AND path IS NOT NULL ORDER BY source")" \
		"$(printf '%s\n%s\n%s\n%s' "$v" "8450500000000.00 CNY" "0.1:0.1--0.2--$v" "0.2:0.2--$v")"
}
# no_files LABEL: nothing of trade_stats in PostgreSQL's directories
no_files() {
	check "$1: no trade_stats file in $sharedir/extension or $pkglibdir" "$(ts_files | head -5)" ""
}
# fresh_clone DIR: a clone of the commit checked out
fresh_clone() {
	git clone -q "$repo" "$1" && git -C "$1" checkout -q --detach "$(git -C "$repo" rev-parse HEAD)"
}
# readme_block NAME: the commands of the README's block marked
# <!-- test/release.sh: NAME -->
readme_block() {
	awk -v m="<!-- test/release.sh: $1 -->" '
		$0 == m { found = 1; next }
		found && /^```sh$/ { inside = 1; next }
		inside && /^```$/ { exit }
		inside { print }' "$2/README.md"
}
# run_block NAME DIR LOG: run them as written in DIR, where sudo is root
# (as_root: root itself, without sudo, when we are root) and psql runs in
# a throwaway cluster; stops at the first command that fails
run_block() {
	local cmds
	cmds=$(readme_block "$1" "$2")
	if [ -z "$cmds" ]; then
		echo "not ok - README.md has a block marked test/release.sh: $1"
		failures=$((failures + 1))
		return 1
	fi
	(cd "$2" && PG_MAJOR=$PG_MAJOR bash -e -c '
		sudo() { if [ "$(id -u)" = 0 ]; then "$@"; else command sudo "$@"; fi; }
		psql() { pg_virtualenv -v "$PG_MAJOR" -- psql "$@"; }
		export DEBIAN_FRONTEND=noninteractive
		'"$cmds") </dev/null >"$3" 2>&1
	local rc=$?
	if [ $rc -eq 0 ]; then
		echo "ok - README's $1 commands, as written ($(wc -l <<<"$cmds") lines, $((SECONDS - block_start)) s)"
	else
		echo "not ok - README's $1 commands, as written, failed ($rc); the last of $3:"
		failures=$((failures + 1))
		tail -25 "$3"
	fi
	return $rc
}

echo "# release $release, commit $(git rev-parse --short HEAD)$(git diff --quiet HEAD 2>/dev/null || echo ' (uncommitted changes are not tested)')"
clone=$work/trade_stats
fresh_clone "$clone" || { echo "not ok - a fresh clone of HEAD"; failures=1; exit 1; }

# 1. The version, written once in the control file, and what repeats it.
meta() {
	/usr/bin/python3 -c "import json, sys; m = json.load(open('$clone/META.json')); print($1)"
}
check "META.json's version is release $release" "$(meta "m['version']")" "$release"
check "META.json's provided trade_stats is $release" "$(meta "m['provides']['trade_stats']['version']")" "$release"
check "CHANGELOG.md's top entry is $v" "$(grep -m1 '^## ' "$clone/CHANGELOG.md" | awk '{print $2}')" "$v"
check "debian/changelog's top entry is $release" "$(cd "$clone" && dpkg-parsechangelog -S Version)" "$release"
check "the README's commands install release $release" \
	"$(readme_block deb "$clone" | grep -c "_${release}_") $(readme_block pgxn "$clone" | grep -c "trade_stats-$release\.zip")" "1 1"
test/release/meta_spec.py "$clone/META.json" || failures=$((failures + 1))

# 2. The install script: built from sql/*.sql, never committed, the same
#    after a clean build.
check "no install or upgrade script of $v is committed" \
	"$(git -C "$clone" ls-files "trade_stats--$v.sql" "src/trade_stats--$v.sql" "trade_stats--*--$v.sql")" ""
(cd "$clone" && make -s "trade_stats--$v.sql" "trade_stats--0.2--$v.sql" PG_CONFIG="$PG_CONFIG" >/dev/null 2>&1 &&
	cp "trade_stats--$v.sql" "$work/first.sql" && make -s clean PG_CONFIG="$PG_CONFIG" >/dev/null 2>&1 &&
	[ ! -e "trade_stats--$v.sql" ] && make -s "trade_stats--$v.sql" PG_CONFIG="$PG_CONFIG" >/dev/null 2>&1)
check "a clean build makes the install script of $v again, byte for byte ($(wc -c <"$clone/trade_stats--$v.sql" 2>/dev/null) bytes)" \
	"$(cmp "$work/first.sql" "$clone/trade_stats--$v.sql" 2>&1 && echo same)" same
check "the install script is made of sql/*.sql, in order" \
	"$(tail -n +5 "$clone/trade_stats--$v.sql" | cmp - <(cd "$clone" && cat $(ls sql/*.sql | sort)) 2>&1 && echo same)" same
cp "$clone/trade_stats--$v.sql" "$work/built.sql"
(cd "$clone" && make -s clean PG_CONFIG="$PG_CONFIG" >/dev/null 2>&1)
# the upgrade chain: an install script of each earlier version, and a step
# from each to the next
earlier=$(cd "$clone/src" && ls trade_stats--*.sql | sed -n 's/^trade_stats--\([0-9.]*\)\.sql$/\1/p' | sort -V | tr '\n' ' ')
check "the earlier versions kept as released" "$earlier" "0.1 0.2 "
# the steps between released versions are kept as released in src/; the
# step to this version is built by make (the Makefile's UPGRADE_ rules)
prev=
for e in $earlier $v; do
	if [ -n "$prev" ]; then
		how=none
		if (cd "$clone" && make -n "trade_stats--$prev--$e.sql" PG_CONFIG="$PG_CONFIG" >/dev/null 2>&1); then
			how=built
		elif [ -f "$clone/src/trade_stats--$prev--$e.sql" ]; then
			how=kept
		fi
		check "the upgrade step from $prev to $e is $( [ "$e" = "$v" ] && echo "built by make" || echo "kept in src/")" \
			"$how" "$( [ "$e" = "$v" ] && echo built || echo kept)"
	fi
	prev=$e
done

# 3. Into a PostgreSQL 15 without trade_stats: make install's files out.
as_root make -s uninstall PG_CONFIG="$PG_CONFIG" >/dev/null 2>&1
no_files "before the packages"

# 4. The Debian package, as the README builds and installs it.
block_start=$SECONDS
if run_block deb "$clone" "$work/deb.log"; then
	deb=$(ls "$work/${pkg}_${release}_"*.deb)
	check "the package build ran the pg_regress and isolation suites on the package's files" \
		"$(grep -cE 'All [0-9]+ tests passed\.' "$work/deb.log")" 2
	check "a package for each major that pg_buildext supports here" \
		"$(cd "$work" && ls postgresql-*-trade-stats_"$release"_*.deb | sed 's/_.*//' | sort | tr '\n' ' ')" \
		"$(for m in $(/usr/share/postgresql-common/supported-versions); do [ -x "/usr/lib/postgresql/$m/bin/pg_config" ] && echo "postgresql-$m-trade-stats"; done | sort | tr '\n' ' ')"
	check "Debian 12 has no postgresql-server-dev-17 or -18 to build packages for them" \
		"$(apt-cache show postgresql-server-dev-17 postgresql-server-dev-18 2>/dev/null | grep -c '^Package:')" 0
	check "$pkg is installed, version $release" "$(dpkg-query -W -f='${Status} ${Version}' "$pkg" 2>&1)" "install ok installed $release"
	check "the package's install script is the one built from sql/*.sql" \
		"$(cmp "$sharedir/extension/trade_stats--$v.sql" "$work/built.sql" 2>&1 && echo same)" same
	check "every trade_stats file in PostgreSQL's directories is the package's" \
		"$(ts_files | grep -vxFf <(dpkg -L "$pkg") | head -5)" ""
	smoke "the package"
	# lintian: clean, or the overrides in debian/ say why
	lintian --display-info "$work"/trade-stats_"$release"_*.changes >"$work/lintian.out" 2>&1
	check "lintian: no error, warning or info tag on the source and binary packages" \
		"$(grep -E '^[EWI]: ' "$work/lintian.out" | sort -u | head -10)" ""
	sed -n 's/^\([A-Z]: .*\)/# lintian: \1/p' "$work/lintian.out"
	as_root env DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq "$pkg" >/dev/null 2>&1
	check "apt remove: $pkg is gone (dpkg -L knows it no more)" \
		"$(dpkg -L "$pkg" >/dev/null 2>&1 && echo listed || echo gone)" gone
	no_files "after apt remove"
fi
as_root dpkg --purge "$pkg" >/dev/null 2>&1

echo "# the Debian package: $((SECONDS - block_start)) s"

# 5. The PGXN zip, as the README makes and installs it; pgxn check runs
#    the suites against it in a throwaway cluster.
block_start=$SECONDS
if run_block pgxn "$clone" "$work/pgxn.log"; then
	zip=$clone/trade_stats-$release.zip
	check "the zip holds the tracked files of the commit under trade_stats-$release/" \
		"$(python3 -c "import sys, zipfile; print(sorted(n[len('trade_stats-$release/'):] for n in zipfile.ZipFile(sys.argv[1]).namelist() if not n.endswith('/')) == sorted(sys.argv[2].split()))" "$zip" "$(git -C "$clone" ls-files | tr '\n' ' ')")" True
	python3 -c "import sys, zipfile; sys.stdout.buffer.write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]))" \
		"$zip" "trade_stats-$release/META.json" >"$work/META.json"
	test/release/meta_spec.py "$work/META.json" || failures=$((failures + 1))
	check "META.json's provided file is installed by pgxn install" \
		"$(ls "$sharedir/extension/$(meta "m['provides']['trade_stats']['file']")" 2>&1)" "$sharedir/extension/trade_stats--$v.sql"
	check "pgxn install's install script is the one built from sql/*.sql" \
		"$(cmp "$sharedir/extension/trade_stats--$v.sql" "$work/built.sql" 2>&1 && echo same)" same
	smoke "pgxn install"
	(cd "$work" && pg_virtualenv -v "$PG_MAJOR" -- pgxn check "$zip") >"$work/pgxn-check.log" 2>&1
	check "pgxn check passes (its pg_regress and isolation suites)" \
		"$? $(grep -cE 'All [0-9]+ tests passed\.' "$work/pgxn-check.log")" "0 2"
	(cd "$clone" && as_root pgxn uninstall "./trade_stats-$release.zip") >"$work/pgxn-uninstall.log" 2>&1
	check "sudo pgxn uninstall" "$?" 0
	no_files "after pgxn uninstall"
fi
as_root make -s uninstall PG_CONFIG="$PG_CONFIG" >/dev/null 2>&1

echo "# the PGXN zip: $((SECONDS - block_start)) s"

# 6. From source, as the README says; then the upgrade test (reused, run
#    on this build) from each earlier version.
block_start=$SECONDS
if run_block source "$clone" "$work/source.log"; then
	smoke "make install"
	(cd "$clone" && pg_virtualenv -v "$PG_MAJOR" -- test/client/upgrade.sh) >"$work/upgrade.out" 2>&1
	# from each earlier version: checks of it, none failed
	for e in $earlier; do
		check "the upgrade test passes from $e ($(grep -c "^ok - $e:" "$work/upgrade.out") checks of test/client/upgrade.sh)" \
			"$(grep -c "^not ok - $e:" "$work/upgrade.out") $(grep -q "^ok - $e: ALTER EXTENSION trade_stats UPDATE$" "$work/upgrade.out" && echo updated)" "0 updated"
	done
	check "the upgrade test: no failure" "$(grep '^not ok' "$work/upgrade.out" | head -5)" ""
	(cd "$clone" && as_root make -s uninstall) >/dev/null 2>&1
	check "sudo make uninstall" "$?" 0
	no_files "after make uninstall"
fi
echo "# the source build and the upgrade test: $((SECONDS - block_start)) s"
