// The insurer's file of an approved list (报送医保经办机构): one row per person not excluded, with the
// full ID number (the insurer enrols by it), the contribution, the subsidy and what the person pays,
// and a totals row; title lines name the county, the year, the list and the payee. Audited as an export;
// the first one marks the list exported.
import type { Database } from '../../../db/engine.ts';
import { write } from '../../../db/write.ts';
import { appendAudit } from '../../../kernel/audit/append.ts';
import { todayInChina } from '../../../kernel/clock.ts';
import type { Scope } from '../../../kernel/scope.ts';
import * as entries from '../repo/subsidy-entries.ts';
import * as lists from '../repo/subsidy-lists.ts';
import { mustChangeList, wrongStatus } from './subsidy-access.ts';
import { groupLabel, PAYEE, STATUS_LABELS } from './subsidy-labels.ts';
import { writeTitledSheet, type Column, type SheetRow } from './subsidy-sheet.ts';

export const INSURER_HEADERS = ['序号', '姓名', '公民身份号码', '人员类别', '所属乡镇（街道）', '所属村（居）', '个人缴费标准（元）', '资助金额（元）', '个人自付（元）'] as const;
const WIDTHS = [8, 12, 22, 12, 18, 18, 16, 14, 14];
const COLUMNS: Column[] = INSURER_HEADERS.map((header, i) => ({ header, width: WIDTHS[i] ?? 12, amount: i >= 6 }));
export const TOTAL_LABEL = '合计';

export async function insurerFile(db: Database, scope: Scope, listNo: string, format: 'xlsx' | 'csv') {
  const l = await mustChangeList(db, scope, listNo);
  if (l.status !== 'approved' && l.status !== 'exported') throw wrongStatus(l, '导出报送文件（须审批后导出）', STATUS_LABELS[l.status]);
  const found = await entries.fileRows(db.kysely, l);
  let contribution = 0;
  let subsidy = 0;
  const rows: SheetRow[] = found.map((e, i) => {
    contribution += e.contribution_fen;
    subsidy += e.subsidy_fen;
    return [String(i + 1), e.name, e.id_number, groupLabel(e.group), e.township_name ?? '', e.village_name ?? '', e.contribution_fen, e.subsidy_fen, e.contribution_fen - e.subsidy_fen];
  });
  rows.push([TOTAL_LABEL, `${found.length}人`, '', '', '', '', contribution, subsidy, contribution - subsidy]);
  const titles = [
    `${l.county_name}${l.year}年度城乡居民基本医疗保险资助参保名单`,
    `名单编号：${l.list_no}　县（市）：${l.county_name}（${l.county_code}）　参保年度：${l.year}`,
    `收款方：${PAYEE}　资助人数：${found.length}　资助金额合计（元）：${(subsidy / 100).toFixed(2)}`,
  ];
  const { file, mime } = await writeTitledSheet(format, '资助参保名单', titles, COLUMNS, rows);
  await write(db, scope, async (tx) => {
    if (l.status === 'approved') await lists.moveStatus(tx, l, ['approved'], 'exported', { exported_on: todayInChina() });
    await appendAudit(tx, scope, { action: 'medical.subsidy.export', entity: 'medical_subsidy_list', entityId: l.list_no, areaCode: l.county_code, after: { format, unmasked: true, persons: found.length, amountFen: subsidy } });
  });
  return { file, mime, name: `资助参保名单-${l.county_name}-${l.year}-${l.list_no}.${format}`, persons: found.length, amountFen: subsidy };
}
