// 救助批次: a county drafts the list of one kind of relief — from the verified damage register of an
// event, or the season's 冬春 needs survey — with each household's amount computed set-based from the
// parameters in force (the batch keeps them as its worksheet); reads of batches and their members.
import type { z } from 'zod';
import type { Database } from '../../../db/engine.ts';
import { write } from '../../../db/write.ts';
import { appendAudit } from '../../../kernel/audit/append.ts';
import { todayInChina } from '../../../kernel/clock.ts';
import { AppError } from '../../../kernel/errors.ts';
import { covers, type Scope } from '../../../kernel/scope.ts';
import { nextSerialNo } from '../../../kernel/serials.ts';
import { addDays, ruleSetFor } from '../../../policy/index.ts';
import { namesOf } from '../../areas/index.ts';
import { caseParameters } from '../../cases/index.ts';
import { BATCH_KIND_LABELS, BATCH_STATUS_LABELS, claimText } from '../batch-labels.ts';
import type { batchListQuery, memberListQuery, newBatchSchema } from '../contract/batches.ts';
import { allow } from '../permissions.ts';
import * as repo from '../repo/batches.ts';
import { requireEvent } from './events.ts';
import { checkEventAreas } from './event-areas.ts';
import { sourceKeyPrefix } from '../source-key.ts';
import { areaRates, type AreaRates } from './batch-basis.ts';
import type { Step } from '../../../policy/index.ts';

/** Batch numbers: ZP (灾批) + county + year + 6 digits. */
const BATCH_PREFIX = 'ZP';

export interface Basis {
  date: string;
  ruleSet: string;
  period: { startDate: string; endDate: string } | null;
  /** One entry per distinct set of rates, with the areas it applies to. */
  groups: { areas: string[]; rates: Omit<AreaRates, 'area'>; steps: Step[] }[];
}

export function headOf(b: repo.BatchRow, names: ReadonlyMap<string, string>) {
  return {
    batchNo: b.batch_no, kind: b.kind, kindLabel: BATCH_KIND_LABELS[b.kind], eventNo: b.event_no, eventName: b.event_name, season: b.season,
    countyName: names.get(b.county_code) ?? b.county_code, status: b.status, statusLabel: BATCH_STATUS_LABELS[b.status],
    payMonth: b.pay_month, createdOn: b.created_on, createdBy: b.created_by, households: b.households, persons: b.persons, amountFen: b.amount_fen,
    ratio: b.ratio === null ? null : Number(b.ratio), seed: b.seed, sampledOn: b.sampled_on, noticeFrom: b.notice_from, noticeTo: b.notice_to,
    approvedOn: b.approved_on, approvedBy: b.approved_by, decidedOn: b.decided_on, decidedHouseholds: b.decided_through, voidReason: b.void_reason,
  };
}

function batchCounty(scope: Scope): string {
  if (scope.areaLevel !== 'county') throw AppError.forbidden('救助批次由县级民政部门编制');
  return scope.areaCode;
}

/** Per-area rates grouped by equal values: the batch's worksheet, small whatever the number of villages. */
function basisOf(rates: readonly { rates: AreaRates; steps: Step[] }[], date: string, ruleSet: string, period: Basis['period']): Basis {
  const groups = new Map<string, Basis['groups'][number]>();
  for (const { rates: { area, ...values }, steps } of rates) {
    const key = JSON.stringify(values);
    const g = groups.get(key);
    if (g) g.areas.push(area);
    else groups.set(key, { areas: [area], rates: values, steps });
  }
  return { date, ruleSet, period, groups: [...groups.values()] };
}

export async function createBatch(db: Database, scope: Scope, input: z.output<typeof newBatchSchema>) {
  allow(scope, 'disaster.batch');
  const county = batchCounty(scope);
  const today = todayInChina();
  const date = input.date ?? today;
  if (date > today) throw AppError.field('date', `编制日期不能晚于今天 ${today}`);
  let eventId: number | null = null;
  if (input.eventNo !== undefined) {
    const e = await requireEvent(db, scope, input.eventNo);
    if (!covers(scope, e.county_code)) throw AppError.notFound('灾害事件', input.eventNo);
    if (date < e.started_on) throw AppError.field('date', `编制日期不能早于灾害发生日期 ${e.started_on}`);
    if (input.startDate !== undefined && input.startDate < e.started_on) throw AppError.field('startDate', `救助起始日期不能早于灾害发生日期 ${e.started_on}`);
    eventId = e.id;
  }
  await checkEventAreas(db.kysely, scope, county, input.areas);
  const period = input.startDate && input.endDate ? { startDate: input.startDate, endDate: input.endDate } : undefined;
  const source: repo.BatchSource = { county, kind: input.kind, eventId, season: input.season ?? null, areas: input.areas, ...(period ? { period } : {}) };
  const areas = await repo.villagesOf(db.kysely, county, input.areas);
  const params = await caseParameters(db);
  const ruleSet = ruleSetFor(date, params);
  const rates = areas.map((a) => areaRates(params, a, { kind: input.kind, date, ruleSet, ...(period ? { period } : {}) }));
  const basis = basisOf(rates, date, ruleSet, period ?? null);
  const payMonth = input.payMonth ?? date.slice(0, 7);
  if (payMonth < date.slice(0, 7)) throw AppError.field('payMonth', `发放月份不能早于编制月份 ${date.slice(0, 7)}`);
  const row = await write(db, scope, async (tx) => {
    const batchNo = await nextSerialNo(tx, BATCH_PREFIX, county, date.slice(0, 4));
    const b = await tx.insertInto('disaster_batches').values({
      county_code: county, batch_no: batchNo, kind: input.kind, event_id: eventId, season: input.season ?? null, pay_month: payMonth,
      created_on: date, created_by: scope.userName, basis: JSON.stringify(basis), ratio: null, seed: null, approved_by: null, void_reason: null,
    }).returning(['id']).executeTakeFirstOrThrow();
    const totals = await repo.insertMembers(tx, Number(b.id), source, rates.map((r) => r.rates));
    if (totals.households === 0) {
      const from = input.kind === 'winter_spring' ? `${input.season} 年度冬春需求调查` : '该事件已核查（两人核查完毕）的受灾户';
      throw AppError.conflict('empty_batch', `${from}中没有符合${BATCH_KIND_LABELS[input.kind]}条件、且未编入其他批次的家庭`);
    }
    await appendAudit(tx, scope, {
      action: 'disaster.batch.create', entity: 'disaster_batch', entityId: batchNo, areaCode: county,
      after: { kind: input.kind, eventNo: input.eventNo ?? null, season: input.season ?? null, payMonth, areas: input.areas, ...totals },
    });
    return batchNo;
  });
  return batchDetail(db, scope, row);
}

