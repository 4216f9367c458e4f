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
    ap.add_argument("--show-leaks", action="store_true", help="print output cells where a value survived (test data only)")
    a = ap.parse_args()
    truth = json.load(open(a.truth, encoding="utf-8"))
    delim = "\t" if a.delimiter == "tab" else a.delimiter
    src = read(a.input, a.encoding, delim, truth["title_lines"])
    out = read(a.masked, a.encoding, delim, truth["title_lines"])
    header, rows_in, rows_out = src[0], src[1:], out[1:]
    col = {h: i for i, h in enumerate(header)}
    planted, leaked = Counter(), Counter()
    examples = {}
    text_words, word_examples = [0, 0], []
    damaged = Counter()
    for r, (ri, ro, t) in enumerate(zip(rows_in, rows_out, truth["rows"])):
        for c, values in t.items():
            for ty, v in values:
                key = ty + (" (free text)" if c == "Remarks" else "")
                if ty == "name":
                    key += " indic" if any(ord(ch) > 0x8FF for ch in v) else " latin"
                planted[key] += 1
                if v.strip() and v.strip() in ro[col[c]]:
                    leaked[key] += 1
                    examples.setdefault(key, [])
                    if len(examples[key]) < 3:
                        examples[key].append(ro[col[c]])
        if "Remarks" in col:
            pii_words = set()
            for ty, v in t.get("Remarks", []):
                pii_words |= set(v.replace(",", " ").split())
            out_words = set(ro[col["Remarks"]].replace(",", " ").split())
            for w in ri[col["Remarks"]].replace(",", " ").split():
                if w not in pii_words:
                    text_words[0] += 1
                    if w not in out_words:
                        text_words[1] += 1
                        if len(word_examples) < 10:
                            word_examples.append(w)
        for c in truth["non_pii_columns"]:
            if ri[col[c]] != ro[col[c]]:
                damaged[c] += 1
    ok = len(rows_in) == len(rows_out)
    print("rows in %d, rows out %d%s" % (len(rows_in), len(rows_out), "" if ok else "  ROWS LOST"))
    print("%-24s %8s %8s %8s" % ("type", "planted", "leaked", "recall"))
    for ty in sorted(planted):
        rec = 1 - leaked[ty] / planted[ty]
        print("%-24s %8d %8d %8.4f" % (ty, planted[ty], leaked[ty], rec))
        ok = ok and rec >= a.min_recall
    if a.show_leaks:
        for k, v in examples.items():
            print("  leaked %s, e.g. %r" % (k, v))
    cells = len(rows_in) * len(truth["non_pii_columns"])
    print("non-PII cells changed: %d of %d %s" % (sum(damaged.values()), cells, dict(damaged) if damaged else ""))
    print("non-PII words in free text changed: %d of %d (%.4f)%s" % (text_words[1], text_words[0], text_words[1] / max(1, text_words[0]),
          (" e.g. " + " ".join(word_examples)) if a.show_leaks and word_examples else ""))
    ok = ok and not damaged
    sys.exit(0 if ok else 1)

if __name__ == "__main__":
    main()
