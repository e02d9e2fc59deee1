import { z } from 'zod';
import type { Database } from '../../../db/engine.ts';
import { covers, requireAreaField, type Scope } from '../../../kernel/scope.ts';
import { allow } from '../permissions.ts';
import { write } from '../../../db/write.ts';
import { AppError } from '../../../kernel/errors.ts';
import { parseOrThrow } from '../../../kernel/validate.ts';
import { appendAudit } from '../../../kernel/audit/append.ts';
import { findArea } from '../../areas/index.ts';
import { assetSchema, householdPatchSchema, incomeItemSchema, MAIN_CAUSE_NOT_LISTED, newHouseholdSchema, settleMainCause } from '../domain/schemas.ts';
import type { Household, HouseholdCategory, Member, PovertyCause } from '../domain/types.ts';
import * as households from '../repo/households.ts';
import { insertNewHouseholdParts } from '../repo/new-household.ts';
import * as members from '../repo/members.ts';
import { sameFieldValue } from '../domain/same-value.ts';
import { mustFindHousehold } from './read.ts';

export { householdPatchSchema, newHouseholdSchema };
export type NewHousehold = z.output<typeof newHouseholdSchema>;

/**
 * Where a person is registered already, as the caller may be told: the household when it lies in their
 * scope; otherwise only that it is elsewhere — never another area's household number or name.
 */
export function registeredMessage(scope: Scope, found: { village_code: string; household_no: string }): string {
  const where = covers(scope, found.village_code)
    ? `已在本辖区登记（户编号 ${found.household_no}）`
    : scope.kind !== 'citizen' && scope.prefix.length > 6 && found.village_code.startsWith(scope.prefix.slice(0, 6))
      ? '已在本县（市、区）其他乡镇（街道）登记'
      : '已在其他县（市、区）登记';
  return `身份证号码${where}，一人只能属于一个家庭；请先办理迁出`;
}

/**
 * One person in one household at a time, across every county. The lookup reaches beyond the caller's
 * scope, so a hit outside it is audited (in its own transaction: the refused write rolls back).
 */
export async function refuseRegistered(db: Database, scope: Scope, people: { idNumber: string; field: string }[]): Promise<void> {
  await refuseFound(db, scope, people, await members.findRegistered(db.kysely, people.map((p) => p.idNumber)));
}

async function refuseFound(db: Database, scope: Scope, people: { idNumber: string; field: string }[], clash: Awaited<ReturnType<typeof members.findRegistered>>): Promise<void> {
  if (clash.length === 0) return;
  await auditRegisteredLookup(db, scope, clash);
  const fields = clash.map((c) => ({ field: people.find((p) => p.idNumber === c.id_number)?.field ?? 'idNumber', message: registeredMessage(scope, c) }));
  throw AppError.conflict('id_number_registered', fields[0]?.message ?? '身份证号码已登记', { fields });
}

/** Records who learnt that these people are registered outside their scope. */
export async function auditRegisteredLookup(db: Database, scope: Scope, found: readonly { id_number: string; village_code: string }[]): Promise<void> {
  const outside = found.filter((f) => !covers(scope, f.village_code));
  if (outside.length === 0) return;
  await db.kysely.transaction().execute((tx) =>
    appendAudit(tx, scope, { action: 'registry.duplicate_lookup', entity: 'person', entityId: outside.map((f) => f.id_number).join(','), areaCode: scope.areaCode, after: { found: outside.length, answer: '已在其他地区登记' } }),
  );
}

function checkComposition(ms: Member[], items: { memberIdNumber: string | null }[][]) {
  if (ms.filter((m) => m.relation === 'head').length !== 1) throw AppError.field('members', '家庭须有且只有一名户主');
  const ids = new Set<string>();
  ms.forEach((m, i) => {
    if (ids.has(m.idNumber)) throw AppError.field(`members.${i}.idNumber`, '家庭成员身份证号码重复');
    ids.add(m.idNumber);
  });
  for (const list of items) list.forEach((it, i) => {
    if (it.memberIdNumber !== null && !ids.has(it.memberIdNumber)) throw AppError.field(`items.${i}.memberIdNumber`, '该身份证号码不是本家庭成员');
  });
}

async function requireVillage(db: Database, scope: Scope, villageCode: string) {
  requireAreaField(scope, 'household.villageCode', villageCode);
  const v = await findArea(db.kysely, scope, villageCode);
  requireAreaField(scope, 'household.villageCode', villageCode, v?.level === 'village');
}

