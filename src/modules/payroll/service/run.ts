// 发放名册生成: one payroll per county and month. The payroll row is claimed under an advisory lock (a
// concurrent run waits and then helps: it skips the chunks already written); each chunk — the county, or
// each township when asked — is one transaction (lock, skip if written, one INSERT … SELECT of lines,
// totals and chunk row); the payroll turns `draft` only when every chunk is written. A run killed half way leaves a `running` payroll
// that cannot be approved; the next run resumes it. A complete payroll is returned unchanged.
import type { Database } from '../../../db/engine.ts';
import { covers, requireAreaField, type Scope } from '../../../kernel/scope.ts';
import { allow } from '../permissions.ts';
import { bulkWrite, write } from '../../../db/write.ts';
import { yieldToRequests } from '../../../db/yield.ts';
import { unboundedQueries } from '../../../db/statement-timeout.ts';
import { AppError } from '../../../kernel/errors.ts';
import { parseOrThrow } from '../../../kernel/validate.ts';
import { levelOf } from '../../../kernel/areas.ts';
import { appendAudit } from '../../../kernel/audit/append.ts';
import * as repo from '../repo/run.ts';
import { writeChunk } from '../repo/chunk.ts';
import type { PayrollRow } from '../tables.ts';
import { STATUS_LABELS } from './labels.ts';
import { period } from './schemas.ts';
import { plan, runBatch } from './batch.ts';
import { sideBySide } from './side-by-side.ts';
import { entitlementsPerCounty } from '../repo/batch.ts';

export interface RunHooks {
  /** Called inside each chunk's transaction after its lines are written, once per county in a batch's (tests inject failures here). */
  afterChunk?: (info: { county: string; area: string; index: number }) => void | Promise<void>;
}

export interface RunOptions {
  period: string;
  countyCode?: string | undefined;
  /**
   * One transaction per county (default: one pass over the county's rows, the fast plan) or per township
   * (finer resume points; see `serverChunking`). Fixed when the payroll is claimed; a resumed run writes the
   * same chunks.
   */
  chunkBy?: 'county' | 'township';
  onProgress?: (done: number, total: number) => void;
  hooks?: RunHooks;
}

export interface RunResult {
  payrollNo: string;
  countyCode: string;
  period: string;
  status: PayrollRow['status'];
  statusLabel: string;
  lines: number;
  netFen: number;
  /** false: the payroll was already complete and is returned unchanged. */
  written: boolean;
}

/**
 * How a run the server starts is chunked: on PGlite, whose one session serves no other request while a
 * transaction holds it, by township, so that between townships `/healthz` and every other request get through;
 * on PostgreSQL, where each request has a connection of its own, by county (the fast plan).
 */
export function serverChunking(db: Database): 'county' | 'township' {
  return db.engine === 'pglite' ? 'township' : 'county';
}

async function countiesToRun(db: Database, scope: Scope, county: string | undefined): Promise<string[]> {
  if (county !== undefined) {
    if (!/^\d{6}$/.test(county) || levelOf(county) !== 'county') throw AppError.field('countyCode', `${county} 不是县级区划代码`);
    const exists = covers(scope, county) && (await db.kysely.selectFrom('areas').select('code').where('code', '=', county).executeTakeFirst()) !== undefined;
    requireAreaField(scope, 'countyCode', county, exists);
    return [county];
  }
  if (scope.areaLevel === 'township' || scope.areaLevel === 'village') throw AppError.forbidden('发放名册按县生成，需县级及以上账号');
  const rows = await db.kysely.selectFrom('areas').select('code').where('level', '=', 'county').orderBy('code').execute();
  return rows.map((r) => r.code).filter((c) => covers(scope, c));
}

/** A county's payroll as the run found or left it, with its sums when the claim wrote it (no query for them then). */
type Claimed = { p: PayrollRow; created: boolean; sums?: { lines: number; net_fen: number } };

