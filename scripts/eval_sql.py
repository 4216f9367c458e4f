#!/usr/bin/env python3
"""Scores a masked dump against the ground truth of gen_legacy.py --format ...

  eval_sql.py MASKED.sql TRUTH.json

A planted PII value leaks when it still appears anywhere in the masked dump (raw, or escaped
the way mysqldump / pg_dump write it). Exits 1 on any leak. Collateral damage is checked by
scripts/test-db.sh, which loads both dumps into real databases and compares non-PII columns.
"""
import json, sys
from collections import Counter

def forms(v):
    yield v
    yield v.replace("\\\\", "\\\\\\\\").replace("'", "\\\\'").replace("\\n", "\\\\n")   # mysqldump
    yield v.replace("'", "''")                                                # standard strings
    yield v.replace("\\\\", "\\\\\\\\").replace("\\t", "\\\\t").replace("\\n", "\\\\n")   # COPY

def main():
    dump = open(sys.argv[1], encoding="utf-8", errors="replace").read()
    truth = json.load(open(sys.argv[2], encoding="utf-8"))
    planted, leaked = Counter(), Counter()
    for row in truth["rows"]:
        for col, values in row.items():
            for ty, v in values:
                v = v.strip()
                key = ty + (" (free text)" if col == "Remarks" else "")
                planted[key] += 1
                if len(v) >= 4 and any(f in dump for f in forms(v)):
                    leaked[key] += 1
    print("%-24s %8s %8s %8s" % ("type", "planted", "leaked", "recall"))
    for k in sorted(planted):
        print("%-24s %8d %8d %8.4f" % (k, planted[k], leaked[k], 1 - leaked[k] / planted[k]))
    sys.exit(1 if sum(leaked.values()) else 0)

if __name__ == "__main__":
    main()
