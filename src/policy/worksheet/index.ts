// 计算过程 as a caseworker's worksheet: ordered lines {label, expression, amountFen, basis} in Chinese,
// built from an explanation (a formula's value and steps, as returned or as frozen on a decision) and
// the members' display names. 低保 and 特困 have their own worksheet, also from a bulk re-rating's figures
// (twin.ts); any other formula (or an explanation without steps) gets a generic one: the numbers it read, by their Chinese description and document, and
// the amount. Parameter keys, member ids, codes and file names never appear in a line; the addends
// (lines with an amount) sum to the amount the engine computed.
import { dibaoValue, dibaoWorksheet } from './dibao.ts';
import { hardshipValue, hardshipWorksheet } from './hardship.ts';
import { twinValue, twinWorksheet } from './twin.ts';
import { cleanReference, type Describe, describeShipped, money, percent, storedExplanation, type StoredStep, type WorksheetLine, type WorksheetMember } from './text.ts';

export { dibaoWorksheet } from './dibao.ts';
export { hardshipWorksheet } from './hardship.ts';
export { cleanReference, worksheetLineSchema } from './text.ts';
export type { Describe, WorksheetLine, WorksheetMember } from './text.ts';

const UNIT_TEXT: Record<string, (v: number) => string> = {
  fen: (v) => `${money(v)} 元`,
  fen_per_person_month: (v) => `${money(v)} 元/人·月`,
  fen_per_person_year: (v) => `${money(v)} 元/人·年`,
  fen_per_person_day: (v) => `${money(v)} 元/人·日`,
  ratio: (v) => percent(v),
  fraction: (v) => percent(v),
  factor: (v) => `${v} 倍`,
  days: (v) => `${v} 天`,
  working_days: (v) => `${v} 个工作日`,
  months: (v) => `${v} 个月`,
  years: (v) => `${v} 年`,
  persons: (v) => `${v} 人`,
  count: (v) => `${v} 个`,
  grade: (v) => `${v} 级`,
};

/** Any formula: the numbers it read (by description, with their document), then the amount. */
export function genericWorksheet(steps: readonly StoredStep[], amountFen: number | null, describe: Describe = describeShipped): WorksheetLine[] {
  const seen = new Set<string>();
  const lines: WorksheetLine[] = [];
  for (const p of steps.flatMap((s) => s.parameters)) {
    const format = UNIT_TEXT[p.unit];
    const label = describe(p.name);
    if (seen.has(p.name) || typeof p.value !== 'number' || !format || !label) continue;
    seen.add(p.name);
    lines.push({ label, expression: format(p.value), amountFen: null, basis: cleanReference(p.reference) || label });
  }
  if (amountFen !== null) lines.push({ label: '核定金额', expression: `${money(amountFen)} 元`, amountFen, basis: '' });
  return lines;
}

/**
 * The worksheet of an explanation as returned or stored: `{formula?, value, steps}` (unknown: decisions
 * keep it as JSON, old ones in older shapes; none: no lines). `amountFen`: the amount decided, for the generic worksheet.
 */
export function worksheetOf(explanation: unknown, members: readonly WorksheetMember[], amountFen: number | null, formula?: string, describe: Describe = describeShipped): WorksheetLine[] {
  if (explanation === null || explanation === undefined) return [];
  const parsed = storedExplanation.safeParse(explanation);
  if (!parsed.success) return genericWorksheet([], amountFen, describe);
  const e = parsed.data;
  const kind = formula ?? e.formula;
  if (e.steps.length > 0 && kind === 'dibao_benefit') {
    const value = dibaoValue.safeParse(e.value);
    if (value.success) return dibaoWorksheet({ value: value.data, steps: e.steps }, members, describe);
  }
  if (e.steps.length > 0 && kind === 'hardship_support') {
    const value = hardshipValue.safeParse(e.value);
    if (value.success) return hardshipWorksheet({ value: value.data, steps: e.steps }, members, describe);
  }
  // A bulk re-rating keeps the SQL twin's figures instead of a trace.
  const twin = e.steps.length === 0 ? twinValue.safeParse(e.value) : undefined;
  if (twin?.success) return twinWorksheet(twin.data, describe);
  return genericWorksheet(e.steps, amountFen, describe);
}