export async function requireBatch(db: Database, scope: Scope, batchNo: string) {
  const b = await repo.findBatch(db.kysely, scope, batchNo);
  if (!b) throw AppError.notFound('救助批次', batchNo);
  return b;
}

/** Kinds published before payment (a parameter); the others are given first and published after. */
export async function needsNotice(db: Database, b: Pick<repo.BatchRow, 'kind' | 'county_code' | 'created_on'>): Promise<boolean> {
  const params = await caseParameters(db);
  const kinds = params.get('procedure.disaster.notice_kinds', b.county_code, b.created_on).value;
  return Array.isArray(kinds) && kinds.includes(b.kind);
}

/** 应急救助: the last day to draft it (the event's start + the time limit), null for other kinds. */
async function emergencyDueOf(db: Database, b: repo.BatchRow): Promise<string | null> {
  if (b.kind !== 'emergency' || b.event_started_on === null) return null;
  const params = await caseParameters(db);
  const days = Number(params.get('procedure.disaster.emergency_days', b.county_code, b.event_started_on).value);
  return addDays(b.event_started_on, days);
}

export async function batchDetail(db: Database, scope: Scope, batchNo: string) {
  allow(scope, 'disaster.read');
  const b = await requireBatch(db, scope, batchNo);
  const townships = await repo.totalsByTownship(db.kysely, scope, b);
  const emergencyDue = await emergencyDueOf(db, b);
  const names = await namesOf(db.kysely, [b.county_code, ...townships.map((t) => t.township)]);
  const basis = b.basis as Basis;
  return {
    ...headOf(b, names),
    needsNotice: await needsNotice(db, b),
    emergencyDue,
    emergencyLate: emergencyDue !== null && b.created_on > emergencyDue,
    sample: await repo.sampleProgress(db.kysely, b),
    townships: townships.map((t) => ({ areaCode: t.township, areaName: names.get(t.township) ?? t.township, households: t.households, persons: t.persons, amountFen: t.amount_fen })),
    basis: basis.groups.map((g) => ({ areas: g.areas, steps: g.steps })),
    mayAct: covers(scope, b.county_code) && scope.areaLevel === 'county' && scope.role === 'county_approver',
  };
}

export async function listBatches(db: Database, scope: Scope, q: z.output<typeof batchListQuery>) {
  allow(scope, 'disaster.read');
  const eventId = q.eventNo === undefined ? undefined : (await requireEvent(db, scope, q.eventNo)).id;
  const rows = await repo.listBatches(db.kysely, scope, { ...(eventId !== undefined ? { eventId } : {}), ...(q.season ? { season: q.season } : {}), ...(q.kind ? { kind: q.kind } : {}), ...(q.status ? { status: q.status } : {}), limit: q.limit });
  const names = await namesOf(db.kysely, [...new Set(rows.map((r) => r.county_code))]);
  return { items: rows.map((r) => headOf(r, names)) };
}

export async function listMembers(db: Database, scope: Scope, batchNo: string, q: z.output<typeof memberListQuery>) {
  allow(scope, 'disaster.read');
  const b = await requireBatch(db, scope, batchNo);
  const rows = await repo.listMembers(db.kysely, scope, b, sourceKeyPrefix(b.kind, b.event_no ?? b.season ?? ''), { ...(q.sampled ? { sampled: q.sampled === 'true' } : {}), ...(q.area ? { area: q.area } : {}), after: q.after, limit: q.limit + 1 });
  const page = rows.slice(0, q.limit);
  const names = await namesOf(db.kysely, [...new Set(page.map((m) => m.area_code))]);
  const priority = (b.basis as Basis).groups[0]?.rates.priority ?? [];
  return {
    items: page.map((m) => ({
      ordinal: m.ordinal, householdNo: m.household_no, headName: m.head_name, areaCode: m.area_code, areaName: names.get(m.area_code) ?? m.area_code,
      persons: m.persons, amountFen: m.amount_fen, claim: m.claim, claimText: claimText(m.claim, priority), sampled: m.sampled, checkResult: m.check_result,
      checkedBy: m.checked_by, checkedOn: m.checked_on, excluded: m.excluded, excludeReason: m.exclude_reason, caseNo: m.case_no,
    })),
    next: rows.length > q.limit ? page[page.length - 1]!.ordinal : null,
  };
}
