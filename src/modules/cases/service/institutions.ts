// Nursing homes (敬老院) for institutional hardship support: listed for the caller's county, added by
// the county. A township review that chooses institutional support names one of them.
import { z } from 'zod';
import type { Database } from '../../../db/engine.ts';
import { requireAreaField, type Scope } from '../../../kernel/scope.ts';
import { allow } from '../permissions.ts';
import { write } from '../../../db/write.ts';
import { AppError } from '../../../kernel/errors.ts';
import { appendAudit } from '../../../kernel/audit/append.ts';
import * as repo from '../repo/institutions.ts';

export const newInstitutionSchema = z.strictObject({
  countyCode: z.string().regex(/^\d{6}$/, '县级区划代码应为6位'),
  name: z.string().trim().min(2, '请填写机构名称').max(60),
  beds: z.number().int().min(0).max(100000),
});

const view = (i: Awaited<ReturnType<typeof repo.listInstitutions>>[number]) => ({ id: i.id, countyCode: i.county_code, name: i.name, kind: i.kind, beds: i.beds, demo: i.demo });

export async function listInstitutions(db: Database, scope: Scope, countyCode?: string) {
  allow(scope, 'institutions.read');
  return (await repo.listInstitutions(db.kysely, scope, countyCode)).map(view);
}

export async function createInstitution(db: Database, scope: Scope, input: z.output<typeof newInstitutionSchema>) {
  allow(scope, 'institutions.manage');
  if (scope.role !== 'system' && scope.areaLevel !== 'county') throw AppError.forbidden('供养机构由县级民政部门登记');
  requireAreaField(scope, 'countyCode', input.countyCode);
  const countyCode = input.countyCode;
  return write(db, scope, async (tx) => {
    const existing = (await repo.listInstitutions(tx, scope, countyCode)).find((i) => i.name === input.name);
    if (existing) throw AppError.conflict('institution_exists', `本县已登记机构「${input.name}」`);
    const id = await repo.insertInstitution(tx, { countyCode, name: input.name, beds: input.beds });
    await appendAudit(tx, scope, { action: 'institution.create', entity: 'institution', entityId: String(id), areaCode: countyCode, after: { name: input.name, beds: input.beds } });
    return { id };
  });
}

/** A nursing home of the case's county, or a field error. */
export async function requireInstitution(db: Database, countyCode: string, id: number) {
  const i = await repo.findInstitution(db.kysely, countyCode, id);
  if (!i) throw AppError.field('data.institutionId', '供养机构不存在或不属于本县');
  return i;
}
