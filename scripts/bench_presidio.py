#!/usr/bin/env python3
"""Runs Microsoft Presidio's analyzer over every cell of a generated CSV sample and prints, as
one JSON line, its rows per second and its recall on the planted PII, next to parda's recall on
the same sample (from parda's masked copy): a planted value counts as found by Presidio when a
detected entity covers it, and by parda when it no longer appears in the masked cell.

  bench_presidio.py SAMPLE.csv TRUTH.json PARDA_MASKED.csv SPACY_MODEL_DIR
"""
import csv, io, json, sys, time

def rows(path, skip):
    f = io.StringIO(open(path, encoding="utf-8", newline="").read())
    for _ in range(skip):
        f.readline()
    return list(csv.reader(f))

def main():
    sample, truth_path, masked, model = sys.argv[1:5]
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider
    nlp = NlpEngineProvider(nlp_configuration={"nlp_engine_name": "spacy",
                                               "models": [{"lang_code": "en", "model_name": model}]}).create_engine()
    engine = AnalyzerEngine(nlp_engine=nlp, supported_languages=["en"])
    truth = json.load(open(truth_path, encoding="utf-8"))
    src = rows(sample, truth["title_lines"])
    out = rows(masked, truth["title_lines"])
    header, data, masked_rows = src[0], src[1:], out[1:]
    col = {h: i for i, h in enumerate(header)}
    start = time.perf_counter()
    found = []
    for r in data:
        found.append([engine.analyze(text=cell, language="en") if cell.strip() else [] for cell in r])
    secs = time.perf_counter() - start
    planted = presidio_hits = parda_hits = 0
    for r, (t, cells, res, m) in enumerate(zip(truth["rows"], data, found, masked_rows)):
        for c, values in t.items():
            i = col[c]
            for _ty, v in values:
                planted += 1
                at = cells[i].find(v)
                if at >= 0 and any(x.start <= at and x.end >= at + len(v) for x in res[i]):
                    presidio_hits += 1
                if v not in m[i]:
                    parda_hits += 1
    print(json.dumps({"rows": len(data), "seconds": secs, "rows_per_s": len(data) / secs,
                      "planted": planted, "presidio_recall": presidio_hits / max(planted, 1),
                      "parda_recall": parda_hits / max(planted, 1)}))

main()
