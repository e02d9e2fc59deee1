// Validation of partner records (from a file or the API) into rows of one snapshot. Every problem is
// named by row and field; a snapshot with any problem is refused whole.
import { isRealDate, parseIdNumber } from '../../../kernel/id-number.ts';
import { RELATION_LABELS, RELATIONS, SOURCE_DEFINITIONS, templateColumns, type RecordField, type Relation, type Source } from './sources.ts';

export type RawRecord = Partial<Record<RecordField, string | number | null | undefined>>;

export interface PartnerRecord {
  rowNo: number;
  idNumber: string | null;
  name: string | null;
  birthDate: string | null;
  item: string;
  amount: number | null;
  eventDate: string | null;
  detail: string | null;
  officialIdNumber: string | null;
  officialName: string | null;
  areaCode: string | null;
  relation: Relation | null;
}

export interface RecordError {
  row: number;
  field: string;
  message: string;
}

const text = (v: string | number | null | undefined): string | null => {
  if (v === undefined || v === null) return null;
  const s = String(v).trim();
  return s === '' ? null : s;
};

/** Excel gives dates as serial day numbers when the cell is a date. */
function isoDate(v: string | number | null | undefined): string | null | false {
  if (typeof v === 'number') {
    const d = new Date(Date.UTC(1899, 11, 30) + Math.round(v) * 86_400_000);
    return d.toISOString().slice(0, 10);
  }
  const s = text(v);
  if (s === null) return null;
  const m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(s);
  if (!m) return false;
  const iso = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  return isRealDate(iso) ? iso : false;
}

export function validateRecords(source: Source, rows: readonly { row: number; values: RawRecord }[]): { records: PartnerRecord[]; errors: RecordError[] } {
  const def = SOURCE_DEFINITIONS[source];
  const headerOf = new Map(templateColumns(source).map((c) => [c.field, c.header]));
  const itemByLabel = new Map(Object.entries(def.items).flatMap(([code, it]) => [[code, code], [it.label, code]]));
  const relationByLabel = new Map(RELATIONS.flatMap((r) => [[r, r], [RELATION_LABELS[r], r]] as [string, Relation][]));
  const records: PartnerRecord[] = [];
  const errors: RecordError[] = [];
  for (const { row, values } of rows) {
    const bad = (field: RecordField, message: string) => errors.push({ row, field: headerOf.get(field) ?? field, message });
    const before = errors.length;
    let idNumber = text(values.idNumber);
    if (idNumber !== null) {
      const p = parseIdNumber(idNumber);
      if (!p.ok) bad('idNumber', `公民身份号码无效：${p.message}`);
      else idNumber = p.idNumber;
    }
    const name = text(values.name);
    const birthDate = isoDate(values.birthDate);
    if (birthDate === false) bad('birthDate', '出生日期应为 YYYY-MM-DD');
    if (idNumber === null && (name === null || birthDate === null)) bad('idNumber', '无公民身份号码时须填写姓名和出生日期');
    const eventDate = isoDate(values.eventDate);
    if (eventDate === false) bad('eventDate', '日期应为 YYYY-MM-DD');
    const item = def.kinship ? Object.keys(def.items)[0]! : itemByLabel.get(text(values.item) ?? '');
    if (item === undefined) bad('item', `项目应为：${Object.values(def.items).map((i) => i.label).join('、')}`);
    const meta = item === undefined ? undefined : def.items[item];
    let amount: number | null = null;
    const rawAmount = text(values.amount);
    if (rawAmount !== null && meta && meta.unit !== 'none') {
      const n = Number(rawAmount.replace(/,/g, ''));
      if (!Number.isFinite(n) || n < 0) bad('amount', '金额或数值应为不小于0的数字');
      else if (meta.unit === 'fen' && Math.abs(n * 100 - Math.round(n * 100)) > 1e-6) bad('amount', '金额最多两位小数（元）');
      else amount = meta.unit === 'fen' ? Math.round(n * 100) : Math.round(n);
    }
    if (meta && ['income_month', 'income_year', 'financial'].includes(meta.kind) && rawAmount === null) bad('amount', `「${meta.label}」须填写金额`);
    if (meta?.kind === 'death' && eventDate === null) bad('eventDate', '死亡注销须填写死亡日期');
    let officialIdNumber: string | null = null;
    let relation: Relation | null = null;
    const areaCode = text(values.areaCode);
    if (def.kinship) {
      officialIdNumber = text(values.officialIdNumber);
      const p = officialIdNumber === null ? null : parseIdNumber(officialIdNumber);
      if (p === null) bad('officialIdNumber', '须填写公职人员身份号码');
      else if (!p.ok) bad('officialIdNumber', `公职人员身份号码无效：${p.message}`);
      else officialIdNumber = p.idNumber;
      if (text(values.officialName) === null) bad('officialName', '须填写公职人员姓名');
      if (areaCode === null || !/^(\d{6}|\d{9}|\d{12})$/.test(areaCode)) bad('areaCode', '任职地区代码应为6、9或12位数字');
      const r = relationByLabel.get(text(values.relation) ?? '');
      if (r === undefined) bad('relation', `关系应为：${RELATIONS.map((x) => RELATION_LABELS[x]).join('、')}`);
      else relation = r;
      if (name === null) bad('name', '须填写亲属姓名');
    }
    if (errors.length > before || item === undefined) continue;
    records.push({
      rowNo: row, idNumber, name, birthDate: birthDate || null, item, amount, eventDate: eventDate || null, detail: text(values.detail),
      officialIdNumber, officialName: def.kinship ? text(values.officialName) : null, areaCode: def.kinship ? areaCode : null, relation,
    });
  }
  return { records, errors };
}
