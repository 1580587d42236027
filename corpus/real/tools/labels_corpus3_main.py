#!/usr/bin/env python3
"""Writes every corpus3 label: python3 corpus/real/tools/labels_corpus3_main.py [name ...]"""
import sys, labels_corpus3 as L

for f in sys.argv[1:] or L.DOCS:
    getattr(L, f)()
