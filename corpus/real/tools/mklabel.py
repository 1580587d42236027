#!/usr/bin/env python3
"""Build labels/<doc>.json from a compact spec: every item names a substring `at` whose first line (after `after`)
gives the item's 1-based line in <doc>.txt. Used only to write the corpus-east labels; arithmetic is in each spec."""
import json, sys, os

def line_of(lines, at, after=0):
    for i, l in enumerate(lines, 1):
        if i > after and at in l:
            return i
    raise SystemExit(f"anchor text not found: {at!r}")

def build(doc, total, indicators, relations, findings, base):
    lines = open(os.path.join(base, doc + '.txt'), encoding='utf-8').read().split('\n')
    def fix(items):
        out = []
        for it in items:
            it = dict(it)
            at = it.pop('at', None) or it.get('anchor') or it['path'][-1]
            after = it.pop('after', 0)
            it['line'] = line_of(lines, at, after)
            out.append(it)
        return out
    lab = {"document": doc, "total": total, "indicators": fix(indicators),
           "relations": fix(relations), "findings": fix(findings)}
    with open(os.path.join(base, 'labels', doc + '.json'), 'w', encoding='utf-8') as f:
        json.dump(lab, f, ensure_ascii=False, indent=2)
        f.write('\n')
    print(doc, len(lab['indicators']), 'ind', len(lab['relations']), 'rel', len(lab['findings']), 'find')