export async function createHousehold(db: Database, scope: Scope, input: NewHousehold) {
  allow(scope, 'registry.write');
  const people = input.members.map((m, i) => ({ idNumber: m.idNumber, field: `members.${i}.idNumber` }));
  // Both lookups at once (on a server, two connections); the village is still refused first.
  const registered = members.findRegistered(db.kysely, people.map((p) => p.idNumber));
  registered.catch(() => undefined);
  await requireVillage(db, scope, input.household.villageCode);
  checkComposition(input.members, [input.incomes, input.assets]);
  const countyCode = input.household.villageCode.slice(0, 6);
  await refuseFound(db, scope, people, await registered);
  return write(db, scope, async (tx) => {
    const { id, householdNo } = await households.insertNewHousehold(tx, { ...input.household, countyCode });
    const household: Household = { ...input.household, countyCode, householdNo };
    await insertNewHouseholdParts(tx, { countyCode, householdId: id, members: input.members, incomes: input.incomes, assets: input.assets, createdBy: scope, input });
    await appendAudit(tx, scope, { action: 'registry.create', entity: 'household', entityId: household.householdNo, areaCode: household.villageCode, after: input });
    return household.householdNo;
  });
}

type HouseholdPatch = z.output<typeof householdPatchSchema>;

/** 409 naming each field whose value on the server is no longer the one the edit was based on. */
function refuseChanged(before: Required<HouseholdPatch>, expected: HouseholdPatch): void {
  const changed = (Object.keys(expected) as (keyof HouseholdPatch)[]).filter((k) => !sameFieldValue(before[k], expected[k]));
  if (changed.length === 0) return;
  const fields = changed.map((field) => ({ field, message: '该项已被他人修改，请核对后再保存' }));
  throw AppError.conflict('household_changed', '家庭信息已被他人修改，请逐项核对后再保存', { fields });
}

export async function updateHousehold(db: Database, scope: Scope, householdNo: string, patch: HouseholdPatch, expected?: HouseholdPatch) {
  allow(scope, 'registry.write');
  const h = await mustFindHousehold(db, scope, householdNo);
  const before = {
    hukou: h.hukou, address: h.address, phone: h.phone, bankName: h.bank_name, bankAccount: h.bank_account, povertyFile: h.poverty_file, agricultural: h.agricultural,
    categories: h.categories as HouseholdCategory[], povertyCauses: h.poverty_causes as PovertyCause[], mainPovertyCause: h.main_poverty_cause as PovertyCause | null,
  };
  if (expected) refuseChanged(before, expected);
  const merged = { ...before, ...patch };
  if ((merged.bankName === '') !== (merged.bankAccount === '')) throw AppError.field('bankAccount', '开户银行与银行账号须同时填写');
  // A main cause left out stays when still listed, else the first listed cause is the main one.
  const mainPovertyCause = settleMainCause(merged.povertyCauses, patch.mainPovertyCause, before.mainPovertyCause);
  if (mainPovertyCause === undefined) throw AppError.field('mainPovertyCause', MAIN_CAUSE_NOT_LISTED);
  const after = { ...merged, mainPovertyCause };
  await write(db, scope, async (tx) => {
    await households.updateHousehold(tx, h.county_code, h.id, {
      hukou: after.hukou, address: after.address, phone: after.phone, bank_name: after.bankName, bank_account: after.bankAccount, poverty_file: after.povertyFile, agricultural: after.agricultural,
      categories: after.categories, poverty_causes: after.povertyCauses, main_poverty_cause: after.mainPovertyCause,
    });
    await households.addHistory(tx, scope, { countyCode: h.county_code, householdId: h.id, action: 'household.update', before, after });
    await appendAudit(tx, scope, { action: 'registry.update', entity: 'household', entityId: householdNo, areaCode: h.village_code, before, after });
  });
}

export async function replaceItems(db: Database, scope: Scope, householdNo: string, kind: 'incomes' | 'assets', raw: unknown[]) {
  allow(scope, 'registry.write');
  const h = await mustFindHousehold(db, scope, householdNo);
  const ms = await households.listMembers(db.kysely, h.key);
  const ids = new Map(ms.map((m) => [m.id_number, m.id]));
  const items = kind === 'incomes' ? raw.map((r, i) => parseOrThrow(incomeItemSchema, r, `incomes.${i}`)) : raw.map((r, i) => parseOrThrow(assetSchema, r, `assets.${i}`));
  items.forEach((it, i) => {
    if (it.memberIdNumber !== null && !ids.has(it.memberIdNumber)) throw AppError.field(`${kind}.${i}.memberIdNumber`, '该身份证号码不是本家庭成员');
  });
  await write(db, scope, async (tx) => {
    const before = kind === 'incomes' ? await households.listIncomes(tx, h.key) : await households.listAssets(tx, h.key);
    if (kind === 'incomes') await members.replaceIncomes(tx, h.county_code, h.id, items as z.output<typeof incomeItemSchema>[], ids);
    else await members.replaceAssets(tx, h.county_code, h.id, items as z.output<typeof assetSchema>[], ids);
    await households.addHistory(tx, scope, { countyCode: h.county_code, householdId: h.id, action: `household.${kind}`, before, after: items });
    await appendAudit(tx, scope, { action: `registry.${kind}`, entity: 'household', entityId: householdNo, areaCode: h.village_code, before, after: items });
  });
}
