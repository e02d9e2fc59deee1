// The register of village 社会救助协理员 (the role village_clerk is their account): registered by the county
// approver with a valid ID number (once per county), the village, employment from/to, funding (a purchase
// contract of the county, or the village) and optionally the user account — a village clerk of that village.
// Staff whose area covers the village read it (the assistant their own village); the ID number and phone
// are masked unless the caller manages the register.
import type { z } from 'zod';
import type { Database } from '../../../db/engine.ts';
import { write } from '../../../db/write.ts';
import { appendAudit } from '../../../kernel/audit/append.ts';
import { todayInChina } from '../../../kernel/clock.ts';
import { AppError, type FieldError } from '../../../kernel/errors.ts';
import { maskIdNumber, maskPhone } from '../../../kernel/mask.ts';
import { inArea, inScope, type Scope } from '../../../kernel/scope.ts';
import { findById } from '../../users/index.ts';
import type { assistantQuery, newAssistantSchema } from '../contract/assistants.ts';
import { FUNDING_LABELS } from '../labels.ts';
import { allow } from '../permissions.ts';
import { assistantById, assistantsIn, type AssistantRow } from '../repo/assistants.ts';
import { contractById } from '../repo/contracts.ts';
import { collect, invalid, mayManageCountyRegister, mustManageCountyRegister, villageOf } from './access.ts';

function assistantView(a: AssistantRow, full: boolean, today: string) {
  return {
    id: a.id, countyCode: a.county_code, villageCode: a.village_code, villageName: a.village_name, name: a.name,
    idNumber: full ? a.id_number : maskIdNumber(a.id_number), phone: a.phone === null ? null : full ? a.phone : maskPhone(a.phone),
    employedFrom: a.employed_from, employedTo: a.employed_to, inPost: a.employed_from <= today && (a.employed_to === null || a.employed_to >= today),
    funding: a.funding, fundingLabel: FUNDING_LABELS[a.funding], contractId: a.contract_id, contractNo: a.contract_no,
    userId: a.user_id, username: a.username, openTasks: a.open_tasks,
  };
}

export async function registerAssistant(db: Database, scope: Scope, input: z.output<typeof newAssistantSchema>) {
  allow(scope, 'purchased_services.manage');
  if (scope.kind !== 'system' && scope.areaLevel !== 'county') throw AppError.forbidden('协理员名册由县级民政部门登记');
  const errors: FieldError[] = [];
  const today = todayInChina();
  const village = await collect(errors, villageOf(db, scope, 'villageCode', input.villageCode, null));
  const county = input.villageCode.slice(0, 6);
  if (village) mustManageCountyRegister(scope, county);
  if (input.employedFrom > today) errors.push({ field: 'employedFrom', message: `聘用日期不能晚于今天 ${today}` });
  if (input.employedTo !== undefined && input.employedTo < input.employedFrom) errors.push({ field: 'employedTo', message: '聘用截止日期不能早于聘用日期' });
  if (input.funding === 'contract') {
    const c = input.contractId === undefined ? undefined : await contractById(db.kysely, input.contractId, today);
    if (input.contractId === undefined) errors.push({ field: 'contractId', message: '经费来源为政府购买服务时请选择合同' });
    else if (!c || c.county_code !== county) errors.push({ field: 'contractId', message: `本县没有购买服务合同 ${input.contractId}` });
  } else if (input.contractId !== undefined) errors.push({ field: 'contractId', message: '村（社区）自聘的协理员不关联购买服务合同' });
  if (input.userId !== undefined) {
    const u = await findById(db.kysely, input.userId);
    if (!u || u.role !== 'village_clerk' || u.area_code !== input.villageCode) errors.push({ field: 'userId', message: '账号应为该村（社区）的社会救助协理员账号' });
  }
  const idNumber = input.idNumber.toUpperCase();
  if (errors.length > 0) throw invalid(errors);
  const taken = await db.kysely.selectFrom('assistance_assistants').select('id').where('county_code', '=', county).where('id_number', '=', idNumber).executeTakeFirst();
  if (taken) throw new AppError('assistance_assistant_taken', '该身份证号码已登记为本县社会救助协理员', 409, { fields: [{ field: 'idNumber', message: '已登记' }] });
  const id = await write(db, scope, async (tx) => {
    const row = await tx.insertInto('assistance_assistants').values({
      county_code: county, name: input.name, id_number: idNumber, phone: input.phone ?? null, village_code: input.villageCode, employed_from: input.employedFrom,
      employed_to: input.employedTo ?? null, funding: input.funding, contract_id: input.contractId ?? null, user_id: input.userId ?? null, recorded_by: scope.userName,
    }).returning('id').executeTakeFirstOrThrow();
    await appendAudit(tx, scope, { action: 'purchased_services.assistant.register', entity: 'assistance_assistant', entityId: String(row.id), areaCode: input.villageCode, after: { ...input, idNumber: maskIdNumber(idNumber) } });
    return Number(row.id);
  });
  return assistantView((await assistantById(db.kysely, id))!, true, today);
}

export async function listAssistants(db: Database, scope: Scope, q: z.output<typeof assistantQuery>) {
  allow(scope, 'purchased_services.read');
  const today = todayInChina();
  const rows = await assistantsIn(db.kysely, inScope(scope, 's.village_code'), { county: q.county, area: q.area === undefined ? undefined : inArea(q.area, 's.village_code'), inPostOn: q.inPostOn });
  return { items: rows.map((a) => assistantView(a, mayManageCountyRegister(scope, a.county_code), today)) };
}
