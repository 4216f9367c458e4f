#!/usr/bin/env python3
"""Builds the benchmark inputs of about SIZE_MB each, once: a CSV register, a mysqldump and a
pg_dump, made from gen_legacy.py output whose body is repeated (the header once). Prints one line
per file: `name path bytes rows`.

  bench_data.py DIR SIZE_MB
"""
import os, subprocess, sys

def gen(args, out):
    if not os.path.exists(out):
        subprocess.run([sys.executable, os.path.join(os.path.dirname(__file__), "gen_legacy.py"), *args, "--out", out],
                       check=True, stdout=subprocess.DEVNULL)
    return open(out, "rb").read()

def build(path, head, body, tail, base_rows, target):
    if not os.path.exists(path):
        reps = max(1, -(-(target - len(head) - len(tail)) // len(body)))
        tmp = path + ".tmp"
        with open(tmp, "wb") as f:
            f.write(head)
            for _ in range(reps):
                f.write(body)
            f.write(tail)
        os.replace(tmp, path)
        open(path + ".rows", "w").write(str(reps * base_rows))
    return os.path.getsize(path), int(open(path + ".rows").read())

def main():
    d, mb = sys.argv[1], float(sys.argv[2])
    os.makedirs(d, exist_ok=True)
    target = int(mb * 1_000_000)
    base_rows = max(100, min(200_000, int(target / 300)))
    csv = gen(["--rows", str(base_rows), "--seed", "3"], os.path.join(d, "base.csv"))
    nl = csv.index(b"\n") + 1
    size, rows = build(os.path.join(d, "register.csv"), csv[:nl], csv[nl:], b"", base_rows, target)
    print("csv", os.path.join(d, "register.csv"), size, rows)
    dump_rows = max(100, min(20_000, base_rows))
    my = gen(["--rows", str(dump_rows), "--seed", "4", "--format", "mysql"], os.path.join(d, "base_mysql.sql"))
    a = my.index(b"LOCK TABLES `owners` WRITE;\n") + len(b"LOCK TABLES `owners` WRITE;\n")
    b = my.index(b"UNLOCK TABLES;")
    size, rows = build(os.path.join(d, "dump_mysql.sql"), my[:a], my[a:b], my[b:], dump_rows, target)
    print("mysqldump", os.path.join(d, "dump_mysql.sql"), size, rows)
    pg = gen(["--rows", str(dump_rows), "--seed", "5", "--format", "postgres"], os.path.join(d, "base_pg.sql"))
    a = pg.index(b"FROM stdin;\n") + len(b"FROM stdin;\n")
    b = pg.index(b"\\.\n")
    size, rows = build(os.path.join(d, "dump_pg.sql"), pg[:a], pg[a:b], pg[b:], dump_rows, target)
    print("pg_dump", os.path.join(d, "dump_pg.sql"), size, rows)

main()
