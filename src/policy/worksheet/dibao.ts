// The 低保 worksheet (formulas/dibao-benefit.ts read back from its value and steps): the standard with
// its document, the household's monthly income, the per-capita income, the income test, 补差 (one line
// when every member has the same gap, else one per member), 分类施保 per member with the category and
// rate, the rounding of the shares, 合计. Every amount is the engine's own: the addends sum to its total.
import { z } from 'zod';
import { type Describe, describeShipped, memberName, money, percent, StepReader, type StoredStep, totalLine, type WorksheetLine, type WorksheetMember } from './text.ts';

const share = z.object({ personId: z.string(), gap: z.number(), topupCategory: z.string().nullable(), topup: z.number(), share: z.number() });
export const dibaoValue = z.object({ eligible: z.boolean(), perCapitaIncome: z.number(), standard: z.number(), total: z.number(), members: z.array(share) });
export type DibaoValue = z.infer<typeof dibaoValue>;

export const CATEGORY_NAMES: Record<string, string> = {
  three_nos: '三无人员', elderly: '老年人', serious_illness_disability: '重病重残', student: '在校学生', family_planning: '计生家庭', single_parent: '单亲家庭',
};
const HUKOU_NAMES: Record<string, string> = { urban: '城市', rural: '农村' };
const PROPERTY_FAILURES: Record<string, string> = {
  deposits: '存款等金融资产超过上限', vehicle: '拥有机动车辆', business_registration: '办理了工商登记', houses: '房屋超过规定套数',
};
const PROPERTY_PARAMETERS: Record<string, string> = {
  deposits: 'dibao.property.deposit_months', vehicle: 'dibao.property.vehicle_allowed',
  business_registration: 'dibao.property.business_registration_allowed', houses: 'dibao.property.max_houses',
};

// The rules the formula itself encodes (not parameters): the law named in its opening comment.
const BASIS_INCOME_TEST = '社会救助暂行办法第九条：家庭人均收入低于当地最低生活保障标准';
export const BASIS_PER_CAPITA = '社会救助暂行办法第九条';
const BASIS_GAP = '社会救助暂行办法第十二条：按照家庭人均收入低于当地最低生活保障标准的差额发给';

/** Each member's monthly standard: a three-nos member's gap is the standard; else gap + per-capita income, else their hukou's. */
function memberStandard(r: StepReader, v: DibaoValue, m: DibaoValue['members'][number], full: boolean, hukou: string | undefined): number {
  if (full) return m.gap;
  if (m.gap > 0) return m.gap + v.perCapitaIncome;
  const own = hukou ? r.number(`dibao.standard_monthly.${hukou}`) : undefined;
  return own ?? v.standard;
}

/** The member's hukou as the worksheet knows it: given by the caller, else from the top-up rate read. */
function hukouOf(r: StepReader, id: string, category: string | null, given: string | undefined): string | undefined {
  if (given === 'urban' || given === 'rural') return given;
  const step = r.steps.find((s) => s.name === `topup.${id}.rate`);
  const rate = category ? step?.parameters.find((p) => p.name.endsWith(`.${category}`)) : undefined;
  return rate?.name.split('.')[3];
}

function standardLines(r: StepReader): WorksheetLine[] {
  const lines: WorksheetLine[] = [];
  const both = r.has('dibao.standard_monthly.urban') && r.has('dibao.standard_monthly.rural');
  for (const hukou of ['urban', 'rural'] as const) {
    const monthly = r.number(`dibao.standard_monthly.${hukou}`);
    if (monthly === undefined) continue;
    const yearly = hukou === 'rural' ? r.parameter('dibao.standard.rural') : undefined;
    const expression = hukou === 'rural' && typeof yearly?.value === 'number'
      ? `农村 ${money(yearly.value)} 元/年 ÷ 12 = ${money(monthly)} 元/人·月`
      : `${HUKOU_NAMES[hukou]} ${money(monthly)} 元/人·月`;
    lines.push({ label: both ? `保障标准（${HUKOU_NAMES[hukou]}）` : '保障标准', expression, amountFen: null, basis: r.basis(`dibao.standard.${hukou}`) });
  }
  const household = r.number('dibao.household_standard_monthly');
  if (both && household !== undefined) {
    lines.push({ label: '家庭适用标准', expression: `按成员户籍取平均 = ${money(household)} 元/人·月`, amountFen: null, basis: '' });
  }
  return lines;
}

