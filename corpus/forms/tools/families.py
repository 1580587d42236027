"""Family builders (forms.md A-D): rows in the order the source prints them, then the labels."""
from formlib import clean_name, stated_max, parse, iv, fmt, verdict

EMPTY = ('', None, '-', '/')
FUNDS_RULE = '预算执行 得分 = 分值 x min(执行率, 100%) (forms.md default; the form prints no other rule)'


def _num(s):
    return parse(s)[0] if s not in EMPTY and parse(s) else None


def _extras(doc, f, K):
    for e in f.get('extra', []):
        doc.finding(e['check'], e['severity'], e['anchor'], K[e['at']], e.get('stated'), e.get('recomputed'),
                    e['arithmetic'])
        if e.get('relation', True) and e['check'] not in ('score.reason_missing',):
            doc.rel.append({'check': e['check'], 'holds': False, 'anchor': e['anchor'], 'line': K[e['at']],
                            'arithmetic': e['arithmetic']})
    for e in f.get('extra_rel', []):
        doc.rel.append({'check': e['check'], 'holds': True, 'anchor': e['anchor'], 'line': K[e['at']],
                        'arithmetic': e['arithmetic']})


def _rows_text(doc, f, key, K):
    for i, t in enumerate(f.get(key, [])):
        if isinstance(t, list):
            K[f'{key}:{i}'] = doc.row(t, key)
        else:
            K[f'{key}:{i}'] = doc.text(t)


def _tree(doc, f, K, rows, cols, reason_col):
    """Indicator rows with carried-down 一级/二级 cells. Returns [(max, score, shared)] of the leaves."""
    leaves, groups, prev = [], {}, {}
    for i, r in enumerate(rows):
        same1 = prev.get('l1') == r.get('l1')
        same2 = same1 and prev.get('l2') == r.get('l2')
        cells = []
        for c in cols:
            v = r.get(c, '')
            if not f.get('repeat_merged') and ((c in ('l1', 'l1m') and same1) or (c in ('l2', 'l2m') and same2)):
                v = ''
            cells.append(v)
        rid = doc.row(cells, 'ind')
        K[f'ind:{i}'] = rid
        l1, l2, l3 = r.get('l1', ''), r.get('l2', ''), r.get('l3', '')
        for lev, name in (('l1', l1), ('l2', l2)):
            key = (l1,) if lev == 'l1' else (l1, l2)
            gm = r.get(lev + 'm') or stated_max(name)
            if name and gm and key not in groups:
                path = [clean_name(l1)] if lev == 'l1' else [clean_name(l1), clean_name(l2)]
                doc.indicator(path, gm, r.get(lev + '_score'), rid)
                groups[key] = {'max': gm, 'rid': rid, 'kids': [], 'anchor': clean_name(name), 'seen_shared': set()}
        mx, sc = r.get('max', ''), r.get('score', '')
        if (mx not in EMPTY) or (sc not in EMPTY) or r.get('unfilled'):
            path = [clean_name(x) for x in (l1, l2, l3) if x]
            doc.indicator(path, mx if mx not in EMPTY else None, sc if sc not in EMPTY else None, rid)
            doc.check_range(mx, sc, rid, clean_name(l3 or l2))
            for key in ((l1,), (l1, l2)):
                g = groups.get(key)
                if g is None or mx in EMPTY:
                    continue
                if r.get('shared'):
                    if r['shared'] in g['seen_shared']:
                        continue
                    g['seen_shared'].add(r['shared'])
                g['kids'].append(mx)
            leaves.append((mx, sc, r.get('shared')))
            rule = r.get('rule')
            if rule:
                _rule(doc, r, rule, rid)
            if reason_col and sc not in EMPTY and mx not in EMPTY and _num(sc) < _num(mx) and not r.get('reason') \
                    and not r.get('no_reason_check'):
                doc.finding('score.reason_missing', 'warning', clean_name(l3 or l2), rid, sc, mx,
                            f'得分 {sc} < 分值 {mx} and the 偏差原因 cell is empty')
        prev = r
    for key, g in groups.items():
        if g['kids']:
            doc.check_sum('score.children_max', g['anchor'], g['rid'], g['max'], g['kids'],
                          f"Σ 分值 under {g['anchor']}", exact_int=True)
    return leaves


