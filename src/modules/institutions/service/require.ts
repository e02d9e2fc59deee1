// What the 特困 case engine asks of the register: the institution a township review names for
// institutional support (集中供养) is one of the case's county, open, and of a kind that houses people.
import type { Database } from '../../../db/engine.ts';
import { AppError } from '../../../kernel/errors.ts';
import { registerInstitutionPayee, registerStepDataCheck } from '../../cases/index.ts';
import { SUPPORT_KINDS } from '../codes.ts';
import { KIND_LABELS } from '../labels.ts';
import { findInstitution, type InstitutionRow } from '../repo/institutions.ts';

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
