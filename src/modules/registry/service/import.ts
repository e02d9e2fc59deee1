/**
 * Household import (导入): read and validate the whole file first (schemas, villages in scope, one head
 * per household, no ID twice in the file, no ID registered anywhere — one query each for the whole
 * file), then load it set-based: COPY into staging, one transaction moves it into the registry with
 * one history row per household and one audit entry. All-or-nothing unless `partial`.
 */
import { unboundedQueries } from '../../../db/statement-timeout.ts';
import type { Database } from '../../../db/engine.ts';
import { AREA_NOT_FOUND, covers, type Scope } from '../../../kernel/scope.ts';
import { allow } from '../permissions.ts';
import { bulkWrite } from '../../../db/write.ts';
import { AppError } from '../../../kernel/errors.ts';
import { appendAudit } from '../../../kernel/audit/append.ts';
import type { Household } from '../domain/types.ts';
import * as bulk from '../repo/bulk.ts';
import { addRecord, emptyCsv } from '../repo/copy-rows.ts';
import { COLUMNS } from '../transfer/columns.ts';
import { readHouseholdFile, type FileFormat } from '../transfer/read-file.ts';
import { validateRows, type FileHousehold, type RowError } from '../transfer/validate-rows.ts';
import { errorReportWorkbook } from '../../../kernel/files/rows.ts';
import { auditRegisteredLookup, registeredMessage } from './write.ts';

export type ImportPhase = 'read' | 'validate' | 'load';

export interface ImportOptions {
  format: FileFormat;
  partial: boolean;
  fileName?: string;
  onProgress?: (phase: ImportPhase, done: number, total: number) => void;
}

export interface ImportResult {
  /** false: refused (all-or-nothing and at least one error); nothing was changed. */
  ok: boolean;
  imported: { households: number; members: number };
  rejected: { rows: number; households: number };
  errors: RowError[];
  errorCount: number;
  reportId: number;
}

/** The HTTP answer lists at most this many errors; the report (.xlsx) has them all. */
export const ERRORS_IN_RESPONSE = 1000;
/** Imports at least this large refresh the planner's statistics afterwards. */
const ANALYZE_AFTER = 1_000;
const header = (key: string) => COLUMNS.find((c) => c.key === key)?.header ?? key;

/** An import is a job even when a request starts it: its queries run without the interactive statement timeout. */
export function importHouseholds(db: Database, scope: Scope, body: Buffer, opts: ImportOptions): Promise<ImportResult> {
  return unboundedQueries(() => importFile(db, scope, body, opts));
}