/**
 * Claims (or finds) the county's payroll of the period; refuses when an earlier one is open or a later
 * one exists. A new payroll chunked by county is written and completed in the same transaction (a killed
 * run leaves nothing of the county); one chunked by township is only claimed here. `recoveries`: whether
 * the county had fraud recoveries not yet receivables when the run started (only then is it synced).
 */
async function claim(db: Database, scope: Scope, county: string, period: string, chunkBy: 'county' | 'township', chunks: number, recoveries: boolean, hooks: RunHooks | undefined): Promise<Claimed> {
  return write(db, scope, async (tx) => {
    await repo.lockPeriod(tx, county, period);
    const { existing, blocking: block } = await repo.payrollOrBlocking(tx, county, period);
    if (existing) return { p: existing, created: false };
    if (block && block.period < period) {
      throw AppError.conflict('earlier_payroll_open', `${block.period} 的发放名册尚未审批（${STATUS_LABELS[block.status]}），请先审批或作废后再生成 ${period}`, { payrollNo: block.payroll_no });
    }
    if (block) throw AppError.conflict('later_payroll_exists', `已有 ${block.period} 的发放名册，不能再生成更早的 ${period}`, { payrollNo: block.payroll_no });
    if (recoveries) await repo.syncFraudReceivables(tx, county, scope.userName);
    let p = await repo.insertPayroll(tx, { county_code: county, payroll_no: repo.payrollNo(county, period), period, chunk_by: chunkBy, chunks_total: chunks, created_by: scope.userName });
    if (chunkBy === 'township') {
      await appendAudit(tx, scope, { action: 'payroll.run', entity: 'payroll', entityId: p.payroll_no, areaCode: county, after: { period, chunkBy, chunks } });
      return { p, created: true };
    }
    const sums = await writeChunk(tx, p, county);
    await hooks?.afterChunk?.({ county, area: county, index: 0 });
    p = await repo.completePayroll(tx, p);
    await appendAudit(tx, scope, { action: 'payroll.run', entity: 'payroll', entityId: p.payroll_no, areaCode: county, after: { period, chunkBy, chunks, status: 'draft', lines: sums.lines, netFen: sums.net_fen } });
    return { p, created: true, sums };
  });
}

async function finish(db: Database, scope: Scope, p: PayrollRow): Promise<PayrollRow> {
  return write(db, scope, async (tx) => {
    await repo.lockPeriod(tx, p.county_code, p.period);
    const now = await repo.findPayroll(tx, p.county_code, p.period);
    if (!now || now.status !== 'running') return now ?? p;
    const written = await repo.writtenChunks(tx, p.county_code, p.id);
    if (written.size < p.chunks_total) return now;
    const done = await repo.completePayroll(tx, p);
    const sums = await repo.payrollSums(tx, p.county_code, p.id);
    await appendAudit(tx, scope, { action: 'payroll.complete', entity: 'payroll', entityId: p.payroll_no, areaCode: p.county_code, before: { status: 'running' }, after: { status: 'draft', lines: sums.lines, netFen: sums.net_fen } });
    return done;
  });
}

/**
 * Counties run side by side on PostgreSQL (each on a connection of its own; a county's claim and chunks stay
 * one after the other): a county's run is mostly round trips, so a national run of thousands of small
 * counties is bound by their latency. One at a time on PGlite, whose one session would only queue them.
 */
export const COUNTIES_SIDE_BY_SIDE = { postgres: 4, pglite: 1 } as const;

/** A job even when a request starts it: its queries run without the interactive statement timeout. */
export function runPayroll(db: Database, scope: Scope, opts: RunOptions): Promise<RunResult[]> {
  return unboundedQueries(() => run(db, scope, opts));
}

