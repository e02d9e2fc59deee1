/** Spreadsheets of the household file: the template, the error report, exports (exceljs). */
import { PassThrough } from 'node:stream';
import type ExcelJS from 'exceljs';
import { excel } from '../../../kernel/files/excel.ts';
import { neutraliseCell } from '../../../kernel/files/neutralise.ts';
import { maskBankAccount, maskIdNumber, maskPhone } from '../../../kernel/mask.ts';
import {
  DISABILITY_KIND_LABELS, HOUSEHOLD_CATEGORY_LABELS, HUKOU_LABELS, LEFT_BEHIND_LABELS, PERSON_CATEGORY_LABELS,
  POVERTY_CAUSE_LABELS, RELATION_LABELS, WORK_CAPACITY_LABELS,
} from '../domain/labels.ts';
import type { Asset, Household, IncomeItem, IncomePeriod, Member } from '../domain/types.ts';
import { COLUMNS, GUIDE_SHEET, HEADERS, MEMBER_SHEET, type Column } from './columns.ts';
import type { Cell } from './read-file.ts';

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
const REQUIRED_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFCE4D6' } };
const colLetter = (n: number): string => (n <= 26 ? String.fromCharCode(64 + n) : colLetter(Math.floor((n - 1) / 26)) + String.fromCharCode(65 + ((n - 1) % 26)));

const LISTS: Record<string, Record<string, string>> = {
  hukou: HUKOU_LABELS, memberHukou: HUKOU_LABELS, relation: RELATION_LABELS, workCapacity: WORK_CAPACITY_LABELS,
  disabilityKind: DISABILITY_KIND_LABELS, leftBehind: LEFT_BEHIND_LABELS,
  povertyFile: { y: '是', n: '否' }, agricultural: { y: '是', n: '否' }, seriousIllness: { y: '是', n: '否' }, student: { y: '是', n: '否' },
  disabilityGrade: { 1: '1', 2: '2', 3: '3', 4: '4' },
};

