#!/usr/bin/env python3
"""Labels of the corpus3 documents (new provinces). Each item names a text snippet `at` (default: its anchor) whose
first line after `after` gives the item's 1-based line; the arithmetic of each item is written out in full.
Run: python3 corpus/real/tools/labels_corpus3_main.py [name ...]   (writes corpus/real/labels/<doc>.json and corpus/forms/labels/<doc>.json)"""
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
        rel('sum.breakdown', '13,866', '13866 + 14717 = 28583 (税务 + 财政) = stated 28,583 ✓', at='13,866'),
        rel('rate.ratio', '48.51%', '13866 / 28583 = 48.511% -> 48.51% ✓', at='48.51%'),
        rel('rate.ratio', '51.49%', '14717 / 28583 = 51.489% -> 51.49% ✓', at='51.49%'),
        rel('sum.breakdown', '11,136', '11136 + 17447 = 28583 (税收 + 非税) = stated 28,583 ✓', at='11,136'),
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
        rel('sum.breakdown', '5类', '5类支出 listed in the parentheses: 教育、文化旅游体育与传媒、社会保障和就业、卫生健康、住房保障 = 5 items ✓', at='5类支出'),
        rel('sum.breakdown', '8类', '8类支出 listed: 科学技术、节能环保、城乡社区、农林水、交通运输、商业服务业、自然资源海洋气象、粮油物资储备 = 8 items ✓', at='8类支出'),
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


BUDGET_LEAVES = [('预算管理', '预算执行进度(7月)', 7), ('预算管理', '预算执行进度（11月）', 8), ('预算管理', '预算调整次数（实际调整数）', 5),
                 ('预算管理', '项目预算资金是否被核减', 25), ('预算管理', '结转结余资金率', 25), ('预算管理', '是否开展预算编报考评', 5),
                 ('财务管理', '用款计划差错率', 7), ('财务管理', '是否存在违规行为', 13), ('财务管理', '是否开展会计决算报表考评', 5)]


def ind(path, mx, at=None, after=0, score=None):
    d = dict(path=path, max=mx, score=score)
    if at:
        d['at'] = at
    if after:
        d['after'] = after
    return d


def budget_part(w, after=0):
    I = [ind(['预算绩效'], w, at='预算绩效', after=after), ind(['预算绩效', '预算管理'], 75, at='预算管理', after=after),
         ind(['预算绩效', '财务管理'], 25, at='财务管理', after=after)]
    I += [ind(['预算绩效', g, leaf], p, at=leaf, after=after) for g, leaf, p in BUDGET_LEAVES]
    R = [rel('score.children_max', '预算管理', '7 + 8 + 5 + 25 + 25 + 5 = 75 = stated 分值 75 ✓', at='预算管理', after=after),
         rel('score.children_max', '财务管理', '7 + 13 + 5 = 25 = stated 分值 25 ✓', at='财务管理', after=after)]
    return I, R


EFFECT = [('经济效益', 20), ('社会效益', 20), ('环境效益', 20), ('可持续影响', 40)]


