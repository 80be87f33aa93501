#!/usr/bin/python3
# tests/read-csv.py
# Copyright 2026 The Craft Companion authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Reads a CSV export the way other programs will, with Python's csv module, and prints its
# rows (the header first) as a JSON array of arrays of strings, for test-export to compare.
# utf-8-sig drops the byte order mark; newline="" lets the csv module see line breaks inside
# quoted fields as they are.

import csv
import json
import sys

with open(sys.argv[1], encoding="utf-8-sig", newline="") as f:
    rows = list(csv.reader(f, strict=True))
json.dump(rows, sys.stdout, ensure_ascii=False)
