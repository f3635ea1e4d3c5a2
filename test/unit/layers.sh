#!/usr/bin/env bash
# The layers of src/ (DEVELOPING.md, "The layers"), checked on the built
# objects: each object's undefined symbols must be defined in a lower
# layer, never beside it or above it.
#   0  the pure core (the Makefile's CORE_OBJS): only other core files and
#      the C library, nothing of the PostgreSQL server
#   1  src/support.o, the glue's bottom layer
#   2  src/growth_state.o (growth_state datums), src/rate_cache.o (the rate
#      cache under conversion)
#   3  the glue of each SQL topic: never calls another topic's file
#   4  src/legacy.o (0.1's and 0.2's symbols, bound to the new entry
#      points), src/module.o (_PG_init)
# Prints "ok - ..." / "not ok - ..." lines; run after a build.
set -u
cd "$(dirname "$0")/../.."
core=$(make -s print-core | sed 's/\.c/.o/g')
level() {
	case " $core " in *" $1 "*) echo 0; return ;; esac
	case "$1" in
		src/support.o) echo 1 ;;
		src/growth_state.o | src/rate_cache.o) echo 2 ;;
		src/legacy.o | src/module.o) echo 4 ;;
		*) echo 3 ;;
	esac
}
objs=$(ls src/*.o)
defs=$(for o in $objs; do nm -g --defined-only "$o" | awk -v f="$o" 'NF == 3 {print $3, f}'; done)
server=$(nm -D --defined-only "$(${PG_CONFIG:-pg_config} --bindir)/postgres" | awk '{print $3}' | sort -u)
for o in $objs; do
	lo=$(level "$o")
	bad=
	for u in $(nm -u "$o" | awk '{print $2}'); do
		d=$(awk -v s="$u" '$1 == s {print $2}' <<<"$defs")
		if [ -n "$d" ]; then
			ld=$(level "$d")
			if [ "$ld" -gt "$lo" ] || { [ "$ld" -eq "$lo" ] && [ "$lo" -ne 0 ]; }; then
				bad="$bad $u (${d#src/})"
			fi
		elif [ "$lo" -eq 0 ] && grep -qx "$u" <<<"$server"; then
			bad="$bad $u (the server)"
		fi
	done
	if [ -z "$bad" ]; then
		echo "ok - layer $lo: ${o#src/} calls only lower layers"
	else
		echo "not ok - layer $lo: ${o#src/} calls beside or above itself:$bad"
	fi
done
