// Risk warnings of 留守 persons (动态管理), computed from the latest survey, the care plan in force, the last
// visit and the follow-ups recorded:
// - no_visit: no visit (nor survey) for more than the plan's visit interval, or left_behind.visit_warning_days
//   (in force in the person's county today) without a plan's interval; arises the day after the limit;
// - no_guardian: a child whose latest survey records no guardian, or one not able to look after them;
// - alone_ill: an elder whose latest survey records living alone and ill;
// - visit_risk: the last visit (on or after the latest survey) found a risk.
// A warning is open until a follow-up of its kind is recorded on or after the day it arose (a new survey or
// visit that raises it again opens it again).
import type { Expression, Kysely, SqlBool } from 'kysely';
import type { Database } from '../../../db/engine.ts';
import type { DB } from '../../../db/schema.ts';
import { todayInChina } from '../../../kernel/clock.ts';
import { databaseParameterSet } from '../../policy/index.ts';
import type { Warning } from '../codes.ts';
import { ACTION_LABELS, RISK_LABELS, WARNING_LABELS } from '../labels.ts';
import { currentPlans, followUpsOf, latestSurveys, visitsOf, type FollowUpRow, type PlanRow, type SurveyRow, type VisitRow } from '../repo/records.ts';

export const VISIT_WARNING_DAYS = 'left_behind.visit_warning_days';

export interface WarningView {
  warning: Warning; warningLabel: string; since: string; detail: string; open: boolean;
  followUp: { action: FollowUpRow['action']; actionLabel: string; department: string | null; caseNo: string | null; requestNo: string | null; note: string; followedOn: string } | null;
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export interface PersonState { survey: SurveyRow; plan: PlanRow | undefined; lastVisit: VisitRow | undefined; followUps: FollowUpRow[] }

/** The warnings of one person (open and followed up). */
export function warningsOf(p: PersonState, defaultDays: number, today: string): WarningView[] {
  const raised: { warning: Warning; since: string; detail: string }[] = [];
  const s = p.survey;
  const seen = p.lastVisit && p.lastVisit.visited_on > s.surveyed_on ? p.lastVisit.visited_on : s.surveyed_on;
  const limit = p.plan?.visit_interval_days ?? defaultDays;
  const gap = daysBetween(seen, today);
  if (gap > limit) raised.push({ warning: 'no_visit', since: addDays(seen, limit + 1), detail: `已${gap}天未走访（上次 ${seen}，应每${limit}天走访）` });
  if (s.kind === 'child' && s.guardian_able !== true) {
    raised.push({ warning: 'no_guardian', since: s.surveyed_on, detail: s.guardian_name === null ? '排查时无监护人（照料人）' : `监护人 ${s.guardian_name} 不具备监护能力` });
  }
  if (s.kind === 'elder' && s.risks.includes('living_alone') && s.risks.includes('ill')) raised.push({ warning: 'alone_ill', since: s.surveyed_on, detail: '独居且患病' });
  const v = p.lastVisit;
  if (v && v.visited_on >= s.surveyed_on && v.risks_found.length > 0) {
    raised.push({ warning: 'visit_risk', since: v.visited_on, detail: `走访发现：${v.risks_found.map((r) => RISK_LABELS[r]).join('、')}` });
  }
  return raised.map((w) => {
    const f = p.followUps.find((x) => x.warning === w.warning && x.followed_on >= w.since);
    return {
      ...w, warningLabel: WARNING_LABELS[w.warning], open: f === undefined,
      followUp: f ? { action: f.action, actionLabel: ACTION_LABELS[f.action], department: f.department, caseNo: f.case_no, requestNo: f.request_no, note: f.note, followedOn: f.followed_on } : null,
    };
  });
}

/** The visit-warning days in force in a county today. */
export async function visitDays(db: Database): Promise<(county: string) => number> {
  const params = await databaseParameterSet(db);
  const today = todayInChina();
  return (county) => Number(params.get(VISIT_WARNING_DAYS, county, today).value);
}

const key = (r: { county_code: string; member_id: number }) => `${r.county_code}-${r.member_id}`;

/** Every surveyed person the filter selects, with their warnings. */
export async function warningsWhere(db: Database, kysely: Kysely<DB>, where: Expression<SqlBool>[]): Promise<{ survey: SurveyRow; warnings: WarningView[] }[]> {
  const [surveys, plans, visits, follows, days] = await Promise.all([latestSurveys(kysely, where), currentPlans(kysely, where), visitsOf(kysely, where, true), followUpsOf(kysely, where), visitDays(db)]);
  const planOf = new Map(plans.map((p) => [key(p), p]));
  const visitOf = new Map(visits.map((v) => [key(v), v]));
  const followOf = new Map<string, FollowUpRow[]>();
  for (const f of follows) followOf.set(key(f), [...(followOf.get(key(f)) ?? []), f]);
  const today = todayInChina();
  return surveys.map((s) => ({
    survey: s,
    warnings: warningsOf({ survey: s, plan: planOf.get(key(s)), lastVisit: visitOf.get(key(s)), followUps: followOf.get(key(s)) ?? [] }, days(s.county_code), today),
  }));
}
