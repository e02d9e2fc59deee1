// Reading a caseload file (.xlsx or CSV, by the kernel's table reader) into typed rows: headers checked
// first (a wrong or missing column refuses the file, naming it), then every cell of every row (all of a
// row's errors collected), then the rows against each other (a household's 低保 or a person's 特困 twice
// names both rows). Nothing here asks the database.
import { cellText, dateOfCell, fenOfCell } from '../../../kernel/files/cells.ts';
import { readTemplateRows } from '../../../kernel/files/headers.ts';
import type { RowError } from '../../../kernel/files/rows.ts';
import type { Cell, FileFormat } from '../../../kernel/files/table.ts';
import { parseIdNumber } from '../../../kernel/id-number.ts';
import type { HardshipOrigin } from '../../../programmes/hardship/origin.ts';
import {
  CASELOAD_COLUMNS, headerOf, MODE_OF_CATEGORY, ORIGIN_OF_LABEL, PROGRAMME_OF_LABEL, STABILITY_OF_CATEGORY,
  type CaseloadField, type CaseloadProgramme, type Stability, type SupportMode,
} from '../columns.ts';

/** A row as the file gives it, typed; `row` as the spreadsheet shows it (the header is row 1). */
export interface FileRow {
  row: number;
  householdNo: string;
  programme: CaseloadProgramme;
  /** 低保 only. */
  stability: Stability | null;
  /** 特困 only. */
  mode: SupportMode | null;
  institution: string | null;
  /** 特困: the person; 低保: the applicant, null for the head. */
  idNumber: string | null;
  /** 低保: the members covered, empty for all. */
  members: string[];
  approvedOn: string;
  amountFen: number;
  lastReviewOn: string | null;
  /** A case the previous system closed: the closing date (null: still open). */
  closedOn: string | null;
  /** 特困: the origin the file gives (null: derived from the registry). */
  origin: HardshipOrigin | null;
}

export interface ReadCaseload {
  rows: FileRow[];
  errors: RowError[];
  /** Data rows in the file (blank rows not counted). */
  dataRows: number;
}


const HOUSEHOLD_NO = /^\d{14}$/;

/** One reader per file, its helpers methods (closures made per row cost the settlement import most of its time). */
class RowReader {
  private row = 0;
  private cells: readonly Cell[] = [];

  constructor(private readonly at: ReadonlyMap<CaseloadField, number>, private readonly today: string, private readonly errors: RowError[]) {}

  private cell(f: CaseloadField): Cell {
    const i = this.at.get(f);
    return i === undefined ? undefined : this.cells[i];
  }

  private fail(f: CaseloadField, message: string): void {
    this.errors.push({ row: this.row, column: headerOf(f), message });
  }

  private date(f: CaseloadField, required: boolean): string | null {
    const d = dateOfCell(this.cell(f));
    if (!d.ok) return this.fail(f, `${headerOf(f)}${d.message}`), null;
    if (d.value === null) return required ? (this.fail(f, `${headerOf(f)}不能为空`), null) : null;
    if (d.value > this.today) return this.fail(f, `${headerOf(f)} ${d.value} 晚于今天`), null;
    if (d.value < '1990-01-01') return this.fail(f, `${headerOf(f)} ${d.value} 早于1990年`), null;
    return d.value;
  }

  private id(f: CaseloadField, raw: string): string | null {
    const p = raw.length === 18 ? parseIdNumber(raw, { today: this.today }) : null;
    if (!p) return this.fail(f, `身份证号码“${raw}”应为18位，实际为${raw.length}位`), null;
    if (!p.ok) return this.fail(f, `身份证号码“${raw}”无效：${p.message}`), null;
    return p.idNumber;
  }

