/**
 * Turns the rows of a household file into household records, or errors naming the row, the column
 * (its Chinese header) and the reason. Pure: the checks that need the database (village in scope, ID
 * already registered) are the service's, done set-based over the whole file.
 */
import type { z } from 'zod';
import { householdInput, memberSchema } from '../domain/schemas.ts';
import type { Asset, IncomeItem, Member } from '../domain/types.ts';
import { COLUMNS, HOUSEHOLD_COLUMNS, READ, type Column } from './columns.ts';
import type { Cell, RawRow } from './read-file.ts';
import type { RowError } from '../../../kernel/files/rows.ts';

export type { RowError };

export interface FileHousehold {
  /** 户序号 as written in the file. */
  key: string;
  rows: number[];
  household: z.output<typeof householdInput>;
  members: Member[];
  /** Row of each member, same order as members. */
  memberRows: number[];
  incomes: IncomeItem[];
  assets: Asset[];
}

export interface ValidatedFile {
  households: FileHousehold[];
  /** Households (by 户序号) with at least one error. */
  rejected: { key: string; rows: number[] }[];
  errors: RowError[];
  rowCount: number;
}

const col = (key: string): number => {
  const i = COLUMNS.findIndex((c) => c.key === key);
  if (i < 0) throw new Error(`no column ${key}`);
  return i;
};
const HEADER_OF = (key: string) => (COLUMNS[col(key)] as Column).header;

// zod paths → the column that holds the value.
const HOUSEHOLD_FIELD: Record<string, string> = {
  villageCode: HEADER_OF('villageCode'), hukou: HEADER_OF('hukou'), address: HEADER_OF('address'), phone: HEADER_OF('phone'),
  bankName: HEADER_OF('bankName'), bankAccount: HEADER_OF('bankAccount'), povertyFile: HEADER_OF('povertyFile'),
  agricultural: HEADER_OF('agricultural'), categories: HEADER_OF('householdCategories'),
  povertyCauses: HEADER_OF('povertyCauses'), mainPovertyCause: HEADER_OF('povertyCauses'),
};
const MEMBER_FIELD: Record<string, string> = {
  idNumber: HEADER_OF('idNumber'), name: HEADER_OF('name'), relation: HEADER_OF('relation'), hukou: HEADER_OF('memberHukou'),
  workCapacity: HEADER_OF('workCapacity'), disabilityKind: HEADER_OF('disabilityKind'), disabilityGrade: HEADER_OF('disabilityGrade'),
  seriousIllness: HEADER_OF('seriousIllness'), student: HEADER_OF('student'), categories: HEADER_OF('memberCategories'),
  leftBehind: HEADER_OF('leftBehind'), phone: HEADER_OF('memberPhone'), sex: HEADER_OF('idNumber'), birthDate: HEADER_OF('idNumber'),
};

const HOUSEHOLD_IDX = HOUSEHOLD_COLUMNS.map((c) => COLUMNS.indexOf(c));
const ITEM_IDX = COLUMNS.map((c, i) => ((c.income || c.asset) ? i : -1)).filter((i) => i >= 0);
const I = {
  group: col('group'), villageCode: col('villageCode'), hukou: col('hukou'), address: col('address'), phone: col('phone'),
  bankName: col('bankName'), bankAccount: col('bankAccount'), povertyFile: col('povertyFile'), agricultural: col('agricultural'),
  householdCategories: col('householdCategories'), povertyCauses: col('povertyCauses'), name: col('name'), idNumber: col('idNumber'), relation: col('relation'),
  memberHukou: col('memberHukou'), workCapacity: col('workCapacity'), disabilityKind: col('disabilityKind'),
  disabilityGrade: col('disabilityGrade'), seriousIllness: col('seriousIllness'), student: col('student'),
  memberCategories: col('memberCategories'), leftBehind: col('leftBehind'), memberPhone: col('memberPhone'),
};

/** Collects the problems of one row while its cells are read. */
class RowReader {
  constructor(readonly cells: Cell[], readonly row: number, readonly errors: RowError[]) {}

  fail(index: number, message: string): undefined {
    this.errors.push({ row: this.row, column: (COLUMNS[index] as Column).header, message });
    return undefined;
  }

  text(index: number): string {
    const v = this.cells[index];
    if (v === undefined) return '';
    if (typeof v === 'number') {
      if ((COLUMNS[index] as Column).text && !Number.isSafeInteger(v)) {
        this.fail(index, '数字位数过多，Excel 已丢失精度；请将该列设为文本格式后重新填写');
        return '';
      }
      return String(v);
    }
    return v.trim();
  }