function incomeLines(r: StepReader, v: DibaoValue, persons: number): WorksheetLine[] {
  const counted = r.number('dibao.income.counted_monthly') ?? 0;
  const excluded = r.number('dibao.income.excluded_monthly') ?? 0;
  const deducted = r.number('dibao.income.deducted_monthly') ?? 0;
  const net = Math.max(0, counted - deducted);
  let expression = deducted > 0 ? `计入收入 ${money(counted)} − 扣减支出 ${money(deducted)} = ${money(net)} 元` : `${money(net)} 元`;
  if (excluded > 0) expression += `（另有 ${money(excluded)} 元按规定不计入）`;
  return [
    { label: '家庭月收入', expression, amountFen: null, basis: r.basis('dibao.income.excluded_kinds', 'dibao.income.deduction_kinds') },
    { label: '家庭人均月收入', expression: `${money(net)} ÷ ${persons} 人 = ${money(v.perCapitaIncome)} 元`, amountFen: null, basis: BASIS_PER_CAPITA },
  ];
}

function propertyLine(r: StepReader): WorksheetLine | null {
  const failures = r.value('property.failures');
  if (!Array.isArray(failures) || failures.length === 0) return null;
  const codes = failures.map(String);
  const limit = r.number('property.deposit_limit');
  const texts = codes.map((c) => (c === 'deposits' && limit !== undefined ? `${PROPERTY_FAILURES[c]}（${money(limit)} 元）` : (PROPERTY_FAILURES[c] ?? '不符合财产条件')));
  const names = codes.map((c) => PROPERTY_PARAMETERS[c]).filter((n): n is string => n !== undefined);
  return { label: '财产状况', expression: `${texts.join('、')}，不符合`, amountFen: null, basis: r.basis(...names) };
}

/** A member's share as the worksheet writes it out (from the trace, or from the SQL twin's figures). */
export type ShareRow = {
  name: string; full: boolean; standard: number; gap: number; category: string | null; rate: number; topup: number; share: number; topupBasis: string;
};

/** 补差 (one line when every member has the same positive gap from the same standard, else one each), 分类施保, 取整. */
export function shareLines(rows: readonly ShareRow[], perCapitaIncome: number, basis: { full: string; rounding: string; unitFen: number | null }): WorksheetLine[] {
  const lines: WorksheetLine[] = [];
  const first = rows[0];
  const same = first !== undefined && rows.every((x) => !x.full && x.gap > 0 && x.gap === first.gap && x.standard === first.standard);
  if (same) {
    const gaps = rows.reduce((s, x) => s + x.gap, 0);
    lines.push({ label: '补差', expression: `(${money(first.standard)} − ${money(perCapitaIncome)}) × ${rows.length} 人 = ${money(gaps)} 元`, amountFen: gaps, basis: BASIS_GAP });
  } else {
    for (const x of rows) {
      const expression = x.full
        ? `${x.name} 三无人员按标准全额 ${money(x.gap)} 元`
        : x.gap > 0 ? `${x.name} ${money(x.standard)} − ${money(perCapitaIncome)} = ${money(x.gap)} 元` : `${x.name} ${money(x.standard)} − ${money(perCapitaIncome)} ≤ 0，按 0.00 元`;
      lines.push({ label: '补差', expression, amountFen: x.gap, basis: x.full ? basis.full : BASIS_GAP });
    }
  }
  for (const x of rows) {
    if (x.topup === 0 || x.category === null) continue;
    lines.push({
      label: '分类施保',
      expression: `${x.name} ${CATEGORY_NAMES[x.category] ?? '分类施保对象'} ${money(x.standard)} × ${percent(x.rate)} = ${money(x.topup)} 元`,
      amountFen: x.topup,
      basis: x.topupBasis,
    });
  }
  const rounded = rows.filter((x) => x.share !== x.gap + x.topup);
  if (rounded.length > 0) {
    const unitText = basis.unitFen !== null ? `按 ${+(basis.unitFen / 100).toFixed(2)} 元四舍五入：` : '四舍五入：';
    lines.push({
      label: '取整',
      expression: unitText + rounded.map((x) => `${x.name} ${money(x.gap + x.topup)} → ${money(x.share)} 元`).join('；'),
      amountFen: rounded.reduce((s, x) => s + x.share - x.gap - x.topup, 0),
      basis: basis.rounding,
    });
  }
  return lines;
}

