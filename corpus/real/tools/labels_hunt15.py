#!/usr/bin/env python3
"""Labels of the hunt15 documents (provinces not in corpus/real before: 山西, 河南, 天津, 黑龙江, 西藏).
Every arithmetic was redone by hand (python3 for the divisions); intervals per shared/docs/rounding.md.
Run from corpus/real: python3 tools/labels_hunt15.py"""
import json, os, sys
sys.path.insert(0, os.path.dirname(__file__))
from mklabel import build

BASE = os.path.join(os.path.dirname(__file__), '..')

def rel(check, anchor, arithmetic, holds=True, at=None, after=0):
    d = {"check": check, "holds": holds, "anchor": anchor, "arithmetic": arithmetic}
    if at: d["at"] = at
    if after: d["after"] = after
    return d

def find(check, severity, anchor, stated, recomputed, arithmetic, at=None):
    d = {"check": check, "severity": severity, "anchor": anchor, "stated": stated,
         "recomputed": recomputed, "arithmetic": arithmetic}
    if at: d["at"] = at
    return d

DOCS = {}

DOCS["shanxi-city-fiscalnews-2023"] = ("fiscal_news", None, [], [
    rel("claim.contradiction", "101.49%", "budget = 194.57 - 2.85 (超收) = 191.72; 194.57 / 191.72 = 101.487% -> 101.49% ✓ (the completion of the budget against the gap the sentence states: jixiao's id for this form, as in gansu-city-kindergarten-2017)"),
    rel("change.yoy", "4.02%", "previous = 194.57 - 7.51 = 187.06; 7.51 / 187.06 = 4.0148%, interval [7.505/187.07, 7.515/187.05] = [4.0119%, 4.0176%] overlaps [4.015%, 4.025%) ✓"),
    rel("change.yoy", "6.23%", "previous = 439.49 - 25.76 = 413.73; 25.76 / 413.73 = 6.2263% -> 6.23% ✓"),
    rel("change.yoy", "5.11%", "previous = 356.85 - 17.35 = 339.50; 17.35 / 339.50 = 5.1105% -> 5.11% ✓"),
    rel("rate.ratio", "81.2%", "356.85 / 439.49 = 81.196% -> 81.2% ✓ (占一般公共预算支出比重)"),
], [])

DOCS["shanxi-province-fiscalnews-2022"] = ("fiscal_news", None, [], [
    rel("sum.breakdown", "1261.6", "1036.5 + 225.1 = 1261.6 (其中 税收 + 非税) ✓"),
    rel("change.yoy", "41.3%", "previous = 1261.6 - 368.7 = 892.9; 368.7 / 892.9 = 41.292% -> 41.3% ✓"),
    rel("change.yoy", "55.4%", "previous = 1036.5 - 369.4 = 667.1; 369.4 / 667.1 = 55.374% -> 55.4% ✓"),
    rel("change.yoy", "0.3%", "previous = 225.1 + 0.7 = 225.8; 0.7 / 225.8 = 0.310% -> 0.3% ✓"),
    rel("change.yoy", "16.9%", "previous = 1649.8 - 238.2 = 1411.6; 238.2 / 1411.6 = 16.874% -> 16.9% ✓"),
    rel("change.yoy", "17.8%", "previous = 1322.5 - 199.7 = 1122.8; 199.7 / 1122.8 = 17.786% -> 17.8% ✓"),
    rel("rate.ratio", "81.2%", "泽川市 104.6 / 128.9 = 81.148% -> 81.1%; intervals [104.55/128.95, 104.65/128.85] = [81.078%, 81.218%] overlap [81.15%, 81.25%) ✓"),
    rel("change.yoy", "78.95%", "石阳市 previous = 33.2 - 14.65 = 18.55; 14.65 / 18.55 = 78.976%; intervals [14.645/18.605, 14.655/18.495] = [78.71%, 79.24%] contain 78.95% ✓"),
    rel("rate.ratio", "81.9%", "桑北市 55.1 / 67.28 = 81.897% -> 81.9% ✓"),
    rel("rate.ratio", "85.7%", "云岭市 109.67 / 128.01 = 85.673% -> 85.7% ✓"),
    rel("rate.ratio", "80.2%", "吕川市 115.5 / 144.02 = 80.197% -> 80.2% ✓"),
], [])

DOCS["shanxi-province-fiscalmonthly-2022"] = ("fiscal_news", None, [], [
    rel("change.yoy", "36.6%", "previous = 1509.3 - 404.5 = 1104.8; 404.5 / 1104.8 = 36.613% -> 36.6% ✓"),
    rel("change.yoy", "50.1%", "previous = 1237.5 - 412.8 = 824.7; 412.8 / 824.7 = 50.055% -> 50.1% ✓"),
    rel("change.yoy", "3%", "previous = 271.8 + 8.3 = 280.1; 8.3 / 280.1 = 2.963% -> 3% ✓"),
    rel("change.yoy", "8.9%", "previous = 2149.9 - 174.9 = 1975.0; 174.9 / 1975.0 = 8.856% -> 8.9% ✓"),
    rel("rate.ratio", "79.2%", "1702.7 / 2149.9 = 79.199% -> 79.2% ✓"),
    rel("change.yoy", "7.6%", "previous = 1702.7 - 120.4 = 1582.3; 120.4 / 1582.3 = 7.609% -> 7.6% ✓"),
], [])

