// 冬春生活救助需求调查: each autumn a township (its own villages) or the county surveys the households that
// will need help through the winter and spring, by class of persons; once per season and household. The
// survey is made in the autumn of the season's first year (September to December): the county's plan is
// due by the end of October (parameter disaster.winter_spring.plan_due_month), late surveys still count.
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../../../db/engine.ts';
import type { DB } from '../../../db/schema.ts';
import { write } from '../../../db/write.ts';
import { appendAudit } from '../../../kernel/audit/append.ts';
import { AppError } from '../../../kernel/errors.ts';
import { maskName } from '../../../kernel/mask.ts';
import { requireAreaField, type Scope } from '../../../kernel/scope.ts';
import { namesOf } from '../../areas/index.ts';
import type { newWinterNeedSchema, winterListQuery } from '../contract/winter.ts';
import { allow } from '../permissions.ts';
import { listWinterNeeds, surveyed, winterTotals, type WinterRow } from '../repo/winter.ts';
import { may } from './events.ts';
import { requireHouseholdField, type HouseholdRef } from './households.ts';

type NewWinterNeed = z.output<typeof newWinterNeedSchema>;

/** The survey months of a season: September to December of its first year. */
export function surveyWindow(season: string): { from: string; to: string } {
  const year = season.slice(0, 4);
  return { from: `${year}-09-01`, to: `${year}-12-31` };
}

const alreadySurveyed = (householdNo: string, season: string) =>
  AppError.conflict('disaster_winter_surveyed', `家庭 ${householdNo} 已有 ${season} 年度冬春需求调查`, { fields: [{ field: 'householdNo', message: '该户本年度已调查' }] });

/** The checks of one survey row before anything is written; `field` prefixes the fields named (an import's row). */
export async function checkWinterNeed(db: Database, scope: Scope, input: NewWinterNeed, field = (f: string) => f) {
  const h = await requireHouseholdField(db, scope, field('householdNo'), input.householdNo);
  const w = surveyWindow(input.season);
  if (input.surveyedOn < w.from || input.surveyedOn > w.to) throw AppError.field(field('surveyedOn'), `调查日期应在 ${w.from} 至 ${w.to} 之间（${input.season} 年度的秋冬）`);
  return h;
}

export async function addWinterNeed(db: Database, scope: Scope, input: NewWinterNeed) {
  allow(scope, 'disaster.record');
  const h = await checkWinterNeed(db, scope, input);
  await write(db, scope, async (tx) => {
    if (await surveyed(tx, h.countyCode, input.season, h.id)) throw alreadySurveyed(h.householdNo, input.season);
    await insertWinterNeed(tx, scope, h, input);
  });
  return { season: input.season, householdNo: h.householdNo };
}

export async function insertWinterNeed(tx: Kysely<DB>, scope: Scope, h: HouseholdRef, input: NewWinterNeed) {
  const inserted = await tx.insertInto('disaster_winter_needs').values({
    county_code: h.countyCode, season: input.season, household_id: h.id, area_code: h.villageCode, persons_first: input.personsFirst, persons_second: input.personsSecond,
    persons_third: input.personsThird, surveyed_on: input.surveyedOn, surveyed_by: scope.userName, note: input.note,
  }).onConflict((oc) => oc.doNothing()).returning('id').executeTakeFirst();
  if (!inserted) throw alreadySurveyed(h.householdNo, input.season);
  const { householdNo: _n, ...after } = input;
  await appendAudit(tx, scope, { action: 'disaster.winter.survey', entity: 'disaster_winter_need', entityId: `${input.season}/${h.householdNo}`, areaCode: h.villageCode, after });
}

function viewOf(r: WinterRow, names: ReadonlyMap<string, string>) {
  return {
    householdNo: r.household_no, headName: maskName(r.head_name), areaCode: r.area_code, areaName: names.get(r.area_code) ?? r.area_code, season: r.season,
    personsFirst: Number(r.persons_first), personsSecond: Number(r.persons_second), personsThird: Number(r.persons_third),
    surveyedOn: r.surveyed_on, surveyedBy: r.surveyed_by, note: r.note,
  };
}

export async function listWinter(db: Database, scope: Scope, q: z.output<typeof winterListQuery>) {
  allow(scope, 'disaster.read');
  if (q.area !== undefined) {
    const found = await db.kysely.selectFrom('areas').select(['code']).where('code', '=', q.area).executeTakeFirst();
    requireAreaField(scope, 'area', q.area, found !== undefined);
  }
  const [rows, totals] = await Promise.all([listWinterNeeds(db.kysely, scope, q.season, q.area), winterTotals(db.kysely, scope, q.season, q.area)]);
  const names = await namesOf(db.kysely, [...new Set(rows.map((r) => r.area_code))]);
  return { items: rows.map((r) => viewOf(r, names)), totals, mayRecord: may(scope, 'disaster.record') };
}