async function importFile(db: Database, scope: Scope, body: Buffer, opts: ImportOptions): Promise<ImportResult> {
  allow(scope, 'registry.import');
  if (scope.role === 'auditor') throw AppError.forbidden('审计角色为只读，不能修改数据');
  const progress = opts.onProgress ?? (() => {});
  progress('read', 0, 1);
  const rows = await readHouseholdFile(body, opts.format);
  progress('read', 1, 1);
  progress('validate', 0, rows.length);
  const v = validateRows(rows, (done) => progress('validate', done, rows.length));
  const errors = v.errors;

  // The database's checks, set-based over the whole file.
  const villages = await bulk.villagesAmong(db.kysely, [...new Set(v.households.map((h) => h.household.villageCode))]);
  const failed = new Set<FileHousehold>();
  for (const h of v.households) {
    const code = h.household.villageCode;
    // Out of scope reads as not found, in the error report too.
    const message = !villages.has(code) || !covers(scope, code) ? AREA_NOT_FOUND(code) : null;
    if (message) {
      errors.push({ row: h.rows[0] as number, column: header('villageCode'), message });
      failed.add(h);
    }
  }
  const rowOfId = new Map<string, { row: number; h: FileHousehold }>();
  for (const h of v.households) h.members.forEach((m, i) => rowOfId.set(m.idNumber, { row: h.memberRows[i] as number, h }));
  const registered = await bulk.registeredAmong(db.kysely, [...rowOfId.keys()]);
  await auditRegisteredLookup(db, scope, registered);
  for (const r of registered) {
    const at = rowOfId.get(r.id_number);
    if (!at) continue;
    errors.push({ row: at.row, column: header('idNumber'), message: registeredMessage(scope, r) });
    failed.add(at.h);
  }
  progress('validate', rows.length, rows.length);
  errors.sort((a, b) => a.row - b.row);

  const good = v.households.filter((h) => !failed.has(h));
  const rejectedRows = v.rejected.reduce((n, r) => n + r.rows.length, 0) + [...failed].reduce((n, h) => n + h.rows.length, 0);
  const rejectedHouseholds = v.rejected.length + failed.size;
  const refused = errors.length > 0 && !opts.partial;
  const load = refused ? [] : good;
  const members = load.reduce((n, h) => n + h.members.length, 0);
  const result = (ok: boolean, reportId: number): ImportResult => ({
    ok,
    imported: { households: ok ? load.length : 0, members: ok ? members : 0 },
    rejected: ok ? { rows: rejectedRows, households: rejectedHouseholds } : { rows: v.rowCount, households: v.households.length + v.rejected.length },
    errors: errors.slice(0, ERRORS_IN_RESPONSE),
    errorCount: errors.length,
    reportId,
  });

  const reportId = await bulk.insertReport(db.kysely, { areaCode: scope.areaCode, actorId: scope.userId, actorName: scope.userName, fileName: opts.fileName ?? '', format: opts.format, partial: opts.partial });
  const summary = (r: ImportResult) => ({ ok: r.ok, imported: r.imported, rejected: r.rejected, errorCount: r.errorCount, rows: v.rowCount });
  if (refused || load.length === 0) {
    const r = result(!refused, reportId);
    await bulk.finishReport(db.kysely, reportId, summary(r), errors);
    return r;
  }

  progress('load', 0, 6);
  const numbers = await bulk.allocate(db.kysely, 'household_no_seq', load.length);
  const ids = await bulk.allocate(db.kysely, 'registry_id_seq', load.length + members);
  let next = 0;
  const nextId = () => ids[next++] as number;
  const csv = emptyCsv();
  load.forEach((h, i) => {
    const countyCode = h.household.villageCode.slice(0, 6);
    const household: Household = { ...h.household, countyCode, householdNo: countyCode + String(numbers[i]).padStart(8, '0') };
    addRecord(csv, household, h.members, h.incomes, h.assets, nextId, `,${reportId}`);
  });
  progress('load', 1, 6);
  try {
    await bulk.copyIntoStaging(db, csv);
    progress('load', 4, 6);
    await bulkWrite(db, scope, async (tx) => {
      await bulk.moveStaged(tx, scope, reportId);
      await appendAudit(tx, scope, {
        action: 'registry.import', entity: 'registry_import', entityId: String(reportId), areaCode: scope.areaCode || null,
        after: { fileName: opts.fileName ?? '', format: opts.format, partial: opts.partial, households: load.length, members, rejectedHouseholds, rejectedRows, errors: errors.length },
      });
    });
  } catch (e) {
    await bulk.finishReport(db.kysely, reportId, { ok: false, failed: (e as Error).message }, errors);
    if ((e as { code?: string }).code === '23505') {
      throw AppError.conflict('id_number_registered', '导入期间有人登记了文件中的身份证号码，未导入任何数据；请重新导入', { reportId });
    }
    throw e;
  } finally {
    await bulk.clearStaged(db.kysely, reportId);
  }
  if (load.length >= ANALYZE_AFTER) await bulk.analyzeRegistry(db.kysely);
  progress('load', 6, 6);
  const r = result(true, reportId);
  await bulk.finishReport(db.kysely, reportId, summary(r), errors);
  return r;
}

/** The error report of an import as .xlsx, when the importer's area is in the caller's scope. */
export async function importReport(db: Database, scope: Scope, reportId: number): Promise<Buffer> {
  allow(scope, 'registry.import');
  const r = await bulk.findReport(db.kysely, scope, reportId);
  if (!r) throw AppError.notFound('导入报告', String(reportId));
  const s = r.summary as { imported?: { households: number; members: number }; rejected?: { rows: number; households: number }; errorCount?: number; rows?: number; ok?: boolean };
  return errorReportWorkbook(r.errors as RowError[], {
    导入编号: r.id,
    文件: r.file_name,
    导入人: r.actor_name,
    时间: r.created_at.toISOString(),
    方式: r.partial ? '部分导入（只导入无误的家庭）' : '全部导入（有误则整体不导入）',
    结果: s.ok ? '已导入' : '未导入',
    数据行数: s.rows ?? 0,
    导入家庭数: s.imported?.households ?? 0,
    导入成员数: s.imported?.members ?? 0,
    未导入家庭数: s.rejected?.households ?? 0,
    未导入行数: s.rejected?.rows ?? 0,
    错误数: s.errorCount ?? 0,
  });
}
