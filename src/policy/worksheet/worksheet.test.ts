// The worksheet text for text, as a caseworker reads it: 低保 for a rural household of two with one
// elderly member (都匀市: 2640 元/年 → 220 元/月; income 200 元/月 → 人均 100; 补差 (220 − 100) × 2 = 240;
// 分类施保 20% of 220 = 44; 合计 284), an urban household with per-member top-ups and rounding, a household
// over the standard and over the deposit limit, and 特困 before and after Guizhou's 2017 floor.
import { describe, expect, it } from 'vitest';
import { explain, type Explained } from '../explain.ts';
import { householdFactsSchema, type HouseholdFactsInput } from '../facts.ts';
import { dibaoBenefit } from '../formulas/dibao-benefit.ts';
import { hardshipEligibility } from '../formulas/hardship-eligibility.ts';
import { hardshipSupport } from '../formulas/hardship-support.ts';
import { defaultParameterSet } from '../load-parameters.ts';
import { cleanReference, worksheetOf, type WorksheetMember } from './index.ts';

const params = defaultParameterSet();
type Row = [label: string, expression: string, amount: string | null, basis: string];

function dibao(input: HouseholdFactsInput, period: string): Explained<unknown> & { formula: string } {
  const facts = householdFactsSchema.parse(input);
  return { formula: 'dibao_benefit', ...explain({ params, period }, facts.areaCode, (t) => dibaoBenefit(t, facts)) };
}

function hardship(input: HouseholdFactsInput, personId: string, period: string): Explained<unknown> & { formula: string } {
  const facts = householdFactsSchema.parse(input);
  const out = explain({ params, period }, facts.areaCode, (t) => {
    const eligibility = hardshipEligibility(t, facts, personId);
    return { eligibility, support: eligibility.eligible ? hardshipSupport(t, facts, personId) : null };
  });
  // As a decision stores it (JSON), to read it back as the case page does.
  return JSON.parse(JSON.stringify({ formula: 'hardship_support', ...out })) as Explained<unknown> & { formula: string };
}

const RURAL_STANDARD = '黔南州民政局2015年工作总结：一档2640元/年';
const INCOME_BASIS = '最低生活保障审核审批办法（试行）（民发〔2012〕220号）第十六条（可支配收入）；救助金不计入；最低生活保障审核审批办法（试行）（民发〔2012〕220号）第十六条：可支配收入扣除个人所得税及个人缴纳的社会保障支出';
const INCOME_TEST = '社会救助暂行办法第九条：家庭人均收入低于当地最低生活保障标准';
const GAP = '社会救助暂行办法第十二条：按照家庭人均收入低于当地最低生活保障标准的差额发给';
const CONDITIONS = '社会救助暂行办法第十四条；特困人员认定办法第四条至第八条';
const selfCare = { eating: true, dressing: false, bedTransfer: true, toileting: false, indoorWalking: true, bathing: true };
const ward = { id: '7', birthDate: '1940-01-01', hukou: 'rural' as const, workCapacity: 'none' as const, hasLegalSupporter: false, selfCare };

