// 批量审批: the county approver approves every case of a batch that the engine would approve now (its
// own preconditions: sample visited where drawn, objection reviewed, notice ended, verification
// passed…, and the programme's benefit on the registry facts: eligible), after a preview with the count
// and the amounts, in one transaction — each case its own `approve` step,
// decision, entitlement and audit entry, exactly as a single approval writes them.
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../../db/engine.ts';
import type { DB } from '../../../db/schema.ts';
import { write } from '../../../db/write.ts';
import { todayInChina } from '../../../kernel/clock.ts';
import { AppError } from '../../../kernel/errors.ts';
import type { Scope } from '../../../kernel/scope.ts';
import { isoDate, month } from '../../../kernel/types.ts';
import type { ParameterSet } from '../../../policy/index.ts';
import { programmeOf } from '../../../programmes/registry.ts';
import { stateLabel } from '../../../workflow/definition.ts';
import type { PlannedStep } from '../../../workflow/planner.ts';
import { allow } from '../permissions.ts';
import * as batches from '../repo/batches.ts';
import * as repo from '../repo/cases.ts';
import { mustFindBatch } from './batches.ts';
import { applyStep, definitionOf, planStep } from './engine.ts';
import { benefitOf } from './amounts.ts';
import { monthOf, nextMonth } from './months.ts';
import { caseParameters } from './parameters.ts';
import { checkStepData } from './step-checks.ts';
import { namesOf } from '../../areas/index.ts';

const ACTION = 'approve';

export const approvableQuery = z.strictObject({ date: isoDate.optional() });

export const approveAllSchema = z.strictObject({
  /** The number of approvable cases the preview showed: refused (409) when it changed since. */
  expectedCount: z.number().int().min(1, '应至少为 1'),
  /** The approval date (default today); benefits start the month after it. */
  date: isoDate.optional(),
  /** The first month paid as the preview showed it: refused (400) when the date gives another. */
  effectiveMonth: month.optional(),
  /** The approval's data for every case (the programme's approve form, e.g. stability). */
  data: z.record(z.string(), z.unknown()).default({}),
});

type Member = Awaited<ReturnType<typeof batches.batchMembers>>[number];
type Assessed = { member: Member; c: repo.CaseRow; step: PlannedStep; amountFen: number | null } | { member: Member; c: repo.CaseRow | undefined; code: string; reason: string };

const NO_AMOUNT = new Set(['reject', 'suspend', 'exit', 'gradual_exit']);

/** The amount the approval's decision would freeze (null: a step without one), or the programme's refusal (not eligible…). */
async function amountOf(db: Kysely<DB>, c: repo.CaseRow, step: PlannedStep, params: ParameterSet): Promise<number | null | AppError> {
  const { programme } = definitionOf(c);
  if (step.effect?.kind !== 'decide' || NO_AMOUNT.has(step.effect.decision) || !programme.benefit) return null;
  const out = await benefitOf(db, params, programme, c, step.context, step.date, step.ruleSet);
  return out instanceof AppError ? out : out.amountFen;
}

/** The first month a decision of `date` pays, as the engine sets it (months.ts). */
function effectiveOf(programme: string, date: string): string {
  return programmeOf(programme).benefit?.schedule === 'one_off' ? monthOf(date) : nextMonth(date);
}

/** Each member case: the planned approval, or why the engine refuses it now (400 refusals of the data are thrown). */
async function assess(db: Kysely<DB>, scope: Scope, b: { county_code: string; id: number }, date: string, data: Record<string, unknown>, params: ParameterSet, lock: boolean): Promise<Assessed[]> {
  const members = await batches.batchMembers(db, b.county_code, b.id);
  const ids = members.map((m) => m.case_id);
  const rows = lock && ids.length > 0
    ? await db.selectFrom('cases').selectAll().where('county_code', '=', b.county_code).where('id', 'in', ids).orderBy('id').forUpdate().execute()
    : await repo.casesByIds(db, scope, b.county_code, ids);
  const byId = new Map(rows.map((c) => [c.id, c]));
  const out: Assessed[] = [];
  for (const member of members) {
    const c = byId.get(member.case_id);
    if (!c) {
      out.push({ member, c, code: 'not_found', reason: '案件不在您的辖区内' });
      continue;
    }
    try {
      const step = await planStep(db, scope, c, { action: ACTION, date, data }, params);
      const amount = await amountOf(db, c, step, params);
      if (amount instanceof AppError) throw amount;
      out.push({ member, c, step, amountFen: amount });
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      // A refusal of the request itself (a field of the data, the date) is the caller's to correct.
      if (e.status === 400) throw e;
      out.push({ member, c, code: e.code, reason: e.message });
    }
  }
  return out;
}

