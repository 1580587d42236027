"""Build derived 绩效自评表 test documents (txt / html / labels) from structured form data.

A form is a dict (see forms_*.py). build(doc) renders the rows in one text shape, tracks the line of every row,
and derives the labels: indicators, relations (recomputed with the interval rules of shared/docs/rounding.md) and
findings (relations that fail, plus the hand-written ones a form lists under 'extra').

Number conventions (also in SOURCES.md):
- money and rates are intervals (a figure with d decimals stands for +-0.5*10^-d);
- in sums of points (children_max, total), a figure written without decimals is exact (points are assigned, not
  rounded), one written with decimals is an interval;
- a score recomputed from a rate is compared as an interval whatever its decimals (it is a rounded result).
"""
import html as htmlmod
import json
import re
from fractions import Fraction as F

NUM = re.compile(r'^[≥≤=<>﹦]*\s*(-?\d+(?:\.\d+)?)\s*(%|分|万元|个|人|次)?$')


def parse(s):
    """'98.75%' -> (Fraction value, decimals, is_pct); None when not a plain number."""
    if s is None:
        return None
    t = str(s).strip().replace('IO', '10')
    m = NUM.match(t)
    if not m:
        return None
    v = m.group(1)
    d = len(v.split('.')[1]) if '.' in v else 0
    return F(v), d, m.group(2) == '%'


def iv(s, exact_int=False):
    p = parse(s)
    if p is None:
        raise ValueError(f'not a number: {s!r}')
    v, d, _ = p
    if exact_int and d == 0:
        return v, v
    h = F(1, 2) / (10 ** d)
    return v - h, v + h


def fmt(x, nd=4):
    x = float(x)
    s = f'{x:.{nd}f}'.rstrip('0').rstrip('.')
    return s if s not in ('-0', '') else '0'


def verdict(stated, lo, hi, exact_int=False):
    """holds / warning / error for a stated figure against a recomputed interval [lo, hi]."""
    p = parse(stated)
    v, d, _ = p
    if exact_int and d == 0 and lo == hi:
        return 'holds' if v == lo else 'error'
    slo, shi = iv(stated, exact_int)
    if lo < shi and hi >= slo:
        return 'holds'
    unit = F(1) / (10 ** d)
    # truncation: [v, v + unit) overlaps; or off by one unit in the last place
    if (lo < v + unit and hi >= v) or abs((lo + hi) / 2 - v) <= unit * F(11, 10):
        return 'warning'
    return 'error'


def clean_name(s):
    s = re.sub(r'[（(]\s*\d+(?:\.\d+)?\s*分?\s*[)）]', '', str(s))
    s = re.sub(r'^(指标\d+[:：]?|\d+[.、．]|[（(]\d+[)）])', '', s.strip())
    return ''.join(s.split()).rstrip('：:')


def stated_max(s):
    m = re.search(r'[（(]\s*(\d+(?:\.\d+)?)\s*分?\s*[)）]', str(s))
    return m.group(1) if m else None


