#!/usr/bin/env python3
"""Validates parda reports against docs/report.schema.json: check_reports.py REPORT.json..."""
import json, sys
import jsonschema

schema = json.load(open(__file__.rsplit("/", 2)[0] + "/docs/report.schema.json"))
for path in sys.argv[1:]:
    jsonschema.validate(json.load(open(path, encoding="utf-8")), schema)
print("%d report(s) valid against docs/report.schema.json" % len(sys.argv[1:]))
