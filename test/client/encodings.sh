#!/usr/bin/env bash
# Databases that are not UTF-8: the extension installs and reads and prints
# Chinese, Japanese, Korean and symbols in EUC_CN, EUC_JP, EUC_KR, LATIN1
# and SQL_ASCII databases as in UTF8 ones, converting at the boundary; where
# the server's encoding has no such character (Chinese in LATIN1), a clear
# error.  The client speaks UTF-8 (LATIN1's '5 £' also as LATIN1 bytes);
# what the database's encoding cannot hold the client cannot send
# (PostgreSQL's own error).  Prints "ok - ..." lines.
set -u
cd "$(dirname "$0")/../.."
export PGCLIENTENCODING=UTF8
encodings=(UTF8 EUC_CN EUC_JP EUC_KR LATIN1 SQL_ASCII)
cleanup() {
	for e in "${encodings[@]}"; do dropdb --if-exists "ts_enc_$e" 2>/dev/null; done
}
trap cleanup EXIT
cleanup
check() {
	if [ "$2" = "$3" ]; then echo "ok - $1"; else echo "not ok - $1: got '$2', want '$3'"; fi
}
q() {
	psql -X -q -At -d "$1" -c "$2" 2>&1 | sed 's/^ERROR:  //'
}
for e in "${encodings[@]}"; do
	db=ts_enc_$e
	createdb -T template0 -E "$e" --locale=C "$db" || { echo "not ok - createdb $e"; continue; }
	check "$e database: CREATE EXTENSION" "$(q "$db" 'CREATE EXTENSION trade_stats' 2>&1)" ""
	# EUC_CN (GB 2312), EUC_JP and EUC_KR have no U+00A3: the client could
	# not send it
	[ "$e" != EUC_CN ] && [ "$e" != EUC_JP ] && [ "$e" != EUC_KR ] &&
		check "$e database: '5 £' reads as pounds" "$(q "$db" "SELECT '5 £'::currency_amount")" "5.00 GBP"
	case $e in
		LATIN1)
			check "$e database: Chinese typed by a client cannot reach the server (PostgreSQL's 22P05)" \
				"$(q "$db" "SELECT '12.5万元'::currency_amount" | grep -c 'has no equivalent in encoding "LATIN1"')" 1
			check "$e database: humanize in Chinese is a clear error (22P05), not mojibake" \
				"$(psql -X -q -At -d "$db" -v VERBOSITY=sqlstate -c "\\set VERBOSITY sqlstate" \
					-c "SELECT humanize('8450000000000 CNY'::currency_amount, 'zh')" 2>&1)" "ERROR:  22P05"
			check "$e database: '5 £' sent as LATIN1 bytes reads as pounds" \
				"$(printf "SELECT '5 \xa3'::currency_amount;\n" | PGCLIENTENCODING=LATIN1 psql -X -q -At -d "$db")" "5.00 GBP"
			check "$e database: humanize in English" \
				"$(q "$db" "SELECT humanize('8450000000000 CNY'::currency_amount)")" "8.45 trillion yuan"
			check "$e database: format_pct in Chinese is a clear error (22P05)" \
				"$(psql -X -q -At -d "$db" -c "\\set VERBOSITY sqlstate" \
					-c "SELECT format_pct(-5.2, 'zh')" 2>&1)" "ERROR:  22P05"
			check "$e database: format_pct and format_pp in English" \
				"$(q "$db" "SELECT format_pct(-5.2) || ' ' || format_pp(1.25)")" "-5.2% +1.3 pp"
			;;
		EUC_JP)
			check "$e database: '15兆8977億円' reads as yen" \
				"$(q "$db" "SELECT '15兆8977億円'::currency_amount")" "15897700000000 JPY"
			check "$e database: humanize in Japanese" \
				"$(q "$db" "SELECT humanize('15897700000000 JPY'::currency_amount, 'ja')")" "15.90兆円"
			;;
		EUC_KR)
			check "$e database: '15조 8977억 원' reads as won" \
				"$(q "$db" "SELECT '15조 8977억 원'::currency_amount")" "15897700000000 KRW"
			check "$e database: humanize in Korean" \
				"$(q "$db" "SELECT humanize('15897700000000 KRW'::currency_amount, 'ko')")" "15.90조 원"
			;;
		*)
			check "$e database: '12.5万元' reads as yuan" "$(q "$db" "SELECT '12.5万元'::currency_amount")" "125000.00 CNY"
			check "$e database: '8.45万亿元' reads as yuan" \
				"$(q "$db" "SELECT '8.45万亿元'::currency_amount")" "8450000000000.00 CNY"
			check "$e database: humanize in Chinese" \
				"$(q "$db" "SELECT humanize('8450000000000 CNY'::currency_amount, 'zh')")" "8.45万亿元"
			check "$e database: format_pct and format_pp in Chinese" \
				"$(q "$db" "SELECT format_pct(-5.2, 'zh') || ' ' || format_pp(1.2, 'zh')")" "下降5.2% 提升1.2个百分点"
			check "$e database: an unknown symbol's error message reads back" \
				"$(q "$db" "SELECT '5 ¤'::currency_amount" | head -1)" \
				'invalid input syntax for type currency_amount: "5 ¤"'
			;;
	esac
done