async function run(db: Database, scope: Scope, opts: RunOptions): Promise<RunResult[]> {
  allow(scope, 'payroll.run');
  parseOrThrow(period, opts.period, 'period');
  const counties = await countiesToRun(db, scope, opts.countyCode);
  const chunkBy = opts.chunkBy ?? 'county';
  // a run by county needs a county's townships only to resume a payroll chunked by township (runCounty)
  const townships = chunkBy === 'township' ? await repo.townshipsOf(db.kysely, counties) : new Map<string, string[]>();
  const recoveries = await repo.countiesWithNewRecoveries(db.kysely, counties);
  const plans = new Map(counties.map((county, at) => [county, { county, at, townships: townships.get(county) }]));
  const total = [...plans.values()].reduce((n, p) => n + (p.townships?.length ?? 1), 0);
  let done = 0;
  const report = (step: number) => {
    done += step;
    opts.onProgress?.(Math.round(done), total);
  };
  opts.onProgress?.(0, total);
  const results: RunResult[] = new Array<RunResult>(counties.length);
  const alone = async (county: string) => {
    const p = plans.get(county);
    if (p) results[p.at] = await runCounty(db, scope, opts, chunkBy, p, recoveries.has(county), report);
  };
  // Small counties chunked by county run in batches (service/batch.ts); a county alone, or chunked by township, alone.
  const work = chunkBy === 'county' && counties.length > 1 ? plan(counties, await entitlementsPerCounty(db.kysely, counties)) : counties.map((c) => [c]);
  await sideBySide(work, COUNTIES_SIDE_BY_SIDE[db.engine], async (group) => {
    if (group.length === 1) {
      await alone(group[0] as string);
      return;
    }
    await yieldToRequests(db);
    let rest: readonly string[];
    try {
      const out = await runBatch(db, scope, group, opts.period, recoveries, opts.hooks);
      for (const r of out.done) {
        const at = plans.get(r.countyCode)?.at;
        if (at !== undefined) results[at] = r;
      }
      report(out.done.length);
      rest = out.rest;
    } catch {
      // the batch left its counties as they were: each runs alone, so a failure is its own county's, which
      // stops there (the counties before it in the batch are written), as a run county by county does
      rest = group;
    }
    for (const county of rest) await alone(county);
  });
  return results;
}

/** One county's payroll: claimed (and, chunked by county, written and completed), or resumed, or found complete. */
async function runCounty(db: Database, scope: Scope, opts: RunOptions, chunkBy: 'county' | 'township', job: { county: string; townships: string[] | undefined }, recoveries: boolean, report: (step: number) => void): Promise<RunResult> {
  await yieldToRequests(db);
  const claimed = await claim(db, scope, job.county, opts.period, chunkBy, job.townships?.length ?? 1, recoveries, opts.hooks);
  let p = claimed.p;
  const areas = p.chunk_by === 'county' ? [job.county] : (job.townships ?? (await repo.townshipsOf(db.kysely, [job.county])).get(job.county) ?? []);
  // the county's share of the progress (1 by county, its townships by township), spread over the chunks it writes
  const step = (job.townships?.length ?? 1) / Math.max(areas.length, 1);
  const wasComplete = p.status !== 'running';
  if (!wasComplete) {
    const written = await repo.writtenChunks(db.kysely, p.county_code, p.id);
    for (const [index, area] of areas.entries()) {
      if (!written.has(area)) {
        await yieldToRequests(db);
        await bulkWrite(db, scope, async (tx) => {
          await repo.lockChunk(tx, p.id, area);
          if ((await repo.writtenChunks(tx, p.county_code, p.id)).has(area)) return;
          await writeChunk(tx, p, area);
          await opts.hooks?.afterChunk?.({ county: job.county, area, index });
        });
      }
      report(step);
    }
    await yieldToRequests(db);
    p = await finish(db, scope, p);
  } else {
    report(areas.length * step);
  }
  const sums = claimed.sums ?? (await repo.payrollSums(db.kysely, p.county_code, p.id));
  return { payrollNo: p.payroll_no, countyCode: p.county_code, period: p.period, status: p.status, statusLabel: STATUS_LABELS[p.status], lines: sums.lines, netFen: sums.net_fen, written: claimed.created || !wasComplete };
}
