// 我的待办 as an Excel file: the inbox's filters, Chinese headers, programme and state by name, the
// township and village by name, the ID number masked; at most `exportMax` rows; every export audited.
import { excel } from '../../../kernel/files/excel.ts';
import type { Database } from '../../../db/engine.ts';
import { appendAudit } from '../../../kernel/audit/append.ts';
import { todayInChina } from '../../../kernel/clock.ts';
import { AppError } from '../../../kernel/errors.ts';
import { neutralise } from '../../../kernel/files/neutralise.ts';
import { maskIdNumber } from '../../../kernel/mask.ts';
import type { Scope } from '../../../kernel/scope.ts';
import { programmeOf } from '../../../programmes/registry.ts';
import { allow } from '../permissions.ts';
import * as repo from '../repo/cases.ts';
import { caseFilter, inboxLimits, listItem, type InboxFilters } from './inbox.ts';

const PAGE = 1_000;

const COLUMNS: { header: string; width: number }[] = [
  { header: '案件编号', width: 24 }, { header: '救助项目', width: 14 }, { header: '申请人', width: 10 }, { header: '身份证号码', width: 20 },
  { header: '乡镇（街道）', width: 16 }, { header: '村（社区）', width: 16 }, { header: '状态', width: 16 }, { header: '受理日期', width: 12 },
  { header: '本环节时限', width: 12 }, { header: '办结时限', width: 12 }, { header: '复核到期', width: 12 }, { header: '是否超期', width: 10 }, { header: '待办事项', width: 24 },
];

export async function exportInbox(db: Database, scope: Scope, f: InboxFilters): Promise<{ buffer: Buffer; filename: string; rows: number }> {
  allow(scope, 'cases.read');
  const today = todayInChina();
  const filter = await caseFilter(db, scope, f, 'inbox', today);
  const max = inboxLimits.exportMax;
  const total = await repo.countCases(db.kysely, scope, filter, max);
  if (total > max) throw AppError.badRequest('export_too_large', `符合条件的案件超过单次导出上限 ${max} 件，请按项目、状态或村（社区）缩小范围后再导出`, { max });
  const wb = new (await excel()).Workbook();
  wb.creator = 'Jiuzhu 救助';
  const ws = wb.addWorksheet('我的待办', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = COLUMNS;
  ws.getRow(1).font = { bold: true };
  const role = scope.role === 'system' ? null : scope.role;
  let after: { due: string; id: number } | undefined;
  let rows = 0;
  for (;;) {
    const page = await repo.listCases(db.kysely, scope, { ...filter, limit: PAGE, after });
    for (const c of page) {
      const i = listItem(c, role, today);
      ws.addRow([
        i.caseNo, programmeOf(c.programme).labels['zh-CN'].name, neutralise(i.applicantName), maskIdNumber(c.applicant_id_number),
        neutralise(c.township_name ?? ''), neutralise(i.villageName), i.stateLabel, i.appliedOn,
        i.dueDate ?? '', i.finalDueDate ?? '', i.reviewDue ?? '', i.overdue ? '是' : '否', i.actions.map((a) => a.label).join('、'),
      ]);
    }
    rows += page.length;
    const last = page.at(-1);
    if (page.length < PAGE || !last) break;
    after = { due: last.due_key, id: last.id };
  }
  const buffer = Buffer.from(await wb.xlsx.writeBuffer());
  await db.kysely.transaction().execute((tx) =>
    appendAudit(tx, scope, { action: 'cases.export', entity: 'case', entityId: null, areaCode: f.village ?? f.area ?? (scope.areaCode || null), after: { filters: f, rows } }));
  return { buffer, filename: `我的待办-${today}.xlsx`, rows };
}