const cases: { name: string; explanation: Explained<unknown> & { formula: string }; members: WorksheetMember[]; rows: Row[] }[] = [
  {
    name: '低保: rural household of two, one member elderly',
    explanation: dibao({
      areaCode: '522701001001',
      incomes: [{ kind: 'wages', amount: 20000, period: 'month' }],
      members: [{ id: '11', birthDate: '1950-03-01', hukou: 'rural' }, { id: '12', birthDate: '1980-03-01', hukou: 'rural', relation: 'child' }],
    }, '2015-10'),
    members: [{ id: '11', name: '张*' }, { id: '12', name: '李*' }],
    rows: [
      ['保障标准', '农村 2640.00 元/年 ÷ 12 = 220.00 元/人·月', null, RURAL_STANDARD],
      ['家庭月收入', '200.00 元', null, INCOME_BASIS],
      ['家庭人均月收入', '200.00 ÷ 2 人 = 100.00 元', null, '社会救助暂行办法第九条'],
      ['收入条件', '人均 100.00 元 < 标准 220.00 元，符合', null, INCOME_TEST],
      ['补差', '(220.00 − 100.00) × 2 人 = 240.00 元', '240.00', GAP],
      ['分类施保', '张* 老年人 220.00 × 20% = 44.00 元', '44.00', '黔南州民政局2015年工作总结：农村低保对象增发20%；老年人权益保障法第二条（六十周岁以上）'],
      ['合计', '240.00 + 44.00 = 284.00 元/月', null, ''],
    ],
  },
  {
    name: '低保: urban household of three, two top-ups, a share rounded to the yuan, assistance not counted',
    explanation: dibao({
      areaCode: '522701001001',
      incomes: [{ kind: 'wages', amount: 60000, period: 'month' }, { kind: 'social_assistance', amount: 20000, period: 'month' }],
      members: [
        { id: '1', birthDate: '1965-04-02', hukou: 'urban' },
        { id: '2', birthDate: '1967-08-09', hukou: 'urban', relation: 'spouse', workCapacity: 'none', disability: { kind: 'physical', grade: 2 } },
        { id: '3', birthDate: '2005-03-01', hukou: 'urban', relation: 'child', student: true },
      ],
    }, '2015-10'),
    members: [{ id: '1', name: '罗*德' }, { id: '2', name: '王*芬' }, { id: '3', name: '罗*明' }],
    rows: [
      ['保障标准', '城市 495.00 元/人·月', null, '黔南州民政局2015年工作总结：一档（都匀市、福泉市、都匀经济开发区）495元/月'],
      ['家庭月收入', '600.00 元（另有 200.00 元按规定不计入）', null, INCOME_BASIS],
      ['家庭人均月收入', '600.00 ÷ 3 人 = 200.00 元', null, '社会救助暂行办法第九条'],
      ['收入条件', '人均 200.00 元 < 标准 495.00 元，符合', null, INCOME_TEST],
      ['补差', '(495.00 − 200.00) × 3 人 = 885.00 元', '885.00', GAP],
      ['分类施保', '王*芬 重病重残 495.00 × 20% = 99.00 元', '99.00', '黔南州民政局2015年工作总结：城市低保对象增发10%—30%；分类施保中“重残”的残疾等级上限（1级最重）'],
      ['分类施保', '罗*明 在校学生 495.00 × 10% = 49.50 元', '49.50', '黔南州民政局2015年工作总结：城市低保对象增发10%—30%'],
      ['取整', '按 1 元四舍五入：罗*明 344.50 → 345.00 元', '0.50', '低保金取整单位（四舍五入）'],
      ['合计', '885.00 + 99.00 + 49.50 + 0.50 = 1034.00 元/月', null, ''],
    ],
  },
  {
    name: '低保: not eligible, income over the standard and deposits over the limit',
    explanation: dibao({
      areaCode: '522701001001',
      incomes: [{ kind: 'wages', amount: 60000, period: 'month' }],
      assets: { deposits: 10_000_000 },
      members: [{ id: '11', birthDate: '1950-03-01', hukou: 'rural' }, { id: '12', birthDate: '1980-03-01', hukou: 'rural', relation: 'child' }],
    }, '2015-10'),
    members: [{ id: '11', name: '张*' }, { id: '12', name: '李*' }],
    rows: [
      ['保障标准', '农村 2640.00 元/年 ÷ 12 = 220.00 元/人·月', null, RURAL_STANDARD],
      ['家庭月收入', '600.00 元', null, INCOME_BASIS],
      ['家庭人均月收入', '600.00 ÷ 2 人 = 300.00 元', null, '社会救助暂行办法第九条'],
      ['收入条件', '人均 300.00 元 ≥ 标准 220.00 元，不符合', null, INCOME_TEST],
      ['财产状况', '存款等金融资产超过上限（5280.00 元），不符合', null, '家庭存款等金融资产上限：不超过家庭月低保标准之和的N倍'],
      ['合计', '不符合低保条件，不予保障：0.00 元/月', null, ''],
    ],
  },
  {
    name: '特困: home-based, partial self-care, 2015 (no dibao floor, no care standard yet)',
    explanation: hardship({ areaCode: '522701001001', members: [ward] }, '7', '2015-10'),
    members: [{ id: '7', name: '王*' }],
    rows: [
      ['认定条件', '王* 无劳动能力、无生活来源、无法定赡养、抚养、扶养义务人或其无履行能力，符合', null, CONDITIONS],
      ['基本生活标准', '分散供养 2200.00 元/年 ÷ 12 = 183.33 元/月', '183.33', '黔南州民政局2015年工作总结：分散供养提高到2200元/人'],
      ['照料护理费', '部分丧失生活自理能力（六项中 2 项不能自理）：0.00 元/月', '0.00', '2017年贵州实施意见前无照料护理标准；特困人员认定办法（民政部，2021年7月1日施行）第二十一条'],
      ['合计', '183.33 元/月', null, ''],
    ],
  },
  {
    name: '特困: 2018, basic living at least 1.3 × the dibao standard, plus care',
    explanation: hardship({ areaCode: '522701001001', members: [ward] }, '7', '2018-10'),
    members: [{ id: '7', name: '王*' }],
    rows: [
      ['认定条件', '王* 无劳动能力、无生活来源、无法定赡养、抚养、扶养义务人或其无履行能力，符合', null, CONDITIONS],
      ['基本生活标准', '分散供养 2200.00 元/年 ÷ 12 = 183.33 元/月', null, '黔南州民政局2015年工作总结：分散供养提高到2200元/人'],
      ['不低于低保标准', '农村低保标准 220.00 × 1.3 = 286.00 元/月', null, '贵州省《关于进一步健全特困人员救助供养制度的实施意见》（2017年2月报道）：基本生活标准不低于当地低保标准的1.3倍；黔南州民政局2015年工作总结：一档2640元/年'],
      ['基本生活费', '取两者中较高者 = 286.00 元/月', '286.00', '贵州省《关于进一步健全特困人员救助供养制度的实施意见》（2017年2月报道）：基本生活标准不低于当地低保标准的1.3倍'],
      ['照料护理费', '部分丧失生活自理能力（六项中 2 项不能自理）：150.00 元/月', '150.00', '贵州省《关于进一步健全特困人员救助供养制度的实施意见》（2017年2月报道）：照料护理标准分三档；特困人员认定办法（民政部，2021年7月1日施行）第二十一条'],
      ['合计', '286.00 + 150.00 = 436.00 元/月', null, ''],
    ],
  },
  {
    name: '特困: not eligible (a supporter able to support)',
    explanation: hardship({ areaCode: '522701001001', members: [{ ...ward, hasLegalSupporter: true }] }, '7', '2018-10'),
    members: [{ id: '7', name: '王*' }],
    rows: [
      ['认定条件', '王* 不满足：无法定赡养、抚养、扶养义务人或其无履行能力，不符合', null, CONDITIONS],
      ['合计', '不符合特困人员认定条件，不予供养：0.00 元/月', null, ''],
    ],
  },
];

