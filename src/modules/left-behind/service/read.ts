// Reading 留守 records: surveys by area, kind and year; one person's file (建档立卡: surveys, the plan in
// force, visits, warnings); the warnings of an area. ID numbers are masked in every answer.
import { sql, type Expression, type SqlBool } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../../../db/engine.ts';
import { maskIdNumber } from '../../../kernel/mask.ts';
import { prefixOf } from '../../../kernel/areas.ts';
import { areaFieldError, covers, type Scope } from '../../../kernel/scope.ts';
import { namesOf } from '../../areas/index.ts';
import type { surveyListQuery, warningQuery } from '../contract/records.ts';
import { CARER_LABELS, KIND_LABELS, RISK_LABELS } from '../labels.ts';
import { allow } from '../permissions.ts';
import { currentPlans, followUpsOf, surveyPage, visitsOf, type PersonRow, type SurveyRow } from '../repo/records.ts';
import { mayRecord, mustSeePerson, personId, personsWhere } from './access.ts';
import { visitDays, warningsOf, warningsWhere } from './warnings.ts';
import { todayInChina } from '../../../kernel/clock.ts';

const personView = (p: PersonRow) => ({
  personId: personId(p.county_code, p.member_id), countyCode: p.county_code, villageCode: p.village_code, villageName: p.village_name, householdNo: p.household_no,
  name: p.name, idNumber: maskIdNumber(p.id_number), sex: p.sex, birthDate: p.birth_date,
});

export const surveyView = (s: SurveyRow) => ({
  surveyId: `${s.county_code}-${s.id}`, ...personView(s),
  year: s.year, kind: s.kind, kindLabel: KIND_LABELS[s.kind], awayPlace: s.away_place, awaySince: s.away_since,
  guardian: s.guardian_name === null ? null : { name: s.guardian_name, relation: s.guardian_relation ?? '', able: s.guardian_able === true },
  risks: s.risks, riskLabels: s.risks.map((r) => RISK_LABELS[r]), surveyedOn: s.surveyed_on, surveyedBy: s.surveyed_by,
});

/** An area the caller may filter on: one it covers that exists; otherwise 400 on `area`. */
export async function checkedArea(db: Database, scope: Scope, area: string | undefined): Promise<string | undefined> {
  if (area === undefined) return undefined;
  const name = (await namesOf(db.kysely, [area])).get(area);
  if (name === undefined || !(covers(scope, area) || (scope.kind !== 'citizen' && scope.prefix.startsWith(prefixOf(area))))) throw areaFieldError('area', area);
  return area;
}



export async function listSurveys(db: Database, scope: Scope, q: z.output<typeof surveyListQuery>) {
  allow(scope, 'left_behind.read');
  const area = await checkedArea(db, scope, q.area);
  const rows = await surveyPage(db.kysely, personsWhere(scope, area), q);
  return { items: rows.map(surveyView), next: rows.length === q.limit ? rows[rows.length - 1]!.id : null };
}

export async function personFile(db: Database, scope: Scope, id: string) {
  const p = await mustSeePerson(db, scope, id);
  const where = [...personsWhere(scope), sql<SqlBool>`m.county_code = ${p.county_code}`, sql<SqlBool>`m.id = ${p.member_id}`];
  const [surveys, plans, visits, follows, days] = await Promise.all([
    surveyPage(db.kysely, personsWhere(scope), { county: p.county_code, memberId: p.member_id, limit: 100 }),
    currentPlans(db.kysely, where), visitsOf(db.kysely, where, false), followUpsOf(db.kysely, where), visitDays(db),
  ]);
  const latest = [...surveys].sort((a, b) => b.year - a.year || b.surveyed_on.localeCompare(a.surveyed_on) || b.id - a.id)[0]!;
  const plan = plans[0];
  return {
    ...personView(p),
    surveys: surveys.map(surveyView),
    carePlan: plan ? { carerKind: plan.carer_kind, carerKindLabel: CARER_LABELS[plan.carer_kind], carerName: plan.carer_name, visitIntervalDays: plan.visit_interval_days, from: plan.from_on } : null,
    visits: visits.map((v) => ({ visitedOn: v.visited_on, visitedBy: v.visited_by, findings: v.findings, risksFound: v.risks_found, riskLabels: v.risks_found.map((r) => RISK_LABELS[r]) })),
    warnings: warningsOf({ survey: latest, plan, lastVisit: visits[0], followUps: follows }, days(p.county_code), todayInChina()),
    mayRecord: mayRecord(scope, p.village_code),
  };
}

/** Warnings of the persons in the area the caller sees: open ones, or all (`all=true`, with their follow-ups). */
export async function listWarnings(db: Database, scope: Scope, q: z.output<typeof warningQuery>) {
  allow(scope, 'left_behind.read');
  const area = await checkedArea(db, scope, q.area);
  const persons = await warningsWhere(db, db.kysely, personsWhere(scope, area));
  const items = persons.flatMap(({ survey: s, warnings }) => warnings.filter((w) => q.all === true || w.open).map((w) => ({
    ...w, personId: personId(s.county_code, s.member_id), name: s.name, kind: s.kind, kindLabel: KIND_LABELS[s.kind], countyCode: s.county_code, villageCode: s.village_code, villageName: s.village_name,
  })));
  return { items: items.sort((a, b) => a.since.localeCompare(b.since) || a.personId.localeCompare(b.personId)) };
}


