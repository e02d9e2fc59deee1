// Recording 留守 work: the yearly survey (排查摸底) of a registry member, the care plan, visits and the
// follow-up of a warning (service/follow-up.ts), each in one transaction with its audit entry. Rules, each answered 400 naming
// the field (nothing written):
// - the person is a member of the household given (the household in the caller's scope, else 404);
// - the survey day is not in the future and lies in the survey's year; a child is under 16 and an elder
//   60 or over on that day, a 留守妇女 is a woman; one survey per person, kind and year (409);
// - a survey without a guardian carries the risk no_guardian;
// - visits and plans are not dated in the future nor before the person's first survey;
// A survey also sets the registry member's 留守 flag to the kind of the person's latest survey (by year, then
// day), in the same transaction, through the registry (its history and audit entry).
import type { z } from 'zod';
import type { Database } from '../../../db/engine.ts';
import { write } from '../../../db/write.ts';
import { appendAudit } from '../../../kernel/audit/append.ts';
import { todayInChina } from '../../../kernel/clock.ts';
import { AppError, type FieldError } from '../../../kernel/errors.ts';
import type { Scope } from '../../../kernel/scope.ts';
import { listMembers, mustFindHousehold, setMemberLeftBehind } from '../../registry/index.ts';
import type { Risk } from '../codes.ts';
import type { newCarePlanSchema, newSurveySchema, newVisitSchema } from '../contract/records.ts';
import { allow } from '../permissions.ts';
import { latestSurveyKind, surveyExists } from '../repo/records.ts';
import { mustRecordFor, personId } from './access.ts';

export const invalid = (fields: FieldError[]) => AppError.fields(fields);
export const ENTITY = 'left_behind_person';

