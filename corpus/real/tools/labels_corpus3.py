#!/usr/bin/env python3
"""Labels of the corpus3 documents (new provinces). Each item names a text snippet `at` (default: its anchor) whose
first line after `after` gives the item's 1-based line; the arithmetic of each item is written out in full.
Run: python3 corpus/real/tools/labels_corpus3.py   (writes corpus/real/labels/<doc>.json and corpus/forms/labels/<doc>.json)"""
import json, os, sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))  # corpus/


def line_of(lines, at, after=0):
    for i, l in enumerate(lines, 1):
        if i > after and at in l:
            return i
    raise SystemExit(f"anchor text not found: {at!r}")


def build(folder, doc, kind, total, indicators, relations, findings):
    base = os.path.join(ROOT, folder)
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
    lab = {"document": doc, "kind": kind, "total": total, "indicators": fix(indicators),
           "relations": fix(relations), "findings": fix(findings)}
    with open(os.path.join(base, 'labels', doc + '.json'), 'w', encoding='utf-8') as f:
        json.dump(lab, f, ensure_ascii=False, indent=2)
        f.write('\n')
    print(doc, len(lab['indicators']), 'ind', len(lab['relations']), 'rel', len(lab['findings']), 'find')


DOCS = []


def doc(f):
    DOCS.append(f.__name__)
    return f


def rel(check, anchor, arithmetic, holds=True, **kw):
    return dict(check=check, holds=holds, anchor=anchor, arithmetic=arithmetic, **kw)


@doc
def guizhou():
    R = [
        rel('sum.breakdown', '28,583', '13866 + 14717 = 28583 (税务 + 财政) = stated 28,583 ✓', at='28,583万元'),
        rel('rate.ratio', '48.51%', '13866 / 28583 = 48.511% -> 48.51% ✓', at='48.51%'),
        rel('rate.ratio', '51.49%', '14717 / 28583 = 51.489% -> 51.49% ✓', at='51.49%'),
        rel('sum.breakdown', '17,447', '11136 + 17447 = 28583 (税收 + 非税) = stated 28,583 ✓', at='17,447'),
        rel('rate.ratio', '38.96%', '11136 / 28583 = 38.960% -> 38.96% ✓', at='38.96%'),
        rel('rate.ratio', '61.04%', '17447 / 28583 = 61.040% -> 61.04% ✓', at='61.04%'),
        rel('change.yoy', '10.85%', 'previous = 28583 - 2798 = 25785; 2798 / 25785 = 10.851% -> 10.85% ✓', at='10.85%'),
        rel('change.yoy', '14.6%', 'previous = 30161 - 4376 = 25785; 4376 / 25785 = 16.971% != stated 14.6% '
            '(14.6% of 25785 would be 3765; an increase of 4376 at 14.6% would need a base of 29973 and a current 34349)',
            holds=False, at='14.6%'),
    ]
    Fd = [dict(check='change.yoy', severity='error', anchor='14.6%', at='14.6%', stated='14.6%', recomputed='16.97%',
               arithmetic='(同口径) 30161 - 4376 = 25785; 4376 / 25785 = 16.971% != 14.6%')]
    build('real', 'guizhou-county-budgetexec-2022', 'budget_execution_report', None, [], R, Fd)



@doc
def dalate():
    R = [
        rel('sum.breakdown', '290000', '257800 + 32200 = 290000 (旗本级 + 开发区) = stated 290000 ✓', at='调整为290000万元'),
        rel('sum.breakdown', '60000', '58800 + 1200 = 60000 (旗本级 + 开发区 increases) = stated 60000 ✓', at='调整为290000万元'),
        rel('change.yoy', '26.1%', 'previous (人代会) = 290000 - 60000 = 230000; 60000 / 230000 = 26.087% -> 26.1% ✓', at='26.1%'),
        rel('sum.breakdown', '45000', '35900 + 9100 = 45000 (旗本级 + 开发区) = stated 45000 ✓', at='调整为45000万元'),
        rel('sum.breakdown', '25000', '-29100 + 4100 = -25000 (旗本级减少 + 开发区增加) = stated 减少25000 ✓', at='减少25000'),
        rel('change.yoy', '35.7%', 'previous (人代会) = 45000 + 25000 = 70000; 25000 / 70000 = 35.714% -> 35.7% ✓', at='35.7%'),
        rel('sum.breakdown', '335000', '290000 + 45000 = 335000 = stated 335000 ✓', at='335000'),
        rel('sum.breakdown', '35000', '+60000 (一般公共) - 25000 (基金) = +35000 = stated 增加35000 ✓', at='335000'),
        rel('change.yoy', '11.7%', 'previous (人代会) = 335000 - 35000 = 300000; 35000 / 300000 = 11.667% -> 11.7% ✓', at='11.7%'),
        rel('change.yoy', '10.1%', 'previous (2021 实际) = 335000 + 37632 = 372632; 37632 / 372632 = 10.099% -> 10.1% ✓', at='10.1%'),
    ]
    build('real', 'neimenggu-banner-budgetadjust-2022', 'budget_adjustment_report', None, [], R, [])


