// Reading a settlement file (.xlsx or CSV, by the kernel's table reader) into typed rows: headers
// checked first (a wrong or missing column refuses the file, naming it), then every cell of every row,
// then the rows against each other (a settlement number or an episode twice in the file names both
// rows). Nothing here asks the database.
import type { Cell, FileFormat } from '../../../kernel/files/table.ts';
import type { RowError } from '../../../kernel/files/rows.ts';
import { parseIdNumber } from '../../../kernel/id-number.ts';
import type { NewEpisode } from '../repo/settlements.ts';
import { GROUP_OF_LABEL, KIND_OF_LABEL, SETTLEMENT_COLUMNS, headerOf, type SettlementField } from './settlement-columns.ts';
import { cellText, dateOfCell, fenOfCell } from '../../../kernel/files/cells.ts';
import { readTemplateRows } from '../../../kernel/files/headers.ts';

/** A read row: the episode as the file gives it, and its row number as the spreadsheet shows it (the header is row 1). */
export type SettlementRow = Omit<NewEpisode, 'rowNo' | 'areaCode' | 'householdId' | 'memberId'> & { row: number };

export interface ReadSettlements {
  rows: SettlementRow[];
  errors: RowError[];
  /** Data rows in the file (blank rows not counted). */
  dataRows: number;
}


/**
 * Reads data rows: every cell checked (all of a row's errors collected); `today` bounds every date. One
 * reader per file, its helpers methods (not closures made per row: 100,000 rows made that the costliest
 * part of an import).
 */
class RowReader {
  private row = 0;
  private cells: readonly Cell[] = [];
  private amountsOk = true;

  constructor(private readonly at: ReadonlyMap<SettlementField, number>, private readonly today: string, private readonly errors: RowError[]) {}

  private cell(f: SettlementField): Cell {
    const i = this.at.get(f);
    return i === undefined ? undefined : this.cells[i];
  }

  private fail(f: SettlementField, message: string): void {
    this.errors.push({ row: this.row, column: headerOf(f), message });
  }

  private text(f: SettlementField, max: number): string {
    const t = cellText(this.cell(f));
    if (t === '') this.fail(f, `${headerOf(f)}不能为空`);
    else if (t.length > max) this.fail(f, `${headerOf(f)}超过 ${max} 个字符`);
    return t;
  }

  private date(f: SettlementField, required: boolean): string | null {
    const d = dateOfCell(this.cell(f));
    if (!d.ok) return this.fail(f, `${headerOf(f)}${d.message}`), null;
    if (d.value === null) return required ? (this.fail(f, `${headerOf(f)}不能为空`), null) : null;
    if (d.value > this.today) return this.fail(f, `${headerOf(f)} ${d.value} 晚于今天`), null;
    if (d.value < '2000-01-01') return this.fail(f, `${headerOf(f)} ${d.value} 早于2000年`), null;
    return d.value;
  }

  private fen(f: SettlementField, blank: number | null): number {
    const r = fenOfCell(this.cell(f), blank);
    if (r.ok) return r.value;
    this.amountsOk = false;
    this.fail(f, `${headerOf(f)}${r.message}`);
    return 0;
  }

  private idNumber(): string | null {
    const rawId = cellText(this.cell('idNumber'));
    if (rawId === '') return this.fail('idNumber', '公民身份号码不能为空'), null;
    const p = rawId.length === 18 ? parseIdNumber(rawId, { today: this.today }) : null;
    if (!p) return this.fail('idNumber', `公民身份号码应为18位，实际为${rawId.length}位`), null;
    if (!p.ok) return this.fail('idNumber', `公民身份号码无效：${p.message}`), null;
    return p.idNumber;
  }

