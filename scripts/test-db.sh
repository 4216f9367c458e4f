#!/usr/bin/env bash
# Loads original and masked dumps into real MariaDB and PostgreSQL servers and compares them:
# every dump must load, row counts must match, and every non-PII column must be identical.
# Installs the servers from Debian's packages if missing; runs private instances on Unix
# sockets in a temporary folder and stops them by process id.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/parda-target}"

if ! command -v mariadbd >/dev/null 2>&1 || ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  echo "== installing mariadb-server and postgresql"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends mariadb-server postgresql >/dev/null
fi
cargo build --release --quiet -p parda-cli --examples --bin parda
PARDA="$CARGO_TARGET_DIR/release/parda"

work="$(mktemp -d)"
chmod 755 "$work"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do while kill -0 "$p" 2>/dev/null; do sleep 0.2; done; done
  rm -rf "$work"
}
trap cleanup EXIT

echo "== generating dumps"
python3 scripts/gen_legacy.py --rows 2000 --seed 31 --format mysql --out "$work/owners_mysql.sql" --truth "$work/owners_mysql.json"
python3 scripts/gen_legacy.py --rows 2000 --seed 32 --format postgres --out "$work/owners_pg_copy.sql" --truth "$work/owners_pg_copy.json"
python3 scripts/gen_legacy.py --rows 500 --seed 33 --format postgres-inserts --gzip --out "$work/owners_pg_inserts.sql.gz" --truth "$work/owners_pg_inserts.json"
cp testdata/realworld/dumps/clickhouse-dump1[245].sql testdata/dumps/dated_*.sql testdata/dumps/replace_update_mysql.sql testdata/dumps/jsonb_pg.sql "$work/"
"$PARDA" mask --quiet --out "$work/masked" "$work"/*.sql "$work"/*.sql.gz
gunzip -k "$work/owners_pg_inserts.sql.gz" "$work/masked/owners_pg_inserts.sql.gz"
for d in owners_mysql owners_pg_copy owners_pg_inserts; do
  echo "-- recall: $d"
  python3 scripts/eval_sql.py "$work/masked/$d.sql" "$work/$d.json"
done
"$PARDA" verify --quiet "$work/masked"

NONPII="id, ward, usage_type, plot_area, tax_amount, assessment_year, receipt_no, txn_id, status"

echo "== MariaDB"
mariadb-install-db --no-defaults --datadir="$work/my" --user=root --auth-root-authentication-method=normal >"$work/my-install.log" 2>&1
mariadbd --no-defaults --datadir="$work/my" --socket="$work/my.sock" --skip-networking --user=root \
  --pid-file="$work/my.pid" --log-error="$work/my.err" &
pids+=($!)
for _ in $(seq 1 120); do [ -S "$work/my.sock" ] && break; sleep 0.5; done
my() { mariadb --no-defaults --socket="$work/my.sock" -uroot "$@"; }
for db in orig masked; do
  my -e "CREATE DATABASE $db"
  my "$db" < "$( [ $db = orig ] && echo "$work/owners_mysql.sql" || echo "$work/masked/owners_mysql.sql")"
done
[ "$(my -N orig -e 'SELECT COUNT(*) FROM owners')" = "$(my -N masked -e 'SELECT COUNT(*) FROM owners')" ]
diff <(my -N orig -e "SELECT $NONPII FROM owners ORDER BY id") <(my -N masked -e "SELECT $NONPII FROM owners ORDER BY id")
# A masked BIGINT mobile (0000003210) loads as its last 4 digits.
[ "$(my -N masked -e 'SELECT COUNT(*) FROM owners WHERE mobile_no > 9999')" = 0 ] || { echo "a BIGINT mobile was not masked"; exit 1; }
# The ClickHouse mysqldump 8.0 fixtures hold no PII: their masked copies are byte-identical.
for d in clickhouse-dump12 clickhouse-dump14 clickhouse-dump15; do cmp "$work/$d.sql" "$work/masked/$d.sql"; done
# REPLACE, INSERT IGNORE, VALUE, double-quoted strings, UPDATE / INSERT ... SET / DELETE: the
# masked dump loads, with the same rows and the same non-PII column.
for db in rorig rmasked; do my -e "CREATE DATABASE $db"; done
my rorig < "$work/replace_update_mysql.sql"
my rmasked < "$work/masked/replace_update_mysql.sql"
diff <(my -N rorig -e "SELECT id, ward FROM citizen ORDER BY id") <(my -N rmasked -e "SELECT id, ward FROM citizen ORDER BY id")
[ "$(my -N rmasked -e "SELECT COUNT(*) FROM citizen WHERE mobile_no LIKE '******%'")" = 5 ] \
  || { echo "replace_update_mysql: a mobile was not masked"; exit 1; }
# Dates of birth in DATETIME and DATE columns and a quoted mobile in a BIGINT: the masked dump
# loads in strict mode, every date reads 1900-01-01, every mobile its last four digits.
my -e "SET GLOBAL sql_mode = 'STRICT_TRANS_TABLES,NO_ZERO_DATE,NO_ZERO_IN_DATE,ERROR_FOR_DIVISION_BY_ZERO'"
my -e "CREATE DATABASE dated"
my dated < "$work/masked/dated_mysql.sql"
[ "$(my -N dated -e "SELECT COUNT(*) FROM eg_user WHERE DATE(dob) = '1900-01-01' AND born_on = '1900-01-01' AND mobile < 10000")" = 2 ] \
  || { echo "masked dates in date columns did not load as 1900-01-01"; exit 1; }
echo "MariaDB: owners_mysql and replace_update_mysql load; row counts and non-PII columns identical; ClickHouse dumps byte-identical; masked dates load"

echo "== PostgreSQL"
PGBIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
mkdir -p "$work/pg" "$work/pgsock"
chown postgres "$work/pg" "$work/pgsock"
runuser -u postgres -- "$PGBIN/initdb" -D "$work/pg" -A trust >"$work/pg-init.log" 2>&1
runuser -u postgres -- "$PGBIN/postgres" -D "$work/pg" -k "$work/pgsock" -c listen_addresses='' >"$work/pg.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 120); do [ -S "$work/pgsock/.s.PGSQL.5432" ] && break; sleep 0.5; done
pg() { psql -h "$work/pgsock" -U postgres -v ON_ERROR_STOP=1 -q "$@"; }
for d in owners_pg_copy owners_pg_inserts; do
  pg -c "DROP DATABASE IF EXISTS orig" -c "DROP DATABASE IF EXISTS masked" -c "CREATE DATABASE orig" -c "CREATE DATABASE masked"
  pg -d orig -f "$work/$d.sql" >/dev/null
  pg -d masked -f "$work/masked/$d.sql" >/dev/null
  [ "$(pg -d orig -tAc 'SELECT COUNT(*) FROM owners')" = "$(pg -d masked -tAc 'SELECT COUNT(*) FROM owners')" ]
  diff <(pg -d orig -tAc "SELECT $NONPII FROM owners ORDER BY id") <(pg -d masked -tAc "SELECT $NONPII FROM owners ORDER BY id")
  echo "PostgreSQL: $d loads; row counts and non-PII columns identical"
done
pg -c "DROP DATABASE IF EXISTS dated" -c "CREATE DATABASE dated"
pg -d dated -f "$work/masked/dated_pg.sql" >/dev/null
[ "$(pg -d dated -tAc "SELECT COUNT(*) FROM eg_user WHERE dob::date = '1900-01-01'")" = 2 ] \
  || { echo "masked timestamps did not load as 1900-01-01"; exit 1; }
echo "PostgreSQL: dated_pg loads, masked timestamps read 1900-01-01"
# Owner details in a jsonb column: the masked JSON is still JSON (the dump loads), its keys and
# non-personal values are as they were.
pg -c "DROP DATABASE IF EXISTS jsonb" -c "CREATE DATABASE jsonb"
pg -d jsonb -f "$work/masked/jsonb_pg.sql" >/dev/null
[ "$(pg -d jsonb -tAc "SELECT COUNT(*) FROM eg_pt_property WHERE additionaldetails->>'ownerName' LIKE '%*%' AND additionaldetails ? 'usage'")" = 3 ] \
  || { echo "jsonb_pg: masked owner details did not load as JSON"; exit 1; }
echo "PostgreSQL: jsonb_pg loads, owner names masked inside the JSON"
echo "test-db: 2 passed, 0 failed"
