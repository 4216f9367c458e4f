#!/usr/bin/env python3
"""Runs a parda plan on Apache Spark: one task per work unit, then one merge.

    parda plan /data/dumps /data/registers --unit-size 256M --out /shared/plan.jsonl
    spark-submit integrations/spark/parda_spark.py \
        --manifest /shared/plan.jsonl --out /shared/masked -- \
        --profile migration --key-file /mnt/secrets/parda.key

Every executor needs the `parda` binary on its PATH (or --parda PATH), the inputs and --out on
storage every node sees at the same path (NFS, a mounted bucket, a Kubernetes volume), and the
key as a mounted file: it is never put on a command line. Arguments after `--` go to
`parda mask-units` unchanged (--profile, --policy, --rules, --key-file).

Spark schedules, retries and speculatively re-runs units; parda writes each unit's output under a
temporary name and renames it when complete, so a retried or duplicated task never leaves a torn
file, and keyed transforms share no state, so every unit gives the bytes one machine would.
"""
import argparse
import json
import shlex
import subprocess
import sys


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--manifest", required=True, help="the plan written by `parda plan`")
    ap.add_argument("--out", required=True, help="the output folder (shared storage)")
    ap.add_argument("--parda", default="parda", help="the parda binary on the executors")
    ap.add_argument("--threads", type=int, default=1, help="threads per unit (default 1: Spark runs units in parallel)")
    ap.add_argument("--no-merge", action="store_true", help="leave the merge to a later step")
    args, extra = ap.parse_known_args()
    extra = [a for a in extra if a != "--"]
    if any(a.startswith("--key") and a != "--key-file" and not a.startswith("--key-file=") for a in extra):
        sys.exit("parda_spark: keys come from --key-file (a mounted secret), never from the command line")

    with open(args.manifest, encoding="utf-8") as f:
        lines = [l for l in f.read().splitlines() if l.strip()]
    header, units = json.loads(lines[0]), [json.loads(l) for l in lines[1:]]
    if header.get("parda_plan") != 1:
        sys.exit(f"parda_spark: {args.manifest} is not a parda plan")

    from pyspark.sql import SparkSession  # imported late: --help works without Spark

    spark = SparkSession.builder.appName("parda mask-units").getOrCreate()
    sc = spark.sparkContext
    cmd = [args.parda, "mask-units", "--manifest", args.manifest, "--out", args.out,
           "--threads", str(args.threads), *extra]
    # One partition per unit: each task pipes its unit id into `parda mask-units`, which prints
    # one JSON line per unit; checkCode fails the task (and Spark retries it) on a non-zero exit.
    ids = [str(u["id"]) for u in units]
    out_lines = sc.parallelize(ids, len(ids)).pipe(shlex.join(cmd), checkCode=True).collect()
    results = [json.loads(l) for l in out_lines if l.strip()]
    failed = [r for r in results if not r.get("ok")]
    rows = sum(r.get("rows_in", 0) for r in results)
    print(f"parda_spark: {len(results)} unit(s) masked, {rows} row(s), {len(failed)} failed")
    spark.stop()
    if failed or len(results) != len(units):
        sys.exit(2)
    if not args.no_merge:
        subprocess.run([args.parda, "merge", args.manifest, "--out", args.out], check=True)


if __name__ == "__main__":
    main()