const isReady = (a: Assessed): a is Extract<Assessed, { step: PlannedStep }> => 'step' in a;

async function summary(db: Database, scope: Scope, batchNo: string, date: string, assessed: Assessed[], programme: string) {
  const names = await namesOf(db.kysely, assessed.map((a) => a.member.area_code));
  const base = (a: Assessed) => ({ caseNo: a.member.case_no, applicantName: a.member.applicant_name, villageName: names.get(a.member.area_code) ?? '', sampled: a.member.sampled });
  const ready = assessed.filter(isReady);
  return {
    batchNo, programme, date, effectiveMonth: effectiveOf(programme, date), count: ready.length,
    totalFen: ready.reduce((sum, a) => sum + (a.amountFen ?? 0), 0),
    approvable: ready.map((a) => ({ ...base(a), amountFen: a.amountFen })),
    blocked: assessed.filter((a) => !isReady(a)).map((a) => ({
      ...base(a), state: a.member.state, stateLabel: stateLabel(definitionOf(a.member).def, a.member.state),
      code: 'code' in a ? a.code : '', reason: 'reason' in a ? a.reason : '',
    })),
  };
}

function approvalDate(date: string | undefined): string {
  const today = todayInChina();
  const d = date ?? today;
  if (d > today) throw AppError.field('date', `审批日期 ${d} 不能晚于今天 ${today}`);
  return d;
}

/** GET …/approvable: which cases the approval would take now, and why the others not. */
export async function approvable(db: Database, scope: Scope, batchNo: string, q: z.output<typeof approvableQuery>) {
  allow(scope, 'cases.batch');
  const b = await mustFindBatch(db, scope, batchNo);
  const date = approvalDate(q.date);
  const params = await caseParameters(db);
  const assessed = await assess(db.kysely, scope, b, date, {}, params, false);
  return summary(db, scope, batchNo, date, assessed, b.programme);
}

/** POST …/approve-all: every approvable case approved in one transaction, if still as many as the preview showed. */
export async function approveAll(db: Database, scope: Scope, batchNo: string, input: z.output<typeof approveAllSchema>) {
  allow(scope, 'cases.batch');
  allow(scope, 'cases.write');
  const b = await mustFindBatch(db, scope, batchNo);
  const date = approvalDate(input.date);
  const effectiveMonth = effectiveOf(b.programme, date);
  if (input.effectiveMonth !== undefined && input.effectiveMonth !== effectiveMonth) {
    throw AppError.field('effectiveMonth', `${date} 审批的案件自 ${effectiveMonth} 起发放，与所填 ${input.effectiveMonth} 不符`);
  }
  const params = await caseParameters(db);
  await checkStepData(db, b.county_code, input.data);
  return write(db, scope, async (tx) => {
    const assessed = await assess(tx, scope, b, date, input.data, params, true);
    const ready = assessed.filter(isReady);
    if (ready.length !== input.expectedCount) {
      throw AppError.conflict('batch_count_changed', `批次中可审批的案件现为 ${ready.length} 户，与预览时的 ${input.expectedCount} 户不同，请重新预览后再审批`, { count: ready.length, expectedCount: input.expectedCount });
    }
    for (const a of ready) {
      try {
        await applyStep(tx, scope, a.c, a.step, [], params);
      } catch (e) {
        if (e instanceof AppError) throw new AppError(e.code, `${a.c.case_no}（${a.c.applicant_name}）：${e.message}`, e.status, { ...e.details, caseNo: a.c.case_no });
        throw e;
      }
    }
    const decided = await repo.approvals(tx, b.county_code, ready.map((a) => a.c.id));
    const items = ready.map((a) => {
      const d = decided.get(a.c.id);
      return { caseNo: a.c.case_no, applicantName: a.c.applicant_name, amountFen: d?.amount_fen ?? null, effectiveMonth: d?.effective_month ?? null };
    });
    return { batchNo, approved: items.length, date, effectiveMonth, totalFen: items.reduce((s, i) => s + (i.amountFen ?? 0), 0), items };
  });
}
