import type { Database } from '../../../db/engine.ts';
import { requireAreaField, type Scope } from '../../../kernel/scope.ts';
import { allow } from '../permissions.ts';
import { AppError } from '../../../kernel/errors.ts';
import { maskIdNumber } from '../../../kernel/mask.ts';
import { appendAudit } from '../../../kernel/audit/append.ts';
import * as households from '../repo/households.ts';
import { findHousehold, findHouseholdWithItems } from '../repo/roots.ts';
import { searchHouseholds, type SearchFilters } from '../repo/search.ts';
import { assetView, householdView, incomeView, maskDeep, memberView } from '../view.ts';
import { displayNames } from '../../users/index.ts';

/** `countCap`: the total is exact up to it; beyond, `totalCapped` (the page shows "10,000+"). */
export async function search(db: Database, scope: Scope, f: SearchFilters, countCap: number) {
  allow(scope, 'registry.read');
  if (f.area) requireAreaField(scope, 'area', f.area);
  const { rows, total, capped } = await searchHouseholds(db.kysely, scope, f, countCap);
  return {
    total,
    totalCapped: capped,
    page: f.page,
    pageSize: f.pageSize,
    items: rows.map((r) => ({
      householdNo: r.household_no,
      villageCode: r.village_code,
      villageName: r.village_name,
      hukou: r.hukou,
      povertyFile: r.poverty_file,
      headName: r.head_name,
      headIdNumber: r.head_id_number ? maskIdNumber(r.head_id_number) : null,
      size: Number(r.size),
      categories: [...r.household_categories, ...(r.member_categories ?? [])],
    })),
  };
}

export async function mustFindHousehold(db: Database, scope: Scope, householdNo: string) {
  if (!/^\d{14}$/.test(householdNo)) throw AppError.field('householdNo', '户编号应为14位数字');
  const h = await findHousehold(db.kysely, scope, householdNo);
  if (!h) throw AppError.notFound('家庭', householdNo);
  return h;
}

/** Viewing unmasked personal data is itself recorded in the audit log. */
async function auditUnmask(db: Database, scope: Scope, householdNo: string, villageCode: string, what: string) {
  allow(scope, 'registry.unmask');
  await db.kysely.transaction().execute((tx) => appendAudit(tx, scope, { action: 'registry.unmask', entity: 'household', entityId: householdNo, areaCode: villageCode, after: { viewed: what } }));
}

export async function getHousehold(db: Database, scope: Scope, householdNo: string, unmask: boolean) {
  allow(scope, 'registry.read');
  if (!/^\d{14}$/.test(householdNo)) throw AppError.field('householdNo', '户编号应为14位数字');
  const found = await findHouseholdWithItems(db.kysely, scope, householdNo);
  if (!found) throw AppError.notFound('家庭', householdNo);
  const { members, incomes, assets, ...h } = found;
  if (unmask) await auditUnmask(db, scope, householdNo, h.village_code, 'household');
  const masked = !unmask;
  const idOf = new Map(members.map((m) => [m.id, m.id_number]));
  return {
    masked,
    household: householdView(h, masked),
    members: members.map((m) => memberView(m, masked)),
    incomes: incomes.map((i) => incomeView(i, idOf, masked)),
    assets: assets.map((a) => assetView(a, idOf, masked)),
  };
}

export async function timeline(db: Database, scope: Scope, householdNo: string, unmask: boolean) {
  allow(scope, 'registry.read');
  const h = await mustFindHousehold(db, scope, householdNo);
  if (unmask) await auditUnmask(db, scope, householdNo, h.village_code, 'timeline');
  const rows = await households.listHistory(db.kysely, h.key);
  const names = await displayNames(db.kysely, rows.map((r) => r.actor_name));
  const show = (v: unknown) => (v === null || v === undefined ? null : unmask ? v : maskDeep(v));
  return rows.map((r) => ({ at: r.at.toISOString(), actorName: r.actor_name, actorDisplayName: names.get(r.actor_name) ?? null, action: r.action, subject: r.subject && !unmask ? maskIdNumber(r.subject) : r.subject, before: show(r.before), after: show(r.after) }));
}
