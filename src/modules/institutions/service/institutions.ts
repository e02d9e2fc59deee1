// The institution register (供养服务机构): list and read what the caller may see (a township its
// county's), register and change an institution (its county's approver, optimistic version), every
// write audited.
import type { z } from 'zod';
import type { Database } from '../../../db/engine.ts';
import { write } from '../../../db/write.ts';
import { appendAudit } from '../../../kernel/audit/append.ts';
import { AppError } from '../../../kernel/errors.ts';
import { covers, requireAreaField, mayManageCounty, type Scope } from '../../../kernel/scope.ts';
import { namesOf } from '../../areas/index.ts';
import type { listQuery, newInstitutionSchema, updateInstitutionSchema } from '../contract/institutions.ts';
import { FUNDING_LABELS, PROJECT_STATUS_LABELS } from '../labels.ts';
import { allow } from '../permissions.ts';
import * as repo from '../repo/institutions.ts';
import { projectsOf, ratingsOf, type ProjectRow, type RatingRow } from '../repo/records.ts';
import { checkInstitution, creditCodeRace, type InstitutionFacts } from './checks.ts';
import { auditOf, itemOf, profileOf } from './view.ts';

const areasOf = (rows: readonly repo.InstitutionRow[]) => [...new Set(rows.flatMap((r) => [r.county_code, ...(r.area_code === null ? [] : [r.area_code])]))];

export async function listInstitutions(db: Database, scope: Scope, q: z.output<typeof listQuery> = {}) {
  allow(scope, 'institutions.read');
  const rows = await repo.listInstitutions(db.kysely, scope, q);
  const names = await namesOf(db.kysely, areasOf(rows));
  return { items: rows.map((r) => itemOf(r, names)) };
}

/** The institution if the caller may read it; another county's answers exactly as a missing one. */
export async function requireVisible(db: Database, scope: Scope, id: number): Promise<repo.InstitutionRow> {
  const i = await repo.findVisible(db.kysely, scope, id);
  if (!i) throw AppError.notFound('供养机构', String(id));
  return i;
}

/** …and the caller may change it: its own county's approver (a township that reads it may not). */
export async function requireManaged(db: Database, scope: Scope, id: number): Promise<repo.InstitutionRow> {
  allow(scope, 'institutions.manage');
  const i = await requireVisible(db, scope, id);
  if (!covers(scope, i.county_code)) throw AppError.notFound('供养机构', String(id));
  return i;
}

/** Whether the caller may change the county's records (an auditor reads only). */
export const mayManage = (scope: Scope, county: string): boolean => mayManageCounty(scope, county, 'institutions.manage');

export const ratingViewOf = (r: RatingRow) => ({ year: r.year, stars: r.stars, assessedOn: r.assessed_on, assessor: r.assessor, score: r.score_centi === null ? null : r.score_centi / 100, note: r.note, createdBy: r.created_by });
export const projectViewOf = (p: ProjectRow) => ({
  id: Number(p.id), name: p.name, fundingSource: p.funding_source, fundingLabel: FUNDING_LABELS[p.funding_source], amountFen: Number(p.amount_fen),
  status: p.status, statusLabel: PROJECT_STATUS_LABELS[p.status], year: p.year, startedOn: p.started_on, completedOn: p.completed_on, version: p.version,
});

export async function institutionDetail(db: Database, scope: Scope, id: number) {
  allow(scope, 'institutions.read');
  const i = await requireVisible(db, scope, id);
  return detailOf(db, scope, i);
}

async function detailOf(db: Database, scope: Scope, i: repo.InstitutionRow) {
  const [ratings, projects, names] = await Promise.all([ratingsOf(db.kysely, i), projectsOf(db.kysely, i), namesOf(db.kysely, areasOf([i]))]);
  return {
    ...profileOf(i, names), latestStars: ratings[0]?.stars ?? null,
    ratings: ratings.map(ratingViewOf), projects: projects.map(projectViewOf), mayManage: mayManage(scope, i.county_code),
  };
}

