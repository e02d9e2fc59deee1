// Readable names of the workflow's codes; the API's Chinese label is the fallback for a code the
// dictionary does not know yet.
import type { Translate } from '../../i18n/context.ts';
import type { MessageKey } from '../../i18n/zh-CN.ts';
import { casesCodesZhCN } from './messages/codes.zh-CN.ts';

// Programme names, states and actions are the registry's (useProgrammes, the API's labels), not the dictionary's.
type Prefix = 'ruleSet' | 'field' | 'flag' | 'decision' | `enum.${string}`;

function isCodeKey(key: string): key is keyof typeof casesCodesZhCN & MessageKey {
  return Object.prototype.hasOwnProperty.call(casesCodesZhCN, key);
}

export function codeLabel(t: Translate, prefix: Prefix, code: string, fallback?: string): string {
  const key = `cases.${prefix}.${code}`;
  return isCodeKey(key) ? t(key) : (fallback ?? code);
}

export function roleLabel(t: Translate, role: string): string {
  const key = `role.${role}`;
  const known: Record<string, MessageKey> = {
    'role.village_clerk': 'role.village_clerk',
    'role.township_caseworker': 'role.township_caseworker',
    'role.county_approver': 'role.county_approver',
    'role.prefecture_admin': 'role.prefecture_admin',
    'role.auditor': 'role.auditor',
    'role.partner': 'role.partner',
  };
  const k = known[key];
  return k ? t(k) : role;
}

const FIELD_ORDER = Object.keys(casesCodesZhCN).filter((k) => k.startsWith('cases.field.')).map((k) => k.slice('cases.field.'.length));

/** Recorded data in the dictionary's field order (the database keeps its own key order). */
export function byFieldOrder<T>(entries: [string, T][]): [string, T][] {
  const rank = (k: string) => {
    const i = FIELD_ORDER.indexOf(k);
    return i < 0 ? FIELD_ORDER.length : i;
  };
  return [...entries].sort(([a], [b]) => rank(a) - rank(b));
}

const yuanFormat = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** 69000 → "690.00" */
export function yuan(fen: number): string {
  return yuanFormat.format(fen / 100);
}

/** One value of recorded data, readable: booleans as 是/否, lists joined, codes named. */
export function valueText(t: Translate, field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return t('cases.dash');
  if (typeof value === 'boolean') return t(value ? 'cases.yes' : 'cases.no');
  if (Array.isArray(value)) return value.map((v) => valueText(t, field, v)).join(t('cases.list'));
  if (typeof value === 'object') {
    return byFieldOrder(Object.entries(value as Record<string, unknown>))
      .map(([k, v]) => t('cases.labelled', { label: codeLabel(t, 'field', k), value: valueText(t, k, v) }))
      .join(t('cases.list'));
  }
  if (typeof value === 'string') return field === 'flags' ? codeLabel(t, 'flag', value) : codeLabel(t, `enum.${field}`, value, value);
  // An amount in fen (…Fen) reads in yuan.
  if (typeof value === 'number' && field.endsWith('Fen')) return `${yuan(value)} ${t('cases.form.yuan')}`;
  return String(value);
}