/** 低保金的计算过程, line by line (input: the formula's value and steps; members' display names). */
export function dibaoWorksheet(explained: { value: DibaoValue; steps: readonly StoredStep[] }, members: readonly WorksheetMember[], describe: Describe = describeShipped): WorksheetLine[] {
  const v = explained.value;
  const r = new StepReader(explained.steps, describe);
  const counted = r.value('household.counted_members');
  const persons = Array.isArray(counted) ? counted.length : v.members.length;
  const lines = [...standardLines(r), ...incomeLines(r, v, persons)];
  const test = r.value('dibao.income_below_standard');
  const incomeBelow = typeof test === 'boolean' ? test : v.perCapitaIncome < v.standard;
  lines.push({
    label: '收入条件',
    expression: incomeBelow ? `人均 ${money(v.perCapitaIncome)} 元 < 标准 ${money(v.standard)} 元，符合` : `人均 ${money(v.perCapitaIncome)} 元 ≥ 标准 ${money(v.standard)} 元，不符合`,
    amountFen: null,
    basis: BASIS_INCOME_TEST,
  });
  const property = propertyLine(r);
  if (property) lines.push(property);
  if (!v.eligible) {
    lines.push({ label: '合计', expression: '不符合低保条件，不予保障：0.00 元/月', amountFen: null, basis: '' });
    return lines;
  }

  const fullRule = r.parameter('dibao.benefit.three_nos_full_standard')?.value === true;
  const rows = v.members.map((m, i): ShareRow => {
    const categories = r.value(`topup.${m.personId}.categories`);
    const full = fullRule && Array.isArray(categories) && categories.includes('three_nos');
    const hukou = hukouOf(r, m.personId, m.topupCategory, members.find((x) => x.id === m.personId)?.hukou);
    const category = m.topupCategory;
    const rateParameter = category ? r.steps.find((s) => s.name === `topup.${m.personId}.rate`)?.parameters.find((p) => p.name.endsWith(`.${category}`)) : undefined;
    const extra = category === 'elderly' ? ['dibao.topup.elderly_age'] : category === 'serious_illness_disability' ? ['dibao.topup.severe_disability_max_grade'] : [];
    return {
      name: memberName(members, m.personId, i), full, standard: memberStandard(r, v, m, full, hukou), gap: m.gap, category, rate: r.number(`topup.${m.personId}.rate`) ?? 0,
      topup: m.topup, share: m.share, topupBasis: r.basis(...(rateParameter ? [rateParameter.name] : []), ...extra),
    };
  });
  const unit = r.parameter('dibao.benefit.rounding_unit')?.value;
  lines.push(...shareLines(rows, v.perCapitaIncome, {
    full: r.basis('dibao.benefit.three_nos_full_standard'), rounding: r.basis('dibao.benefit.rounding_unit'), unitFen: typeof unit === 'number' ? unit : null,
  }));
  lines.push(totalLine(lines, v.total));
  return lines;
}
