// The catalogue of the audit's phrases: each row an RE2 pattern over the English audit/ writes and
// its Chinese rewrite (\1… the figures and labels it captures), applied in order, the specific
// phrases before the words they contain. A phrase audit/ adds without a row here stays English in
// the Chinese outputs; tests/papers2_test.cc fails on any in the goldens.
#include "report/audit_words.h"

#include <re2/re2.h>

#include <memory>
#include <vector>

namespace jixiao {

namespace {

struct Phrase {
  const char* en;  // RE2 pattern
  const char* zh;  // rewrite
};

// A recomputed point (no range) that differs: exact figures, so no rounding to go beyond.
constexpr Phrase kExact = {
    R"re(= ([^ \[]+) → ((?:stated|must be [≤≥] stated) [^ ]+) ✗ \(differs beyond rounding\))re",
    R"re(= \1 → \2 ✗ (differs))re"};

constexpr Phrase kZh[] = {
    // Notes of a document (audit/audit.cc).
    {R"re(^not a performance self-evaluation \((.*)\)$)re", R"re(不是绩效自评报告（\1）)re"},
    {R"re(^parts that are not a performance self-evaluation were not checked \((.*)\)$)re",
     R"re(非绩效自评部分未核对（\1）)re"},
    {R"re(no self-evaluation content found)re", R"re(未找到自评内容)re"},
    {R"re(, pages (\d+)–(\d+))re", R"re(，第\1–\2页)re"},
    {R"re((^|（|; )other，)re", R"re(\1其他，)re"},
    // parse.unread.
    {R"re(looks like a score or figure statement, but no pattern read it)re",
     R"re(形似评分或数字表述，但没有规则能读取)re"},
    {R"re(a figure of more than 18 significant digits: not read \(it cannot be computed with exactly\))re",
     R"re(有效数字超过 18 位的数字：未读取（无法精确计算）)re"},
    {R"re(a cell under a figure column that is not one figure \(OCR\?\): not read)re",
     R"re(数字列下的单元格不是一个数字（OCR？）：未读取)re"},
    {R"re(a line of the form's table whose cells cannot be placed in its columns: not read \(sums over its block are checked only as upper bounds\))re",
     R"re(表内一行的单元格无法确定所在列：未读取（其所在部分的合计只按上限核对）)re"},
    {R"re(a row above the first 一级 label of its table \(a label centred on its merged cell\?\): its 一级 not known \(sums over the 一级 beside it are checked only as upper bounds\))re",
     R"re(表内首个一级指标名称之上的行（名称居中于合并单元格？）：所属一级指标不明（相邻一级指标的分值合计只按上限核对）)re"},
    {R"re(cells of a row read by counting that fit more than one of its columns \(blank cells not marked\): not read)re",
     R"re(按单元格计数读取的行中，可归入多个列的单元格（空单元格未标出）：未读取)re"},
    {R"re(table cells that cannot be placed under the header's columns one way only \(empty cells lost\?\): not read)re",
     R"re(表内单元格无法唯一地对应到表头各列（空单元格丢失？）：未读取)re"},
    {R"re(a department_form whose funds and indicator blocks could not be read)re",
     R"re(部门整体支出绩效自评表的资金和指标部分未能读取)re"},
    {R"re(a project_form whose funds and indicator blocks could not be read)re",
     R"re(项目支出绩效自评表的资金和指标部分未能读取)re"},
    {R"re(a (\w+) whose funds and indicator blocks could not be read)re",
     R"re(\1 的资金和指标部分未能读取)re"},
    {R"re(the 得分 column is not filled in \(an unfilled form\): no score checked)re",
     R"re(得分列未填写（未填完的表）：未核对得分)re"},
    {R"re((\d+) template row\(s\) left blank \((.*?)\): not indicators)re",
     R"re(\1 行模板行未填写（\2）：不是指标)re"},
    // Claims (audit/claims.cc).
    {R"re(total self-score (.+?) \(line (\d+)\) is full marks, but (.+?) is (.+?): under a proportional rule its score is max × (.+?) < max, so the total cannot be ([^ ;]+))re",
     R"re(总分 \1（第\2行）为满分，但\3为 \4：按比例计分，其得分为分值 × \5 < 分值，故总分不可能为 \6)re"},
    {R"re('([^']*)' claims a majority, but the rate stated with it is (.+?) \(≤ 50%\))re",
     R"re(“\1”意为大多数，但同处所述比率为 \2（≤ 50%）)re"},
    {R"re('([^']*)' but the same sentence counts (.+?) unfinished)re",
     R"re(“\1”，但同一句中有 \2 未完成)re"},
    {R"re(target '([^']*)' \(line (\d+)\) vs actual (.+?) = ([^ :]+): target not met)re",
     R"re(目标“\1”（第\2行），实际 \3 = \4：未达成目标)re"},
    {R"re(target '([^']*)' \(line (\d+)\) vs actual (.+?) = ([^ :]+): met)re",
     R"re(目标“\1”（第\2行），实际 \3 = \4：已达成)re"},
    {R"re(^target (.+?) vs actual (.+?): not met)re", R"re(目标 \1，实际 \2：未达成)re"},
    {R"re(^target (.+?) vs actual (.+?): met)re", R"re(目标 \1，实际 \2：已达成)re"},
    {R"re(; the report says 已完成)re", R"re(；报告称已完成)re"},
    {R"re('([^']*)': every other part \(largest )re", R"re(“\1”：其余各部分（最大为 )re"},
    {R"re( ✗ \(the comparison the report states is false\))re", R"re( ✗（报告所述比较不成立）)re"},
    {R"re( ✗ \(the stated comparison is false\))re", R"re( ✗（所述比较不成立）)re"},
    {R"re( ✓ \(the rule that earns the points holds\))re", R"re( ✓（得分条件成立）)re"},
    {R"re('([^']*)': )re", R"re(“\1”：)re"},
    // Figures (audit/figures*.cc, audit/accounts.cc).
    {R"re(the formula uses (.+?) for )re", R"re(算式以 \1 代替)re"},
    {R"re(formula as written)re", R"re(按所写算式)re"},
    {R"re(the sentence says there is no (.+?), so the rate is 0)re",
     R"re(句中称没有\1，故比率为 0)re"},
    {R"re(a share cannot exceed 100%; no figures are stated to recompute it)re",
     R"re(占比不能超过 100%；未列出可复算的数字)re"},
    {R"re(no pair of figures in the sentence gives ([^ ;]+); holds only if the denominator is )re",
     R"re(句中没有一对数字能得出 \1；仅当分母为)re"},
    {R"re( ✗ \(ambiguous\) ; )re", R"re( ✗（有歧义）；)re"},
    {R"re(; in the sentence: )re", R"re(；句中：)re"},
    {R"re( \(closest reading; no pair of stated figures gives ([^ )]+)\))re",
     R"re(（最接近的读法；没有一对所列数字能得出 \1）)re"},
    {R"re(; the figures may not be this rate's inputs)re",
     R"re(；这些数字可能不是该比率的计算依据)re"},
    {R"re(the same digits ([^ ]+) are written in 元 \(line (\d+)\) and in 万元 \(line (\d+)\): a factor of 10000 apart)re",
     R"re(同一数字 \1 以元（第\2行）和以万元（第\3行）表述：相差 10000 倍)re"},
    {R"re( restated as )re", R"re( 重述为 )re"},
    {R"re(即: )re", R"re(即：)re"},
    {R"re( restates )re", R"re( 重述 )re"},
    {R"re(, and the sentence says '([^']*)': nil, so 0)re",
     R"re(，而句中称“\1”：即为零，应为 0)re"},
    {R"re( cites the table's 合计 )re", R"re( 引用表格合计 )re"},
    {R"re(the table cited \(合计 line (\d+)\) has (\d+) rows above its total)re",
     R"re(所引表格（合计在第\1行）合计行以上有 \2 行)re"},
    {R"re( is the account of )re", R"re( 即 )re"},
    {R"re( \(sum of its kinds\))re", R"re(（各类之和）)re"},
    {R"re(previous year = )re", R"re(上年 = )re"},
    {R"re(the change in percentage points from (\S+?) to (\S+?) \(a rise\))re", R"re(由 \1 提高到 \2 的百分点变化)re"},
    {R"re(the change in percentage points from (\S+?) to (\S+?) \(a fall\))re", R"re(由 \1 下降到 \2 的百分点变化)re"},
    {R"re(; change (.+?) / previous)re", R"re(；增减 \1 / 上年)re"},
    {R"re(; 同比 growth is often at comparable prices, so a difference is a warning)re",
     R"re(；同比增长常按可比价计算，故不符仅为警告)re"},
    {R"re(; 同比 growth may be at comparable prices)re", R"re(；同比增长可能按可比价计算)re"},
    {R"re(: base )re", R"re(：基数 )re"},
    {R"re(: this year's actual (.+?) × \(1 \+ the target (.+?), line (\d+)\) against the plan )re",
     R"re(：本年实际 \1 × (1 + 目标 \2，第\3行) 对比计划 )re"},
    {R"re((^|; )breakdown: )re", R"re(\1其中明细：)re"},
    {R"re((^|; )breakdown by group: )re", R"re(\1分组明细：)re"},
    {R"re((^|; )counted parts: )re", R"re(\1分项计数：)re"},
    {R"re((^|; )share: )re", R"re(\1占比：)re"},
    // Shares that name their base, splits, totals built up (audit/figures_shares.cc, _grouped, _added).
    {R"re(, the nearest figure named ([^,;]+), the base the share names)re",
     R"re(，为前文最近的名为“\1”的数字，即占比所称的基数)re"},
    {R"re(, the base written in the share's words)re", R"re(，基数即占比文字中所写)re"},
    {R"re( is split into (\d+) parts \(line (\d+)\), their sum the base the shares name)re",
     R"re( 分为 \1 部分（第\2行），各部分之和即占比所称的基数)re"},
    {R"re((^|; )parts by their shares of ([^ ]+) \(which add up to ([^)]+)\): )re",
     R"re(\1各项占“\2”的比例合计 \3，各项之和应等于该数：)re"},
    {R"re((^|; )sum built up with 加上: )re", R"re(\1以“加上”累加：)re"},
    // A whole area split into its scopes (audit/figures_scopes.cc).
    {R"re((^|; )counted parts in brackets: (.+?) of ([^ ;]+))re", R"re(\1括号内所列计数部分：\2，属于\3)re"},
    {R"re((^|; )changes on last year, )re", R"re(\1比上年增减额，)re"},
    {R"re(split by level: )re", R"re(按级次划分：)re"},
    {R"re(own level and levels below \(a level not named would be missing\): )re",
     R"re(本级与下级（未列出的级次则缺失）：)re"},
    {R"re(split of the whole named before it: )re", R"re(前文所称总数的划分：)re"},
    {R"re(([^ ;]+) split into its counted parts: )re", R"re(\1按所列计数部分划分：)re"},
    {R"re( split ([^:：]+): )re", R"re( 按\1分：)re"},
    {R"re( \(partial breakdown\))re", R"re(（部分明细）)re"},
    {R"re( \(the list ends in … or 等: partial\))re", R"re(（列举以…或“等”结尾：不完整）)re"},
    {R"re((\d+) numbered items listed)re", R"re(列出 \1 个编号项)re"},
    {R"re((\d+) items named \(the last two joined by 和\))re",
     R"re(列出 \1 项（最后两项以“和”连接）)re"},
    {R"re((\d+) items named \((\d+) if 和 joins two\))re",
     R"re(列出 \1 项（若“和”连接两项则为 \2 项）)re"},
    {R"re((\d+) items named)re", R"re(列出 \1 项)re"},
    {R"re((\d+) items ①… listed below)re", R"re(下文列出 \1 项 ①…)re"},
    {R"re((\d+) items listed)re", R"re(列出 \1 项)re"},
    {R"re(item (\d+) of the lists: )re", R"re(两组列举的第 \1 项：)re"},
    {R"re(, as (.+?) says\))re", R"re(，如“\1”所述）)re"},
    {R"re((.+?) next to (.+?) \(line (\d+)\): read as 万元 it is of the same size, as 元 a ten-thousandth of it; probably 元 written for 万元)re",
     R"re(\1 与 \2（第\3行）并列：按万元读则数量级相同，按元读仅为其万分之一；很可能把万元误写为元)re"},
    {R"re( \(probable\))re", R"re(（很可能）)re"},
    // Forms (audit/forms_checks.cc; the rule sets' titles are in rules/forms_*.rules).
    {R"re((^|; )其中 rows of (.+?) → )re", R"re(\1\2的其中各行 → )re"},
    {R"re( \(some 其中 cells empty: their sum may not exceed the total\))re",
     R"re(（部分其中单元格为空：其和不得超过合计）)re"},
    {R"re( \(a 其中 row not read: their sum may not exceed the total\))re",
     R"re(（有其中行未读取：其和不得超过合计）)re"},
    {R"re( \(the other 其中 rows are empty in every column: the rows filled leave part of the total unaccounted for\))re",
     R"re(（其余其中行各列均为空：已填各行之和不足合计，差额来源不明）)re"},
    {R"re( \(the other 其中 rows are empty in every column: their sum may not exceed the total\))re",
     R"re(（其余其中行各列均为空：其和不得超过合计）)re"},
    {R"re( ✓ \(an empty row printed 0\.00%, the form's convention\))re",
     R"re( ✓（空行填 0.00%，为该表惯例）)re"},
    {R"re( ✗ \(0 / 0 is not a rate\))re", R"re( ✗（0 / 0 不是比率）)re"},
    {R"re(, the rate written without %)re", R"re(，比率未写 %)re"},
    {R"re(% and the reason cell is empty)re", R"re(%，且原因栏为空)re"},
    {R"re( and the 偏差原因 cell is empty)re", R"re(，且偏差原因栏为空)re"},
    {R"re(, capped at 100%)re", R"re(，以 100% 为上限)re"},
    {R"re(, as printed on the form)re", R"re(，按表内所印规则)re"},
    {R"re(, assumed: the form prints no rule)re", R"re(，表内未印规则，按此假定)re"},
    {R"re(rule set: )re", R"re(规则集：)re"},
    {R"re(national defaults)re", R"re(全国默认规则)re"},
    {R"re(older framework)re", R"re(旧版框架)re"},
    {R"re(\bSichuan\b)re", R"re(四川)re"},
    {R"re( ✗ \(得分 outside 分值\))re", R"re( ✗（得分超出分值）)re"},
    {R"re(: 得分 in (\[[^\]]*\]) of 分值 ([^ ]+))re", R"re(：得分应在 \1 之间（分值 \2）)re"},
    {R"re( → 实际 = 目标 word for word)re", R"re( → 实际与目标文字相同)re"},
    {R"re( → target met → full marks )re", R"re( → 目标已达成 → 满分 )re"},
    {R"re(, assumed: no 指标性质 printed\))re", R"re(，未印指标性质，按此假定）)re"},
    {R"re(: 得分系数 in (\[[^\]]*\]) of 100%)re", R"re(：得分系数应在 \1 之间)re"},
    {R"re(; unread 得分 cells \((.+?)\) taken as their 分值 \(the most they can be\))re",
     R"re(；未读出的得分（\1）按其分值（最大可能）计)re"},
    {R"re(; unread 得分 cells \((.+?)\) taken as 0 \(the least\))re", R"re(；未读出的得分（\1）按 0（最小可能）计)re"},
    {R"re(the conclusion says the funds were spent in full; the funds block states (.+?) ✗)re",
     R"re(结论称资金已全部执行；资金表填报 \1 ✗)re"},
    {R"re(the conclusion says every indicator got full marks; (.+?): 得分 (.+?) < 分值 (.+?) ✗)re",
     R"re(结论称各项指标均获满分；\1：得分 \2 < 分值 \3 ✗)re"},
    {R"re(^全年执行数 (.+?) of (.+?) \(([^()]+)\)$)re", R"re(全年执行数 \1 / \2（\3）)re"},
    {R"re(^得分 (.+?) of 分值 (.+?)$)re", R"re(得分 \1 / 分值 \2)re"},
    {R"re( ✗ \(a met target not at full marks\))re", R"re( ✗（目标已达成却未得满分）)re"},
    {R"re( → target not met → )re", R"re( → 目标未达成 → )re"},
    {R"re( ✗ \(full marks although the target is not met\))re", R"re( ✗（目标未达成却得满分）)re"},
    {R"re(分值 of the rows under (.+?) → its max )re", R"re(\1下各行分值 → 其分值 )re"},
    {R"re( \(stated in the name\))re", R"re(（见于名称）)re"},
    {R"re( \(stated in the cell\))re", R"re(（见于单元格）)re"},
    {R"re( \(stated in the footnote\))re", R"re(（见于脚注）)re"},
    {R"re( \(stated in the title\))re", R"re(（见于栏目标题）)re"},
    {R"re(分值 of 预算执行 \+ the maxima of (\d+) 一级 \(stated in their names\) → )re",
     R"re(预算执行分值 + \1 个一级指标的分值（见于名称） → )re"},
    {R"re( \(a line of the table unread: Σ of the rows' 分值 is only a bound\))re",
     R"re(（表中有一行未读出：各行分值之和只能作为界限）)re"},
    {R"re((分值|得分) of 预算执行 \+ (\d+) indicator rows → )re",
     R"re(预算执行 + \2 个指标行的\1 → )re"},
    {R"re((分值|得分) of (\d+) indicator rows → )re", R"re(\2 个指标行的\1 → )re"},
    {R"re(the conclusion says every target was met; (.+?): 实际 (.+?) does not meet )re",
     R"re(结论称各项目标均已完成；\1：实际 \2 未达到 )re"},
    {R"re(^a reason$)re", R"re(应填原因)re"},
    // Tables (audit/tables.cc).
    {R"re(column sum of (\d+) rows)re", R"re(\1 行的列合计)re"},
    {R"re(total self-score: text states (.+?) \(line (\d+)\); table states )re",
     R"re(总分：正文填报 \1（第\2行）；表格填报 )re"},
    // The score tree (audit/tree_checks.cc).
    {R"re((分值|self-scores) of the first level \((.+?)\) → total )re",
     R"re(一级指标（\2）的\1 → 总分 )re"},
    {R"re((^|; )分值 of (.+?) → )re", R"re(\1\2的分值 → )re"},
    {R"re((^|; )self-scores of (.+?) → )re", R"re(\1\2的自评得分 → )re"},
    {R"re(points of the (\d+) sub-items → )re", R"re(\1 个分项的得分 → )re"},
    {R"re(; the sub-items add up to the (\w+)'s figure, so the closing clause may be the last item's points)re",
     R"re(；各分项之和等于\1所填数字，句末的得分可能只是最后一项的分数)re"},
    {R"re(\b(heading|body|sentence|table|item) states )re", R"re(\1填报)re"},
    {R"re( ✗ \((\w+) score outside 分值\))re", R"re( ✗（\1得分超出分值）)re"},
    {R"re(\(usual bands: 优 ≥ 90, 良 ≥ 80, 中 ≥ 60, 差 below\))re",
     R"re(（通常等级：优 ≥ 90，良 ≥ 80，中 ≥ 60，其下为差）)re"},
    {R"re(\(bands stated in the report: (.+?)\) → )re", R"re(（报告所列等级：\1） → )re"},
    {R"re(^score )re", R"re(得分 )re"},
    {R"re( less the deductions stated)re", R"re( 减去所列扣分)re"},
    {R"re( \(lower is better\))re", R"re(（越低越好）)re"},
    {R"re( meets the stated threshold)re", R"re( 达到所列标准)re"},
    {R"re( → full marks )re", R"re( → 满分 )re"},
    {R"re(; the report states no scoring rule: proportional assumed)re",
     R"re(；报告未写明评分规则，按比例计分系假定)re"},
    {R"re(; full marks although the proportional rule gives less, and no threshold is stated)re",
     R"re(；按比例计分应低于满分，且未列标准，却得满分)re"},
    {R"re(0 ≤ score ≤ )re", R"re(0 ≤ 得分 ≤ )re"},
    // Every relation (audit/relation.cc) and the words the phrases above share.
    {R"re( → must be ≤ stated )re", R"re( → 应 ≤ 填报 )re"},
    {R"re( → must be ≥ stated )re", R"re( → 应 ≥ 填报 )re"},
    {R"re( → stated )re", R"re( → 填报 )re"},
    {R"re( = stated )re", R"re( = 填报 )re"},
    {R"re( ✗ \(differs beyond rounding\))re", R"re( ✗（超出四舍五入范围）)re"},
    {R"re( ✗ \(differs\))re", R"re( ✗（不符）)re"},
    {R"re( ✗ \(off by one in the last digit\))re", R"re( ✗（末位相差 1）)re"},
    {R"re( ✗ \(truncated, not rounded\))re", R"re( ✗（截位而非四舍五入）)re"},
    {R"re( ✗ \(the denominator is 0\))re", R"re( ✗（分母为 0）)re"},
    {R"re(undefined \(÷ 0\))re", R"re(无法计算（÷ 0）)re"},
    {R"re(undefined \(0 / 0\))re", R"re(无法计算（0 / 0）)re"},
    {R"re(→ total )re", R"re(→ 总分 )re"},
    {R"re(\(line (\d+)\))re", R"re(（第\1行）)re"},
    {R"re(, line (\d+))re", R"re(，第\1行)re"},
    {R"re(\bline (\d+))re", R"re(第\1行)re"},
    // Where a score was stated (audit/tree.cc's sources), before the Chinese the rows above left.
    {R"re(\bheading(填报|得分|所填))re", R"re(标题\1)re"},
    {R"re(\bbody(填报|得分|所填))re", R"re(正文\1)re"},
    {R"re(\bsentence(填报|得分|所填))re", R"re(句中\1)re"},
    {R"re(\btable(填报|得分|所填))re", R"re(表格\1)re"},
    {R"re(\bitem(填报|得分|所填))re", R"re(分项\1)re"},
    {R"re(\bself-scores\b)re", R"re(自评得分)re"},
    {R"re( vs )re", R"re( 对比 )re"},
    {R"re(; )re", R"re(；)re"},
    {R"re( （)re", R"re(（)re"},
    {R"re(） )re", R"re(）)re"},
};

struct Compiled {
  std::unique_ptr<re2::RE2> re;
  const char* rewrite;
};

std::vector<Compiled> Compile(const Phrase* rows, size_t n) {
  std::vector<Compiled> out;
  for (size_t i = 0; i < n; ++i) {
    auto re = std::make_unique<re2::RE2>(rows[i].en);
    if (re->ok()) out.push_back(Compiled{std::move(re), rows[i].zh});
  }
  return out;
}

void Apply(const std::vector<Compiled>& rows, std::string* s) {
  for (const Compiled& c : rows) re2::RE2::GlobalReplace(s, *c.re, c.rewrite);
}

}  // namespace

std::string AuditWords(Lang lang, const std::string& text) {
  static const std::vector<Compiled> exact = Compile(&kExact, 1);
  static const std::vector<Compiled> zh = Compile(kZh, std::size(kZh));
  std::string s = text;
  if (s.empty()) return s;
  Apply(exact, &s);
  if (lang == Lang::kZh) Apply(zh, &s);
  return s;
}

bool AuditWordsCompile() {
  for (const Phrase& p : kZh) {
    if (!re2::RE2(p.en).ok()) return false;
  }
  return true;
}

}  // namespace jixiao
