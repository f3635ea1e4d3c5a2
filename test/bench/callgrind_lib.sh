# Shared by the callgrind benchmarks (sourced): a throwaway cluster run with
# `postgres --single`.  single_cluster WORK_MEM makes it (no JIT, no fsync),
# single runs a session of it reading SQL from standard input; $dir is the
# work directory, removed at exit, $bindir PostgreSQL's (PG_CONFIG's).
bindir=$("${PG_CONFIG:-pg_config}" --bindir)
command -v valgrind >/dev/null || { echo "valgrind is needed"; exit 1; }
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

single_cluster() {
	"$bindir/initdb" -D "$dir/data" -A trust >/dev/null
	printf "jit = off\nfsync = off\nwork_mem = '%s'\n" "$1" >>"$dir/data/postgresql.conf"
}

single() {
	"$bindir/postgres" --single -D "$dir/data" postgres
}