  read(row: number, cells: readonly Cell[]): SettlementRow | null {
    this.row = row;
    this.cells = cells;
    this.amountsOk = true;
    const settlementNo = this.text('settlementNo', 64);
    const name = this.text('name', 50);
    const hospital = this.text('hospital', 100).replace(/\s+/g, ' ');
    const idNumber = this.idNumber();
    const groupText = cellText(this.cell('group'));
    const group = GROUP_OF_LABEL[groupText];
    if (!group) this.fail('group', groupText === '' ? '人员类别不能为空' : `人员类别“${groupText}”无效，应为 特困人员、低保对象 或 低保边缘家庭成员`);
    const kindText = cellText(this.cell('kind'));
    const kind = KIND_OF_LABEL[kindText];
    if (!kind) this.fail('kind', kindText === '' ? '就诊类别不能为空' : `就诊类别“${kindText}”无效，应为 门诊 或 住院`);
    const criticalText = cellText(this.cell('critical'));
    const critical = criticalText === '是';
    if (criticalText !== '' && criticalText !== '是' && criticalText !== '否') this.fail('critical', `重特大疾病“${criticalText}”无效，应为 是 或 否`);

    const admittedOn = this.date('admittedOn', true);
    let dischargedOn = this.date('dischargedOn', kind === 'inpatient');
    const settledOn = this.date('settledOn', true);
    if (dischargedOn === null && kind === 'outpatient' && cellText(this.cell('dischargedOn')) === '') dischargedOn = admittedOn;
    if (admittedOn && dischargedOn && dischargedOn < admittedOn) this.fail('dischargedOn', `出院日期 ${dischargedOn} 早于入院（就诊）日期 ${admittedOn}`);
    if (admittedOn && settledOn && settledOn < admittedOn) this.fail('settledOn', `结算日期 ${settledOn} 早于入院（就诊）日期 ${admittedOn}`);

    const totalCostFen = this.fen('totalCost', null);
    const basicInsuranceFen = this.fen('basicInsurance', null);
    const criticalInsuranceFen = this.fen('criticalInsurance', 0);
    const eligibleSelfPayFen = this.fen('eligibleSelfPay', null);
    const assistanceFen = this.fen('assistance', null);
    const tiltFen = this.fen('tilt', 0);
    if (this.amountsOk) {
      if (assistanceFen > eligibleSelfPayFen) this.fail('assistance', `医疗救助支付 ${yuan(assistanceFen)} 元大于政策范围内个人自付 ${yuan(eligibleSelfPayFen)} 元`);
      if (basicInsuranceFen + criticalInsuranceFen > totalCostFen) this.fail('basicInsurance', `基本医保支付与大病保险支付之和 ${yuan(basicInsuranceFen + criticalInsuranceFen)} 元大于医疗总费用 ${yuan(totalCostFen)} 元`);
    }
    // A row whose values all read is checked against the database too (its other errors are reported as well).
    if (!idNumber || !group || !kind || !admittedOn || !dischargedOn || !settledOn || !this.amountsOk) return null;
    return {
      row, settlementNo, name, idNumber, group, hospital, kind, critical, admittedOn, dischargedOn, settledOn,
      totalCostFen, basicInsuranceFen, criticalInsuranceFen, eligibleSelfPayFen, assistanceFen, tiltFen,
    };
  }
}

const yuan = (fen: number) => (fen / 100).toFixed(2);

/** The identity of an episode in the ledger's one-episode-once index. */
export const episodeKey = (r: Pick<SettlementRow, 'idNumber' | 'hospital' | 'admittedOn' | 'kind'>) => `${r.idNumber}|${r.hospital}|${r.admittedOn}|${r.kind}`;

/** A settlement number or an episode twice in the file: both rows get an error naming the other. */
function duplicatesInFile(rows: readonly SettlementRow[], errors: RowError[]): void {
  const check = (key: (r: SettlementRow) => string, column: string, what: (r: SettlementRow) => string) => {
    const first = new Map<string, SettlementRow>();
    for (const r of rows) {
      const k = key(r);
      const f = first.get(k);
      if (!f) {
        first.set(k, r);
        continue;
      }
      errors.push({ row: f.row, column, message: `与第${r.row}行${what(r)}` });
      errors.push({ row: r.row, column, message: `与第${f.row}行${what(r)}` });
    }
  };
  check((r) => r.settlementNo, headerOf('settlementNo'), (r) => `的结算单号 ${r.settlementNo} 重复`);
  check(episodeKey, headerOf('admittedOn'), () => '为同一次就医（同一人、同一医疗机构、同一入院（就诊）日期、同一就诊类别），重复');
}

/** Rows are checked as the reader hands them over (a large file parses in a worker meanwhile). */
export async function readSettlementFile(body: Buffer, format: FileFormat, today: string): Promise<ReadSettlements> {
  const errors: RowError[] = [];
  const { rows, dataRows } = await readTemplateRows(body, format, SETTLEMENT_COLUMNS, '一站式结算导入', (at) => new RowReader(at, today, errors));
  duplicatesInFile(rows, errors);
  return { rows, errors, dataRows };
}
