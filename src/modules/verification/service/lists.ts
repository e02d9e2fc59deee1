// The county's lists: rescreen runs and results, the favouritism list, the cross checks.
import { z } from 'zod';
import { decimalInt } from '../../../kernel/types.ts';
import type { Database } from '../../../db/engine.ts';
import { requireAreaField, type Scope } from '../../../kernel/scope.ts';
import { allow } from '../permissions.ts';
import * as lists from '../repo/lists.ts';
import { findingView } from './requests.ts';

const area = z.string().regex(/^\d{6}(\d{3}(\d{3})?)?$/, '区划代码应为6、9或12位数字').optional();
export const listQuerySchema = z.strictObject({
  area,
  limit: decimalInt(1, 500).default(100),
  after: decimalInt(1).optional(),
});
export const rescreenFindingsQuerySchema = listQuerySchema.extend({
  rescreenId: decimalInt(1).optional(),
  breaking: z.enum(['true', 'false']).optional().transform((v) => v === 'true'),
});
export const crossCheckQuerySchema = z.strictObject({ area });

type Row = Awaited<ReturnType<typeof lists.rescreenFindings>>[number];
const withCase = (r: Row) => ({
  ...findingView(r), caseNo: r.case_no, programme: r.programme, state: r.state, caseFlags: r.flags, requestNo: r.request_no, requestKind: r.kind, requestedOn: r.requested_on, areaCode: r.area_code, villageName: r.village_name,
});
const page = (rows: Row[], limit: number) => ({ items: rows.map(withCase), next: rows.length === limit ? rows.at(-1)!.id : null });

function checkArea(scope: Scope, a: string | undefined) {
  if (a) requireAreaField(scope, 'area', a);
}

export async function rescreenRuns(db: Database, scope: Scope) {
  allow(scope, 'verification.read');
  return (await lists.rescreenRuns(db.kysely, 50)).map((r) => ({
    id: r.id, trigger: r.trigger, startedBy: r.started_by, asOf: r.as_of, startedAt: r.started_at.toISOString(), finishedAt: r.finished_at ? r.finished_at.toISOString() : null,
    cases: r.cases, persons: r.persons, findings: r.findings, warnings: r.warnings, favouritism: r.favouritism,
  }));
}

export async function rescreenFindings(db: Database, scope: Scope, q: z.output<typeof rescreenFindingsQuerySchema>) {
  allow(scope, 'verification.read');
  checkArea(scope, q.area);
  return page(await lists.rescreenFindings(db.kysely, scope, q), q.limit);
}

export async function favouritism(db: Database, scope: Scope, q: z.output<typeof listQuerySchema>) {
  allow(scope, 'verification.read');
  checkArea(scope, q.area);
  return page(await lists.favouritismFindings(db.kysely, scope, q), q.limit);
}

export async function crossChecks(db: Database, scope: Scope, q: z.output<typeof crossCheckQuerySchema>) {
  allow(scope, 'verification.read');
  checkArea(scope, q.area);
  const [dup, dead] = await Promise.all([lists.duplicateDibao(db.kysely, scope, q.area), lists.deadInPayment(db.kysely, scope, q.area)]);
  return {
    duplicateDibao: dup.map((r) => ({ idNumber: r.id_number, name: r.name, caseNo: r.case_no, areaCode: r.area_code, villageName: r.village_name, state: r.state, cases: Number(r.cases), counties: r.counties })),
    deadInPayment: dead.map((r) => ({ idNumber: r.id_number, name: r.name, caseNo: r.case_no, areaCode: r.area_code, villageName: r.village_name, state: r.state, dateOfDeath: r.date_of_death })),
  };
}
