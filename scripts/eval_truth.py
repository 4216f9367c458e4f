#!/usr/bin/env python3
"""Scores a masked CSV against the ground truth written by gen_legacy.py.

  eval_truth.py INPUT.csv MASKED.csv TRUTH.json [--encoding utf-8] [--delimiter ,] [--min-recall 1.0]

Prints, per PII type, how many planted values were masked (recall), how many non-PII cells
changed (collateral damage) and whether every row survived. Exits 1 when recall per type falls
under --min-recall, any non-PII cell changed, or rows were lost.
"""
import argparse, csv, io, json, sys
from collections import Counter

def read(path, enc, delim, skip):
    text = open(path, encoding=enc, newline="").read()
    lines = io.StringIO(text)
    for _ in range(skip):
        lines.readline()
    return list(csv.reader(lines, delimiter=delim))

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("input"); ap.add_argument("masked"); ap.add_argument("truth")
    ap.add_argument("--encoding", default="utf-8"); ap.add_argument("--delimiter", default=",")
    ap.add_argument("--min-recall", type=float, default=1.0)
    a = ap.parse_args()
    truth = json.load(open(a.truth, encoding="utf-8"))
    delim = "\t" if a.delimiter == "tab" else a.delimiter
    src = read(a.input, a.encoding, delim, truth["title_lines"])
    out = read(a.masked, a.encoding, delim, truth["title_lines"])
    header, rows_in, rows_out = src[0], src[1:], out[1:]
    col = {h: i for i, h in enumerate(header)}
    planted, leaked = Counter(), Counter()
    damaged = Counter()
    for r, (ri, ro, t) in enumerate(zip(rows_in, rows_out, truth["rows"])):
        for c, values in t.items():
            for ty, v in values:
                planted[ty] += 1
                if v.strip() and v.strip() in ro[col[c]]:
                    leaked[ty] += 1
        for c in truth["non_pii_columns"]:
            if ri[col[c]] != ro[col[c]]:
                damaged[c] += 1
    ok = len(rows_in) == len(rows_out)
    print("rows in %d, rows out %d%s" % (len(rows_in), len(rows_out), "" if ok else "  ROWS LOST"))
    print("%-10s %8s %8s %8s" % ("type", "planted", "leaked", "recall"))
    for ty in sorted(planted):
        rec = 1 - leaked[ty] / planted[ty]
        print("%-10s %8d %8d %8.4f" % (ty, planted[ty], leaked[ty], rec))
        ok = ok and rec >= a.min_recall
    cells = len(rows_in) * len(truth["non_pii_columns"])
    print("non-PII cells changed: %d of %d %s" % (sum(damaged.values()), cells, dict(damaged) if damaged else ""))
    ok = ok and not damaged
    sys.exit(0 if ok else 1)

if __name__ == "__main__":
    main()
