#!/usr/bin/env python3
"""The three Jilin forms (C-jilin-*): 项目支出绩效评价表 templates of a Jilin provincial system (一级 权重 / 二级 分值 /
三级 分值 / 采集数据项 / 指标值). Writes <doc>.html (drawn table), <doc>.txt (a text shape per form) and, unless
MAKE_PDF=0, <doc>.pdf via chromium. Cells are given per HTML row: (text, rowspan, colspan)."""
import html, os, subprocess

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))  # corpus/forms

HEAD = [[('一级指标', 2, 1), ('权重', 2, 1), ('二级指标', 2, 1), ('分值', 2, 1), ('三级指标', 2, 1), ('计量单位', 2, 1),
         ('目标值(标准)', 2, 1), ('分值', 2, 1), ('采集数据项', 1, 2), ('指标值', 2, 1)], [('数据项1', 1, 1), ('数据项2', 1, 1)]]
HEAD_EFFECT = [[('一级指标', 2, 1), ('权重', 2, 1), ('二级指标', 2, 1), ('分值', 2, 1), ('三级指标', 2, 1), ('计量单位', 2, 1),
                ('目标值(标准)', 2, 1), ('分值', 2, 1), ('采集数据项', 1, 3)], [('数据项1', 1, 1), ('理由', 1, 2)]]
NOTES = ['填报单位（公章）：        单位负责人：', '填表说明：', '1、填报单位对所填数据的真实、准确和完整负责。',
         '2、表内行、列、公式等格式一律不得改动。', '3、量化指标的采集数据项只填数值，不带中英文字符。',
         '4、采集数据项按计量单位填写。', '5、项目效果选“是”的，应在理由栏举出真实恰当的实例；实例不全或不符合要求的，扣减相应分值。',
         '6、表格须加盖公章并签字，手续齐全。']


def c(t, r=1, s=1):
    return (t, r, s)


def budget_block(first, w, data):
    """预算绩效 rows; data: per leaf (数据项1, 数据项2, 指标值), '' = unfilled, '/' = not applicable."""
    leaves = [('预算执行进度(7月)', '%', '40%', '7'), ('预算执行进度（11月）', '%', '80.21%', '8'),
              ('预算调整次数（实际调整数）', '次', '0', '5'), ('项目预算资金是否被核减', '是/否', '否', '25'),
              ('结转结余资金率', '%', '-0%', '25'), ('是否开展预算编报考评', '是/否', '是', '5'),
              ('用款计划差错率', '%', '-0%', '7'), ('是否存在违规行为', '是/否', '否', '13'),
              ('是否开展会计决算报表考评', '是/否', '是', '5')]
    rows = []
    for i, (name, unit, target, pts) in enumerate(leaves):
        d1, d2, v = data[i]
        row = []
        if i == 0:
            row += [c(first, 9), c(w, 9), c('预算管理', 6), c('75', 6)]
        if i == 6:
            row += [c('财务管理', 3), c('25', 3)]
        row += [c(name), c(unit), c(target), c(pts), c(d1), c(d2), c(v)]
        rows.append(row)
    return rows


def effect_block(w, items, data=None):
    """项目效果: items = [(二级, 分值, [三级 ...])], each 三级 with four 5-point reason rows."""
    rows, n = [], sum(4 * len(t) for _, _, t in items) + 2
    first = True
    for name, pts, leaves in items:
        for j, leaf in enumerate(leaves):
            for k in range(4):
                row = []
                if first:
                    row += [c('项目效果', n), c(w, n)]
                    first = False
                if j == 0 and k == 0:
                    row += [c(name, 4 * len(leaves)), c(pts, 4 * len(leaves))]
                if k == 0:
                    row += [c(leaf, 4), c('是/否', 4), c('是', 4), c('5'), c('', 4), c('①②③④'[k], 1, 2)]
                else:
                    row += [c('5'), c('①②③④'[k], 1, 2)]
                rows.append(row)
    rows.append([c('服务对象满意度', 2), c('', 2), c(''), c(''), c(''), c(''), c(''), c('', 1, 2)])
    rows.append([c(''), c(''), c(''), c(''), c(''), c('', 1, 2)])
    return rows