class Doc:
    def __init__(self, name, shape):
        self.name, self.shape = name, shape
        self.rows = []        # (kind, cells, id, block)
        self.ind, self.rel, self.find = [], [], []
        self.total = None
        self.nforms = 0
        self._n = 0

    # ---- content
    def new_form(self):
        self.nforms += 1
        if self.nforms > 1:
            self.rows.append(('page', [f' {self.nforms}'], None, None))

    def text(self, s, block='text'):
        rid = self._id()
        self.rows.append(('text', [s], rid, block))
        return rid

    def row(self, cells, block):
        rid = self._id()
        self.rows.append(('row', list(cells), rid, block))
        return rid

    def _id(self):
        self._n += 1
        return self._n

    def indicator(self, path, mx, sc, rid):
        def val(x):
            p = parse(x) if x not in (None, '', '-', '/') else None
            return None if p is None else (int(p[0]) if p[0].denominator == 1 else float(p[0]))
        self.ind.append({'path': path, 'max': val(mx), 'score': val(sc), 'line': rid})

    def relation(self, check, verdict_, anchor, rid, arithmetic, stated=None, recomputed=None, severity=None):
        holds = verdict_ == 'holds'
        self.rel.append({'check': check, 'holds': holds, 'anchor': anchor, 'line': rid, 'arithmetic': arithmetic})
        if not holds:
            self.finding(check, severity or verdict_, anchor, rid, stated, recomputed, arithmetic)

    def finding(self, check, severity, anchor, rid, stated, recomputed, arithmetic):
        self.find.append({'check': check, 'severity': severity, 'anchor': anchor, 'line': rid,
                          'stated': None if stated is None else str(stated),
                          'recomputed': None if recomputed is None else str(recomputed), 'arithmetic': arithmetic})

    # ---- checks shared by the families
    def check_sum(self, check, anchor, rid, total_s, parts, what, exact_int=False):
        parts = [p for p in parts if p not in ('', None, '-', '/')]
        if not parts or total_s in ('', None, '-', '/'):
            return
        lo = sum(iv(p, exact_int)[0] for p in parts)
        hi = sum(iv(p, exact_int)[1] for p in parts)
        v = verdict(total_s, lo, hi, exact_int)
        rec = fmt((lo + hi) / 2, 4)
        ar = f"{what}: {' + '.join(parts)} = {rec} {'=' if v == 'holds' else '!='} {total_s}"
        self.relation(check, v, anchor, rid, ar, total_s, rec)

    def check_rate(self, anchor_rate, rid, num_s, den_s, what):
        if anchor_rate in ('', None, '-', '/'):
            return
        nlo, nhi = iv(num_s)
        dlo, dhi = iv(den_s)
        if parse(den_s)[0] == 0:
            if parse(num_s)[0] == 0 and anchor_rate.strip() in ('0.00%',):
                return  # the Sichuan convention for an empty row: not a rate, not labelled
            self.relation('rate.ratio', 'error', anchor_rate, rid,
                          f'{what}: {num_s} / {den_s}: denominator 0, the rate is undefined; stated {anchor_rate}',
                          anchor_rate, 'undefined')
            return
        lo, hi = nlo / dhi * 100, nhi / dlo * 100
        rate = parse(anchor_rate)
        st = anchor_rate if rate[2] else anchor_rate + '%'
        v = verdict(st, lo, hi)
        rec = fmt(F(parse(num_s)[0]) / parse(den_s)[0] * 100, 3)
        self.relation('rate.ratio', v, anchor_rate, rid,
                      f"{what}: {num_s} / {den_s} = {rec}% {'->' if v == 'holds' else '!='} {anchor_rate}",
                      anchor_rate, rec + '%')

    def check_from_rate(self, score_s, rid, w_s, rate_s, num_s, den_s, rule, cap=True, severity=None):
        """score = w x min(rate, 100%); rate as stated (interval) or B/A when not stated."""
        if score_s in ('', None, '-', '/') or w_s in ('', None, '-', '/'):
            return
        w = parse(w_s)[0]
        if rate_s not in ('', None, '-', '/'):
            lo, hi = iv(rate_s)
            if not parse(rate_s)[2]:
                lo, hi = lo, hi  # a bare number written in a % column is still a percentage
            lo, hi = lo / 100, hi / 100
            src = rate_s if parse(rate_s)[2] else rate_s + '%'
        else:
            if den_s in ('', None) or parse(den_s)[0] == 0:
                return
            lo, hi = iv(num_s)[0] / iv(den_s)[1], iv(num_s)[1] / iv(den_s)[0]
            src = f'{num_s}/{den_s}'
        if cap:
            lo, hi = min(lo, F(1)), min(hi, F(1))
        lo, hi = w * lo, w * hi
        v = verdict(score_s, lo, hi)
        if rate_s not in ('', None, '-', '/'):
            pt = parse(rate_s)[0] / 100
        else:
            pt = parse(num_s)[0] / parse(den_s)[0]
        rec = fmt(w * (min(pt, F(1)) if cap else pt), 4)
        self.relation('score.from_rate', v, score_s, rid,
                      f"rule {rule}: {w_s} x {'min(' if cap else ''}{src}{', 100%)' if cap else ''} = {rec}; "
                      f"stated {score_s}: {'consistent within rounding' if v == 'holds' else v}", score_s, rec,
                      severity=severity if v != 'holds' else None)

    def check_grade(self, grade, total_s, rid, bands='优 ≥ 90, 良 80–90, 中 60–80, 差 < 60 (default bands)'):
        t = parse(total_s)[0]
        want = '优' if t >= 90 else '良' if t >= 80 else '中' if t >= 60 else '差'
        v = 'holds' if grade == want else 'error'
        self.relation('score.grade', v, grade, rid, f'总分 {total_s} under {bands} -> {want}; stated {grade}', grade, want)

    def check_range(self, mx, sc, rid, anchor):
        if mx in ('', None, '-', '/') or sc in ('', None, '-', '/'):
            return
        if parse(sc)[0] > parse(mx)[0] or parse(sc)[0] < 0:
            self.finding('score.range', 'error', anchor, rid, sc, f'<= {mx}', f'得分 {sc} > 分值 {mx}')

    # ---- rendering
    def render_txt(self):
        lines, where = [], {}
        if self.shape == 'oneline':
            cur = []
            for kind, cells, rid, block in self.rows:
                if kind == 'page':
                    if cur:
                        lines.append(' '.join(cur))
                    lines.append(cells[0])
                    cur = []
                    continue
                where[rid] = len(lines) + 1
                cur += [c for c in cells if c]
            if cur:
                lines.append(' '.join(cur))
            return lines, where
        for kind, cells, rid, block in self.rows:
            if kind == 'page':
                lines.append(cells[0])
                continue
            where[rid] = len(lines) + 1
            if kind == 'text':
                lines.append(cells[0])
            elif self.shape in ('rows', 'pdf'):
                lines.append(' '.join(c for c in cells if c).strip())
            elif self.shape == 'pipe':
                lines.append('|' + '|'.join(f' {c} ' if c else ' ' for c in cells) + '|')
            elif self.shape == 'cells':
                lines += [f'{c} |' if c else '|' for c in cells]
            elif self.shape == 'cells_blank':
                for c in cells:
                    lines += [c, '']
            else:
                raise ValueError(self.shape)
        assert all(not l.startswith(' ') or l.strip().isdigit() for l in lines), 'a line starts with a space'
        return lines, where

    def render_html(self):
        out = ['<!DOCTYPE html><html><head><meta charset="utf-8"><style>',
               'body{font-family:"Noto Sans CJK SC","Noto Serif CJK SC",sans-serif;font-size:10pt}',
               'table{border-collapse:collapse;width:100%;margin:4px 0}td{border:1px solid #000;padding:2px 4px}',
               '.pb{page-break-before:always}</style></head><body>']
        blocks, cur, curb = [], [], None
        for kind, cells, rid, block in self.rows:
            if kind != 'row' or block != curb:
                if cur:
                    blocks.append(('table', cur))
                cur, curb = [], None
            if kind == 'page':
                blocks.append(('page', None))
            elif kind == 'text':
                blocks.append(('text', cells[0]))
            else:
                cur.append(cells)
                curb = block
        if cur:
            blocks.append(('table', cur))
        for kind, v in blocks:
            if kind == 'page':
                out.append('<div class="pb"></div>')
            elif kind == 'text':
                out.append(f'<p>{htmlmod.escape(v)}</p>')
            else:
                n = max(len(r) for r in v)
                out.append('<table>')
                for r in v:
                    tds = [f'<td>{htmlmod.escape(c)}</td>' for c in r[:-1]]
                    span = n - len(r) + 1
                    last = htmlmod.escape(r[-1]) if r else ''
                    tds.append(f'<td colspan="{span}">{last}</td>' if span > 1 else f'<td>{last}</td>')
                    out.append('<tr>' + ''.join(tds) + '</tr>')
                out.append('</table>')
        out.append('</body></html>')
        return '\n'.join(out)

    def labels(self, where):
        def fix(items):
            res = []
            for it in items:
                it = dict(it)
                it['line'] = where[it['line']]
                res.append(it)
            return res
        return {'document': self.name, 'total': self.total, 'indicators': fix(self.ind),
                'relations': fix(self.rel), 'findings': fix(self.find)}


def write(doc, outdir):
    import os
    import subprocess
    lines, where = doc.render_txt()
    with open(os.path.join(outdir, doc.name + '.txt'), 'w', encoding='utf-8') as f:
        f.write('\n'.join(lines) + '\n')
    lab = doc.labels(where)
    with open(os.path.join(outdir, 'labels', doc.name + '.json'), 'w', encoding='utf-8') as f:
        json.dump(lab, f, ensure_ascii=False, indent=1)
        f.write('\n')
    if doc.shape == 'pdf':
        hp = os.path.join(outdir, doc.name + '.html')
        with open(hp, 'w', encoding='utf-8') as f:
            f.write(doc.render_html())
        pdf = os.path.join(outdir, doc.name + '.pdf')
        if os.environ.get('MAKE_PDF', '1') == '1':
            subprocess.run(['chromium', '--headless', '--no-sandbox', '--disable-gpu', '--no-pdf-header-footer',
                            f'--print-to-pdf={pdf}', hp], capture_output=True, timeout=120)
    return lab
