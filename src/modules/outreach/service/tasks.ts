// 政策找人: the warning lists (eligible but uncovered, near-低保, poverty file uncovered) become visit tasks
// of the household's village, generated set-based by the township or county for its area; the village clerk
// or the township records the outcome once. A task is its village's: another area answers as missing.
import type { z } from 'zod';
import type { Database } from '../../../db/engine.ts';
import { write } from '../../../db/write.ts';
import { appendAudit } from '../../../kernel/audit/append.ts';
import { todayInChina } from '../../../kernel/clock.ts';
import { AppError, type FieldError } from '../../../kernel/errors.ts';
import { mayAct } from '../../../kernel/permissions.ts';
import { covers, inArea, inScope, requireAreaField, type Scope } from '../../../kernel/scope.ts';
import { namesOf } from '../../areas/index.ts';
import { mustFindCase } from '../../cases/index.ts';
import { databaseParameterSet } from '../../policy/index.ts';
import { currentAssessment, uncoveredHouseholdsQuery } from '../../stats/index.ts';
import { OUTREACH_KINDS } from '../codes.ts';
import type { generateSchema, outcomeSchema, taskListQuery } from '../contract/tasks.ts';
import { KIND_LABELS, OUTCOME_LABELS, STATUS_LABELS } from '../labels.ts';
import { allow } from '../permissions.ts';
import { closeTask, insertTasks, taskById, taskPage, type TaskRow } from '../repo/tasks.ts';

export const TASK = '政策找人任务';
export const VISIT_DAYS = 'outreach.visit_days';

const plusDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const invalid = (fields: FieldError[]) => AppError.fields(fields);

/** Whether the caller may record the task's outcome: open, its area covers the village, its role records. */
export const mayRecord = (scope: Scope, t: Pick<TaskRow, 'area_code' | 'status'>) =>
  t.status === 'open' && scope.role !== 'auditor' && covers(scope, t.area_code) && mayAct(scope, 'outreach.record');

function view(scope: Scope, t: TaskRow, today: string) {
  return {
    id: t.id, countyCode: t.county_code, householdNo: t.household_no, headName: t.head_name, villageCode: t.area_code, villageName: t.village_name, townshipName: t.township_name,
    kind: t.kind, kindLabel: KIND_LABELS[t.kind], createdOn: t.created_on, dueOn: t.due_on, overdue: t.status === 'open' && t.due_on < today,
    status: t.status, statusLabel: STATUS_LABELS[t.status], outcome: t.outcome, outcomeLabel: t.outcome && OUTCOME_LABELS[t.outcome], outcomeOn: t.outcome_on,
    note: t.note, caseNo: t.case_no, closedBy: t.closed_by, mayRecord: mayRecord(scope, t),
  };
}

/** The area named in a request: existing and within the caller's; anything else is one and the same field error. */
async function areaInScope(db: Database, scope: Scope, field: string, code: string): Promise<string> {
  const name = (await namesOf(db.kysely, [code])).get(code);
  requireAreaField(scope, field, code, name !== undefined);
  return name ?? code;
}

/**
 * Tasks for every household under the area on the chosen lists, in one INSERT … SELECT; households with an
 * open task of the kind are skipped. Due after `outreach.visit_days` (in force today for the area). One audit
 * entry with the counts.
 */
export async function generateTasks(db: Database, scope: Scope, input: z.output<typeof generateSchema>) {
  allow(scope, 'outreach.generate');
  const areaName = await areaInScope(db, scope, 'area', input.area);
  const kinds = OUTREACH_KINDS.filter((k) => input.kinds === undefined || input.kinds.includes(k));
  const today = todayInChina();
  const days = Number((await databaseParameterSet(db)).get(VISIT_DAYS, input.area, today).value);
  const dueOn = plusDays(today, days);
  const candidates = uncoveredHouseholdsQuery(scope, { area: input.area, kinds, assessment: await currentAssessment(db) });
  const created = await write(db, scope, async (tx) => {
    const made = await insertTasks(tx, candidates, { createdOn: today, dueOn, by: scope.userName });
    const counts = kinds.map((kind) => ({ kind, kindLabel: KIND_LABELS[kind], created: made.get(kind) ?? 0 }));
    await appendAudit(tx, scope, {
      action: 'outreach.tasks.generate', entity: 'outreach_generation', entityId: input.area, areaCode: input.area,
      after: { kinds, createdOn: today, dueOn, counts: Object.fromEntries(counts.map((c) => [c.kind, c.created])) },
    });
    return counts;
  });
  return { area: input.area, areaName, createdOn: today, dueOn, counts: created, total: created.reduce((n, c) => n + c.created, 0) };
}

export async function listTasks(db: Database, scope: Scope, q: z.output<typeof taskListQuery>) {
  allow(scope, 'outreach.read');
  const where = [inScope(scope, 'o.area_code')];
  if (q.village !== undefined) { await areaInScope(db, scope, 'village', q.village); where.push(inArea(q.village, 'o.area_code')); }
  const today = todayInChina();
  const { rows, total } = await taskPage(db.kysely, where, q);
  return { items: rows.map((t) => view(scope, t, today)), total, offset: q.offset, limit: q.limit };
}

async function mustSeeTask(db: Database, scope: Scope, id: number): Promise<TaskRow> {
  const t = await taskById(db.kysely, id);
  if (!t || !covers(scope, t.area_code)) throw AppError.notFound(TASK, String(id));
  return t;
}

/**
 * The outcome, once: dated from the task's creation to today; `applied` names a case of the task's household
 * (found through the cases module, scoped). A closed task answers 409, also when two outcomes race.
 */
export async function recordOutcome(db: Database, scope: Scope, id: number, b: z.output<typeof outcomeSchema>) {
  allow(scope, 'outreach.record');
  const t = await mustSeeTask(db, scope, id);
  if (t.status === 'closed') throw closed(t);
  const today = todayInChina();
  const errors: FieldError[] = [];
  if (b.date > today) errors.push({ field: 'date', message: `日期不能晚于今天 ${today}` });
  if (b.date < t.created_on) errors.push({ field: 'date', message: `日期不能早于任务生成日期 ${t.created_on}` });
  if (b.outcome === 'applied' && b.caseNo !== undefined) {
    const c = await mustFindCase(db, scope, b.caseNo).catch((e: unknown) => {
      if (e instanceof AppError && (e.status === 404 || e.status === 400)) return undefined;
      throw e;
    });
    if (!c || c.county_code !== t.county_code || Number(c.household_id) !== t.household_id) errors.push({ field: 'caseNo', message: `案件 ${b.caseNo} 不存在或不是该户的案件` });
  }
  if (errors.length > 0) throw invalid(errors);
  await write(db, scope, async (tx) => {
    const set = { outcome: b.outcome, outcome_on: b.date, note: b.note ?? null, case_no: b.outcome === 'applied' ? b.caseNo ?? null : null, closed_by: scope.userName };
    if (!(await closeTask(tx, t, set))) throw closed(t);
    await appendAudit(tx, scope, { action: 'outreach.task.outcome', entity: 'outreach_task', entityId: `${t.county_code}-${t.id}`, areaCode: t.area_code, before: { status: 'open' }, after: { status: 'closed', ...set } });
  });
  return view(scope, await mustSeeTask(db, scope, id), today);
}

const closed = (t: TaskRow) => new AppError('outreach_task_closed', `${TASK} ${t.id} 已办结（${t.outcome ? OUTCOME_LABELS[t.outcome] : ''}），不能再次登记结果`, 409);
