#!/usr/bin/env bash
# Renders the HTML report of a generated 300-file corpus in headless Chromium: the page must
# load without script errors, show every file, and hold none of the raw values planted in the
# corpus. Installs Debian's chromium if missing. Leaves the screenshot in
# $CARGO_TARGET_DIR/parda-report.png for a person to look at.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/parda-target}"
if ! command -v chromium >/dev/null 2>&1; then
  echo "== installing chromium"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null
fi
cargo build --release --quiet -p parda-cli --examples --bin parda
PARDA="$CARGO_TARGET_DIR/release/parda"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

echo "== generating 300 files"
mkdir -p "$work/corpus/ward"{1..10}
seq 1 300 | xargs -P 2 -I{} sh -c 'python3 scripts/gen_legacy.py --rows 25 --seed {} --heldout testdata/names --out "$0/corpus/ward$(( {} % 10 + 1 ))/register_{}.csv" --truth "$0/truth_{}.json"' "$work"
"$PARDA" mask --quiet --out "$work/out" "$work/corpus"
html="$work/out/parda-report.html"
echo "report: $(wc -c < "$html") bytes for $(ls "$work"/truth_*.json | wc -l) files"

chrome() {
  chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --user-data-dir="$work/profile" "$@"
}
start=$(date +%s.%N)
chrome --enable-logging=stderr --v=0 --dump-dom "file://$html" > "$work/dom.html" 2> "$work/console.log"
end=$(date +%s.%N)
chrome --window-size=1400,1800 --screenshot="$CARGO_TARGET_DIR/parda-report.png" "file://$html" 2>/dev/null
echo "headless load and dump of the 300-file report: $(python3 -c "print(round($end - $start, 2))") s (browser start included)"

if grep -E "Uncaught|SyntaxError|TypeError" "$work/console.log"; then echo "script errors in the report" >&2; exit 1; fi
rows=$(grep -o '<tr><td><code>' "$work/dom.html" | wc -l)
[ "$rows" -eq 300 ] || { echo "expected 300 file rows in the files table, found $rows" >&2; exit 1; }
grep -q "parda report" "$work/dom.html"
python3 - "$work" <<'PY'
import glob, json, sys
work = sys.argv[1]
html = open(work + "/out/parda-report.html", encoding="utf-8").read()
dom = open(work + "/dom.html", encoding="utf-8").read()
planted = set()
for t in glob.glob(work + "/truth_*.json"):
    for row in json.load(open(t, encoding="utf-8"))["rows"]:
        for values in row.values():
            planted.update(v.strip() for _, v in values if len(v.strip()) >= 5)
leaks = [v for v in planted if v in html or v in dom]
print("planted values checked: %d, found in the report: %d" % (len(planted), len(leaks)))
sys.exit(1 if leaks else 0)
PY
echo "screenshot: $CARGO_TARGET_DIR/parda-report.png"
echo "test-browser: 1 passed, 0 failed"
