# Shared helpers of the trade_stats runners (sourced, not run).
#
# Installs what is missing from Debian's packages (as root, or through sudo),
# builds and installs the extension into the system PostgreSQL's directories.
# Clusters are made only with pg_virtualenv, which creates a throwaway one
# (run as the postgres user when called by root) and removes it afterwards:
# no existing cluster is touched.

PG_MAJOR=${PG_MAJOR:-15}
PG_CONFIG=/usr/lib/postgresql/$PG_MAJOR/bin/pg_config
export PG_CONFIG

as_root() {
	if [ "$(id -u)" = 0 ]; then
		"$@"
	elif command -v sudo >/dev/null 2>&1; then
		sudo "$@"
	else
		echo "error: need root or sudo to run: $*" >&2
		return 1
	fi
}

# need_packages PKG...: install the Debian packages that are not installed.
need_packages() {
	local missing=() p
	for p in "$@"; do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' ||
			missing+=("$p")
	done
	[ ${#missing[@]} -eq 0 ] && return 0
	echo "Installing Debian packages: ${missing[*]}"
	as_root apt-get update -qq &&
		as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
			--no-install-recommends "${missing[@]}" >/dev/null
}

BASE_PACKAGES=(make gcc libc6-dev postgresql-common "postgresql-$PG_MAJOR"
	"postgresql-server-dev-$PG_MAJOR")
# libFuzzer for the fuzz targets
FUZZ_PACKAGES=(clang libclang-rt-14-dev)
# the drivers of the client tests (test/client/drivers.sh), and locales for
# the German locale they run under
CLIENT_PACKAGES=(python3 python3-psycopg2 python3-psycopg python3-pandas python3-pyodbc
	odbc-postgresql unixodbc libpostgresql-jdbc-java default-jdk-headless locales)
# PL/Proxy for the scale-out tests (test/scaleout/shards.sh); postgres_fdw
# and dblink come with the server
SCALEOUT_PACKAGES=("postgresql-$PG_MAJOR-plproxy")
# the browser of the BI test (test/bi/run.sh) and a font for its Chinese
# labels
BI_PACKAGES=(chromium fonts-wqy-microhei)
# the release checklist (test/release.sh): the Debian package's build
# (debhelper, pg_buildext of postgresql-server-dev-all, dpkg-dev), lintian,
# the PGXN client, and git for the clone and make dist
RELEASE_PACKAGES=(debhelper postgresql-server-dev-all dpkg-dev lintian pgxnclient git python3)

# build_and_install [EXTRA_CFLAGS]: a clean build, installed for PG_MAJOR.
build_and_install() {
	make -s clean >/dev/null &&
		make -s PG_CFLAGS="${1:-}" >/dev/null &&
		as_root make -s install PG_CONFIG="$PG_CONFIG" >/dev/null
}
