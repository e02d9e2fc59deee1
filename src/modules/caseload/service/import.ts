// 存量对象导入: a previous system's 低保/特困 caseload (.xlsx/CSV) checked row by row (service/check.ts) —
// any error refuses the whole file, nothing written; amounts that differ from the formula are warnings.
// A clean file (unless a dry run) becomes, in one transaction, approved cases as the cases module's
// `decideInBulk` would write them, their rows computed in Node (service/written-rows.ts) and inserted one
// statement per table: per case one `migrate` transition (迁移导入), one `migration` decision with the
// imported amount and one monthly entitlement — no procedure step invented — and one audit entry with the
// counts. On PostgreSQL the cases and transitions are written while the formula (the warnings, the
// decisions' explanations) and the re-check of the open rows run on other connections.
import type { Database } from '../../../db/engine.ts';
import { bulkWrite } from '../../../db/write.ts';
import { appendAudit } from '../../../kernel/audit/append.ts';
import { todayInChina } from '../../../kernel/clock.ts';
import { AppError } from '../../../kernel/errors.ts';
import { rowsRejected, type RowError } from '../../../kernel/files/rows.ts';
import type { FileFormat } from '../../../kernel/files/table.ts';
import { covers, type Scope } from '../../../kernel/scope.ts';
import { admitMigrated } from '../../placements/index.ts';
import { allow } from '../permissions.ts';
import * as repo from '../repo/caseload.ts';
import { checkCaseloadRows, type CaseloadWarning, type CheckedCaseload } from './check.ts';
import * as write from '../repo/write.ts';
import { idsNeeded, serialBlocks, writtenRows } from './written-rows.ts';

/** The tables an import writes; on PGlite their foreign keys are checked set-based (repo/foreign-keys.ts). */
const WRITTEN_TABLES = ['cases', 'case_transitions', 'case_decisions', 'entitlements'];

export type CaseloadPhase = 'check' | 'stage' | 'write';

export interface CaseloadOptions {
  /** The county imported into; default the caller's own county (a county approver). The system scope may leave it out: every county. */
  countyCode?: string | undefined;
  format: FileFormat;
  fileName?: string | undefined;
  /** Validate only: nothing is written. */
  dryRun?: boolean | undefined;
  /** The first month Jiuzhu pays (YYYY-MM), default the current month: the previous system paid the months before. */
  firstMonth?: string | undefined;
  onProgress?: (phase: CaseloadPhase, done: number, total: number) => void;
}

export interface CaseloadResult {
  ok: true;
  dryRun: boolean;
  countyCode: string | null;
  countyName: string | null;
  fileName: string;
  rows: number;
  firstMonth: string;
  /** `closed`: of them, cases the previous system closed (imported as exited); `amountFen`: the monthly amounts of the open ones. */
  imported: { dibao: number; hardship: number; closed: number; amountFen: number };
  warnings: CaseloadWarning[];
  warningCount: number;
}

/** A promise awaited later: its failure is not unhandled meanwhile (the awaiting code still gets it). */
function later<T>(p: Promise<T>): Promise<T> {
  p.catch(() => undefined);
  return p;
}

/** Answers list at most this many warnings or errors (with the count); the report (.xlsx) has them all. */
export const SHOWN = 1000;

/** The county of an import: named, or the caller's own; out of scope answers as not found. */
export async function importCounty(db: Database, scope: Scope, countyCode: string | undefined) {
  allow(scope, 'caseload.import');
  const code = countyCode ?? (scope.areaLevel === 'county' ? scope.areaCode : undefined);
  if (!code) {
    if (scope.kind === 'system') return null;
    throw AppError.field('countyCode', '请指定导入的县（countyCode）');
  }
  const area = covers(scope, code) ? await repo.areaOf(db.kysely, code) : undefined;
  if (!area || area.level !== 'county') throw AppError.notFound('县', code);
  return area;
}

function refused(errors: readonly RowError[], warnings: readonly CaseloadWarning[]): AppError {
  const e = rowsRejected('caseload_rejected', '存量对象文件', errors);
  return new AppError(e.code, e.message, e.status, { ...e.details, warnings: warnings.slice(0, SHOWN), warningCount: warnings.length });
}

/** The rows of a file checked (their formula to come): the county, the first month paid and the file's name as the options give them. */
async function checkRows(db: Database, scope: Scope, body: Buffer, opts: CaseloadOptions) {
  if (scope.role === 'auditor') throw AppError.forbidden('审计角色为只读，不能修改数据');
  const county = await importCounty(db, scope, opts.countyCode);
  const today = todayInChina();
  const firstMonth = opts.firstMonth ?? today.slice(0, 7);
  const fileName = opts.fileName ?? `caseload.${opts.format}`;
  opts.onProgress?.('check', 0, 1);
  const rows = await checkCaseloadRows(db, scope, body, { countyCode: county?.code ?? null, format: opts.format, fileName, today, firstMonth });
  return { county, firstMonth, fileName, rows };
}