describe('worksheet', () => {
  it.each(cases)('$name', ({ explanation, members, rows }) => {
    const lines = worksheetOf(explanation, members, null);
    expect(lines.map((l): Row => [l.label, l.expression, l.amountFen === null ? null : (l.amountFen / 100).toFixed(2), l.basis])).toEqual(rows);
  });

  it('names a member the household no longer has by their place, never by id', () => {
    const lines = worksheetOf(cases[0]?.explanation, [], null);
    expect(lines.find((l) => l.label === '分类施保')?.expression).toBe('第1位成员 老年人 220.00 × 20% = 44.00 元');
  });

  it('shows an explanation without steps (a demo recipient, a re-rating) as the amount alone, without its note', () => {
    expect(worksheetOf({ demo: true, note: '演示数据：金额按当地标准估算，非逐项核算' }, [], 49500)).toEqual([{ label: '核定金额', expression: '495.00 元', amountFen: 49500, basis: '' }]);
  });

  it('reads a bulk re-rating\'s figures (no trace) as the same worksheet, names masked, parameters by description', () => {
    const dibaoTwin = {
      formula: 'dibao_benefit', rerateBatchNo: 'TB5227012026000001', value: {
        programme: 'dibao', standard: 70000, persons: 2, perCapitaIncome: 15000, eligible: true, total: 124000, members: [
          { name: '罗大成', hukou: 'urban', standard: 70000, gap: 55000, category: 'elderly', rate: 0.25, topup: 17500, share: 72500 },
          { name: '吴小梅', hukou: 'urban', standard: 70000, gap: 55000, category: null, rate: 0, topup: 0, share: 55000 },
        ],
      },
    };
    expect(worksheetOf(dibaoTwin, [], 124000).map((l) => [l.label, l.expression, l.amountFen])).toEqual([
      ['保障标准', '700.00 元/人·月', null],
      ['家庭人均月收入', '150.00 元（2 人）', null],
      ['补差', '(700.00 − 150.00) × 2 人 = 1100.00 元', 110000],
      ['分类施保', '罗*成 老年人 700.00 × 25% = 175.00 元', 17500],
      ['合计', '1100.00 + 175.00 = 1240.00 元/月', null],
    ]);
    const hardshipTwin = {
      formula: 'hardship_support', value: {
        programme: 'hardship', assessed: true, mode: 'home_based', hukou: 'rural', selfCare: 'full', unable: 5,
        fixed: 18333, dibaoMultiple: 28600, basicLiving: 28600, care: 30000, total: 58600,
      },
    };
    const lines = worksheetOf(hardshipTwin, [], 58600);
    expect(lines.map((l) => [l.label, l.expression, l.amountFen])).toEqual([
      ['基本生活标准', '分散供养 183.33 元/月', null],
      ['不低于低保标准', '286.00 元/月', null],
      ['基本生活费', '取两者中较高者 = 286.00 元/月', 28600],
      ['照料护理费', '完全丧失生活自理能力（六项中 5 项不能自理）：300.00 元/月', 30000],
      ['合计', '286.00 + 300.00 = 586.00 元/月', null],
    ]);
    expect(lines[0]?.basis).toBe('特困人员分散供养基本生活标准');
  });

  it('keeps the document and article of a reference, without file names and demo notes', () => {
    expect(cleanReference('黔南州民政局2015年工作总结（seed/000_8c45956aed6900ef.txt）：一档2640元/年；生效日期为近似值')).toBe('黔南州民政局2015年工作总结：一档2640元/年');
    expect(cleanReference('城市居民最低生活保障条例第八条；rules.md §1')).toBe('城市居民最低生活保障条例第八条');
    expect(cleanReference('最低生活保障审核确认办法第十三条：刚性支出可按规定适当扣减（扣减与否为 demo default）')).toBe('最低生活保障审核确认办法第十三条：刚性支出可按规定适当扣减');
    expect(cleanReference('demo default, not from a source')).toBe('');
  });
});