function ageOn(birthDate: string, on: string): number {
  const years = Number(on.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return on.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

export async function recordSurvey(db: Database, scope: Scope, input: z.output<typeof newSurveySchema>): Promise<string> {
  allow(scope, 'left_behind.record');
  const h = await mustFindHousehold(db, scope, input.householdNo);
  const member = (await listMembers(db.kysely, h.key)).find((m) => m.id_number === input.idNumber);
  if (!member) throw AppError.field('idNumber', '该家庭中没有此身份证号码的成员');
  const today = todayInChina();
  const errors: FieldError[] = [];
  if (input.surveyedOn > today) errors.push({ field: 'surveyedOn', message: `排查日期不能晚于今天 ${today}` });
  if (Number(input.surveyedOn.slice(0, 4)) !== input.year) errors.push({ field: 'surveyedOn', message: `排查日期应在 ${input.year} 年内` });
  if (input.awaySince !== undefined && input.awaySince > input.surveyedOn) errors.push({ field: 'awaySince', message: '外出时间不能晚于排查日期' });
  const age = ageOn(member.birth_date, input.surveyedOn);
  if (input.kind === 'child' && age >= 16) errors.push({ field: 'kind', message: `留守儿童应为不满16周岁的未成年人（排查时${age}岁）` });
  if (input.kind === 'elder' && age < 60) errors.push({ field: 'kind', message: `留守老人应为60周岁以上老年人（排查时${age}岁）` });
  if (input.kind === 'woman' && member.sex !== 'female') errors.push({ field: 'kind', message: '留守妇女应为女性' });
  if (new Set(input.risks).size !== input.risks.length) errors.push({ field: 'risks', message: '风险不能重复' });
  if (errors.length > 0) throw invalid(errors);
  const county = member.county_code;
  const memberId = Number(member.id);
  const duplicate = () => new AppError('left_behind_duplicate_survey', `该人员 ${input.year} 年已有此类留守排查记录`, 409, { fields: [{ field: 'year', message: '本年度已排查' }] });
  if (await surveyExists(db.kysely, county, memberId, input.kind, input.year)) throw duplicate();
  const guardian = input.guardian ?? null;
  const risks: Risk[] = guardian === null && !input.risks.includes('no_guardian') ? [...input.risks, 'no_guardian'] : input.risks;
  const id = personId(county, memberId);
  await write(db, scope, async (tx) => {
    const row = {
      county_code: county, member_id: memberId, year: input.year, kind: input.kind, away_place: input.awayPlace, away_since: input.awaySince ?? null,
      guardian_name: guardian?.name ?? null, guardian_relation: guardian?.relation ?? null, guardian_able: guardian?.able ?? null, risks,
      surveyed_on: input.surveyedOn, surveyed_by: input.surveyedBy, recorded_by: scope.userName,
    };
    const { id: surveyId } = await tx.insertInto('left_behind_surveys').values(row).returning('id').executeTakeFirstOrThrow();
    await appendAudit(tx, scope, { action: 'left_behind.survey.create', entity: ENTITY, entityId: id, areaCode: h.village_code, after: { surveyId: Number(surveyId), ...row } });
    // The registry's flag follows the person's latest survey (a person surveyed as two kinds: the latest one).
    await setMemberLeftBehind(tx, scope, h, memberId, (await latestSurveyKind(tx, county, memberId)) ?? input.kind);
  }).catch((e: unknown) => {
    // Two surveys of the same person, kind and year at once: the unique key decides, the loser gets the 409.
    if (typeof e === 'object' && e !== null && (e as { code?: unknown }).code === '23505') throw duplicate();
    throw e;
  });
  return id;
}

export function checkDay(field: string, day: string, what: string, firstSurvey: string): void {
  const today = todayInChina();
  if (day > today) throw AppError.field(field, `${what}不能晚于今天 ${today}`);
  if (day < firstSurvey) throw AppError.field(field, `${what}不能早于首次排查日期 ${firstSurvey}`);
}

/** The person's first survey day (plans and visits start from it). */
export async function firstSurveyOn(db: Database, county: string, memberId: number): Promise<string> {
  const row = await db.kysely.selectFrom('left_behind_surveys').select((eb) => eb.fn.min('surveyed_on').as('first')).where('county_code', '=', county).where('member_id', '=', memberId).executeTakeFirstOrThrow();
  return String(row.first);
}

export async function recordCarePlan(db: Database, scope: Scope, id: string, input: z.output<typeof newCarePlanSchema>): Promise<void> {
  const p = await mustRecordFor(db, scope, id);
  checkDay('from', input.from, '计划开始日期', await firstSurveyOn(db, p.county_code, p.member_id));
  await write(db, scope, async (tx) => {
    const row = { county_code: p.county_code, member_id: p.member_id, carer_kind: input.carerKind, carer_name: input.carerName, visit_interval_days: input.visitIntervalDays ?? null, from_on: input.from, recorded_by: scope.userName };
    await tx.insertInto('left_behind_care_plans').values(row).execute();
    await appendAudit(tx, scope, { action: 'left_behind.care_plan.create', entity: ENTITY, entityId: id, areaCode: p.village_code, after: row });
  });
}

export async function recordVisit(db: Database, scope: Scope, id: string, input: z.output<typeof newVisitSchema>): Promise<void> {
  const p = await mustRecordFor(db, scope, id);
  checkDay('visitedOn', input.visitedOn, '走访日期', await firstSurveyOn(db, p.county_code, p.member_id));
  if (new Set(input.risksFound).size !== input.risksFound.length) throw AppError.field('risksFound', '风险不能重复');
  await write(db, scope, async (tx) => {
    const row = { county_code: p.county_code, member_id: p.member_id, visited_on: input.visitedOn, visited_by: input.visitedBy, findings: input.findings, risks_found: input.risksFound, recorded_by: scope.userName };
    await tx.insertInto('left_behind_visits').values(row).execute();
    await appendAudit(tx, scope, { action: 'left_behind.visit.create', entity: ENTITY, entityId: id, areaCode: p.village_code, after: row });
  });
}
