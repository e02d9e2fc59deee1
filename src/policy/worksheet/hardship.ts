// The 特困供养 worksheet (formulas/hardship-eligibility.ts and hardship-support.ts read back): the
// conditions met, the basic-living standard of the form of support (÷ 12), from Guizhou's 2017 rule the
// floor of N × the dibao standard and the higher of both, the care standard of the self-care level,
// the rounding, 合计. The addends sum to the engine's monthly amount.
import { z } from 'zod';
import { type Describe, describeShipped, memberName, money, StepReader, type StoredStep, totalLine, type WorksheetLine, type WorksheetMember } from './text.ts';

const support = z.object({ mode: z.enum(['institutional', 'home_based']), selfCare: z.enum(['self_care', 'partial', 'full']), basicLiving: z.number(), care: z.number(), monthly: z.number() });
const eligibility = z.object({ eligible: z.boolean(), noWorkCapacity: z.boolean(), noMeansOfLiving: z.boolean(), noAbleSupporter: z.boolean() });
/** A decision's value ({eligibility, support}) or the formula's own (the support alone). */
export const hardshipValue = z.union([z.object({ eligibility, support: support.nullable() }), support.transform((s) => ({ eligibility: null, support: s }))]);
export type HardshipValue = z.infer<typeof hardshipValue>;

export const MODES = { institutional: '集中供养', home_based: '分散供养' } as const;
export const SELF_CARE = { self_care: '具备生活自理能力', partial: '部分丧失生活自理能力', full: '完全丧失生活自理能力' } as const;
const CONDITIONS = [
  ['noWorkCapacity', '无劳动能力'],
  ['noMeansOfLiving', '无生活来源'],
  ['noAbleSupporter', '无法定赡养、抚养、扶养义务人或其无履行能力'],
] as const;
const BASIS_CONDITIONS = '社会救助暂行办法第十四条；特困人员认定办法第四条至第八条';

/** The person the steps are about (hardship.ID.… or hardship_support.ID.…). */
function personOf(r: StepReader): string | undefined {
  for (const s of r.steps) {
    const m = /^(?:hardship|hardship_support|self_care)\.([^.]+)\./.exec(s.name);
    if (m?.[1]) return m[1];
  }
  return undefined;
}

/** 特困供养金的计算过程, line by line. */
export function hardshipWorksheet(explained: { value: HardshipValue; steps: readonly StoredStep[] }, members: readonly WorksheetMember[], describe: Describe = describeShipped): WorksheetLine[] {
  const r = new StepReader(explained.steps, describe);
  const { eligibility: e, support: s } = explained.value;
  const id = personOf(r) ?? '';
  const name = memberName(members, id, 0);
  const lines: WorksheetLine[] = [];
  if (e) {
    const missing = CONDITIONS.filter(([key]) => !e[key]).map(([, text]) => text);
    lines.push({
      label: '认定条件',
      expression: missing.length === 0 ? `${name} ${CONDITIONS.map(([, text]) => text).join('、')}，符合` : `${name} 不满足：${missing.join('、')}，不符合`,
      amountFen: null,
      basis: BASIS_CONDITIONS,
    });
  }
  if (!s) {
    lines.push({ label: '合计', expression: '不符合特困人员认定条件，不予供养：0.00 元/月', amountFen: null, basis: '' });
    return lines;
  }
  const fixedParameter = r.parameter(`hardship.support.${s.mode}`);
  const fixed = r.number(`hardship_support.${id}.fixed_monthly`) ?? s.basicLiving;
  const factor = r.parameter('hardship.support.basic_living_factor')?.value;
  const floor = r.number(`hardship_support.${id}.dibao_multiple`) ?? 0;
  const withFloor = typeof factor === 'number' && factor > 0;
  lines.push({
    label: '基本生活标准',
    expression: typeof fixedParameter?.value === 'number' ? `${MODES[s.mode]} ${money(fixedParameter.value)} 元/年 ÷ 12 = ${money(fixed)} 元/月` : `${MODES[s.mode]} ${money(fixed)} 元/月`,
    amountFen: withFloor ? null : s.basicLiving,
    basis: r.basis(`hardship.support.${s.mode}`),
  });
  if (withFloor) {
    const hukou = r.has('dibao.standard_monthly.urban') ? 'urban' : 'rural';
    const standard = r.number(`dibao.standard_monthly.${hukou}`) ?? 0;
    lines.push({
      label: '不低于低保标准',
      expression: `${hukou === 'urban' ? '城市' : '农村'}低保标准 ${money(standard)} × ${factor} = ${money(floor)} 元/月`,
      amountFen: null,
      basis: r.basis('hardship.support.basic_living_factor', `dibao.standard.${hukou}`),
    });
    lines.push({ label: '基本生活费', expression: `取两者中较高者 = ${money(s.basicLiving)} 元/月`, amountFen: s.basicLiving, basis: r.basis('hardship.support.basic_living_factor') });
  }
  const unable = r.number(`self_care.${id}.unable_items`);
  lines.push({
    label: '照料护理费',
    expression: `${SELF_CARE[s.selfCare]}${unable !== undefined ? `（六项中 ${unable} 项不能自理）` : ''}：${money(s.care)} 元/月`,
    amountFen: s.care,
    basis: r.basis(`hardship.support.care.${s.selfCare}`, 'hardship.self_care.partial_max_unable'),
  });
  if (s.monthly !== s.basicLiving + s.care) {
    const unit = r.parameter('hardship.support.rounding_unit')?.value;
    lines.push({
      label: '取整',
      expression: `${typeof unit === 'number' ? `按 ${+(unit / 100).toFixed(2)} 元四舍五入：` : '四舍五入：'}${money(s.basicLiving + s.care)} → ${money(s.monthly)} 元`,
      amountFen: s.monthly - s.basicLiving - s.care,
      basis: r.basis('hardship.support.rounding_unit'),
    });
  }
  lines.push(totalLine(lines, s.monthly));
  return lines;
}
