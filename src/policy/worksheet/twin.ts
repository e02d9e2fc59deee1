// The worksheet of a bulk re-rating (批量调标): the decision keeps no trace, only the figures the SQL twin
// of the formula computed (低保: standard, persons, per-capita income, each member's standard, gap, category,
// rate, top-up and share; 特困: form of support, self-care level, fixed standard, the 低保 floor, basic living,
// care). The same lines as the formula's worksheet, with each number's parameter by its description.
import { z } from 'zod';
import { maskName } from '../../kernel/mask.ts';
import { BASIS_PER_CAPITA, shareLines } from './dibao.ts';
import { MODES, SELF_CARE } from './hardship.ts';
import { type Describe, money, totalLine, type WorksheetLine } from './text.ts';

const twinMember = z.object({
  name: z.string(), hukou: z.string(), standard: z.number(), gap: z.number(), category: z.string().nullable(), rate: z.number(), topup: z.number(), share: z.number(),
});
const dibaoTwin = z.object({ programme: z.literal('dibao'), standard: z.number(), persons: z.number(), perCapitaIncome: z.number(), eligible: z.literal(true), members: z.array(twinMember), total: z.number() });
const hardshipTwin = z.object({
  programme: z.literal('hardship'), assessed: z.literal(true), mode: z.enum(['institutional', 'home_based']), hukou: z.string().nullable(), selfCare: z.enum(['self_care', 'partial', 'full']),
  unable: z.number(), fixed: z.number(), dibaoMultiple: z.number(), basicLiving: z.number(), care: z.number(), total: z.number(),
});
export const twinValue = z.discriminatedUnion('programme', [dibaoTwin, hardshipTwin]);
export type TwinValue = z.infer<typeof twinValue>;

const said = (describe: Describe, name: string) => describe(name) ?? '';

function dibao(v: z.infer<typeof dibaoTwin>, describe: Describe): WorksheetLine[] {
  const hukous = [...new Set(v.members.map((m) => m.hukou))].filter((h) => h === 'urban' || h === 'rural');
  const lines: WorksheetLine[] = [
    { label: '保障标准', expression: `${money(v.standard)} 元/人·月`, amountFen: null, basis: hukous.map((h) => said(describe, `dibao.standard.${h}`)).filter(Boolean).join('；') },
    { label: '家庭人均月收入', expression: `${money(v.perCapitaIncome)} 元（${v.persons} 人）`, amountFen: null, basis: BASIS_PER_CAPITA },
  ];
  lines.push(...shareLines(
    v.members.map((m) => ({
      name: maskName(m.name), full: m.gap > 0 && m.gap === m.standard && v.perCapitaIncome > 0, standard: m.standard, gap: m.gap, category: m.category, rate: m.rate,
      topup: m.topup, share: m.share, topupBasis: m.category ? said(describe, `dibao.topup.rate.${m.hukou}.${m.category}`) : '',
    })),
    v.perCapitaIncome,
    { full: said(describe, 'dibao.benefit.three_nos_full_standard'), rounding: said(describe, 'dibao.benefit.rounding_unit'), unitFen: null },
  ));
  lines.push(totalLine(lines, v.total));
  return lines;
}

function hardship(v: z.infer<typeof hardshipTwin>, describe: Describe): WorksheetLine[] {
  const floor = v.dibaoMultiple > 0;
  const lines: WorksheetLine[] = [{ label: '基本生活标准', expression: `${MODES[v.mode]} ${money(v.fixed)} 元/月`, amountFen: floor ? null : v.basicLiving, basis: said(describe, `hardship.support.${v.mode}`) }];
  if (floor) {
    lines.push({ label: '不低于低保标准', expression: `${money(v.dibaoMultiple)} 元/月`, amountFen: null, basis: said(describe, 'hardship.support.basic_living_factor') });
    lines.push({ label: '基本生活费', expression: `取两者中较高者 = ${money(v.basicLiving)} 元/月`, amountFen: v.basicLiving, basis: said(describe, 'hardship.support.basic_living_factor') });
  }
  lines.push({ label: '照料护理费', expression: `${SELF_CARE[v.selfCare]}（六项中 ${v.unable} 项不能自理）：${money(v.care)} 元/月`, amountFen: v.care, basis: said(describe, `hardship.support.care.${v.selfCare}`) });
  if (v.total !== v.basicLiving + v.care) {
    lines.push({ label: '取整', expression: `四舍五入：${money(v.basicLiving + v.care)} → ${money(v.total)} 元`, amountFen: v.total - v.basicLiving - v.care, basis: said(describe, 'hardship.support.rounding_unit') });
  }
  lines.push(totalLine(lines, v.total));
  return lines;
}

/** A re-rating's worksheet from the twin's figures. */
export function twinWorksheet(v: TwinValue, describe: Describe): WorksheetLine[] {
  return v.programme === 'dibao' ? dibao(v, describe) : hardship(v, describe);
}