  read(row: number, cells: readonly Cell[]): FileRow | null {
    this.row = row;
    this.cells = cells;
    const before = this.errors.length;
    const householdNo = cellText(this.cell('householdNo'));
    if (householdNo === '') this.fail('householdNo', '户编号不能为空');
    else if (!HOUSEHOLD_NO.test(householdNo)) this.fail('householdNo', `户编号“${householdNo}”应为14位数字`);

    const programmeText = cellText(this.cell('programme'));
    const programme = PROGRAMME_OF_LABEL[programmeText];
    if (!programme) this.fail('programme', programmeText === '' ? '救助项目不能为空' : `救助项目“${programmeText}”无效，应为 低保 或 特困`);

    const categoryText = cellText(this.cell('category')).replace(/\s/g, '').toUpperCase();
    const stability = programme === 'dibao' ? (STABILITY_OF_CATEGORY[categoryText] ?? null) : null;
    const mode = programme === 'hardship' ? (MODE_OF_CATEGORY[categoryText] ?? null) : null;
    if (programme === 'dibao' && !stability) this.fail('category', categoryText === '' ? '低保的类别不能为空，应为 A类、B类 或 C类' : `类别“${categoryText}”不是低保的类别，应为 A类、B类 或 C类`);
    if (programme === 'hardship' && !mode) this.fail('category', categoryText === '' ? '特困的类别不能为空，应为 集中供养 或 分散供养' : `类别“${categoryText}”不是特困的类别，应为 集中供养 或 分散供养`);

    const institutionText = cellText(this.cell('institution')).replace(/\s+/g, ' ');
    if (mode === 'institutional' && institutionText === '') this.fail('institution', '集中供养须填写供养机构');
    if (mode !== 'institutional' && programme && institutionText !== '') this.fail('institution', programme === 'dibao' ? '低保不填写供养机构' : '分散供养不填写供养机构');
    if (institutionText.length > 100) this.fail('institution', '供养机构名称超过100个字');

    const idText = cellText(this.cell('idNumber')).toUpperCase();
    const idNumber = idText === '' ? null : this.id('idNumber', idText);
    if (programme === 'hardship' && idText === '') this.fail('idNumber', '特困须填写被供养人的身份证号码');

    const membersText = cellText(this.cell('members'));
    const members: string[] = [];
    if (membersText !== '') {
      if (programme === 'hardship') this.fail('members', '特困不填写保障成员（被供养人见“对象身份证号码”）');
      for (const raw of membersText.toUpperCase().split(/[、,，;；\s]+/).filter((x) => x !== '')) {
        const m = this.id('members', raw);
        if (!m) continue;
        if (members.includes(m)) this.fail('members', `保障成员 ${raw} 重复`);
        else members.push(m);
      }
    }

    const approvedOn = this.date('approvedOn', true);
    const lastReviewOn = this.date('lastReviewOn', false);
    if (approvedOn && lastReviewOn && lastReviewOn < approvedOn) this.fail('lastReviewOn', `最近复核日期 ${lastReviewOn} 早于批准日期 ${approvedOn}`);

    const closedOn = this.date('closedOn', false);
    if (approvedOn && closedOn && closedOn < approvedOn) this.fail('closedOn', `终止日期 ${closedOn} 早于批准日期 ${approvedOn}`);

    const originText = cellText(this.cell('origin')).replace(/\s/g, '');
    const origin = originText === '' ? null : (ORIGIN_OF_LABEL[originText] ?? null);
    if (originText !== '' && programme === 'dibao') this.fail('origin', '低保不填写供养类别');
    else if (originText !== '' && !origin) this.fail('origin', `供养类别“${originText}”无效，应为 五保、三无 或 孤儿`);

    const amount = fenOfCell(this.cell('amount'), null);
    if (!amount.ok) this.fail('amount', `月保障金额${amount.message}`);
    else if (amount.value <= 0) this.fail('amount', '月保障金额应大于0');

    if (this.errors.length > before || !programme || !approvedOn || !amount.ok) return null;
    return {
      row, householdNo, programme, stability, mode, institution: mode === 'institutional' ? institutionText : null,
      idNumber, members, approvedOn, amountFen: amount.value, lastReviewOn, closedOn, origin,
    };
  }
}

/**
 * A household's 低保 or a person's 特困 twice in the file, both open (or their times overlapping): both rows
 * get an error naming the other. A closed row is history: the same household or person may have another
 * row of a time after its closing (closed in 2014, approved again in 2015), or before its approval.
 */
function duplicatesInFile(rows: readonly FileRow[], errors: RowError[]): void {
  const byKey = new Map<string, FileRow[]>();
  for (const r of rows) {
    const key = r.programme === 'dibao' ? `dibao|${r.householdNo}` : `hardship|${r.idNumber ?? ''}`;
    const list = byKey.get(key);
    if (list) list.push(r);
    else byKey.set(key, [r]);
  }
  // A case holds from its approval until its closing date (exclusive: a case may be approved the day another closes).
  const overlap = (a: FileRow, b: FileRow) => a.approvedOn < (b.closedOn ?? '9999') && b.approvedOn < (a.closedOn ?? '9999');
  for (const list of byKey.values()) {
    if (list.length < 2) continue;
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const f = list[i]!;
        const r = list[j]!;
        const bothOpen = f.closedOn === null && r.closedOn === null;
        if (!bothOpen && !overlap(f, r)) continue;
        const [column, what] = r.programme === 'dibao' ? [headerOf('householdNo'), `同一户（${r.householdNo}）的低保`] : [headerOf('idNumber'), '同一人的特困供养'];
        const how = bothOpen ? '重复' : '保障期间重叠（已终止的案件到终止日期为止）';
        errors.push({ row: f.row, column, message: `与第${r.row}行为${what}，${how}` });
        errors.push({ row: r.row, column, message: `与第${f.row}行为${what}，${how}` });
      }
    }
  }
}

/** Rows are checked as the reader hands them over (a large file parses in a worker meanwhile). */
export async function readCaseloadFile(body: Buffer, format: FileFormat, today: string): Promise<ReadCaseload> {
  const errors: RowError[] = [];
  const { rows, dataRows } = await readTemplateRows(body, format, CASELOAD_COLUMNS, '存量对象导入', (at) => new RowReader(at, today, errors));
  duplicatesInFile(rows, errors);
  return { rows, errors, dataRows };
}
