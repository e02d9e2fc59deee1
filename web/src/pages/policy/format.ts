// Display of parameter values and computed amounts: money in yuan (the API gives fen for formula
// values, yuan for stored parameter values), ratios as percentages.
import type { Translate } from '../../i18n/context.ts';
import type { MessageKey } from '../../i18n/zh-CN.ts';
import { POLICY_KEYS } from './messages.ts';

export function yuanFromFen(fen: number): string {
  return (fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/** A value with its unit as the formulas give it (fen_* → yuan). */
export function formatUnitValue(value: unknown, unit: string | null): string {
  if (value === null || value === undefined) return '—';
  if (Array.isArray(value)) return value.join('、') || '—';
  if (typeof value === 'number' && unit?.startsWith('fen')) return yuanFromFen(value);
  if (typeof value === 'number' && unit === 'ratio') return `${+(value * 100).toFixed(4)}%`;
  if (typeof value === 'boolean') return value ? '✓' : '✗';
  return String(value);
}

/** A stored parameter value (money in yuan, as the documents state it). */
export function formatStoredValue(value: unknown, unit: string): string {
  if (value === null || value === undefined) return '—';
  if (Array.isArray(value)) return value.join('、');
  if (typeof value === 'number' && unit === 'ratio') return `${+(value * 100).toFixed(4)}%`;
  if (typeof value === 'boolean') return value ? '✓' : '✗';
  return String(value);
}

/** The unit part after "fen"/"yuan": _per_person_month → per person per month, for labels. */
export function moneyUnit(unit: string | null): boolean {
  return unit !== null && (unit.startsWith('fen') || unit.startsWith('yuan'));
}

function isPolicyKey(key: string): key is MessageKey {
  return POLICY_KEYS.has(key);
}

/** A parameter's unit in words (元/人·月), the code itself for a unit the dictionary does not know. */
export function unitLabel(t: Translate, unit: string): string {
  const key = `policy.unit.${unit}`;
  return isPolicyKey(key) ? t(key) : unit;
}

/** A code a parameter value holds (income_tax → 个人所得税); a code without a name (a hotline number) as it is. */
export function codeLabel(t: Translate, code: string): string {
  const key = `policy.code.${code}`;
  return isPolicyKey(key) ? t(key) : code;
}

/** A stored value for staff: codes by their names, the rest as formatStoredValue shows it. */
export function storedValueLabel(t: Translate, value: unknown, unit: string): string {
  if (Array.isArray(value)) return value.map((v) => codeLabel(t, String(v))).join('、');
  if (unit === 'code' && typeof value === 'string') return codeLabel(t, value);
  return formatStoredValue(value, unit);
}

/** A value's area for staff: 全国 for CN, else the area's name. */
export function valueAreaLabel(t: Translate, v: { area: string; areaName: string | null }): string {
  return v.area === 'CN' ? t('policy.area.national') : (v.areaName ?? v.area);
}

/** A rule set by name (cn-2012 → 2012 年办法); null: every rule set (通用). */
export function ruleSetLabel(t: Translate, ruleSet: string | null): string {
  if (ruleSet === null) return t('policy.ruleSet.any');
  const key = `policy.ruleSet.${ruleSet}`;
  return isPolicyKey(key) ? t(key) : ruleSet;
}
