#!/usr/bin/env bash
# Benchmarks parda against the floor and a peer, side by side in one run, and writes a Markdown
# table (medians of BENCH_RUNS runs; peak RSS from /usr/bin/time).
#
#   scripts/bench.sh                      # ~1 GB inputs, 3 runs, Presidio on a 1,000-row sample
#   BENCH_MB=100 BENCH_RUNS=5 scripts/bench.sh
#   BENCH_MB=3 BENCH_RUNS=1 BENCH_PRESIDIO=0 scripts/bench.sh   # the smoke test in scripts/test.sh
#
# Inputs are generated once and cached in .bench/<MB>/ (gen_legacy.py, body repeated): a CSV
# register, a mysqldump, a pg_dump, and a workbook of BENCH_WB_ROWS rows (1,000,000 by default).
# Rows per run: cat to /dev/null; the floor (the csv crate parsing and writing every record,
# examples/csv_floor.rs); parda scan; parda mask on 1 thread and on all threads. Ratios are
# against the floor measured in the same run. The table goes to stdout and to BENCH_OUT
# (default .bench/<MB>/results.md).
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/parda-target}"
MB="${BENCH_MB:-1000}"
RUNS="${BENCH_RUNS:-3}"
PRESIDIO="${BENCH_PRESIDIO:-1}"
THREADS="${BENCH_THREADS:-$(nproc)}"
DIR=".bench/$MB"
WB_ROWS="${BENCH_WB_ROWS:-$(python3 -c "print(min(1000000, max(1000, int($MB * 1000))))")}"
OUT="${BENCH_OUT:-$DIR/results.md}"
mkdir -p "$DIR"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT

cargo build --release --quiet -p parda-cli --examples --bin parda
PARDA="$CARGO_TARGET_DIR/release/parda"
FLOOR="$CARGO_TARGET_DIR/release/examples/csv_floor"

python3 scripts/bench_data.py "$DIR" "$MB" > "$TMP/inputs"
[ -f "$DIR/register.xlsx" ] || "$CARGO_TARGET_DIR/release/examples/make_workbook" "$DIR/register.xlsx" "$WB_ROWS" >/dev/null

# measure LABEL BYTES ROWS FLOOR_SECS CMD...: median wall time and peak RSS over RUNS runs.
measure() {
  local label="$1" bytes="$2" rows="$3" floor="$4"
  shift 4
  local times=() rss=0
  for _ in $(seq "$RUNS"); do
    rm -rf "$TMP/out"
    /usr/bin/time -f "%e %M" -o "$TMP/time" "$@" >/dev/null 2>"$TMP/err" || { cat "$TMP/err" >&2; exit 1; }
    read -r secs kb < "$TMP/time"
    times+=("$secs")
    [ "$kb" -gt "$rss" ] && rss="$kb"
  done
  local median
  median="$(printf '%s\n' "${times[@]}" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')"
  python3 - "$label" "$bytes" "$rows" "$median" "$rss" "$floor" >> "$TMP/table" <<'PY'
import sys
label, b, rows, secs, kb, floor = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4]), int(sys.argv[5]), sys.argv[6]
secs = max(secs, 0.01)
ratio = f"{float(floor) / secs:.2f}x" if floor != "-" else "-"
print(f"| {label} | {secs:.2f} s | {b / secs / 1e6:.0f} MB/s | {rows / secs:,.0f} | {kb / 1024:.0f} MB | {ratio} |")
PY
  echo "$median"
}

{
  echo "| run | median time | MB/s | rows/s | peak RSS | vs floor |"
  echo "|---|---|---|---|---|---|"
} > "$TMP/table"

while read -r kind path bytes rows; do
  echo "| **$kind** ($(python3 -c "print(f'{$bytes/1e6:.0f} MB, {$rows:,} rows')")) | | | | | |" >> "$TMP/table"
  measure "cat > /dev/null" "$bytes" "$rows" - cat "$path" > /dev/null
  floor="-"
  if [ "$kind" = csv ]; then
    floor="$(measure "floor: csv crate parse + write" "$bytes" "$rows" - "$FLOOR" "$path" "$TMP/floor.csv")"
    measure "parda scan" "$bytes" "$rows" "$floor" "$PARDA" scan -q "$path" > /dev/null
  fi
  mask1="$(measure "parda mask, 1 thread" "$bytes" "$rows" "$floor" "$PARDA" mask -q --threads 1 --out "$TMP/out" "$path")"
  [ "$kind" = csv ] && csv_mask1_rps="$(python3 -c "print($rows / max($mask1, 0.01))")"
  measure "parda mask, $THREADS threads" "$bytes" "$rows" "$floor" "$PARDA" mask -q --threads "$THREADS" --out "$TMP/out" "$path" > /dev/null
