// What the 特困 case engine asks of the register: the institution a township review names for
// institutional support (集中供养) is one of the case's county, open, and of a kind that houses people.
import type { Database } from '../../../db/engine.ts';
import { AppError } from '../../../kernel/errors.ts';
import { registerInstitutionPayee, registerStepDataCheck } from '../../cases/index.ts';
import { SUPPORT_KINDS } from '../codes.ts';
import { KIND_LABELS } from '../labels.ts';
import { findInstitution, institutionsByName, type InstitutionRow } from '../repo/institutions.ts';

const FIELD = 'data.institutionId';

export async function requireInstitution(db: Database, countyCode: string, id: number): Promise<InstitutionRow> {
  const i = await findInstitution(db.kysely, countyCode, id);
  if (!i) throw AppError.field(FIELD, '供养机构不存在或不属于本县');
  if (i.status !== 'open') throw AppError.field(FIELD, `供养机构「${i.name}」已关闭`);
  if (!SUPPORT_KINDS.includes(i.kind)) throw AppError.field(FIELD, `${KIND_LABELS[i.kind]}不接收特困人员集中供养`);
  return i;
}

// The cases module runs this for every step whose data names an institution; cases imports nothing of
// this module, so the dependency goes one way (institutions → cases).
registerStepDataCheck('institutionId', async (db, countyCode, value) => {
  if (typeof value === 'number') await requireInstitution(db, countyCode, value);
});

// An entitlement paid to the institution (集中供养 where the parameters say so) names it as the register does.
registerInstitutionPayee(async (tx, countyCode, id) => {
  const i = await findInstitution(tx, countyCode, id);
  return i ? { name: i.name, idNumber: i.credit_code ?? '' } : undefined;
});

export interface NamedInstitution {
  id: number;
  name: string;
  creditCode: string;
  /** Why it cannot take 特困人员 for 集中供养 (closed, or a kind that houses nobody), else null. */
  refusal: string | null;
}

/**
 * The county's institutions with these names (as the register spells them), one query: the caseload
 * import (存量对象导入) matches the previous system's institution names against the register.
 */
export async function institutionsNamed(db: Database, countyCode: string, names: readonly string[]): Promise<Map<string, NamedInstitution>> {
  if (names.length === 0) return new Map();
  const rows = await institutionsByName(db.kysely, countyCode, names);
  const out = new Map<string, NamedInstitution>();
  for (const i of rows) {
    const refusal = i.status !== 'open' ? `供养机构「${i.name}」已关闭` : !SUPPORT_KINDS.includes(i.kind) ? `${KIND_LABELS[i.kind]}不接收特困人员集中供养` : null;
    const seen = out.get(i.name);
    // Two of one name: an open one that takes residents wins.
    if (!seen || (seen.refusal !== null && refusal === null)) out.set(i.name, { id: Number(i.id), name: i.name, creditCode: i.credit_code ?? '', refusal });
  }
  return out;
}