export async function createInstitution(db: Database, scope: Scope, input: z.output<typeof newInstitutionSchema>) {
  allow(scope, 'institutions.manage');
  if (scope.role !== 'system' && scope.areaLevel !== 'county') throw AppError.forbidden('供养机构由县级民政部门登记');
  const county = await db.kysely.selectFrom('areas').select(['level']).where('code', '=', input.countyCode).executeTakeFirst();
  requireAreaField(scope, 'countyCode', input.countyCode, county?.level === 'county');
  const facts: InstitutionFacts = { ...input, status: 'open', closedOn: null };
  await checkInstitution(db.kysely, facts);
  const row = await write(db, scope, async (tx) => {
    const i = await repo.insertInstitution(tx, {
      county_code: input.countyCode, name: input.name, kind: input.kind, beds: input.beds, address: input.address, area_code: input.areaCode, credit_code: input.creditCode,
      legal_person_status: input.legalPersonStatus, legal_person_registered_on: input.legalPersonRegisteredOn, posts: input.posts,
      staff_management: input.staffManagement, staff_care: input.staffCare, staff_medical: input.staffMedical,
      care_beds: input.careBeds, beds_self_care: input.bedsSelfCare, beds_partial: input.bedsPartial, beds_full: input.bedsFull, opened_on: input.openedOn,
    }).catch((e: unknown) => { throw creditCodeRace(e, input.creditCode) ?? e; });
    await appendAudit(tx, scope, { action: 'institution.create', entity: 'institution', entityId: String(i.id), areaCode: i.county_code, after: auditOf(i) });
    return i;
  });
  return detailOf(db, scope, row);
}

export async function updateInstitution(db: Database, scope: Scope, id: number, input: z.output<typeof updateInstitutionSchema>) {
  const i = await requireManaged(db, scope, id);
  if (i.version !== input.version) throw AppError.conflict('institution_changed', '供养机构已被他人更新，请刷新后重试', { version: i.version });
  const pick = <T>(v: T | undefined, was: T): T => (v === undefined ? was : v);
  const facts: InstitutionFacts = {
    countyCode: i.county_code, name: pick(input.name, i.name), areaCode: pick(input.areaCode, i.area_code), creditCode: pick(input.creditCode, i.credit_code),
    legalPersonStatus: pick(input.legalPersonStatus, i.legal_person_status), legalPersonRegisteredOn: pick(input.legalPersonRegisteredOn, i.legal_person_registered_on),
    beds: pick(input.beds, i.beds), careBeds: pick(input.careBeds, i.care_beds), bedsSelfCare: pick(input.bedsSelfCare, i.beds_self_care),
    bedsPartial: pick(input.bedsPartial, i.beds_partial), bedsFull: pick(input.bedsFull, i.beds_full), openedOn: pick(input.openedOn, i.opened_on),
    status: pick(input.status, i.status), closedOn: pick(input.closedOn, i.closed_on),
  };
  await checkInstitution(db.kysely, facts, { countyCode: i.county_code, id: Number(i.id) });
  const row = await write(db, scope, async (tx) => {
    const after = await repo.updateInstitution(tx, i.county_code, Number(i.id), input.version, {
      name: facts.name, kind: pick(input.kind, i.kind), address: pick(input.address, i.address), area_code: facts.areaCode, credit_code: facts.creditCode,
      legal_person_status: facts.legalPersonStatus, legal_person_registered_on: facts.legalPersonRegisteredOn, posts: pick(input.posts, i.posts),
      staff_management: pick(input.staffManagement, i.staff_management), staff_care: pick(input.staffCare, i.staff_care), staff_medical: pick(input.staffMedical, i.staff_medical),
      beds: facts.beds, care_beds: facts.careBeds, beds_self_care: facts.bedsSelfCare, beds_partial: facts.bedsPartial, beds_full: facts.bedsFull,
      opened_on: facts.openedOn, status: facts.status, closed_on: facts.closedOn,
    }).catch((e: unknown) => { throw creditCodeRace(e, facts.creditCode) ?? e; });
    if (!after) throw AppError.conflict('institution_changed', '供养机构已被他人更新，请刷新后重试');
    await appendAudit(tx, scope, { action: 'institution.update', entity: 'institution', entityId: String(i.id), areaCode: i.county_code, before: auditOf(i), after: auditOf(after) });
    return after;
  });
  return detailOf(db, scope, row);
}

export { detailOf };

/**
 * The demo nursing homes the migrations put in every county (中心敬老院, marked demo) taken out, for a data set
 * that brings its own register (the qiannan-2015 scenario). One that anything refers to stays (its foreign keys refuse).
 */
export async function withdrawDemoHomes(db: Database, scope: Scope): Promise<number> {
  allow(scope, 'institutions.manage');
  return write(db, scope, async (tx) => {
    const rows = await repo.deleteDemoHomes(tx);
    for (const r of rows) await appendAudit(tx, scope, { action: 'institution.withdraw_demo', entity: 'institution', entityId: String(r.id), areaCode: r.county_code, before: { name: r.name, demo: true } });
    return rows.length;
  });
}
