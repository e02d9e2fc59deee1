// Reading a settlement file (.xlsx or CSV, by the kernel's table reader) into typed rows: headers
// checked first (a wrong or missing column refuses the file, naming it), then every cell of every row,
// then the rows against each other (a settlement number or an episode twice in the file names both
// rows). Nothing here asks the database.
import { badFile, isBlankRow, readTableFile, type Cell, type FileFormat } from '../../../kernel/files/table.ts';
import type { RowError } from '../../../kernel/files/rows.ts';
import { parseIdNumber } from '../../../kernel/id-number.ts';
import type { MedicalGroup } from '../repo/groups.ts';
import type { EpisodeKind } from '../tables.ts';
import { GROUP_OF_LABEL, KIND_OF_LABEL, SETTLEMENT_COLUMNS, headerOf, normaliseHeader, type SettlementField } from './settlement-columns.ts';
import { cellText, dateOfCell, fenOfCell } from './settlement-values.ts';

export interface SettlementRow {
  /** Row number as the spreadsheet shows it (the header is row 1). */
  row: number;
  settlementNo: string;
  name: string;
  idNumber: string;
  group: MedicalGroup;
  hospital: string;
  kind: EpisodeKind;
  critical: boolean;
  admittedOn: string;
  dischargedOn: string;
  settledOn: string;
  totalCostFen: number;
  basicInsuranceFen: number;
  criticalInsuranceFen: number;
  eligibleSelfPayFen: number;
  assistanceFen: number;
  tiltFen: number;
}

export interface ReadSettlements {
  rows: SettlementRow[];
  errors: RowError[];
  /** Data rows in the file (blank rows not counted). */
  dataRows: number;
}

/** Where each field is in the file's columns; refuses a file whose header row is not the template's. */
function mapHeaders(cells: readonly Cell[]): Map<SettlementField, number> {
  const at = new Map<SettlementField, number>();
  const unknown: string[] = [];
  const duplicate: string[] = [];
  const byHeader = new Map(SETTLEMENT_COLUMNS.map((c) => [normaliseHeader(c.header), c]));
  cells.forEach((h, i) => {
    const text = normaliseHeader(cellText(h));
    if (text === '') return;
    const col = byHeader.get(text);
    if (!col) unknown.push(cellText(h));
    else if (at.has(col.field)) duplicate.push(col.header);
    else at.set(col.field, i);
  });
  const missing = SETTLEMENT_COLUMNS.filter((c) => c.required && !at.has(c.field)).map((c) => c.header);
  const problems: string[] = [];
  if (missing.length > 0) problems.push(`缺少必填列：${missing.join('、')}`);
  if (unknown.length > 0) problems.push(`无法识别的列：${unknown.join('、')}`);
  if (duplicate.length > 0) problems.push(`列重复：${duplicate.join('、')}`);
  if (problems.length > 0) throw badFile(`表头不符合一站式结算导入模板（第1行）：${problems.join('；')}。请下载模板后按模板填写`, { missing, unknown, duplicate });
  return at;
}

