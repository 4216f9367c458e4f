#!/usr/bin/env bash
# Opens parda's masked workbooks in LibreOffice (headless, converting every sheet to CSV) and
# compares them with the originals opened the same way: every sheet is there, with the same
# rows and columns, and every cell is the original's or a masked value (stars, or the
# "unknown" date a masked date cell holds). This checks parda's own .xlsx writer and reader
# against an office suite, not only against calamine. Installs Debian's LibreOffice Calc if
# missing.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/parda-target}"
if ! command -v soffice >/dev/null 2>&1; then
  echo "== installing libreoffice-calc"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends libreoffice-calc-nogui >/dev/null
fi
cargo build --release --quiet -p parda-cli --examples --bin parda
PARDA="$CARGO_TARGET_DIR/release/parda"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

mkdir -p "$work/in" "$work/out"
cp testdata/realworld/*.xlsx "$work/in/"
"$CARGO_TARGET_DIR/release/examples/make_workbook" "$work/in/register.xlsx" 2000 >/dev/null
"$PARDA" mask --quiet --out "$work/out" "$work/in"

# Every sheet of every workbook as CSV (the filter's last field, -1: all sheets).
to_csv() {
  (cd "$1" && timeout 600 soffice --headless -env:UserInstallation="file://$work/profile" \
    --convert-to 'csv:Text - txt - csv (StarCalc):44,34,UTF8,1,,0,false,true,false,false,false,-1' ./*.xlsx >/dev/null 2>&1)
}
to_csv "$work/in"
to_csv "$work/out"

python3 - "$work" <<'PY'
import csv, glob, os, sys
work = sys.argv[1]
# What LibreOffice shows for the "unknown" date (serial 1) a masked date cell holds.
UNKNOWN_DATES = {"12/31/1899", "31/12/1899", "01/01/1900", "1900-01-01", "1899-12-31"}
ins = sorted(os.path.basename(p) for p in glob.glob(work + "/in/*.csv"))
outs = sorted(os.path.basename(p) for p in glob.glob(work + "/out/*.csv"))
books = len(glob.glob(work + "/in/*.xlsx"))
assert ins and ins == outs, f"sheets differ: {sorted(set(ins) ^ set(outs))}"
problems, cells, masked = [], 0, 0
for name in ins:
    read = lambda d: list(csv.reader(open(f"{work}/{d}/{name}", encoding="utf-8", newline="")))
    a, b = read("in"), read("out")
    if len(a) != len(b):
        problems.append(f"{name}: {len(a)} rows in, {len(b)} out")
        continue
    for r, (ra, rb) in enumerate(zip(a, b), 1):
        if len(ra) != len(rb):
            problems.append(f"{name}: row {r} has {len(ra)} cells in, {len(rb)} out")
            continue
        for c, (x, y) in enumerate(zip(ra, rb), 1):
            cells += 1
            if x == y:
                continue
            if "*" in y or y in UNKNOWN_DATES:
                masked += 1
                continue
            problems.append(f"{name}: row {r}, column {c} changed without a mask ({len(x)} -> {len(y)} characters)")
print(f"LibreOffice: {books} workbooks, {len(ins)} sheets, {cells} cells, {masked} masked, the rest as they were")
if problems:
    sys.exit("\n".join(problems[:20]))
PY
