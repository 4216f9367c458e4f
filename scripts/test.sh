#!/usr/bin/env bash
# The whole test suite: formatting, lints, docs, unit/property/end-to-end tests, rule examples,
# and a recall check on a generated corpus with ground truth.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/parda-target}"
export CARGO_TERM_COLOR=never

echo "== cargo fmt --check"
cargo fmt --all -- --check

echo "== cargo clippy -D warnings"
cargo clippy --workspace --all-targets --quiet -- -D warnings

echo "== cargo doc -D warnings"
RUSTDOCFLAGS="-D warnings" cargo doc --workspace --no-deps --quiet

echo "== generated corpus: recall and collateral damage"
cargo build --release --quiet -p parda-cli --examples --bin parda
PARDA="$CARGO_TARGET_DIR/release/parda"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 scripts/gen_legacy.py --rows 3000 --seed 11 --title --crlf --out "$work/owners.csv" --truth "$work/owners.truth.json"
python3 scripts/gen_legacy.py --rows 2000 --seed 12 --delimiter ';' --encoding cp1252 --out "$work/owners_cp1252.csv" --truth "$work/owners_cp1252.truth.json"
# Names in free text drawn from the held-out part of the name lists, left out of the
# dictionaries for this run.
python3 scripts/gen_legacy.py --rows 3000 --seed 13 --heldout testdata/names --out "$work/heldout.csv" --truth "$work/heldout.truth.json"
"$PARDA" mask --quiet --out "$work/masked" "$work/owners.csv" "$work/owners_cp1252.csv"
without=()
for f in testdata/names/heldout_*; do without+=(--without-names "$f"); done
"$PARDA" mask --quiet "${without[@]}" --out "$work/masked-heldout" "$work/heldout.csv"
python3 scripts/eval_truth.py "$work/owners.csv" "$work/masked/owners.csv" "$work/owners.truth.json"
python3 scripts/eval_truth.py --encoding cp1252 --delimiter ';' "$work/owners_cp1252.csv" "$work/masked/owners_cp1252.csv" "$work/owners_cp1252.truth.json"
python3 scripts/eval_truth.py "$work/heldout.csv" "$work/masked-heldout/heldout.csv" "$work/heldout.truth.json"
"$PARDA" verify --quiet "$work/masked"
# Verified with the dictionaries it was masked with, and with the full ones (which know the
# held-out names: none may be left in part, `Veer` beside a masked surname).
"$PARDA" verify --quiet "${without[@]}" "$work/masked-heldout"
"$PARDA" verify --quiet "$work/masked-heldout"
"$PARDA" scan --quiet --json "$work/scan.json" testdata/samples testdata/realworld
"$PARDA" mask --quiet --out "$work/masked-bad" testdata/bad testdata/samples || true
python3 -c "import jsonschema" 2>/dev/null || python3 -m pip install --quiet jsonschema
python3 scripts/check_reports.py "$work/masked/parda-report.json" "$work/scan.json" "$work/masked-bad/parda-report.json"
if "$PARDA" verify --quiet "$work/owners.csv"; then echo "verify found nothing in the raw corpus" >&2; exit 1; fi

echo "== names never seen (held-out lists): recall and non-PII words changed"
# 1,000 rows per group (half a second): at 400 the Indic free-text recall moved by a point
# from one held-out draw to the next (92.3-93.1% for one build over three seeds), around its floor.
python3 scripts/eval_names.py --parda "$PARDA" --rows 1000 --json "$work/names.json"
python3 - "$work/names.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
# Floors at the measured levels (docs/names.md): a drop is a regression.
floors = {"free text, Latin": 0.98, "free text, Indic": 0.93, "name column, Latin": 0.98, "name column, Indic": 0.98}
bad = [f"{g}: recall {r[g]['recall']:.3f} < {f}" for g, f in floors.items() if r[g]["recall"] < f]
bad += [f"{g}: {v['filler_changed']} non-PII words changed" for g, v in r.items() if v["filler_changed"]]
if bad:
    sys.exit("names: " + "; ".join(bad))
PY

echo "== benchmark smoke test (no timing assertions)"
BENCH_MB=2 BENCH_RUNS=1 BENCH_PRESIDIO=0 BENCH_OUT="$work/bench.md" bash scripts/bench.sh > /dev/null
for row in "floor: csv crate" "parda scan" "parda mask, 1 thread" "**mysqldump**" "**pg_dump**" "**workbook**"; do
  grep -qF "$row" "$work/bench.md" || { echo "bench.sh table lacks: $row" >&2; exit 1; }
done

echo "== cargo test"
if command -v cargo-nextest >/dev/null 2>&1; then
  cargo nextest run --workspace --no-fail-fast
else
  cargo test --workspace --no-fail-fast
fi