def effect_part(after):
    I = [ind(['项目效果'], 25, at='项目效果', after=after)]
    I += [ind(['项目效果', n], p, at=n, after=after) for n, p in EFFECT]
    R = [rel('score.children_max', n, (' + '.join(['5'] * (p // 5))) + f' = {p} (four 5-point reason rows per 三级) = stated 分值 {p} ✓',
             at=n, after=after) for n, p in EFFECT]
    return I, R


@doc
def jilin_yiqing():
    d = 'C-jilin-yiqingyibing-undated'
    lines = open(os.path.join(ROOT, 'forms', d + '.txt'), encoding='utf-8').read().split('\n')
    out_at = line_of(lines, '项目产出')
    eff_at = line_of(lines, '项目效果')
    I, R = budget_part(50)
    leaves = {'产出数量': (24, [('进出境动植物检疫完成率', 8), ('邮包卫生检疫完成率', 8), ('食品化妆品检验检疫批次增长率', 8)]),
              '产出质量': (48, [('输入性医学媒介生物截获率', 5), ('进境植物疫情检出率', 5), ('建立并及时完善进出境重大动物疫情应急管理体系', 2),
                              ('检疫、口岸防疫和检疫处理的仪器设备和设施适应本地区工作需要', 2),
                              ('储备必要的进出境重大动物疫病诊断试剂、防护用品及防疫消毒药品', 2), ('组织口岸重大动物疫情应急处置演练或培训', 2),
                              ('进口食品化妆品不合格检出率', 3), ('出口食品化妆品实际通报率', 3),
                              ('出入境人员检疫查验发现传染病有症状者检疫筛查率', 6), ('出入境人员发现有症状者排查率', 6),
                              ('旅客携带、邮寄禁止进境物截获增长率', 6), ('旅客携带、邮寄有害生物截获增长率', 6)]),
              '产出时效': (28, [('安全风险监控计划完成率', 6), ('疫情疫病监测计划完成率', 6), ('口岸卫生监督频次完成率', 6),
                              ('口岸医学媒介生物监测工作完成率', 5), ('卫生检疫技术支撑项目完成率', 5)])}
    I.append(ind(['项目产出'], 25, at='项目产出'))
    for g, (p, ls) in leaves.items():
        I.append(ind(['项目产出', g], p, at=g, after=out_at - 1))
        name = lambda l: ('出入境人员/行李/货物/集装箱/交通工具/特殊物品/尸体骸骨/邮包卫生检疫完成率' if l == '邮包卫生检疫完成率' else l)
        I += [ind(['项目产出', g, name(l)], q, at=l, after=out_at - 1) for l, q in ls]
        R.append(rel('score.children_max', g, ' + '.join(str(q) for _, q in ls) + f' = {sum(q for _, q in ls)} = stated 分值 {p} ✓',
                     at=g, after=out_at - 1))
    I2, R2 = effect_part(eff_at - 1)
    R += R2
    R.append(rel('score.children_max', '总分', '50 (预算绩效) + 25 (项目产出) + 25 (项目效果) = 100 = stated 总分 100 ✓', at='总分'))
    build('forms', d, 'project_form', {"max": 100, "score": None, "grade": None}, I + I2, R, [])


@doc
def jilin_changjitu():
    d = 'C-jilin-changjitu-undated'
    I, R = budget_part(100)
    I += [ind(['项目产出'], 0, at='项目产出'), ind(['项目效果'], 0, at='项目效果')]
    R += [rel('score.children_max', '预算绩效', '75 (预算管理) + 25 (财务管理) = 100 = stated 权重 100 ✓', at='预算绩效'),
          rel('score.children_max', '总分', '100 (预算绩效) + 0 (项目产出) + 0 (项目效果) = 100 = stated 总分 100 ✓', at='总分'),
          rel('rate.ratio', '44.66%', '数据项1 / 数据项2 = 312.6 / 700 = 44.657% -> 44.66% ✓', at='44.66%'),
          rel('rate.ratio', '80.21%', '数据项1 / 数据项2 = 548.3 / 700 = 78.329% != stated 指标值 80.21% (planted)', holds=False,
              at='548.3'),
          rel('rate.ratio', '3.15%', '数据项1 / 数据项2 = 21.4 / 678.6 = 3.154% -> 3.15% ✓', at='3.15%'),
          rel('rate.ratio', '0%', '数据项1 / 数据项2 = 0 / 12 = 0% ✓', at='0 12 0%')]
    Fd = [dict(check='rate.ratio', severity='error', anchor='80.21%', at='548.3', stated='80.21%', recomputed='78.33%',
               arithmetic='预算执行进度（11月）: 548.3 / 700 = 78.329% != 80.21%')]
    build('forms', d, 'project_form', {"max": 100, "score": None, "grade": None}, I, R, Fd)


@doc
def jilin_kouan():
    d = 'C-jilin-kouanhexin-undated'
    lines = open(os.path.join(ROOT, 'forms', d + '.txt'), encoding='utf-8').read().split('\n')
    out_at = line_of(lines, '项目产出')
    eff_at = line_of(lines, '项目效果')
    I, R = budget_part(50)
    I.append(ind(['项目产出'], 25, at='项目产出'))
    for g, leaf, p in [('产出数量', '全国所有国家开放口岸', 30), ('产出质量', '全国国家开放口岸核心能力建设考核验收率', 40),
                       ('产出时效', '全国国家开放口岸核心能力考核达标率', 30)]:
        I += [ind(['项目产出', g], p, at=g, after=out_at - 1), ind(['项目产出', g, leaf], p, at=leaf, after=out_at - 1)]
    I2, R2 = effect_part(eff_at - 1)
    R += R2
    R.append(rel('score.children_max', '总分', '50 (预算绩效) + 25 (项目产出) + 25 (项目效果) = 100 = stated 总分 100 ✓', at='总分'))
    build('forms', d, 'project_form', {"max": 100, "score": None, "grade": None}, I + I2, R, [])


@doc
def wushen():
    R = [
        rel('rate.ratio', '55.6%', '19.8 / 35.6 = 55.618% -> 55.6% ✓ (完成年初目标任务)', at='55.6%'),
        rel('sum.breakdown', '19.8', '18.96 亿元 + 8428 万元 (= 0.8428 亿元) = 19.8028 亿元 -> 19.8 ✓ (税务 + 财政; units differ)',
            at='18.96亿元'),
        rel('sum.breakdown', '1.9', '1.6 + 0.3 = 1.9 (一般债券 + 专项债券) = stated 1.9 ✓', at='1.9亿元'),
        rel('sum.breakdown', '24.56', '24.56 + 4.92 = 29.48 (旗本级 + 苏木镇及开发区) = stated 29.48 ✓', at='24.56亿元'),
    ]
    build('real', 'neimenggu-banner-midyear-2022', 'budget_execution_report', None, [], R, [])


@doc
def alashan():
    R = [
        rel('change.yoy', '8.1%', 'previous = 310682 - 23188 = 287494; 23188 / 287494 = 8.066% -> 8.1% ✓', at='8.1%'),
        rel('change.yoy', '1.2%', 'previous = 1107315 + 13724 = 1121039; 13724 / 1121039 = 1.224% -> 1.2% ✓', at='1.2%'),
        rel('sum.breakdown', '33648', '33648 + 277034 = 310682 (盟本级 + 旗级) = stated 310682 ✓', at='33648万元'),
        rel('sum.breakdown', '15412', '15412 + 7776 = 23188 (盟本级 + 旗级 增收) = stated 23188 ✓', at='33648万元'),
        rel('change.yoy', '84.5%', 'previous = 33648 - 15412 = 18236; 15412 / 18236 = 84.514% -> 84.5% ✓', at='84.5%'),
        rel('change.yoy', '2.9%', 'previous = 277034 - 7776 = 269258; 7776 / 269258 = 2.888% -> 2.9% ✓', at='2.9%'),
        rel('sum.breakdown', '213251', '213251 + 97431 = 310682 (税收 + 非税) = stated 310682 ✓', at='213251万元'),
        rel('rate.ratio', '68.6%', '213251 / 310682 = 68.640% -> 68.6% ✓', at='68.6%'),
        rel('rate.ratio', '31.4%', '97431 / 310682 = 31.360% -> 31.4% ✓', at='31.4%'),
        rel('sum.breakdown', '287998', '287998 + 819317 = 1107315 (盟本级 + 旗级 支出) = stated 1107315 ✓', at='287998万元'),
        rel('sum.breakdown', '99832', '-99832 + 86108 = -13724 (盟本级减少 + 旗级增加) = stated 减少13724 ✓', at='287998万元'),
        rel('change.yoy', '25.7%', 'previous = 287998 + 99832 = 387830; 99832 / 387830 = 25.741% -> 25.7% ✓', at='25.7%'),
        rel('change.yoy', '11.7%', 'previous = 819317 - 86108 = 733209; 86108 / 733209 = 11.744% -> 11.7% ✓', at='11.7%'),
        rel('rate.ratio', '72.0%', '797546 / 1107315 = 72.025% -> 72.0% ✓', at='72.0%'),
    ]
    build('real', 'neimenggu-league-fiscal-2020', 'fiscal_news', None, [], R, [])


@doc
def quangang():
    # No relation the document lets an auditor recompute: 完成预算数 % without the budget, 增长 % without the previous
    # year, and a 其中 with a single part (243670 of 1011746 is not a breakdown). A false-alarm guard: nothing to find.
    build('real', 'fujian-district-finalaccounts-2023', 'final_accounts_report', None, [], [], [])
