// 一站式结算导入: the health-insurance bureau (医保, a partner) or the county approver uploads the
// hospitals' settlement file; every row is checked first (settlement-check.ts) and any error refuses
// the whole file, nothing written. A clean file is written in one transaction: the import row, its
// episodes in the ledger (source settlement, paid) and one audit entry.
import type { Database } from '../../../db/engine.ts';
import { bulkWrite } from '../../../db/write.ts';
import { appendAudit } from '../../../kernel/audit/append.ts';
import { todayInChina } from '../../../kernel/clock.ts';
import { AppError } from '../../../kernel/errors.ts';
import { errorReportWorkbook, rowsRejected, type RowError } from '../../../kernel/files/rows.ts';
import type { FileFormat } from '../../../kernel/files/table.ts';
import { covers, type Scope } from '../../../kernel/scope.ts';
import { nextSerialNo } from '../../../kernel/serials.ts';
import { allow } from '../permissions.ts';
import * as repo from '../repo/settlements.ts';
import { checkSettlementFile } from './settlement-check.ts';

export interface SettlementUpload {
  countyCode?: string | undefined;
  format: FileFormat;
  fileName?: string | undefined;
}

/** The answer to a refused file lists at most this many errors (with the count); the error report has them all. */
export const ERRORS_IN_RESPONSE = 1000;

/** The county an upload is for: the importer's own county by default; out of scope answers as not found. */
async function importCounty(db: Database, scope: Scope, countyCode: string | undefined) {
  allow(scope, 'medical.settlement');
  if (scope.kind === 'partner' && scope.department !== 'medical_security') throw AppError.forbidden('只有医疗保障部门（医保）可以导入一站式结算文件');
  const code = countyCode ?? (scope.areaLevel === 'county' ? scope.areaCode : undefined);
  if (!code) throw AppError.field('countyCode', '请指定结算文件所属的县（countyCode）');
  const county = covers(scope, code) ? await repo.countyOf(db.kysely, code) : undefined;
  if (!county) throw AppError.notFound('县', code);
  return county;
}

function refused(errors: readonly RowError[]): AppError {
  const e = rowsRejected('settlement_rejected', '结算文件', errors);
  const shown = errors.slice(0, ERRORS_IN_RESPONSE);
  return new AppError(e.code, e.message, e.status, {
    ...e.details,
    errors: shown,
    lines: shown.map((x) => `第${x.row}行：${x.message}`),
    errorCount: errors.length,
  });
}

export async function importSettlements(db: Database, scope: Scope, body: Buffer, opts: SettlementUpload) {
  const county = await importCounty(db, scope, opts.countyCode);
  const checked = await checkSettlementFile(db, county.code, body, opts.format);
  if (checked.errors.length > 0) throw refused(checked.errors);
  const { episodes } = checked;
  const fileName = opts.fileName ?? `settlements.${opts.format}`;
  const amountFen = episodes.reduce((n, e) => n + e.assistanceFen + e.tiltFen, 0);
  const department = scope.kind === 'partner' ? scope.department : null;
  const stage = await repo.stageEpisodes(db, county.code, episodes);
  try {
    return await bulkWrite(db, scope, async (tx) => {
      const importNo = await nextSerialNo(tx, 'JS', county.code, todayInChina().slice(0, 4));
      const imp = await repo.insertImport(tx, { countyCode: county.code, importNo, fileName, rows: episodes.length, amountFen, importedBy: scope.userName, department });
      await repo.moveStagedEpisodes(tx, stage, imp.id);
      await appendAudit(tx, scope, {
        action: 'medical.settlement.import', entity: 'medical_settlement_import', entityId: importNo, areaCode: county.code,
        after: { fileName, rows: episodes.length, amountFen, department },
      });
      return {
        importNo, countyCode: county.code, countyName: county.name, fileName, rows: episodes.length, amountFen,
        importedBy: scope.userName, department, importedAt: new Date(imp.imported_at).toISOString(),
      };
    });
  } catch (e) {
    if ((e as { code?: string }).code === '23505') {
      throw AppError.conflict('episode_settled', '导入期间文件中的结算单号或就医记录已被导入或申请，未导入任何数据；请重新导入');
    }
    throw e;
  } finally {
    await repo.clearStage(db.kysely, stage);
  }
}

/** The error report of a file (.xlsx: every row error, and a summary); nothing is written. */
export async function settlementErrorReport(db: Database, scope: Scope, body: Buffer, opts: SettlementUpload): Promise<Buffer> {
  const county = await importCounty(db, scope, opts.countyCode);
  const checked = await checkSettlementFile(db, county.code, body, opts.format);
  return errorReportWorkbook(checked.errors, {
    文件: opts.fileName ?? '',
    县: county.name,
    检查时间: new Date().toISOString(),
    数据行数: checked.dataRows,
    错误数: checked.errors.length,
    结果: checked.errors.length > 0 ? '有误，整个文件不能导入' : '无误，可以导入',
  });
}
