// The yearly evaluation (年度考核) of a contract by the county: a score of 0–100 and the rating it gives —
// 优秀 from purchased_services.excellent_score, 合格 from purchased_services.pass_score, else 不合格 (dated
// parameters in force on the evaluation day for the county) — shown beside the tasks of that year.
import type { z } from 'zod';
import type { Database } from '../../../db/engine.ts';
import { write } from '../../../db/write.ts';
import { appendAudit } from '../../../kernel/audit/append.ts';
import { todayInChina } from '../../../kernel/clock.ts';
import { AppError, type FieldError } from '../../../kernel/errors.ts';
import { visibleCounties, type Scope } from '../../../kernel/scope.ts';
import { databaseParameterSet } from '../../policy/index.ts';
import type { Rating } from '../codes.ts';
import type { evaluationQuery, newEvaluationSchema } from '../contract/contracts.ts';
import { RATING_LABELS } from '../labels.ts';
import { allow } from '../permissions.ts';
import { contractById, evaluationsIn, type EvaluationRow } from '../repo/contracts.ts';
import { CONTRACT, invalid, mustManageCountyRegister, mustSeeCounty } from './access.ts';

export const EXCELLENT_SCORE = 'purchased_services.excellent_score';
export const PASS_SCORE = 'purchased_services.pass_score';

export const ratingOf = (score: number, excellent: number, pass: number): Rating => (score >= excellent ? 'excellent' : score >= pass ? 'pass' : 'fail');

export const evaluationView = (e: EvaluationRow) => ({
  id: e.id, countyCode: e.county_code, contractId: e.contract_id, contractNo: e.contract_no, contractTitle: e.contract_title, providerName: e.provider_name,
  year: e.year, score: e.score, rating: e.rating, ratingLabel: RATING_LABELS[e.rating], evaluatedOn: e.evaluated_on, remarks: e.remarks,
  tasksAssigned: e.tasks_assigned, tasksDone: e.tasks_done, tasksConfirmed: e.tasks_confirmed, tasksOverdue: e.tasks_overdue,
});

export async function createEvaluation(db: Database, scope: Scope, input: z.output<typeof newEvaluationSchema>) {
  allow(scope, 'purchased_services.manage');
  const today = todayInChina();
  const c = mustSeeCounty(scope, await contractById(db.kysely, input.contractId, today), CONTRACT, input.contractId);
  mustManageCountyRegister(scope, c.county_code);
  const errors: FieldError[] = [];
  if (String(input.year) < c.period_from.slice(0, 4) || String(input.year) > c.period_to.slice(0, 4)) errors.push({ field: 'year', message: `合同服务期限为 ${c.period_from} 至 ${c.period_to}` });
  if (input.evaluatedOn > today) errors.push({ field: 'evaluatedOn', message: `考核日期不能晚于今天 ${today}` });
  if (input.evaluatedOn < `${input.year}-01-01`) errors.push({ field: 'evaluatedOn', message: `考核日期不能早于考核年度 ${input.year} 年` });
  if (errors.length > 0) throw invalid(errors);
  const taken = await db.kysely.selectFrom('purchase_evaluations').select('id').where('county_code', '=', c.county_code).where('contract_id', '=', c.id).where('year', '=', input.year).executeTakeFirst();
  if (taken) throw new AppError('purchase_evaluation_exists', `合同 ${c.contract_no} ${input.year} 年度已考核`, 409, { fields: [{ field: 'year', message: '本年度已考核' }] });
  const params = await databaseParameterSet(db);
  const at = (name: string) => Number(params.get(name, c.county_code, input.evaluatedOn).value);
  const rating = ratingOf(input.score, at(EXCELLENT_SCORE), at(PASS_SCORE));
  const id = await write(db, scope, async (tx) => {
    const row = await tx.insertInto('purchase_evaluations').values({
      county_code: c.county_code, contract_id: c.id, year: input.year, score: input.score, rating, evaluated_on: input.evaluatedOn, remarks: input.remarks ?? null, recorded_by: scope.userName,
    }).returning('id').executeTakeFirstOrThrow();
    await appendAudit(tx, scope, { action: 'purchased_services.evaluation.create', entity: 'purchase_contract', entityId: c.contract_no, areaCode: c.county_code, after: { ...input, rating } });
    return Number(row.id);
  });
  const [e] = await evaluationsIn(db.kysely, visibleCounties(scope, 'e.county_code'), { id }, today);
  return evaluationView(e!);
}

export async function listEvaluations(db: Database, scope: Scope, q: z.output<typeof evaluationQuery>) {
  allow(scope, 'purchased_services.read');
  return { items: (await evaluationsIn(db.kysely, visibleCounties(scope, 'e.county_code'), q, todayInChina())).map(evaluationView) };
}