DOCS["henan-city-water-selfeval-2022"] = ("department_report", None, [], [
    rel("sum.breakdown", "803.74", "757.49 + 46.25 = 803.74 (基本支出 + 项目支出) ✓"),
], [])

DOCS["henan-city-fiscalmonthly-2024"] = ("fiscal_news", None, [], [
    rel("sum.breakdown", "458795", "分级次看: 市本级 122378 + 县区级 336417 = 458795 ✓", at="分级次看，市本级完成122378"),
    rel("sum.breakdown", "336417", "其中 区级 114437 + 县级 221980 = 336417 ✓", at="分级次看，市本级完成122378"),
    rel("sum.breakdown", "1268606", "分级次看: 市本级 340687 + 县区级 927919 = 1268606 ✓", at="市本级支出完成340687"),
    rel("sum.breakdown", "927919", "其中 区级 177596 + 县级 750323 = 927919 ✓", at="市本级支出完成340687"),
], [])

DOCS["henan-district-bulletin-trad-2023"] = ("statistics_bulletin", None, [], [
    rel("sum.breakdown", "613.52", "31.16 + 241.26 + 341.09 = 613.51; intervals [613.495, 613.525] overlap [613.515, 613.525) ✓"),
    rel("sum.breakdown", "241.26", "表1: 工业 176.90 + 建筑业 64.58 = 241.48 != 第二产业 241.26 (rows indented under 第二产业 in the filing; the pipe text keeps no indentation)", holds=False, at="| 第二產業 | 241.26"),
], [
    find("sum.breakdown", "warning", "241.26", "241.26", "241.48",
         "工业 176.90 + 建筑业 64.58 = 241.48 != 第二产业 241.26 (a statistics bulletin: its table rows are not known to be a partition, so a warning)", at="| 第二產業 | 241.26"),
])

DOCS["tianjin-district-budgetexec-2023"] = ("budget_execution_report", None, [], [
    rel("rate.ratio", "104.3%", "39.1 / 37.5 = 104.27% -> 104.3% ✓ (完成…收入调整预算37.5亿元的104.3%)"),
    rel("sum.breakdown", "104.05", "39.1 + 27.23 + 5.45 + 17.75 + 1.72 + 12.79 = 104.04; intervals [103.965, 104.115] overlap [104.045, 104.055) ✓ (加上 … 总收入)"),
    rel("rate.ratio", "99.7%", "76.14 / 76.35 = 99.725% -> 99.7% ✓"),
], [])

DOCS["tianjin-district-finalaccounts-2024"] = ("final_accounts_report", None, [], [
    rel("sum.breakdown", "38.7", "其中 税收 30.3 + 非税 8.4 = 38.7 ✓", at="一般公共预算收入38.7亿元，同比"),
    rel("rate.ratio", "78.2%", "30.3 / 38.7 = 78.295%; intervals [30.25/38.75, 30.35/38.65] = [78.06%, 78.53%] overlap [78.15%, 78.25%) ✓"),
    rel("rate.ratio", "21.8%", "8.4 / 38.7 = 21.705%; intervals [8.35/38.75, 8.45/38.65] = [21.55%, 21.86%] overlap [21.75%, 21.85%) ✓"),
    rel("sum.breakdown", "64.3", "38.7 + 7.1 + 0.82 + 1.8 + 16.1 - 0.2 = 64.32 -> 64.3 ✓ (加上 … 减去 … 总收入)"),
    rel("sum.breakdown", "0.24", "收支相抵: 64.3 - 64.1 = 0.2; intervals [0.10, 0.30] contain 0.24 ✓"),
], [])

DOCS["heilongjiang-district-bulletin-2023"] = ("statistics_bulletin", None, [], [
    rel("sum.breakdown", "600.1", "8.2 + 218.1 + 373.8 = 600.1 ✓"),
    rel("rate.ratio", "63.4%", "城镇人口 23.2 / 户籍人口 36.6 = 63.388% -> 63.4% ✓"),
    rel("sum.breakdown", "14.6", "6.5 + 6.8 + 0.03 + 1.3 = 14.63; intervals [14.475, 14.665] overlap [14.55, 14.65) ✓ (林业 not listed: ≤ holds too)"),
], [])

DOCS["xizang-city-religion-evaluation-2022"] = ("department_evaluation_report", None, [], [], [])

for doc, (kind, total, ind, rels, finds) in DOCS.items():
    build(doc, total, ind, rels, finds, BASE)
    p = os.path.join(BASE, 'labels', doc + '.json')
    lab = json.load(open(p, encoding='utf-8'))
    lab = {"document": lab["document"], "kind": kind, **{k: v for k, v in lab.items() if k != "document"}}
    with open(p, 'w', encoding='utf-8') as f:
        json.dump(lab, f, ensure_ascii=False, indent=2)
        f.write('\n')