def to_html(title, blocks):
    out = ['<!DOCTYPE html><html><head><meta charset="utf-8"><style>body{font-family:"Noto Sans CJK SC",sans-serif;'
           'font-size:10px} table{border-collapse:collapse;width:100%} td{border:1px solid #000;padding:2px;'
           'text-align:center} h3{text-align:center}</style></head><body>', f'<h3>{html.escape(title)}</h3>', '<table>']
    for rows in blocks:
        for row in rows:
            out.append('<tr>' + ''.join(f'<td rowspan="{r}" colspan="{s}">{html.escape(t)}</td>'.replace(' rowspan="1"', '')
                                        .replace(' colspan="1"', '') for t, r, s in row) + '</tr>')
    out.append('</table>')
    out += [f'<p>{html.escape(n)}</p>' for n in NOTES]
    out.append('</body></html>')
    return '\n'.join(out) + '\n'


def shape_pipe(title, blocks):
    lines = [title]
    for rows in blocks:
        for row in rows:
            lines.append('| ' + ' | '.join(t for t, _, _ in row) + ' |')
    return '\n'.join(lines + NOTES) + '\n'


def shape_rows(title, blocks):
    lines = [title]
    for rows in blocks:
        for row in rows:
            cells = [t for t, _, _ in row if t.strip()]
            if cells:
                lines.append(' '.join(cells))
    return '\n'.join(lines + NOTES) + '\n'


def shape_cells(title, blocks):
    lines = [title]
    for rows in blocks:
        for row in rows:
            lines += [t for t, _, _ in row]
    return '\n'.join(lines + NOTES) + '\n'


def write(doc, title, blocks, shape):
    with open(os.path.join(HERE, doc + '.txt'), 'w', encoding='utf-8') as f:
        f.write(shape(title, blocks))
    if shape is not shape_rows:  # the pipe and the cell-per-line forms also get a drawn-table PDF
        path = os.path.join(HERE, doc + '.html')
        with open(path, 'w', encoding='utf-8') as f:
            f.write(to_html(title, blocks))
        if os.environ.get('MAKE_PDF', '1') != '0':
            subprocess.run(['chromium', '--headless', '--no-sandbox', '--disable-gpu', '--no-pdf-header-footer',
                            f'--print-to-pdf={os.path.join(HERE, doc + ".pdf")}', path],
                           check=True, stderr=subprocess.DEVNULL, stdout=subprocess.DEVNULL)


EMPTY = [('', '', '')] * 9
for i in (2, 3, 5, 7, 8):
    EMPTY[i] = ('', '/', '')

# 1. 疫情疫病 (as published: data cells unfilled), pipe rows + PDF
yq_out = [[c('项目产出', 22), c('25', 22), c('产出数量', 3), c('24', 3)]]
yq_leaves = [('产出数量', None, [('进出境动植物检疫完成率', '100%', '8'),
                                  ('出入境人员/行李/货物/集装箱/交通工具/特殊物品/尸体骸骨/邮包卫生检疫完成率', '100%', '8'),
                                  ('食品化妆品检验检疫批次增长率', '-0%', '8')]),
             ('产出质量', '48', [('输入性医学媒介生物截获率', '100%', '5'), ('进境植物疫情检出率', '', '5'),
                                 ('建立并及时完善进出境重大动物疫情应急管理体系', '是', '2'),
                                 ('检疫、口岸防疫和检疫处理的仪器设备和设施适应本地区工作需要', '是', '2'),
                                 ('储备必要的进出境重大动物疫病诊断试剂、防护用品及防疫消毒药品', '是', '2'),
                                 ('组织口岸重大动物疫情应急处置演练或培训', '是', '2'), ('进口食品化妆品不合格检出率', '', '3'),
                                 ('出口食品化妆品实际通报率', '', '3'), ('出入境人员检疫查验发现传染病有症状者检疫筛查率', '5人/10万人', '6'),
                                 ('出入境人员发现有症状者排查率', '100%', '6'), ('旅客携带、邮寄禁止进境物截获增长率', '5%', '6'),
                                 ('旅客携带、邮寄有害生物截获增长率', '5%', '6')]),
             ('产出时效', '28', [('安全风险监控计划完成率', '100%', '6'), ('疫情疫病监测计划完成率', '100%', '6'),
                                 ('口岸卫生监督频次完成率', '100%', '6'), ('口岸医学媒介生物监测工作完成率', '100%', '5'),
                                 ('卫生检疫技术支撑项目完成率', '100%', '5')])]
