// The previous system's export as the caseload import reads it (CSV, the template's Chinese headers).
import type { CaseRow } from './households.ts';

const HEADERS = ['户编号', '救助项目', '类别', '供养机构', '对象身份证号码', '批准日期', '月保障金额', '最近复核日期', '终止日期', '供养类别'];
const yuan = (fen: number) => `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;

export function caseloadCsv(rows: readonly (CaseRow & { householdNo: string })[]): Buffer {
  const lines = [HEADERS.join(',')];
  for (const r of rows) {
    lines.push([r.householdNo, r.programme, r.category, r.institution, r.idNumber, r.approvedOn, yuan(r.amountFen), r.lastReviewOn, r.closedOn, r.origin].join(','));
  }
  return Buffer.from(`${lines.join('\n')}\n`, 'utf8');
}
