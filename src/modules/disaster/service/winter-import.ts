// Importing a 冬春 needs survey from a file: every row checked first — its cells (winter-file.ts), its
// household (in the caller's scope, one query), the season's autumn window, a survey already made — and
// any error refuses the whole file, nothing written, each error naming row and column. A clean file is
// written in one transaction with one audit entry. The error report (.xlsx) checks without writing.
import type { Database } from '../../../db/engine.ts';
import { write } from '../../../db/write.ts';
import { appendAudit } from '../../../kernel/audit/append.ts';
import { AppError } from '../../../kernel/errors.ts';
import { errorReportWorkbook, rowsRejected, type RowError } from '../../../kernel/files/rows.ts';
import type { FileFormat } from '../../../kernel/files/table.ts';
import type { Scope } from '../../../kernel/scope.ts';
import { allow } from '../permissions.ts';
import { householdsAmong, surveyedAmong } from '../repo/winter.ts';
import { readWinterFile } from './winter-file.ts';
import { surveyWindow } from './winter.ts';

export interface WinterUpload {
  season: string;
  format: FileFormat;
}

const CHUNK = 1000;

async function checkFile(db: Database, scope: Scope, body: Buffer, opts: WinterUpload) {
  const { rows, errors } = await readWinterFile(body, opts.format);
  const found = await householdsAmong(db.kysely, scope, [...new Set(rows.map((r) => r.householdNo))]);
  const byNo = new Map(found.map((h) => [h.household_no, h]));
  const done = await surveyedAmong(db.kysely, opts.season, found);
  const w = surveyWindow(opts.season);
  const good: { row: (typeof rows)[number]; h: (typeof found)[number] }[] = [];
  const all: RowError[] = [...errors];
  for (const r of rows) {
    const before = all.length;
    const h = byNo.get(r.householdNo);
    if (!h) all.push({ row: r.row, column: '户编号', message: `家庭 ${r.householdNo} 不存在或不在您的管辖范围内` });
    else if (done.has(`${h.county_code}:${Number(h.id)}`)) all.push({ row: r.row, column: '户编号', message: `家庭 ${r.householdNo} 已有 ${opts.season} 年度冬春需求调查` });
    if (r.surveyedOn < w.from || r.surveyedOn > w.to) all.push({ row: r.row, column: '调查日期', message: `调查日期 ${r.surveyedOn} 应在 ${w.from} 至 ${w.to} 之间` });
    if (h && all.length === before) good.push({ row: r, h });
  }
  all.sort((a, b) => a.row - b.row);
  return { good, errors: all, dataRows: rows.length + new Set(errors.map((e) => e.row)).size };
}

export async function importWinterNeeds(db: Database, scope: Scope, body: Buffer, opts: WinterUpload) {
  allow(scope, 'disaster.record');
  const { good, errors } = await checkFile(db, scope, body, opts);
  if (errors.length > 0) throw rowsRejected('disaster_winter_rejected', '冬春需求调查文件', errors);
  const values = good.map(({ row: r, h }) => ({
    county_code: h.county_code, season: opts.season, household_id: Number(h.id), area_code: h.village_code, persons_first: r.personsFirst, persons_second: r.personsSecond,
    persons_third: r.personsThird, surveyed_on: r.surveyedOn, surveyed_by: scope.userName, note: r.note,
  }));
  const totals = { households: values.length, personsFirst: sum(values, 'persons_first'), personsSecond: sum(values, 'persons_second'), personsThird: sum(values, 'persons_third') };
  try {
    await write(db, scope, async (tx) => {
      for (let i = 0; i < values.length; i += CHUNK) await tx.insertInto('disaster_winter_needs').values(values.slice(i, i + CHUNK)).execute();
      await appendAudit(tx, scope, { action: 'disaster.winter.import', entity: 'disaster_winter_need', entityId: opts.season, areaCode: scope.areaCode || null,
        after: { ...totals, householdNos: good.map((g) => g.row.householdNo) } });
    });
  } catch (e) {
    // A survey made meanwhile: the whole import rolled back.
    if ((e as { code?: string }).code === '23505') throw AppError.conflict('disaster_winter_surveyed', '导入期间文件中的家庭已有本年度调查，未导入任何数据；请重新导入');
    throw e;
  }
  return { season: opts.season, ...totals };
}

const sum = <K extends string>(rows: readonly Record<K, number>[], k: K) => rows.reduce((n, r) => n + r[k], 0);

export async function winterErrorReport(db: Database, scope: Scope, body: Buffer, opts: WinterUpload): Promise<Buffer> {
  allow(scope, 'disaster.record');
  const { errors, dataRows } = await checkFile(db, scope, body, opts);
  return errorReportWorkbook(errors, {
    年度: opts.season,
    检查时间: new Date().toISOString(),
    数据行数: dataRows,
    错误数: errors.length,
    结果: errors.length > 0 ? '有误，整个文件不能导入' : '无误，可以导入',
  });
}