out_rows = []
for name, pts, leaves in yq_leaves:
    for j, (leaf, target, p) in enumerate(leaves):
        row = []
        if not out_rows:
            row += [c('项目产出', 22), c('25', 22)]
        if j == 0:
            row += [c(name, len(leaves)), c(pts or '24', len(leaves))]
        unit = '是/否' if target == '是' else '%'
        d2 = '/' if target == '是' else ''
        row += [c(leaf), c(unit), c(target), c(p), c(''), c(d2), c('')]
        out_rows.append(row)
out_rows.append([c('产出成本', 2), c('', 2), c(''), c(''), c(''), c(''), c(''), c(''), c('')])
out_rows.append([c(''), c(''), c(''), c(''), c(''), c(''), c('')])
total = [[c('总分'), c('100'), c('得分'), c(''), c('', 1, 7)]]
yq_effect = effect_block('25', [('经济效益', '20', ['检验检疫是否对地方外经作出贡献']),
                                ('社会效益', '20', ['是否有效防止疫情疫病跨境传播、是否有效防止有毒有害物质随货物传入传出']),
                                ('环境效益', '20', ['是否有利于保护生态环境']),
                                ('可持续影响', '40', ['是否有利于保护农林生产安全', '是否有利于促进人民身体健康水平提高'])])
write('C-jilin-yiqingyibing-undated', '疫情疫病项目支出绩效评价表',
      [HEAD, budget_block('预算绩效', '50', EMPTY), HEAD, out_rows, HEAD_EFFECT, yq_effect, total], shape_pipe)

# 2. 长吉图发展战略专项经费 (data cells completed, see SOURCES.md), one row per line
CJT = [('312.6', '700', '44.66%'), ('548.3', '700', '80.21%'), ('1', '/', '1'), ('否', '/', '否'),
       ('21.4', '678.6', '3.15%'), ('是', '/', '是'), ('0', '12', '0%'), ('否', '/', '否'), ('是', '/', '是')]
cjt_out = [[c('项目产出', 4), c('0', 4), c('产出数量')] + [c('')] * 8] + \
          [[c(n)] + [c('')] * 8 for n in ('产出质量', '产出时效', '产出成本')]
cjt_eff = [[c('项目效果', 10), c('0', 10), c('经济效益', 2), c('', 2), c(''), c(''), c(''), c(''), c(''), c('', 1, 2)]]
for n in ('社会效益', '环境效益', '可持续影响', '服务对象满意度'):
    cjt_eff.append([c(''), c(''), c(''), c(''), c(''), c('', 1, 2)])
    cjt_eff.append([c(n, 2), c('', 2), c(''), c(''), c(''), c(''), c(''), c('', 1, 2)])
cjt_eff.append([c(''), c(''), c(''), c(''), c(''), c('', 1, 2)])
write('C-jilin-changjitu-undated', '长吉图发展战略专项经费绩效评价表',
      [HEAD, budget_block('预算绩效', '100', CJT), HEAD, cjt_out, HEAD_EFFECT, cjt_eff, total], shape_rows)

# 3. 口岸核心能力达标建设 (as published: unfilled), one cell per line
ka_out = [[c('项目产出', 4), c('25', 4), c('产出数量'), c('30'), c('全国所有国家开放口岸'), c('%'), c('100%'), c('30'), c(''), c(''), c('')],
          [c('产出质量'), c('40'), c('全国国家开放口岸核心能力建设考核验收率'), c('%'), c('100%'), c('40'), c(''), c(''), c('')],
          [c('产出时效'), c('30'), c('全国国家开放口岸核心能力考核达标率'), c('%'), c('100%'), c('30'), c(''), c(''), c('')],
          [c('产出成本'), c(''), c(''), c(''), c(''), c(''), c(''), c(''), c('')]]
ka_eff = effect_block('25', [('经济效益', '20', ['口岸核心能力建设工作是否对地方外经作出贡献']),
                             ('社会效益', '20', ['是否有效预防、抵御、控制和应对疾病的国际传播']),
                             ('环境效益', '20', ['是否有利于保护国境口岸生态环境']),
                             ('可持续影响', '40', ['是否有效避免对国际交通和贸易造成不必要的干扰，最大限度地减少导致疾病国际传播的事件对人们生活的影响',
                                                   '是否加强和维持国境口岸应对公共卫生风险和国际关注的突发公共卫生突发事件能力'])])
write('C-jilin-kouanhexin-undated', '提升口岸核心能力达标建设专项经费支出绩效评价表',
      [HEAD, budget_block('预算绩效', '50', EMPTY), HEAD, ka_out, HEAD_EFFECT, ka_eff, total], shape_cells)
