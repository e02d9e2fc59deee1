// Partner data in: a file (template per source) or the API, each a new versioned snapshot with its
// date. Any bad row refuses the whole snapshot, naming row and field; nothing is written then.
import { z } from 'zod';
import type { Database } from '../../../db/engine.ts';
import { type Scope } from '../../../kernel/scope.ts';
import { allow } from '../permissions.ts';
import { write } from '../../../db/write.ts';
import { AppError } from '../../../kernel/errors.ts';
import { isRealDate } from '../../../kernel/id-number.ts';
import { appendAudit } from '../../../kernel/audit/append.ts';
import { validateRecords, type RawRecord, type RecordError } from '../domain/records.ts';
import { isSource, SOURCE_DEFINITIONS, SOURCES, templateColumns, type Source } from '../domain/sources.ts';
import * as repo from '../repo/snapshots.ts';
import { readSourceFile, type FileFormat } from './files.ts';
import { todayInChina } from '../../../kernel/clock.ts';

export const MAX_API_RECORDS = 50_000;

export function sourceOf(source: string): Source {
  if (!isSource(source)) throw AppError.field('source', `未知的数据来源：${source}（可选：${SOURCES.join('、')}）`);
  return source;
}

function snapshotDate(date: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !isRealDate(date)) throw AppError.field('snapshotDate', '快照日期应为 YYYY-MM-DD');
  if (date > todayInChina()) throw AppError.field('snapshotDate', `快照日期 ${date} 不能晚于今天`);
  return date;
}

export function listSources(scope: Scope) {
  allow(scope, 'verification.read');
  return SOURCES.map((s) => {
    const d = SOURCE_DEFINITIONS[s];
    return { source: s, label: d.label, department: d.department, kinship: d.kinship, items: Object.entries(d.items).map(([code, i]) => ({ code, label: i.label })), columns: templateColumns(s).map((c) => ({ header: c.header, required: c.required, note: c.note })) };
  });
}

function refuse(errors: RecordError[]): never {
  const first = errors[0]!;
  throw new AppError('invalid_rows', `数据有误，整个快照未导入：第 ${first.row} 行「${first.field}」${first.message}${errors.length > 1 ? `（共 ${errors.length} 处错误）` : ''}`, 400, {
    errors: errors.slice(0, 500), errorCount: errors.length, fields: errors.slice(0, 50).map((e) => ({ field: `row ${e.row}: ${e.field}`, message: e.message })),
  });
}

async function store(db: Database, scope: Scope, source: Source, date: string, via: 'file' | 'api', fileName: string | null, rows: { row: number; values: RawRecord }[]) {
  const { records, errors } = validateRecords(source, rows);
  if (errors.length > 0) refuse(errors);
  return write(db, scope, async (tx) => {
    const s = await repo.insertSnapshot(tx, { source, snapshotDate: date, via, fileName, rows: records.length, areaCode: scope.areaCode, by: scope.userName });
    await repo.insertRecords(tx, s.id, records);
    await appendAudit(tx, scope, { action: 'verification.snapshot', entity: 'verification_snapshot', entityId: String(s.id), areaCode: scope.areaCode || null, after: { source, version: s.version, snapshotDate: date, via, fileName, rows: records.length } });
    return { snapshotId: s.id, source, version: s.version, snapshotDate: date, rows: records.length };
  });
}

export async function importSourceFile(db: Database, scope: Scope, sourceName: string, body: Buffer, opts: { format: FileFormat; snapshotDate: string; fileName?: string }) {
  allow(scope, 'verification.sources');
  const source = sourceOf(sourceName);
  const date = snapshotDate(opts.snapshotDate);
  return store(db, scope, source, date, 'file', opts.fileName ?? null, await readSourceFile(source, body, opts.format));
}

const cell = z.union([z.string().max(200), z.number(), z.null()]).optional();
export const apiSnapshotSchema = z.strictObject({
  snapshotDate: z.string(),
  records: z.array(z.strictObject({
    idNumber: cell, name: cell, birthDate: cell, item: cell, amount: cell, eventDate: cell, detail: cell,
    officialIdNumber: cell, officialName: cell, areaCode: cell, relation: cell,
  })).min(1, '至少一条记录').max(MAX_API_RECORDS),
});

/** Through the API: amounts as in the file (yuan); rows numbered from 1 in the order given. */
export async function importSourceRecords(db: Database, scope: Scope, sourceName: string, input: z.output<typeof apiSnapshotSchema>) {
  allow(scope, 'verification.sources');
  const source = sourceOf(sourceName);
  const date = snapshotDate(input.snapshotDate);
  return store(db, scope, source, date, 'api', null, input.records.map((values, i) => ({ row: i + 1, values })));
}

export async function snapshots(db: Database, scope: Scope, source: string | undefined) {
  allow(scope, 'verification.read');
  if (source !== undefined) sourceOf(source);
  const rows = await repo.listSnapshots(db.kysely, source, 200);
  return rows.map((r) => ({ id: r.id, source: r.source, label: SOURCE_DEFINITIONS[r.source as Source]?.label ?? r.source, version: r.version, snapshotDate: r.snapshot_date, via: r.via, fileName: r.file_name, rows: r.row_count, importedBy: r.imported_by, importedAt: r.imported_at.toISOString() }));
}