def _rule(doc, r, rule, rid):
    mx, sc = r['max'], r['score']
    kind = rule[0]
    if kind == 'met':  # target met -> full marks
        sev = rule[1] if len(rule) > 1 else 'warning'
        v = 'holds' if _num(sc) == _num(mx) else sev
        doc.relation('score.from_rate', v, sc, rid,
                     f"rule 正向/达成: target met ({r.get('t', '')} vs {r.get('a', '')}) -> full marks {mx}; stated {sc}",
                     sc, mx, severity=None if v == 'holds' else sev)
    elif kind == 'pos':  # w x min(a/t, 1)
        t, a = rule[1], rule[2]
        w = _num(mx)
        lo = w * min(iv(a)[0] / iv(t)[1], 1)
        hi = w * min(iv(a)[1] / iv(t)[0], 1)
        v = verdict(sc, lo, hi)
        rec = fmt(w * min(parse(a)[0] / parse(t)[0], 1), 4)
        doc.relation('score.from_rate', v, sc, rid,
                     f"rule 正向 (forms.md default): {mx} x min({a} / {t}, 1) = {rec}; stated {sc}: "
                     f"{'consistent within rounding' if v == 'holds' else v}",
                     sc, rec, severity=rule[3] if len(rule) > 3 and v != 'holds' else None)
    elif kind == 'rate':  # a 预算执行率 row inside the tree (family C)
        doc.check_from_rate(sc, rid, mx, rule[1], None, None, FUNDS_RULE, severity=rule[2] if len(rule) > 2 else None)


def _total(doc, f, K, parts_scores, parts_max, total_row, tmax_i, tsc_i, anchor='总分'):
    rid = doc.row(total_row, 'ind') if total_row else None
    K['total'] = rid
    tmax = total_row[tmax_i] if tmax_i is not None else None
    tsc = total_row[tsc_i] if tsc_i is not None and tsc_i < len(total_row) else ''
    if tmax not in EMPTY and all(m not in EMPTY for m in parts_max):
        doc.check_sum('score.children_max', anchor, rid, tmax, parts_max, 'Σ 分值 of the form', exact_int=True)
    if tsc not in EMPTY:
        sc = [s for s in parts_scores if s not in EMPTY]
        doc.check_sum('score.total', tsc, rid, tsc, sc, f"{total_row[0]} = " + ('执行率得分 + Σ 得分' if f['fam'] in 'AB' else 'Σ 得分'),
                      exact_int=True)
    return tmax, tsc


def _shared_once(leaves):
    seen, mx, sc = set(), [], []
    for m, s, sh in leaves:
        if sh:
            if sh in seen:
                if s not in EMPTY:
                    sc.append(s)
                continue
            seen.add(sh)
        if m not in EMPTY:
            mx.append(m)
        if s not in EMPTY:
            sc.append(s)
    return mx, sc


def build_A(doc, f):
    doc.new_form()
    K = {}
    _rows_text(doc, f, 'head', K)
    _rows_text(doc, f, 'ident', K)
    c = f.get('funds_cols', {'ini': 1, 'A': 2, 'B': 3, 'max': 4, 'rate': 5, 'score': 6})
    K['funds_hdr'] = doc.row(f['funds_hdr'], 'funds')
    fr = []
    for i, r in enumerate(f['funds']):
        fr.append(doc.row(r, 'funds'))
        K[f'funds:{i}'] = fr[-1]
    tot = f['funds'][0]
    g = lambda r, k: r[c[k]] if c.get(k) is not None and c[k] < len(r) else ''
    for k in ('ini', 'A', 'B'):
        parts = [g(r, k) for r in f['funds'][1:]]
        if any(p not in EMPTY for p in parts) and g(tot, k) not in EMPTY:
            anc = f.get('funds_anchor') or g(tot, k)
            doc.check_sum('sum.breakdown', anc, fr[0], g(tot, k), parts, f"{f['funds_hdr'][c[k]]}: 其中 rows")
    if g(tot, 'A') not in EMPTY and g(tot, 'B') not in EMPTY:
        doc.check_rate(g(tot, 'rate'), fr[0], g(tot, 'B'), g(tot, 'A'), '执行率 = 全年执行数(B) / 全年预算数(A)')
    doc.check_from_rate(g(tot, 'score'), fr[0], g(tot, 'max'), g(tot, 'rate'), g(tot, 'B'), g(tot, 'A'),
                        f.get('funds_rule', FUNDS_RULE))
    doc.indicator(f.get('funds_path', ['项目资金', '年度资金总额']), g(tot, 'max') or None, g(tot, 'score') or None, fr[0])
    _rows_text(doc, f, 'goal', K)
    K['ind_hdr'] = doc.row(f['ind_hdr'], 'ind')
    leaves = _tree(doc, f, K, f['inds'], f['order'], reason_col=True)
    mx, sc = _shared_once(leaves)
    tr = f['total']
    _total(doc, f, K, [g(tot, 'score')] + sc, [g(tot, 'max')] + mx, tr, 1, 2)
    if f.get('grade'):
        K['grade'] = doc.row(f['grade'], 'ind')
        doc.check_grade(f['grade'][1], tr[2], K['grade'])
    _rows_text(doc, f, 'tail', K)
    _extras(doc, f, K)
    return {'max': _n(tr[1]), 'score': _n(tr[2]), 'grade': f['grade'][1] if f.get('grade') else None}