export async function checkCaseload(db: Database, scope: Scope, body: Buffer, opts: CaseloadOptions) {
  const { county, firstMonth, fileName, rows } = await checkRows(db, scope, body, opts);
  const checked: CheckedCaseload = { cases: rows.cases, errors: rows.errors, warnings: await rows.formula(), dataRows: rows.dataRows };
  opts.onProgress?.('check', 1, 1);
  return { county, firstMonth, fileName, checked };
}

export async function importCaseload(db: Database, scope: Scope, body: Buffer, opts: CaseloadOptions): Promise<CaseloadResult> {
  const { county, firstMonth, fileName, rows } = await checkRows(db, scope, body, opts);
  // On PostgreSQL the formula's reads and work run while the cases and transitions are written (they need
  // none of its outcome); PGlite is one session, held by the transaction: the formula comes first.
  const formula = rows.errors.length > 0 || opts.dryRun || db.engine === 'pglite' ? Promise.resolve(await rows.formula()) : rows.formula();
  formula.catch(() => undefined);
  if (rows.errors.length > 0) throw refused(rows.errors, await formula);
  const result = (dryRun: boolean, c: CheckedCaseload): CaseloadResult => ({
    ok: true, dryRun, countyCode: county?.code ?? null, countyName: county?.name ?? null, fileName, rows: c.dataRows, firstMonth,
    imported: {
      dibao: c.cases.filter((x) => x.programme === 'dibao').length,
      hardship: c.cases.filter((x) => x.programme === 'hardship').length,
      closed: c.cases.filter((x) => x.closedOn !== null).length,
      amountFen: c.cases.reduce((n, x) => n + (x.closedOn === null ? x.amountFen : 0), 0),
    },
    warnings: c.warnings.slice(0, SHOWN), warningCount: c.warnings.length,
  });
  opts.onProgress?.('check', 1, 1);
  if (opts.dryRun) return result(true, { ...rows, warnings: await formula });

  const stage = await repo.newStage(db.kysely);
  const ctx = { stage, fileName, firstMonth, actor: { id: scope.userId, name: scope.userName, role: scope.role } };
  const open = rows.cases.filter((c) => c.closedOn === null)
    .map((c) => ({ row: c.row, programme: c.programme, countyCode: c.countyCode, householdId: c.householdId, memberId: c.memberId }));
  opts.onProgress?.('stage', 0, 1);
  // The re-check of the open rows: on PostgreSQL on another connection while the rows are written (it reads
  // what other transactions committed, as it would on the transaction's own under read committed).
  const recheck = db.engine === 'postgres' ? later(write.takenAmong(db.kysely, open)) : undefined;
  return bulkWrite(db, scope, async (tx) => {
    const refuseTaken = (taken: number[]) => {
      if (taken.length > 0) {
        throw AppError.conflict('caseload_changed', `导入期间第 ${taken.slice(0, 10).join('、')} 行的家庭或人员已有了案件，未导入任何数据；请重新导入`, { rows: taken });
      }
    };
    if (!recheck) refuseTaken(await write.takenAmong(tx, open));
    const [ids, firstNumbers] = [await write.drawIds(tx, idsNeeded(rows.cases)), await write.firstSerials(tx, serialBlocks(rows.cases))];
    const written = writtenRows(rows.cases, ids, firstNumbers, ctx);
    opts.onProgress?.('stage', 1, 1);
    opts.onProgress?.('write', 0, rows.cases.length);
    const r = await write.queuedInserts(tx, async (inserts) => {
      await inserts.add('cases', written.cases);
      await inserts.add('case_transitions', written.transitions);
      // Built while the server writes the cases and transitions.
      const out = result(false, { ...rows, warnings: await formula });
      const { decisions, entitlements } = written.decided();
      await inserts.add('case_decisions', decisions);
      await inserts.add('entitlements', entitlements);
      if (recheck) refuseTaken(await recheck);
      return out;
    }, db.engine === 'pglite' ? WRITTEN_TABLES : []);
    opts.onProgress?.('write', rows.cases.length, rows.cases.length);
    // 集中供养: each person's stay in the named institution (never beyond its beds: else nothing is imported).
    const stays = rows.cases.flatMap((c, i) => (c.programme === 'hardship' && c.mode === 'institutional' && c.institutionId !== null
      ? [{ countyCode: c.countyCode, institutionId: c.institutionId, caseId: written.caseIds[i]!, householdId: c.householdId, memberId: c.memberId, areaCode: c.areaCode,
        admittedOn: c.decidedOn, dischargedOn: c.closedOn, row: c.row }]
      : []));
    if (stays.length > 0) await admitMigrated(tx, scope, write.staysSelection(stays), String(stage));
    await appendAudit(tx, scope, {
      action: 'cases.caseload_import', entity: 'caseload_import', entityId: String(stage), areaCode: county?.code ?? (scope.areaCode || null),
      after: { fileName, rows: r.rows, dibao: r.imported.dibao, hardship: r.imported.hardship, closed: r.imported.closed, amountFen: r.imported.amountFen, warnings: r.warningCount, firstMonth },
    });
    return r;
  });
}
