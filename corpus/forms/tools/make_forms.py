#!/usr/bin/env python3
"""Regenerate corpus/forms/*.txt, *.html, *.pdf and labels/*.json (MAKE_PDF=0 skips chromium)."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from formlib import Doc, write  # noqa: E402
from families import BUILD  # noqa: E402
import forms_a, forms_b, forms_cd  # noqa: E402

OUT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def main():
    os.makedirs(os.path.join(OUT, 'labels'), exist_ok=True)
    only = sys.argv[1:]
    for name, shape, forms in forms_a.DOCS + forms_b.DOCS + forms_cd.DOCS:
        if only and name not in only:
            continue
        doc = Doc(name, shape)
        totals = [BUILD[f['fam']](doc, f) for f in forms]
        doc.total = totals[0] if len(totals) == 1 else None
        lab = write(doc, OUT)
        bad = [x for x in lab['findings']]
        print(f"{name:40s} {shape:12s} forms {len(forms)} ind {len(lab['indicators']):3d} rel {len(lab['relations']):3d} "
              f"find {len(bad):2d}: " + ', '.join(sorted({f['check'] + '/' + f['severity'][0] for f in bad})))


if __name__ == '__main__':
    main()