def _n(s):
    if s in EMPTY:
        return None
    v = parse(s)[0]
    return int(v) if v.denominator == 1 else float(v)


def build_B(doc, f):
    doc.new_form()
    K = {}
    _rows_text(doc, f, 'head', K)
    _rows_text(doc, f, 'ident', K)
    K['funds_hdr'] = doc.row(f['funds_hdr'], 'funds')
    rids = []
    for i, r in enumerate(f['funds']):
        rids.append(doc.row(r, 'funds'))
        K[f'funds:{i}'] = rids[-1]
    # columns: name, 年初预算, 调整后预算数, 预算执行数, 预算执行率, 权重, 得分, 原因
    tot = f['funds'][0]
    for k, name in ((1, '年初预算'), (2, '调整后预算数'), (3, '预算执行数')):
        parts = [r[k] if k < len(r) else '' for r in f['funds'][1:]]
        if any(p not in EMPTY for p in parts):
            doc.check_sum('sum.breakdown', f.get('funds_anchor') or tot[k], rids[0], tot[k], parts, f'{name}: 其中 rows')
    for r, rid in zip(f['funds'], rids):
        if len(r) > 4 and r[2] not in EMPTY and r[3] not in EMPTY:
            doc.check_rate(r[4], rid, r[3], r[2], f'{r[0]} 预算执行率 = 预算执行数 / 调整后预算数 (printed on the form)')
    doc.check_from_rate(tot[6], rids[0], tot[5], tot[4], tot[3], tot[2], FUNDS_RULE.replace('分值', '权重'))
    doc.indicator(['预算执行情况', '总额'], tot[5], tot[6] if tot[6] not in EMPTY else None, rids[0])
    rate = _num(tot[4])
    if rate is not None and rate < 90 and not (len(tot) > 7 and tot[7] and not tot[7].startswith('1.预算执行率')):
        if not f.get('reason_given'):
            doc.finding('score.reason_missing', 'warning', tot[4], rids[0], tot[4], '>= 90%',
                        f'预算执行率 {tot[4]} < 90% and the 原因 cell is empty (the form requires a reason below 90%)')
    K['ind_hdr'] = doc.row(f['ind_hdr'], 'ind')
    leaves = _tree(doc, f, K, f['inds'], f['order'], reason_col=True)
    # 绩效指标(90分): Σ 权重 of the rows
    mx, sc = _shared_once(leaves)
    if f.get('perf_max'):
        doc.indicator(['绩效指标'], f['perf_max'], None, K['ind_hdr'])
        doc.check_sum('score.children_max', '绩效指标', K['ind_hdr'], f['perf_max'], mx, 'Σ 权重 under 绩效指标',
                      exact_int=True)
    tr = f['total']
    _total(doc, f, K, [tot[6]] + sc, [tot[5]] + mx, tr, 1, 2, anchor='合计')
    _rows_text(doc, f, 'tail', K)
    _extras(doc, f, K)
    return {'max': _n(tr[1]), 'score': _n(tr[2]) if len(tr) > 2 else None, 'grade': None}


