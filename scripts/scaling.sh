#!/usr/bin/env bash
# Measures how parda scales with threads and with local unit processes (the way Spark or a
# Kubernetes Indexed Job runs it), on one large CSV, many CSVs, many dumps and one large dump.
# Writes a Markdown table (median wall time of SCALE_RUNS runs, MB/s, speed-up against 1 thread
# of the same row, peak RSS).
#
#   scripts/scaling.sh                               # builds parda, 1 GB inputs, 1 and all threads
#   SCALE_THREADS="1 4 16" SCALE_MB=1000 scripts/scaling.sh      # on a 16-core machine
#
# SCALE_PARDA / SCALE_FLOOR point at prebuilt binaries (a machine without cargo); SCALE_BASE at a
# folder holding base.csv, base_mysql.sql and base_pg.sql (optionally .gz), whose bodies are
# repeated up to SCALE_MB; SCALE_SECTIONS picks rows (floor csv csv-many dumps-many units-csv
# units-dump); by default they come from scripts/bench_data.py (gen_legacy.py).
set -euo pipefail
cd "$(dirname "$0")/.."
MB="${SCALE_MB:-1000}"
RUNS="${SCALE_RUNS:-1}"
THREADS="${SCALE_THREADS:-1 $(nproc)}"
DIR="${SCALE_DIR:-.bench/scale-$MB}"
SECTIONS="${SCALE_SECTIONS:-floor csv csv-many dumps-many units-csv units-dump}"
OUT="${SCALE_OUT:-$DIR/scaling.md}"
if [ -z "${SCALE_PARDA:-}" ]; then
  export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/parda-target}"
  cargo build --release --quiet -p parda-cli --examples --bin parda
  SCALE_PARDA="$CARGO_TARGET_DIR/release/parda"
  SCALE_FLOOR="$CARGO_TARGET_DIR/release/examples/csv_floor"
fi
if [ -z "${SCALE_BASE:-}" ]; then
  SCALE_BASE=".bench/$MB"
  python3 scripts/bench_data.py "$SCALE_BASE" "$MB" >/dev/null
fi
PARDA="$SCALE_PARDA"
mkdir -p "$DIR"
TMP="$(mktemp -d "${TMPDIR:-/tmp}/parda-scale.XXXXXX")"
trap 'rm -rf "$TMP"' EXIT

# Builds the inputs once: big.csv (MB), tenth.csv (MB/10), csv-many/ (48 files), dump.sql (MB, one mysqldump),
# dumps-many/ (8 mysqldumps and 8 pg_dumps).
python3 - "$SCALE_BASE" "$DIR" "$MB" <<'PY'
import gzip, os, sys
base, d, mb = sys.argv[1], sys.argv[2], float(sys.argv[3])
def read(name):
    p = os.path.join(base, name)
    return gzip.open(p + ".gz").read() if os.path.exists(p + ".gz") else open(p, "rb").read()
