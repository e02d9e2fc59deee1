// An institution's star ratings (星级评定, one per year, with the assessment that gave it) and its
// construction projects (建设项目, funding source and amount, planned → building → completed).
import type { z } from 'zod';
import type { Database } from '../../../db/engine.ts';
import { write } from '../../../db/write.ts';
import { appendAudit } from '../../../kernel/audit/append.ts';
import { clock } from '../../../kernel/clock.ts';
import { AppError, type FieldError } from '../../../kernel/errors.ts';
import type { Scope } from '../../../kernel/scope.ts';
import type { newProjectSchema, newRatingSchema, updateProjectSchema } from '../contract/institutions.ts';
import * as records from '../repo/records.ts';
import { detailOf, projectViewOf, ratingViewOf, requireManaged } from './institutions.ts';

const invalid = (fields: FieldError[]) => AppError.fields(fields);

export async function addRating(db: Database, scope: Scope, id: number, input: z.output<typeof newRatingSchema>) {
  const i = await requireManaged(db, scope, id);
  if (Number(input.assessedOn.slice(0, 4)) < input.year) throw AppError.field('assessedOn', `评定日期不能早于评定年度 ${input.year} 年`);
  if (input.assessedOn > clock().today()) throw AppError.field('assessedOn', '评定日期不能晚于今天');
  await write(db, scope, async (tx) => {
    const r = await records.insertRating(tx, {
      county_code: i.county_code, institution_id: Number(i.id), year: input.year, stars: input.stars, assessed_on: input.assessedOn, assessor: input.assessor,
      score_centi: input.score === null ? null : Math.round(input.score * 100), note: input.note, created_by: scope.userName,
    });
    if (!r) throw new AppError('institution_rated', `「${i.name}」${input.year}年度已有星级评定`, 409, { fields: [{ field: 'year', message: '该年度已有星级评定' }] });
    await appendAudit(tx, scope, { action: 'institution.rating.add', entity: 'institution', entityId: String(i.id), areaCode: i.county_code, after: ratingViewOf(r) });
  });
  return detailOf(db, scope, i);
}

interface ProjectFacts { status: 'planned' | 'building' | 'completed'; year: number; startedOn: string | null; completedOn: string | null }

function checkProject(p: ProjectFacts): void {
  const fields: FieldError[] = [];
  if (p.status === 'completed' && p.completedOn === null) fields.push({ field: 'completedOn', message: '竣工的项目请填写竣工日期' });
  if (p.status !== 'completed' && p.completedOn !== null) fields.push({ field: 'completedOn', message: '未竣工的项目不填竣工日期' });
  if (p.status !== 'planned' && p.startedOn === null) fields.push({ field: 'startedOn', message: '在建或竣工的项目请填写开工日期' });
  if (p.startedOn !== null && p.completedOn !== null && p.completedOn < p.startedOn) fields.push({ field: 'completedOn', message: '竣工日期不能早于开工日期' });
  if (fields.length > 0) throw invalid(fields);
}

export async function addProject(db: Database, scope: Scope, id: number, input: z.output<typeof newProjectSchema>) {
  const i = await requireManaged(db, scope, id);
  checkProject(input);
  const p = await write(db, scope, async (tx) => {
    const row = await records.insertProject(tx, {
      county_code: i.county_code, institution_id: Number(i.id), name: input.name, funding_source: input.fundingSource, amount_fen: input.amountFen,
      status: input.status, year: input.year, started_on: input.startedOn, completed_on: input.completedOn, created_by: scope.userName,
    });
    await appendAudit(tx, scope, { action: 'institution.project.add', entity: 'institution_project', entityId: `${i.id}/${row.id}`, areaCode: i.county_code, after: projectViewOf(row) });
    return row;
  });
  return projectViewOf(p);
}

export async function updateProject(db: Database, scope: Scope, id: number, projectId: number, input: z.output<typeof updateProjectSchema>) {
  const i = await requireManaged(db, scope, id);
  const p = await records.findProject(db.kysely, i, projectId);
  if (!p) throw AppError.notFound('建设项目', String(projectId));
  if (p.version !== input.version) throw AppError.conflict('institution_project_changed', '建设项目已被他人更新，请刷新后重试', { version: p.version });
  const pick = <T>(v: T | undefined, was: T): T => (v === undefined ? was : v);
  const facts = { status: pick(input.status, p.status), year: pick(input.year, p.year), startedOn: pick(input.startedOn, p.started_on), completedOn: pick(input.completedOn, p.completed_on) };
  checkProject(facts);
  const after = await write(db, scope, async (tx) => {
    const row = await records.updateProject(tx, p, input.version, {
      name: pick(input.name, p.name), funding_source: pick(input.fundingSource, p.funding_source), amount_fen: pick(input.amountFen, Number(p.amount_fen)),
      status: facts.status, year: facts.year, started_on: facts.startedOn, completed_on: facts.completedOn,
    });
    if (!row) throw AppError.conflict('institution_project_changed', '建设项目已被他人更新，请刷新后重试');
    await appendAudit(tx, scope, { action: 'institution.project.update', entity: 'institution_project', entityId: `${i.id}/${p.id}`, areaCode: i.county_code, before: projectViewOf(p), after: projectViewOf(row) });
    return row;
  });
  return projectViewOf(after);
}