done < "$TMP/inputs"

wb_bytes="$(stat -c %s "$DIR/register.xlsx")"
echo "| **workbook** ($(python3 -c "print(f'{$WB_ROWS:,} rows x 20 columns')")) | | | | | |" >> "$TMP/table"
measure "parda mask, 1 thread" "$wb_bytes" "$WB_ROWS" - "$PARDA" mask -q --threads 1 --out "$TMP/out" "$DIR/register.xlsx" > /dev/null
measure "parda mask, $THREADS threads" "$wb_bytes" "$WB_ROWS" - "$PARDA" mask -q --threads "$THREADS" --out "$TMP/out" "$DIR/register.xlsx" > /dev/null

# Presidio on a 1,000-row sample, next to parda on the same sample.
presidio_line="Presidio: skipped (BENCH_PRESIDIO=0)."
if [ "$PRESIDIO" = 1 ]; then
  venv=".bench/presidio-venv"
  if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c "import presidio_analyzer" 2>/dev/null; then
    python3 -m venv "$venv" && "$venv/bin/pip" install --quiet presidio-analyzer >/dev/null 2>&1 || true
  fi
  if "$venv/bin/python" -c "import presidio_analyzer, spacy" 2>/dev/null; then
    # spaCy's trained pipelines are not published on PyPI (they come from GitHub releases), so
    # Presidio runs with a blank English pipeline: its pattern recognizers (phone, email, card,
    # Aadhaar, PAN...) work, its NER for names and places does not. That makes it faster and
    # lower in recall than its default setup; say so next to the numbers.
    [ -d .bench/spacy-blank-en ] || "$venv/bin/python" -c "import spacy; spacy.blank('en').to_disk('.bench/spacy-blank-en')"
    python3 scripts/gen_legacy.py --rows 1000 --seed 21 --out "$TMP/sample.csv" --truth "$TMP/sample.truth.json" >/dev/null
    start=$(date +%s.%N)
    "$PARDA" mask -q --threads 1 --out "$TMP/sample-out" "$TMP/sample.csv"
    parda_secs=$(python3 -c "import time; print(max(time.time() - $start, 0.001))")
    result="$("$venv/bin/python" scripts/bench_presidio.py "$TMP/sample.csv" "$TMP/sample.truth.json" "$TMP/sample-out/sample.csv" .bench/spacy-blank-en)"
    presidio_line="$(python3 - "$result" "$parda_secs" "$csv_mask1_rps" <<'PY'
import json, sys
r = json.loads(sys.argv[1]); p = float(sys.argv[2]); steady = float(sys.argv[3])
parda_rps = r["rows"] / p
print(f"Presidio (presidio-analyzer, blank spaCy pipeline, cell by cell, 1 thread) on a {r['rows']:,}-row sample: "
      f"{r['rows_per_s']:,.0f} rows/s, recall {r['presidio_recall']:.1%} of {r['planted']:,} planted values. "
      f"parda on the same sample: recall {r['parda_recall']:.1%}; {parda_rps:,.0f} rows/s including process start "
      f"({parda_rps / r['rows_per_s']:,.0f}x); on the CSV register above, 1 thread: {steady:,.0f} rows/s "
      f"({steady / r['rows_per_s']:,.0f}x Presidio's rows/s).")
PY
)"
  else
    presidio_line="Presidio: skipped (could not install presidio-analyzer into $venv)."
  fi
fi

{
  echo "# parda benchmark, $(date -u +%Y-%m-%d), $(nproc) cores, BENCH_MB=$MB, median of $RUNS"
  echo
  cat "$TMP/table"
  echo
  echo "$presidio_line"
} | tee "$OUT"