def build(path, head, body, tail, target):
    if os.path.exists(path):
        return
    os.makedirs(os.path.dirname(path), exist_ok=True)
    reps = max(1, -(-(target - len(head) - len(tail)) // len(body)))
    with open(path + ".tmp", "wb") as f:
        f.write(head)
        for _ in range(reps):
            f.write(body)
        f.write(tail)
    os.replace(path + ".tmp", path)
target = int(mb * 1_000_000)
csv = read("base.csv")
nl = csv.index(b"\n") + 1
build(os.path.join(d, "big.csv"), csv[:nl], csv[nl:], b"", target)
build(os.path.join(d, "tenth.csv"), csv[:nl], csv[nl:], b"", target // 10)
# Each under mask's 32 MiB "large CSV" threshold, so that files, not chunks, are the parallel work.
for i in range(48):
    build(os.path.join(d, "csv-many", f"register_{i:02}.csv"), csv[:nl], csv[nl:], b"", target // 48)
my = read("base_mysql.sql")
mark = b"LOCK TABLES `owners` WRITE;\n"
a, b = my.index(mark) + len(mark), my.index(b"UNLOCK TABLES;")
build(os.path.join(d, "dump.sql"), my[:a], my[a:b], my[b:], target)
pg = read("base_pg.sql")
pa, pb = pg.index(b"FROM stdin;\n") + len(b"FROM stdin;\n"), pg.index(b"\\.\n")
for i in range(8):
    build(os.path.join(d, "dumps-many", f"owners_{i}.sql"), my[:a], my[a:b], my[b:], target // 16)
    build(os.path.join(d, "dumps-many", f"users_{i}.pg.sql"), pg[:pa], pg[pa:pb], pg[pb:], target // 16)
PY

bytes_of() { du -sb "$1" | cut -f1; }

# timed CMD...: runs CMD, writes "secs peak_kb" to $TMP/time (GNU time, or Python where the
# machine has none).
timed() {
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -f "%e %M" -o "$TMP/time" "$@"
  else
    python3 - "$TMP/time" "$@" <<'PY'
import resource, subprocess, sys, time
start = time.monotonic()
code = subprocess.call(sys.argv[2:])
secs = time.monotonic() - start
open(sys.argv[1], "w").write(f"{secs:.2f} {resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}\n")
sys.exit(code)
PY
  fi
}

# run_median CMD...: prints "median_secs peak_kb" over RUNS runs (outputs removed between runs).
run_median() {
  local times=() rss=0
  for _ in $(seq "$RUNS"); do
    rm -rf "$TMP/out" "$TMP/plan.jsonl"
    timed "$@" >/dev/null 2>"$TMP/err" || { cat "$TMP/err" >&2; exit 1; }
    read -r secs kb < "$TMP/time"
    times+=("$secs")
    [ "$kb" -gt "$rss" ] && rss="$kb"
  done
  printf '%s %s\n' "$(printf '%s\n' "${times[@]}" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')" "$rss"
}

# units N INPUT UNIT_SIZE: plan, then N local `mask-units --threads 1` processes over the unit ids
# (round robin), then merge — what a cluster does, minus the network.
units() {
  local n="$1" input="$2" size="$3"
  "$PARDA" plan -q --unit-size "$size" --out "$TMP/plan.jsonl" "$input"
  local count=$(($(wc -l < "$TMP/plan.jsonl") - 1)) pids=()
  for w in $(seq 0 $((n - 1))); do
    seq "$w" "$n" $((count - 1)) | "$PARDA" mask-units --threads 1 --manifest "$TMP/plan.jsonl" --out "$TMP/out" >/dev/null &
    pids+=($!)
  done
  for p in "${pids[@]}"; do wait "$p"; done
  "$PARDA" merge "$TMP/plan.jsonl" --out "$TMP/out"
}
export -f units
export PARDA TMP

{
  echo "| input | how | threads | median time | MB/s | speed-up vs 1 | peak RSS |"
  echo "|---|---|---|---|---|---|---|"
} > "$TMP/table"
row() { # label how input threads CMD...
  local label="$1" how="$2" input="$3" t="$4"
  shift 4
  local res b
  res="$(run_median "$@")"
  read -r secs kb <<<"$res"
  b="$(bytes_of "$input")"
  [ "$t" = "$first" ] && base_secs="$secs"
  python3 - "$label" "$how" "$t" "$secs" "$b" "$kb" "$base_secs" >> "$TMP/table" <<'PY'
import sys
label, how, t, secs, b, kb, base = sys.argv[1:]
secs, base = max(float(secs), 0.01), max(float(base), 0.01)
print(f"| {label} | {how} | {t} | {secs:.2f} s | {int(b) / secs / 1e6:.0f} MB/s | {base / secs:.1f}x | {int(kb) / 1024:.0f} MB |")
PY
  tail -1 "$TMP/table" >&2
}
first="${THREADS%% *}"

on() { [[ " $SECTIONS " == *" $1 "* ]]; }
if on floor && [ -n "${SCALE_FLOOR:-}" ]; then
  first=floor row "big.csv" "floor: csv crate parse + write" "$DIR/big.csv" floor "$SCALE_FLOOR" "$DIR/big.csv" "$TMP/floor.csv"
fi
if on csv; then
  for t in $THREADS; do row "big.csv" "parda mask" "$DIR/big.csv" "$t" "$PARDA" mask -q --threads "$t" --out "$TMP/out" "$DIR/big.csv"; done
  last="${THREADS##* }"
  first="$last" row "tenth.csv (bounded memory)" "parda mask" "$DIR/tenth.csv" "$last" "$PARDA" mask -q --threads "$last" --out "$TMP/out" "$DIR/tenth.csv"
fi
if on csv-many; then
  for t in $THREADS; do row "csv-many/ (48 files)" "parda mask" "$DIR/csv-many" "$t" "$PARDA" mask -q --threads "$t" --out "$TMP/out" "$DIR/csv-many"; done
fi
if on dumps-many; then
  for t in $THREADS; do row "dumps-many/ (16 dumps)" "parda mask" "$DIR/dumps-many" "$t" "$PARDA" mask -q --threads "$t" --out "$TMP/out" "$DIR/dumps-many"; done
fi
if on units-csv; then
  for t in $THREADS; do row "big.csv" "plan + $t unit processes + merge" "$DIR/big.csv" "$t" bash -c 'units "$@"' _ "$t" "$DIR/big.csv" $((MB * 1000000 / 64)); done
fi
if on units-dump; then
  for t in $THREADS; do row "dump.sql (mysqldump)" "plan + $t unit processes + merge" "$DIR/dump.sql" "$t" bash -c 'units "$@"' _ "$t" "$DIR/dump.sql" $((MB * 1000000 / 16)); done
fi

{
  echo "parda scaling on $(nproc) cores, $(date -u +%F), ${MB} MB inputs, median of $RUNS run(s)"
  echo
  cat "$TMP/table"
} | tee "$OUT"
