#!/usr/bin/env bash
# Runs integrations/spark/parda_spark.py on a local Spark (local[2]) over generated inputs cut
# into units, and checks that the outputs are identical to one `parda mask` run. Installs
# PySpark into .bench/spark-venv (and a Java runtime if missing).
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/parda-target}"
cargo build --release --quiet -p parda-cli --examples --bin parda
PARDA="$CARGO_TARGET_DIR/release/parda"
if ! command -v java >/dev/null 2>&1; then
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openjdk-17-jre-headless) >/dev/null
fi
venv=".bench/spark-venv"
if ! "$venv/bin/python" -c "import pyspark" 2>/dev/null; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet pyspark
fi
SPARK_HOME="$("$venv/bin/python" -c "import os, pyspark; print(os.path.dirname(pyspark.__file__))")"
export SPARK_HOME PYSPARK_PYTHON="$PWD/$venv/bin/python"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir "$work/in"
python3 scripts/gen_legacy.py --rows 2000 --seed 31 --out "$work/in/register.csv" >/dev/null
python3 scripts/gen_legacy.py --rows 1500 --seed 32 --format mysql --out "$work/in/owners.sql" >/dev/null
python3 scripts/gen_legacy.py --rows 1500 --seed 33 --format postgres --out "$work/in/users.sql" >/dev/null
head -c 32 /dev/urandom | base64 > "$work/key"
"$PARDA" mask -q --profile migration --key-file "$work/key" --out "$work/one" "$work/in"
"$PARDA" plan -q --profile migration --unit-size 100K --out "$work/plan.jsonl" "$work/in"
"$SPARK_HOME/bin/spark-submit" --master 'local[2]' integrations/spark/parda_spark.py \
  --parda "$PARDA" --manifest "$work/plan.jsonl" --out "$work/spark" -- \
  --profile migration --key-file "$work/key" 2> "$work/spark.log" | tee "$work/spark.out"
grep -q "0 failed" "$work/spark.out"
for f in register.csv owners.sql users.sql register.csv.parda-tokens owners.sql.parda-tokens users.sql.parda-tokens; do
  cmp "$work/one/$f" "$work/spark/$f" || { echo "spark: $f differs from one run" >&2; tail -20 "$work/spark.log" >&2; exit 1; }
done
echo "spark: $(($(wc -l < "$work/plan.jsonl") - 1)) units on local[2], outputs identical to one run"