  label<K extends string>(index: number, map: Map<string, K>, required: boolean): K | null | undefined {
    const t = this.text(index);
    if (t === '') return required ? this.fail(index, `${(COLUMNS[index] as Column).header}不能为空`) : null;
    const code = map.get(t);
    return code ?? this.fail(index, `“${t}”无效，应为 ${[...map.keys()].join(' / ')} 之一`);
  }

  labels<K extends string>(index: number, map: Map<string, K>): K[] | undefined {
    const t = this.text(index);
    if (t === '') return [];
    const out: K[] = [];
    for (const part of t.split(/[、,，;；\s]+/).filter((p) => p !== '')) {
      const code = map.get(part);
      if (code === undefined) return this.fail(index, `“${part}”无效，应为 ${[...map.keys()].join(' / ')} 之一`);
      if (!out.includes(code)) out.push(code);
    }
    return out;
  }

  bool(index: number): boolean | undefined {
    const t = this.text(index);
    if (t === '' || t === '否') return false;
    if (t === '是') return true;
    return this.fail(index, `“${t}”无效，应填 是 或 否`);
  }

  grade(index: number): 1 | 2 | 3 | 4 | null | undefined {
    const t = this.text(index).replace(/级$/, '');
    if (t === '') return null;
    const n = ({ 1: 1, 2: 2, 3: 3, 4: 4, 一: 1, 二: 2, 三: 3, 四: 4 } as Record<string, 1 | 2 | 3 | 4>)[t];
    return n ?? this.fail(index, `“${this.text(index)}”无效，残疾等级应为1–4级`);
  }

  /** Yuan in the file, fen out; 0 or blank: none. */
  fen(index: number): number | undefined {
    const v = this.cells[index];
    if (v === undefined) return 0;
    let yuan: number;
    if (typeof v === 'number') yuan = v;
    else {
      const t = v.replace(/[,，\s]|元$/g, '');
      if (t === '') return 0;
      if (!/^-?\d+(\.\d+)?$/.test(t)) return this.fail(index, `“${v}”不是金额，应填以元计的数字`);
      yuan = Number(t);
    }
    if (yuan < 0) return this.fail(index, '金额不能为负数');
    const fen = Math.round(yuan * 100);
    if (Math.abs(yuan * 100 - fen) > 1e-6) return this.fail(index, '金额最多两位小数（分）');
    if (!Number.isSafeInteger(fen)) return this.fail(index, '金额过大');
    return fen;
  }
}

function zodErrors(issues: readonly z.core.$ZodIssue[], fields: Record<string, string>, row: number, fallback: string): RowError[] {
  return issues.map((i) => ({ row, column: fields[String(i.path[0] ?? '')] ?? fallback, message: i.message }));
}

const sameCell = (a: Cell, b: Cell) => String(a ?? '').trim() === String(b ?? '').trim();

