// What a county's record of an institution must hold together (every broken rule named by its field,
// all at once): beds by level within the total, care beds within it, registration with its date, a
// closing date when closed, the location a township or village of its county, the credit code unused.
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import { AppError, type FieldError } from '../../../kernel/errors.ts';
import * as repo from '../repo/institutions.ts';

export interface InstitutionFacts {
  countyCode: string;
  name: string;
  areaCode: string | null;
  creditCode: string | null;
  legalPersonStatus: 'registered' | 'not_registered';
  legalPersonRegisteredOn: string | null;
  beds: number;
  careBeds: number;
  bedsSelfCare: number;
  bedsPartial: number;
  bedsFull: number;
  openedOn: string | null;
  status: 'open' | 'closed';
  closedOn: string | null;
}

export async function checkInstitution(db: Kysely<DB>, f: InstitutionFacts, self?: { countyCode: string; id: number }): Promise<void> {
  const fields: FieldError[] = [];
  const bad = (field: string, message: string) => fields.push({ field, message });
  if (f.careBeds > f.beds) bad('careBeds', `护理型床位（${f.careBeds}张）不能多于床位总数（${f.beds}张）`);
  const byLevel = f.bedsSelfCare + f.bedsPartial + f.bedsFull;
  if (byLevel > f.beds) bad('bedsFull', `自理、半失能、失能床位合计（${byLevel}张）不能多于床位总数（${f.beds}张）`);
  if (f.legalPersonStatus === 'registered' && f.legalPersonRegisteredOn === null) bad('legalPersonRegisteredOn', '已办理事业单位法人登记的，请填写登记日期');
  if (f.legalPersonStatus === 'not_registered' && f.legalPersonRegisteredOn !== null) bad('legalPersonRegisteredOn', '未办理事业单位法人登记的，不填登记日期');
  if (f.status === 'closed' && f.closedOn === null) bad('closedOn', '已关闭的机构请填写关闭日期');
  if (f.status === 'open' && f.closedOn !== null) bad('closedOn', '运营中的机构不填关闭日期');
  if (f.openedOn !== null && f.closedOn !== null && f.closedOn < f.openedOn) bad('closedOn', '关闭日期不能早于开办日期');
  if (f.areaCode !== null) {
    const area = await db.selectFrom('areas').select(['level']).where('code', '=', f.areaCode).executeTakeFirst();
    if (!area || !f.areaCode.startsWith(f.countyCode) || (area.level !== 'township' && area.level !== 'village')) bad('areaCode', `所在地 ${f.areaCode} 不是本县（市、区）的乡镇（街道）或村（社区）`);
  }
  if (await repo.nameTaken(db, f.countyCode, f.name, self?.id)) {
    throw new AppError('institution_exists', `本县已登记机构「${f.name}」`, 409, { fields: [{ field: 'name', message: `本县已登记机构「${f.name}」` }] });
  }
  if (fields.length > 0) throw AppError.fields(fields);
  if (f.creditCode !== null && (await repo.creditCodeTaken(db, f.creditCode, self))) {
    throw new AppError('institution_credit_code_taken', `统一社会信用代码 ${f.creditCode} 已被另一机构使用`, 409, { fields: [{ field: 'creditCode', message: '该统一社会信用代码已被另一机构使用' }] });
  }
}

/** A unique violation on the credit code (two registrations at once): the same answer as the check's. */
export function creditCodeRace(e: unknown, code: string | null): AppError | null {
  const pg = e as { code?: unknown; constraint?: unknown };
  if (code === null || typeof e !== 'object' || e === null || pg.code !== '23505') return null;
  return new AppError('institution_credit_code_taken', `统一社会信用代码 ${code} 已被另一机构使用`, 409, { fields: [{ field: 'creditCode', message: '该统一社会信用代码已被另一机构使用' }] });
}
