// Case parts of a request — each a programme of the registry that the window may open (its `intake`), with
// the programme's opening details passed on to the cases module. A case part's need is the programme code.
import type { Database } from '../../../db/engine.ts';
import { AppError } from '../../../kernel/errors.ts';
import type { Scope } from '../../../kernel/scope.ts';
import { parseOrThrow } from '../../../kernel/validate.ts';
import { allProgrammes, isProgramme, programmeOf } from '../../../programmes/registry.ts';
import type { ProgrammeModule } from '../../../programmes/types.ts';
import { createCase } from '../../cases/index.ts';
import * as repo from '../repo.ts';
import { isNeed, NEED_LABELS } from './schemas.ts';

const listed = (ps: readonly ProgrammeModule[]) => ps.map((p) => `${p.code} ${p.labels['zh-CN'].name}`).join('、');

/** The programme a case part opens; unknown, or not opened at the window, is a caller's mistake naming `field`. */
export function windowProgramme(code: string, field: string): ProgrammeModule {
  const openable = allProgrammes().filter((p) => p.intake);
  if (!isProgramme(code)) throw AppError.field(field, `未知的救助项目：${code}（受理窗口可受理：${listed(openable)}）`);
  const p = programmeOf(code, field);
  if (!p.intake) throw AppError.field(field, `${p.labels['zh-CN'].name}不在受理窗口受理（受理窗口可受理：${listed(openable)}）`);
  return p;
}

const isDetails = (field: string) => field === 'details' || field.startsWith('details.');

/** The cases module names the opening details `details.*`; the request names them in their part (`parts.N.details.*`). */
export function inPart(err: unknown, index: number): unknown {
  const fields = err instanceof AppError ? err.details?.fields : undefined;
  if (!(err instanceof AppError) || !fields?.some((f) => isDetails(f.field))) return err;
  const named = fields.map((f) => (isDetails(f.field) ? { ...f, field: `parts.${index}.${f.field}` } : f));
  const first = named[0];
  return new AppError(err.code, first ? `${first.field}: ${first.message}` : err.message, err.status, { ...err.details, fields: named });
}

/**
 * Open a case part's case (the workflow engine's `createCase`, within the caller's transaction): the household's
 * member applies on `appliedOn`; refusals of the opening details are named in part `index`.
 */
export async function openPartCase(db: Database, scope: Scope, index: number, c: {
  programme: string; householdNo: string; idNumber: string; appliedOn: string; staffRelative: boolean; cadreRelative: boolean; note: string; details: Record<string, unknown> | undefined;
}): Promise<{ caseNo: string; caseId: number; finalDueDate: string | null }> {
  const opened = await createCase(db, scope, {
    programme: c.programme, householdNo: c.householdNo, applicantIdNumber: c.idNumber, appliedOn: c.appliedOn,
    staffRelative: c.staffRelative, cadreRelative: c.cadreRelative, note: c.note, ...(c.details === undefined ? {} : { details: c.details }),
  }).catch((err: unknown) => {
    throw inPart(err, index);
  });
  const row = await repo.caseIdOf(db.kysely, opened.caseNo);
  return { caseNo: opened.caseNo, caseId: row.id, finalDueDate: opened.finalDueDate };
}

/** A pending part's opening details, checked now against the programme's opening questions (the case opens later with them). */
export function pendingDetails(p: ProgrammeModule, details: Record<string, unknown> | undefined, index: number): Record<string, unknown> | undefined {
  const field = `parts.${index}.details`;
  if (!p.opening) {
    if (details !== undefined) throw AppError.field(field, `${p.labels['zh-CN'].name}受理时无需填写其他事项`);
    return undefined;
  }
  return parseOrThrow(p.opening.schema, details ?? {}, field);
}

/** The name of a part's need: the programme's for a case or pending part, else the referral need's. */
export function needLabel(kind: string, need: string): string {
  if (kind !== 'referral' && isProgramme(need)) return programmeOf(need).labels['zh-CN'].name;
  return isNeed(need) ? NEED_LABELS[need] : need;
}