def build_C(doc, f):
    doc.new_form()
    K = {}
    _rows_text(doc, f, 'head', K)
    _rows_text(doc, f, 'ident', K)
    if f.get('funds'):
        c = f['funds_cols']
        for i, r in enumerate(f['funds']):
            K[f'funds:{i}'] = doc.row(r, 'funds')
        tot = f['funds'][f.get('funds_total_row', 1)]
        doc.check_rate(tot[c['rate']], K[f"funds:{f.get('funds_total_row', 1)}"], tot[c['B']], tot[c['A']],
                       '执行率 = 全年执行数(B) / 调整预算数(A)')
    _rows_text(doc, f, 'goal', K)
    K['ind_hdr'] = doc.row(f['ind_hdr'], 'ind')
    leaves = _tree(doc, f, K, f['inds'], f['order'], reason_col=f.get('reason_col', False))
    mx, sc = _shared_once(leaves)
    tr = f.get('total')
    res = {'max': None, 'score': None, 'grade': None}
    if tr:
        _total(doc, f, K, sc, mx, tr, f.get('total_max_i', 1), f.get('total_score_i', 2))
        res = {'max': _n(tr[f.get('total_max_i', 1)]), 'score': _n(tr[f.get('total_score_i', 2)]), 'grade': None}
    if f.get('stated_total'):  # 自评得分 printed in the identity block
        key, val = f['stated_total']
        doc.check_sum('score.total', val, K[key], val, sc, '自评得分 = Σ 得分', exact_int=True)
        res['score'] = _n(val)
        res['max'] = 100
    if f.get('grade'):
        K['grade'] = doc.row(f['grade'], 'ind')
        doc.check_grade(f['grade'][1], f['grade_total'], K['grade'])
        res['grade'] = f['grade'][1]
    _rows_text(doc, f, 'tail', K)
    _extras(doc, f, K)
    return res


def build_D(doc, f):
    doc.new_form()
    K = {}
    _rows_text(doc, f, 'head', K)
    _rows_text(doc, f, 'ident', K)
    K['funds_hdr'] = doc.row(f['funds_hdr'], 'funds')
    K['funds:0'] = doc.row(f['funds'], 'funds')
    r = f['funds']  # label, 年初, 全年(调整), 执行, 执行率, 权重, 执行率得分
    if r[2] not in EMPTY and r[3] not in EMPTY:
        doc.check_rate(r[4], K['funds:0'], r[3], r[2], '执行率 = 全年执行数 / 全年(调整)预算数')
    doc.check_from_rate(r[6], K['funds:0'], r[5], r[4], r[3], r[2], '执行率得分 = 执行率 x 执行率权重 (forms.md, family D)')
    doc.indicator(['部门预算执行情况'], r[5], r[6], K['funds:0'])
    _rows_text(doc, f, 'goal', K)
    K['ind_hdr'] = doc.row(f['ind_hdr'], 'ind')
    scores = []
    for i, ind in enumerate(f['inds']):
        # name, unit, nature, 年初, 调整, 完成, 系数, 权重, 得分, 核心
        rid = doc.row(ind['cells'], 'ind')
        K[f'ind:{i}'] = rid
        cells = ind['cells']
        name, coef, w, sc = cells[0], cells[6], cells[7], cells[8]
        doc.indicator([clean_name(name)], w, sc, rid)
        scores.append(sc)
        doc.check_range(w, sc, rid, clean_name(name))
        if coef not in EMPTY and w not in EMPTY and sc not in EMPTY:
            clo, chi = iv(coef)
            wv = _num(w)
            lo, hi = clo / 100 * wv, chi / 100 * wv
            v = verdict(sc, lo, hi)
            rec = fmt((lo + hi) / 2, 4)
            doc.relation('table.row', v, clean_name(name), rid,
                         f"指标得分 = 得分系数 x 指标权重: {coef} x {w} = {rec} {'=' if v == 'holds' else '!='} {sc}",
                         sc, rec)
    tot_key, tot_val = f['stated_total']
    doc.check_sum('score.total', tot_val, K[tot_key], tot_val, [r[6]] + scores, '自评总分 = 执行率得分 + Σ 指标得分',
                  exact_int=True)
    _rows_text(doc, f, 'tail', K)
    _extras(doc, f, K)
    return {'max': 100, 'score': _n(tot_val), 'grade': None}


BUILD = {'A': build_A, 'B': build_B, 'C': build_C, 'D': build_D}