/** One data row: every cell checked (all its errors collected); `today` bounds every date. */
function parseRow(row: number, cells: readonly Cell[], at: ReadonlyMap<SettlementField, number>, today: string, errors: RowError[]): SettlementRow | null {
  const cell = (f: SettlementField): Cell => {
    const i = at.get(f);
    return i === undefined ? undefined : cells[i];
  };
  const fail = (f: SettlementField, message: string) => void errors.push({ row, column: headerOf(f), message });
  const text = (f: SettlementField, max: number): string => {
    const t = cellText(cell(f));
    if (t === '') fail(f, `${headerOf(f)}不能为空`);
    else if (t.length > max) fail(f, `${headerOf(f)}超过 ${max} 个字符`);
    return t;
  };
  const settlementNo = text('settlementNo', 64);
  const name = text('name', 50);
  const hospital = text('hospital', 100).replace(/\s+/g, ' ');
  const rawId = cellText(cell('idNumber'));
  let idNumber: string | null = null;
  if (rawId === '') fail('idNumber', '公民身份号码不能为空');
  else {
    const p = rawId.length === 18 ? parseIdNumber(rawId, { today }) : null;
    if (!p) fail('idNumber', `公民身份号码应为18位，实际为${rawId.length}位`);
    else if (!p.ok) fail('idNumber', `公民身份号码无效：${p.message}`);
    else idNumber = p.idNumber;
  }
  const groupText = cellText(cell('group'));
  const group = GROUP_OF_LABEL[groupText];
  if (!group) fail('group', groupText === '' ? '人员类别不能为空' : `人员类别“${groupText}”无效，应为 特困人员、低保对象 或 低保边缘家庭成员`);
  const kindText = cellText(cell('kind'));
  const kind = KIND_OF_LABEL[kindText];
  if (!kind) fail('kind', kindText === '' ? '就诊类别不能为空' : `就诊类别“${kindText}”无效，应为 门诊 或 住院`);
  const criticalText = cellText(cell('critical'));
  const critical = criticalText === '是';
  if (criticalText !== '' && criticalText !== '是' && criticalText !== '否') fail('critical', `重特大疾病“${criticalText}”无效，应为 是 或 否`);

  const date = (f: SettlementField, required: boolean): string | null => {
    const d = dateOfCell(cell(f));
    if (!d.ok) return fail(f, `${headerOf(f)}${d.message}`), null;
    if (d.value === null) return required ? (fail(f, `${headerOf(f)}不能为空`), null) : null;
    if (d.value > today) return fail(f, `${headerOf(f)} ${d.value} 晚于今天`), null;
    if (d.value < '2000-01-01') return fail(f, `${headerOf(f)} ${d.value} 早于2000年`), null;
    return d.value;
  };
  const admittedOn = date('admittedOn', true);
  let dischargedOn = date('dischargedOn', kind === 'inpatient');
  const settledOn = date('settledOn', true);
  if (dischargedOn === null && kind === 'outpatient' && cellText(cell('dischargedOn')) === '') dischargedOn = admittedOn;
  if (admittedOn && dischargedOn && dischargedOn < admittedOn) fail('dischargedOn', `出院日期 ${dischargedOn} 早于入院（就诊）日期 ${admittedOn}`);
  if (admittedOn && settledOn && settledOn < admittedOn) fail('settledOn', `结算日期 ${settledOn} 早于入院（就诊）日期 ${admittedOn}`);

  let amountsOk = true;
  const fen = (f: SettlementField, blank: number | null): number => {
    const r = fenOfCell(cell(f), blank);
    if (r.ok) return r.value;
    amountsOk = false;
    fail(f, `${headerOf(f)}${r.message}`);
    return 0;
  };
  const totalCostFen = fen('totalCost', null);
  const basicInsuranceFen = fen('basicInsurance', null);
  const criticalInsuranceFen = fen('criticalInsurance', 0);
  const eligibleSelfPayFen = fen('eligibleSelfPay', null);
  const assistanceFen = fen('assistance', null);
  const tiltFen = fen('tilt', 0);
  if (amountsOk) {
    if (assistanceFen > eligibleSelfPayFen) fail('assistance', `医疗救助支付 ${yuan(assistanceFen)} 元大于政策范围内个人自付 ${yuan(eligibleSelfPayFen)} 元`);
    if (basicInsuranceFen + criticalInsuranceFen > totalCostFen) fail('basicInsurance', `基本医保支付与大病保险支付之和 ${yuan(basicInsuranceFen + criticalInsuranceFen)} 元大于医疗总费用 ${yuan(totalCostFen)} 元`);
  }
  // A row whose values all read is checked against the database too (its other errors are reported as well).
  if (!idNumber || !group || !kind || !admittedOn || !dischargedOn || !settledOn || !amountsOk) return null;
  return {
    row, settlementNo, name, idNumber, group, hospital, kind, critical, admittedOn, dischargedOn, settledOn,
    totalCostFen, basicInsuranceFen, criticalInsuranceFen, eligibleSelfPayFen, assistanceFen, tiltFen,
  };
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

export async function readSettlementFile(body: Buffer, format: FileFormat, today: string): Promise<ReadSettlements> {
  const table = await readTableFile(body, format);
  const at = mapHeaders(table[0]!.cells);
  const errors: RowError[] = [];
  const rows: SettlementRow[] = [];
  let dataRows = 0;
  for (let i = 1; i < table.length; i++) {
    const r = table[i]!;
    if (isBlankRow(r.cells)) continue;
    dataRows++;
    const parsed = parseRow(r.row, r.cells, at, today, errors);
    if (parsed) rows.push(parsed);
  }
  if (dataRows === 0) throw badFile('文件中没有数据行（表头之下为空）');
  duplicatesInFile(rows, errors);
  return { rows, errors, dataRows };
}