@doc
def liaoning():
    R = [
        rel('sum.breakdown', '100个县区', '41 + 59 = 100 (县和县级市 + 区) = stated 100 ✓', at='含41个县'),
        rel('sum.breakdown', '503.7', '151 + 352.7 = 503.7 (41个县 + 59个区 收入) = stated 503.7 ✓', at='503.7亿元'),
        rel('sum.breakdown', '85.8', '21 + 64.8 = 85.8 (县 + 区 增收) = stated 85.8 ✓', at='503.7亿元'),
        rel('change.yoy', '20.6%', 'previous = 503.7 - 85.8 = 417.9; 85.8 / 417.9 = 20.531%; with the inputs\' intervals '
            '[85.75/418.0, 85.85/417.8] = [20.514%, 20.548%] vs stated [20.55%, 20.65%): off by one in the last digit',
            holds=False, at='503.7亿元'),
        rel('sum.breakdown', '634.5', '306.5 + 328 = 634.5 (县 + 区 支出) = stated 634.5 ✓', at='634.5亿元'),
        rel('sum.breakdown', '107.8', '32.6 + 75.2 = 107.8 (县 + 区 增支) = stated 107.8 ✓', at='634.5亿元'),
        rel('change.yoy', '20.5%', 'previous = 634.5 - 107.8 = 526.7; 107.8 / 526.7 = 20.467% -> 20.5% ✓', at='634.5亿元'),
        rel('change.yoy', '16.2%', 'previous = 151 - 21 = 130; 21 / 130 = 16.154% -> 16.2% ✓', at='16.2%'),
        rel('sum.breakdown', '151', '95.1 + 55.9 = 151.0 (税收 + 非税) = stated 151 ✓', at='95.1亿元'),
        rel('rate.ratio', '63%', '95.1 / 151 = 62.980% -> 63% ✓', at='95.1亿元'),
        rel('rate.ratio', '37%', '55.9 / 151 = 37.020% -> 37% ✓', at='55.9亿元'),
        rel('change.yoy', '11.9%', 'previous = 306.5 - 32.6 = 273.9; 32.6 / 273.9 = 11.902% -> 11.9% ✓', at='306.5亿元'),
        rel('rate.ratio', '77.8%', '238.4 / 306.5 = 77.781% -> 77.8% ✓', at='77.8%'),
        rel('change.yoy', '22.5%', 'previous = 352.7 - 64.8 = 287.9; 64.8 / 287.9 = 22.508% -> 22.5% ✓', at='352.7亿元'),
        rel('sum.breakdown', '352.7', '299.5 + 53.2 = 352.7 (税收 + 非税) = stated 352.7 ✓', at='299.5亿元'),
        rel('rate.ratio', '84.9%', '299.5 / 352.7 = 84.916% -> 84.9% ✓', at='84.9%'),
        rel('rate.ratio', '15.1%', '53.2 / 352.7 = 15.084% -> 15.1% ✓', at='15.1%'),
        rel('change.yoy', '29.8%', 'previous = 328 - 75.2 = 252.8; 75.2 / 252.8 = 29.747%; with intervals '
            '[75.15/253.35, 75.25/252.25] = [29.66%, 29.83%] overlaps stated [29.75%, 29.85%) ✓', at='29.8%'),
    ]
    Fd = [dict(check='change.yoy', severity='warning', anchor='20.6%', at='503.7亿元', stated='20.6%', recomputed='20.53%',
               arithmetic='85.8 / (503.7 - 85.8) = 85.8 / 417.9 = 20.531% (interval [20.514%, 20.548%]) vs stated 20.6%: last digit off by one')]
    build('real', 'liaoning-province-countyfiscal-2021', 'fiscal_news', None, [], R, Fd)