export function validateRows(rows: readonly RawRow[], onProgress?: (rowsDone: number) => void): ValidatedFile {
  const errors: RowError[] = [];
  const groups = new Map<string, RawRow[]>();
  for (const r of rows) {
    const g = r.cells[I.group];
    const key = g === undefined ? '' : String(g).trim();
    if (key === '') {
      errors.push({ row: r.row, column: HEADER_OF('group'), message: '户序号不能为空' });
      groups.set(`#${r.row}`, [r]);
      continue;
    }
    const list = groups.get(key);
    if (list) list.push(r);
    else groups.set(key, [r]);
  }

  const households: FileHousehold[] = [];
  const bad = new Set<string>();
  const firstRowOfId = new Map<string, number>();
  const mark = (key: string, before: number) => {
    if (errors.length > before) bad.add(key);
  };

  let done = 0;
  let reported = 0;
  for (const [key, list] of groups) {
    done += list.length;
    if (onProgress && done - reported >= 5000) {
      reported = done;
      onProgress(done);
    }
    const before = errors.length;
    if (key.startsWith('#')) {
      bad.add(key);
      continue;
    }
    const first = list[0] as RawRow;
    // Household columns: from the first row; the others blank or the same.
    for (const r of list.slice(1)) {
      for (const i of HOUSEHOLD_IDX) {
        const v = r.cells[i];
        if (v !== undefined && !sameCell(v, first.cells[i])) {
          errors.push({ row: r.row, column: (COLUMNS[i] as Column).header, message: `与本户第一行（第${first.row}行）不一致；同一户的户级列须相同或留空` });
        }
      }
    }
    const h = new RowReader(first.cells, first.row, errors);
    const hukou = h.label(I.hukou, READ.hukou, true);
    const raw = {
      villageCode: h.text(I.villageCode),
      hukou,
      address: h.text(I.address),
      phone: h.text(I.phone),
      bankName: h.text(I.bankName),
      bankAccount: h.text(I.bankAccount),
      povertyFile: h.bool(I.povertyFile),
      agricultural: h.bool(I.agricultural),
      categories: h.labels(I.householdCategories, READ.householdCategories),
      // The first cause listed is the main one.
      povertyCauses: h.labels(I.povertyCauses, READ.povertyCauses),
    };
    const incomes: IncomeItem[] = [];
    const assets: Asset[] = [];
    for (const i of ITEM_IDX) {
      const c = COLUMNS[i] as Column;
      if (c.level !== 'household') continue;
      const fen = h.fen(i);
      if (fen) addItem(c, null, fen, incomes, assets);
    }
    let household: z.output<typeof householdInput> | null = null;
    if (hukou !== undefined && raw.povertyFile !== undefined && raw.agricultural !== undefined && raw.categories !== undefined && raw.povertyCauses !== undefined) {
      const parsed = householdInput.safeParse(raw);
      if (parsed.success) household = parsed.data;
      else errors.push(...zodErrors(parsed.error.issues, HOUSEHOLD_FIELD, first.row, HEADER_OF('villageCode')));
    }

    const members: Member[] = [];
    const memberRows: number[] = [];
    const heads: number[] = [];
    for (const r of list) {
      const m = new RowReader(r.cells, r.row, errors);
      const rowBefore = errors.length;
      const relation = m.label(I.relation, READ.relation, true);
      const memberHukou = m.label(I.memberHukou, READ.hukou, false);
      const phone = m.text(I.memberPhone);
      const input = {
        idNumber: m.text(I.idNumber),
        name: m.text(I.name),
        relation,
        hukou: memberHukou ?? hukou,
        workCapacity: m.label(I.workCapacity, READ.workCapacity, true),
        disabilityKind: m.label(I.disabilityKind, READ.disabilityKind, false),
        disabilityGrade: m.grade(I.disabilityGrade),
        seriousIllness: m.bool(I.seriousIllness),
        student: m.bool(I.student),
        categories: m.labels(I.memberCategories, READ.memberCategories),
        leftBehind: m.label(I.leftBehind, READ.leftBehind, false),
        ...(phone === '' ? {} : { phone }),
      };
      if (input.idNumber === '') m.fail(I.idNumber, '身份证号码不能为空');
      if (input.name === '') m.fail(I.name, '姓名不能为空');
      if (relation === 'head') heads.push(r.row);
      const fens = ITEM_IDX.map((i) => ((COLUMNS[i] as Column).level === 'member' ? m.fen(i) : 0));
      if (errors.length > rowBefore || input.hukou === undefined) continue;
      const parsed = memberSchema.safeParse(input);
      if (!parsed.success) {
        errors.push(...zodErrors(parsed.error.issues, MEMBER_FIELD, r.row, HEADER_OF('idNumber')));
        continue;
      }
      const member = parsed.data;
      const seen = firstRowOfId.get(member.idNumber);
      if (seen !== undefined) {
        errors.push({ row: r.row, column: HEADER_OF('idNumber'), message: `身份证号码与第${seen}行重复；一人只能登记一次` });
        continue;
      }
      firstRowOfId.set(member.idNumber, r.row);
      members.push(member);
      memberRows.push(r.row);
      ITEM_IDX.forEach((i, k) => {
        const fen = fens[k];
        if (fen) addItem(COLUMNS[i] as Column, member.idNumber, fen, incomes, assets);
      });
    }
    if (heads.length === 0) {
      errors.push({ row: first.row, column: HEADER_OF('relation'), message: `本户（户序号 ${key}）没有户主；每户须有且只有一名户主` });
    }
    for (const extra of heads.slice(1)) {
      errors.push({ row: extra, column: HEADER_OF('relation'), message: `本户已有户主（第${heads[0]}行）；每户只能有一名户主` });
    }
    mark(key, before);
    if (!bad.has(key) && household) {
      households.push({ key, rows: list.map((r) => r.row), household, members, memberRows, incomes, assets });
    }
  }
  errors.sort((a, b) => a.row - b.row);
  const rejected = [...groups].filter(([key]) => bad.has(key)).map(([key, list]) => ({ key, rows: list.map((r) => r.row) }));
  return { households, rejected, errors, rowCount: rows.length };
}

const sourceOf = (c: Column) => c.header.replace(/\(.*\)$/, '');

function addItem(c: Column, memberIdNumber: string | null, fen: number, incomes: IncomeItem[], assets: Asset[]) {
  if (c.income) incomes.push({ memberIdNumber, kind: c.income.kind as IncomeItem['kind'], amountFen: fen, period: c.income.period ?? 'month', source: sourceOf(c) });
  else if (c.asset) assets.push({ memberIdNumber, kind: c.asset.kind as Asset['kind'], valueFen: fen, note: '' });
}