async function toBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The import template: 家庭成员 (headers, text columns, drop-down lists) and 填写说明. */
export async function templateWorkbook(): Promise<Buffer> {
  const wb = new (await excel()).Workbook();
  wb.creator = 'Jiuzhu 救助';
  const ws = wb.addWorksheet(MEMBER_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width, ...(c.text ? { style: { numFmt: '@' } } : {}) }));
  const header = ws.getRow(1);
  header.font = { bold: true };
  COLUMNS.forEach((c, i) => {
    header.getCell(i + 1).fill = c.required ? REQUIRED_FILL : HEADER_FILL;
    header.getCell(i + 1).note = c.note;
    const list = LISTS[c.key];
    if (list) {
      const letter = colLetter(i + 1);
      (ws as unknown as { dataValidations: { add(a: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(`${letter}2:${letter}5000`, {
        type: 'list', allowBlank: true, formulae: [`"${Object.values(list).join(',')}"`], showErrorMessage: true, errorTitle: c.header, error: c.note,
      });
    }
  });

  const guide = wb.addWorksheet(GUIDE_SHEET);
  guide.columns = [{ width: 20 }, { width: 10 }, { width: 8 }, { width: 90 }];
  const intro = [
    '家庭与成员导入模板 — 填写说明',
    '1. 每位家庭成员填一行；同一户的各行填相同的“户序号”（本文件内自编，如 1、2、3），系统据此把各行归为一户，并为每户分配户编号。',
    '2. 户级列（户序号、村(社区)代码、户籍性质、家庭住址、联系电话、开户银行、银行账号、建档立卡、农业人口、家庭类别、农业收入、房产价值）取本户第一行的值；其余行可留空，填写时须与第一行相同。',
    '3. 每户有且只有一名户主；身份证号码在文件中不得重复，也不得已在任何县登记（一人只能属于一个家庭）。',
    '4. 选项列填写中文选项（见下表）；金额以元为单位，最多两位小数；收入按列名所示按月或按年填写，空或0表示没有。',
    '5. 身份证号码、银行账号、电话、区划代码请以文本格式填写（本模板已设为文本），以免 Excel 丢失位数。',
    '6. 导入前先整体校验：默认只要有一行有误，整个文件都不导入，并给出错误报告（行号、列名、原因）；选择“部分导入”时，只导入所有行均无误的家庭。',
    '7. 行号按 Excel 显示的行号计（表头为第1行）；CSV 文件同样按行计，可用 UTF-8 或 GBK 编码保存，列与本模板相同。',
  ];
  intro.forEach((t, i) => {
    const r = guide.addRow([t]);
    guide.mergeCells(r.number, 1, r.number, 4);
    if (i === 0) r.font = { bold: true, size: 14 };
  });
  guide.addRow([]);
  const head = guide.addRow(['列名', '层级', '必填', '说明 / 可填的值']);
  head.font = { bold: true };
  head.eachCell((c) => (c.fill = HEADER_FILL));
  for (const c of COLUMNS) {
    const r = guide.addRow([c.header, c.level === 'household' ? '户' : '成员', c.required ? '是' : '否', c.note]);
    r.getCell(4).alignment = { wrapText: true };
  }
  return toBuffer(wb);
}

export interface HouseholdForFile {
  household: Pick<Household, 'villageCode' | 'hukou' | 'address' | 'phone' | 'bankName' | 'bankAccount' | 'povertyFile' | 'agricultural' | 'categories' | 'povertyCauses' | 'mainPovertyCause'>;
  members: readonly Member[];
  incomes: readonly IncomeItem[];
  assets: readonly Asset[];
}

const yesNo = (b: boolean) => (b ? '是' : '否');
const joinLabels = (xs: readonly string[], m: Record<string, string>) => xs.map((x) => m[x] ?? x).join('、');
const toPeriod = (fen: number, from: IncomePeriod, to: IncomePeriod) => (from === to ? fen : to === 'month' ? Math.round(fen / 12) : fen * 12);
const yuan = (fen: number) => fen / 100;
/** The file lists the main cause first (the import reads it so). */
const mainFirst = (causes: readonly string[], main: string | null) => (main === null ? causes : [main, ...causes.filter((c) => c !== main)]);

/**
 * The rows of one household in COLUMNS order: household columns on every row, incomes and assets on
 * their member's row (summed per column; an item of the household as a whole goes on the head's row).
 */
export function householdRows(key: string, r: HouseholdForFile, masked = false): Cell[][] {
  const h = r.household;
  const headIndex = Math.max(0, r.members.findIndex((m) => m.relation === 'head'));
  const rowOf = (id: string | null) => {
    if (id === null) return headIndex;
    const i = r.members.findIndex((m) => m.idNumber === id);
    return i < 0 ? headIndex : i;
  };
  const amounts = r.members.map(() => new Map<string, number>());
  const add = (row: number, c: Column | undefined, fen: number) => {
    if (!c) return;
    const target = c.level === 'household' ? headIndex : row;
    const m = amounts[target] as Map<string, number>;
    m.set(c.key, (m.get(c.key) ?? 0) + fen);
  };
  for (const i of r.incomes) {
    const c = COLUMNS.find((x) => x.income?.kind === i.kind);
    add(rowOf(i.memberIdNumber), c, toPeriod(i.amountFen, i.period, c?.income?.period ?? i.period));
  }
  for (const a of r.assets) add(rowOf(a.memberIdNumber), COLUMNS.find((x) => x.asset?.kind === a.kind), a.valueFen);
  const householdAmounts = amounts[headIndex] as Map<string, number>;

  return r.members.map((m, i) => {
    const own = amounts[i] as Map<string, number>;
    const values: Record<string, Cell> = {
      group: key, villageCode: h.villageCode, hukou: HUKOU_LABELS[h.hukou], address: h.address,
      phone: masked ? maskPhone(h.phone) : h.phone, bankName: h.bankName, bankAccount: masked ? maskBankAccount(h.bankAccount) : h.bankAccount,
      povertyFile: yesNo(h.povertyFile), agricultural: yesNo(h.agricultural), householdCategories: joinLabels(h.categories, HOUSEHOLD_CATEGORY_LABELS),
      povertyCauses: joinLabels(mainFirst(h.povertyCauses ?? [], h.mainPovertyCause ?? null), POVERTY_CAUSE_LABELS),
      name: m.name, idNumber: masked ? maskIdNumber(m.idNumber) : m.idNumber, relation: RELATION_LABELS[m.relation],
      memberHukou: HUKOU_LABELS[m.hukou], workCapacity: WORK_CAPACITY_LABELS[m.workCapacity],
      disabilityKind: m.disabilityKind ? DISABILITY_KIND_LABELS[m.disabilityKind] : undefined,
      disabilityGrade: m.disabilityGrade ?? undefined, seriousIllness: yesNo(m.seriousIllness), student: yesNo(m.student),
      memberCategories: joinLabels(m.categories, PERSON_CATEGORY_LABELS), leftBehind: m.leftBehind ? LEFT_BEHIND_LABELS[m.leftBehind] : undefined,
      memberPhone: m.phone ? (masked ? maskPhone(m.phone) : m.phone) : undefined,
    };
    return COLUMNS.map((c) => {
      if (c.income || c.asset) {
        const fen = (c.level === 'household' ? householdAmounts : own).get(c.key);
        return fen ? yuan(fen) : undefined;
      }
      const v = values[c.key];
      return v === '' ? undefined : v;
    });
  });
}

/** Writes a household file row by row (streaming), to a file or into a buffer. */
export class HouseholdFileWriter {
  private readonly ws: ExcelJS.Worksheet;
  rows = 0;

  private constructor(private readonly wb: ExcelJS.stream.xlsx.WorkbookWriter, private readonly chunks: Buffer[], sheetName: string) {
    this.ws = this.wb.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
    this.ws.columns = COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width, ...(c.text ? { style: { numFmt: '@' } } : {}) }));
    this.ws.getRow(1).font = { bold: true };
    this.ws.getRow(1).commit();
  }

  static async open(target: { filename: string } | 'buffer', sheetName = MEMBER_SHEET): Promise<HouseholdFileWriter> {
    const { stream: writers } = await excel();
    const chunks: Buffer[] = [];
    if (target === 'buffer') {
      const stream = new PassThrough();
      stream.on('data', (c: Buffer) => chunks.push(c));
      return new HouseholdFileWriter(new writers.xlsx.WorkbookWriter({ stream, useSharedStrings: true, useStyles: true }), chunks, sheetName);
    }
    return new HouseholdFileWriter(new writers.xlsx.WorkbookWriter({ filename: target.filename, useSharedStrings: true, useStyles: true }), chunks, sheetName);
  }

  add(key: string, r: HouseholdForFile, masked = false): void {
    for (const cells of householdRows(key, r, masked)) {
      this.ws.addRow(cells.map(neutraliseCell)).commit();
      this.rows++;
    }
  }

  async finish(): Promise<Buffer> {
    this.ws.commit();
    await this.wb.commit();
    return Buffer.concat(this.chunks);
  }
}

export { HEADERS };
