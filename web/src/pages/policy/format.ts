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
