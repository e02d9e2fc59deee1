// Reading a 冬春 needs-survey file (.xlsx or CSV by the kernel's table reader) into rows: the header row
// checked first (a missing or unknown column refuses the file, naming it), then every cell of every row
// (all of a row's errors collected, named by row and column header). Nothing here asks the database.
import { isRealDate } from '../../../kernel/id-number.ts';
import type { RowError } from '../../../kernel/files/rows.ts';
import { badFile, isBlankRow, readTableFile, type Cell, type FileFormat } from '../../../kernel/files/table.ts';

export const WINTER_COLUMNS = [
  { field: 'householdNo', header: '户编号', required: true },
  { field: 'personsFirst', header: '一类人数', required: true },
  { field: 'personsSecond', header: '二类人数', required: true },
  { field: 'personsThird', header: '三类人数', required: true },
  { field: 'surveyedOn', header: '调查日期', required: true },
  { field: 'note', header: '备注', required: false },
] as const;
type Field = (typeof WINTER_COLUMNS)[number]['field'];

export interface WinterFileRow {
  row: number;
  householdNo: string;
  personsFirst: number;
  personsSecond: number;
  personsThird: number;
  surveyedOn: string;
  note: string;
}

const text = (c: Cell): string => (c === undefined ? '' : String(c).trim());
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** A date as Excel writes it (a date cell's serial number, YYYY-MM-DD, YYYY/M/D, YYYYMMDD) → ISO, or null. */
function dateOf(c: Cell): string | null {
  if (typeof c === 'number') return Number.isInteger(c) && c >= 1 && c <= 2_958_465 ? new Date(EXCEL_EPOCH + c * 86_400_000).toISOString().slice(0, 10) : null;
  const t = text(c);
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(t) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  const iso = m ? `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` : '';
  return m && isRealDate(iso) ? iso : null;
}

function mapHeaders(cells: readonly Cell[]): Map<Field, number> {
  const at = new Map<Field, number>();
  const unknown: string[] = [];
  cells.forEach((h, i) => {
    const t = text(h).replace(/\s/g, '');
    if (t === '') return;
    const col = WINTER_COLUMNS.find((c) => c.header === t);
    if (!col || at.has(col.field)) unknown.push(text(h));
    else at.set(col.field, i);
  });
  const missing = WINTER_COLUMNS.filter((c) => c.required && !at.has(c.field)).map((c) => c.header);
  if (missing.length > 0 || unknown.length > 0) {
    const problems = [missing.length > 0 ? `缺少列：${missing.join('、')}` : '', unknown.length > 0 ? `无法识别或重复的列：${unknown.join('、')}` : ''].filter(Boolean);
    throw badFile(`表头不符合冬春需求调查模板（第1行）：${problems.join('；')}。表头应为：${WINTER_COLUMNS.map((c) => c.header).join('、')}`, { missing, unknown });
  }
  return at;
}

/** Every data row of the file and every error of its cells; two rows of one household name both. */
export async function readWinterFile(body: Buffer, format: FileFormat): Promise<{ rows: WinterFileRow[]; errors: RowError[] }> {
  const table = await readTableFile(body, format);
  const [head, ...data] = table;
  if (!head) throw badFile('文件为空');
  const at = mapHeaders(head.cells);
  const rows: WinterFileRow[] = [];
  const errors: RowError[] = [];
  const firstRowOf = new Map<string, number>();
  for (const r of data) {
    if (isBlankRow(r.cells)) continue;
    const cell = (f: Field) => { const i = at.get(f); return i === undefined ? undefined : r.cells[i]; };
    const header = (f: Field) => WINTER_COLUMNS.find((c) => c.field === f)?.header ?? f;
    const before = errors.length;
    const fail = (f: Field, message: string) => void errors.push({ row: r.row, column: header(f), message });
    const householdNo = text(cell('householdNo'));
    if (!/^\d{14}$/.test(householdNo)) fail('householdNo', householdNo === '' ? '户编号不能为空' : `“${householdNo}”不是户编号（14位数字）`);
    const persons = (f: 'personsFirst' | 'personsSecond' | 'personsThird'): number => {
      const c = cell(f);
      const n = c === undefined || text(c) === '' ? 0 : Number(text(c));
      if (!Number.isInteger(n) || n < 0 || n > 100) fail(f, `“${text(c)}”应为0—100的整数`);
      return Number.isInteger(n) ? n : 0;
    };
    const counts = { personsFirst: persons('personsFirst'), personsSecond: persons('personsSecond'), personsThird: persons('personsThird') };
    if (errors.length === before && counts.personsFirst + counts.personsSecond + counts.personsThird === 0) fail('personsFirst', '一、二、三类人数至少一项大于0');
    const surveyedOn = dateOf(cell('surveyedOn'));
    if (surveyedOn === null) fail('surveyedOn', text(cell('surveyedOn')) === '' ? '调查日期不能为空' : `“${text(cell('surveyedOn'))}”不是有效日期，应为 YYYY-MM-DD`);
    const note = text(cell('note'));
    if (note.length > 200) fail('note', '备注不超过200字');
    const seen = firstRowOf.get(householdNo);
    if (householdNo !== '' && seen !== undefined) fail('householdNo', `户编号 ${householdNo} 与第 ${seen} 行重复`);
    else if (householdNo !== '') firstRowOf.set(householdNo, r.row);
    if (errors.length === before && surveyedOn !== null) rows.push({ row: r.row, householdNo, ...counts, surveyedOn, note });
  }
  if (data.every((r) => isBlankRow(r.cells))) throw badFile('文件没有数据行');
  return { rows, errors };
}
