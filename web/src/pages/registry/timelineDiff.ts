// Turns a timeline entry's before/after snapshots into readable lines: field label, old → new.
import type { Translate } from '../../i18n/context.ts';
import { ASSET_KINDS, INCOME_KINDS, INCOME_PERIODS, isOneOf } from './codes.ts';
import { categoryLabel, codeLabel, yesNo } from './format.ts';
import { formatYuan } from './money.ts';

export interface DiffLine {
  label: string;
  /** '' when the value is new (a created household or an added member): shown without an arrow. */
  before: string;
  after: string;
}

const added = (lines: DiffLine[]): DiffLine[] => lines.map((l) => ({ ...l, before: '' }));

const FIELD_KEYS = [
  'villageCode', 'hukou', 'address', 'phone', 'bankName', 'bankAccount', 'povertyFile', 'agricultural', 'categories', 'povertyCauses', 'mainPovertyCause',
  'idNumber', 'name', 'sex', 'birthDate', 'relation', 'workCapacity', 'disabilityKind', 'disabilityGrade',
  'seriousIllness', 'student', 'leftBehind', 'memberIdNumber', 'kind', 'period', 'source', 'note', 'reason',
  'toHouseholdNo', 'fromHouseholdNo', 'amountFen', 'valueFen',
] as const;
const MONEY = new Set(['amountFen', 'valueFen', 'amount_fen', 'value_fen']);
const EMPTY = '—';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

export function fieldLabel(t: Translate, key: string): string {
  return isOneOf(FIELD_KEYS, key) ? t(`registry.field.${key}`) : key;
}

export function formatValue(t: Translate, field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return EMPTY;
  if (typeof value === 'boolean') return yesNo(t, value);
  if (MONEY.has(field) && typeof value === 'number') return t('registry.money.yuan', { amount: formatYuan(value) });
  const coded = codeLabel(t, field, value);
  if (coded !== undefined) return coded;
  if (field === 'categories' && Array.isArray(value)) {
    return value.length === 0 ? EMPTY : value.map((c) => categoryLabel(t, String(c))).join(t('registry.fmt.list'));
  }
  if (Array.isArray(value)) return value.length === 0 ? EMPTY : value.map((v) => formatValue(t, field, v)).join(t('registry.fmt.list'));
  if (isObj(value)) return JSON.stringify(value);
  return String(value);
}

/** One income or asset item as a phrase, e.g. "王大山 工资性收入 1,500.00 元/月 打工". */
export function formatItem(t: Translate, item: unknown, nameOf: (id: string) => string | undefined): string {
  if (!isObj(item)) return String(item);
  // Old snapshots are table rows: member_id (no ID number) instead of memberIdNumber.
  const id = 'memberIdNumber' in item ? item['memberIdNumber'] : item['member_id'];
  const who = typeof id === 'string' ? (nameOf(id) ?? id) : id === null || id === undefined ? t('registry.member.wholeHousehold') : '';
  const kind = item['kind'];
  const amount = item['amountFen'] ?? item['amount_fen'];
  if (typeof amount === 'number') {
    const period = item['period'];
    const what = isOneOf(INCOME_KINDS, kind) ? t(`registry.incomeKind.${kind}`) : String(kind);
    const per = isOneOf(INCOME_PERIODS, period) ? t(`registry.period.${period}`) : String(period);
    return [who, what, t('registry.money.perPeriod', { amount: formatYuan(amount), period: per }), String(item['source'] ?? '')].join(' ').trim();
  }
  const value = item['valueFen'] ?? item['value_fen'];
  const what = isOneOf(ASSET_KINDS, kind) ? t(`registry.assetKind.${kind}`) : String(kind);
  const worth = typeof value === 'number' ? t('registry.money.yuan', { amount: formatYuan(value) }) : '';
  return [who, what, worth, String(item['note'] ?? '')].join(' ').trim();
}

function same(field: string, a: unknown, b: unknown, t: Translate): boolean {
  return formatValue(t, field, a) === formatValue(t, field, b);
}

/** Changed fields of two flat snapshots (a field missing on one side counts as empty). */
export function diffObjects(t: Translate, before: Obj, after: Obj): DiffLine[] {
  const rank = (k: string) => {
    const i = (FIELD_KEYS as readonly string[]).indexOf(k);
    return i < 0 ? FIELD_KEYS.length : i;
  };
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort((a, b) => rank(a) - rank(b));
  return keys
    .filter((k) => !same(k, before[k], after[k], t))
    .map((k) => ({ label: fieldLabel(t, k), before: formatValue(t, k, before[k]), after: formatValue(t, k, after[k]) }));
}

function itemsText(t: Translate, items: unknown, nameOf: (id: string) => string | undefined): string {
  if (!Array.isArray(items) || items.length === 0) return t('registry.timeline.none');
  return items.map((i) => formatItem(t, i, nameOf)).join(t('registry.fmt.items'));
}

/** Every line to show for one timeline entry. */
export function describeChange(
  t: Translate,
  action: string,
  before: unknown,
  after: unknown,
  nameOf: (id: string) => string | undefined,
): DiffLine[] {
  // The demo data's creation records only the seed it was made from.
  if (action === 'household.demo') return [];
  if (action === 'household.incomes' || action === 'household.assets') {
    const label = t(action === 'household.incomes' ? 'registry.tab.incomes' : 'registry.tab.assets');
    return [{ label, before: itemsText(t, before, nameOf), after: itemsText(t, after, nameOf) }];
  }
  if (action === 'household.create' && isObj(after)) {
    const lines = isObj(after['household']) ? diffObjects(t, {}, after['household']) : [];
    const members = Array.isArray(after['members']) ? after['members'].filter(isObj) : [];
    lines.push({
      label: t('registry.tab.members'),
      before: '',
      after: members.map((m) => t('registry.fmt.paren', { text: String(m['name']), note: formatValue(t, 'relation', m['relation']) })).join(t('registry.fmt.list')),
    });
    for (const list of ['incomes', 'assets'] as const) {
      if (Array.isArray(after[list]) && after[list].length > 0) {
        lines.push({ label: t(`registry.tab.${list}`), before: '', after: itemsText(t, after[list], nameOf) });
      }
    }
    return added(lines);
  }
  if ((action === 'member.add' || action === 'member.move_in') && isObj(after)) return added(diffObjects(t, {}, after));
  if ((action === 'member.remove' || action === 'member.move_out') && isObj(before)) {
    const who = { label: fieldLabel(t, 'name'), before: formatValue(t, 'name', before['name']), after: EMPTY };
    return [who, ...diffObjects(t, {}, isObj(after) ? after : {})];
  }
  return diffObjects(t, isObj(before) ? before : {}, isObj(after) ? after : {});
}

const ACTIONS = [
  'household.create', 'household.update', 'household.incomes', 'household.assets', 'member.add',
  'member.update', 'member.remove', 'member.move_out', 'member.move_in', 'household.demo',
] as const;

/** The action of a timeline entry in words; unknown actions as given. */
export function actionLabel(t: Translate, action: string): string {
  return isOneOf(ACTIONS, action) ? t(`registry.timeline.action.${action}`) : action;
}
