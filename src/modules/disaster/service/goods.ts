// 救灾物资发放: goods issued to a household of an event (a household of the registry in the caller's scope
// and the event's areas), each in its item's unit; a record is never changed. Totals per item.
import type { z } from 'zod';
import type { Database } from '../../../db/engine.ts';
import { write } from '../../../db/write.ts';
import { appendAudit } from '../../../kernel/audit/append.ts';
import { AppError } from '../../../kernel/errors.ts';
import { maskName } from '../../../kernel/mask.ts';
import { requireAreaField, type Scope } from '../../../kernel/scope.ts';
import { namesOf } from '../../areas/index.ts';
import { GOODS_ITEMS } from '../codes.ts';
import type { goodsListQuery, newGoodsSchema } from '../contract/goods.ts';
import { GOODS_LABELS } from '../labels.ts';
import { allow } from '../permissions.ts';
import { goodsTotals, listGoods, type GoodsRow } from '../repo/goods.ts';
import { requireEvent } from './events.ts';
import { requireEventVillage, requireHouseholdField } from './households.ts';

function viewOf(r: GoodsRow, names: ReadonlyMap<string, string>) {
  return {
    householdNo: r.household_no, headName: maskName(r.head_name), areaCode: r.area_code, areaName: names.get(r.area_code) ?? r.area_code,
    item: r.item, itemLabel: GOODS_LABELS[r.item].label, unit: GOODS_LABELS[r.item].unit, quantity: Number(r.quantity), issuedOn: r.issued_on, issuedBy: r.issued_by, note: r.note,
  };
}

export async function issueGoods(db: Database, scope: Scope, eventNo: string, input: z.output<typeof newGoodsSchema>) {
  allow(scope, 'disaster.record');
  const e = await requireEvent(db, scope, eventNo);
  if (input.issuedOn < e.started_on) throw AppError.field('issuedOn', `发放日期不能早于灾害开始日期 ${e.started_on}`);
  const h = await requireHouseholdField(db, scope, 'householdNo', input.householdNo);
  await requireEventVillage(db, e, 'householdNo', h.villageCode);
  await write(db, scope, async (tx) => {
    await tx.insertInto('disaster_goods_issues').values({
      county_code: e.county_code, event_id: e.id, household_id: h.id, area_code: h.villageCode, item: input.item, quantity: input.quantity,
      issued_on: input.issuedOn, issued_by: scope.userName, note: input.note,
    }).execute();
    await appendAudit(tx, scope, { action: 'disaster.goods.issue', entity: 'disaster_goods', entityId: `${eventNo}/${h.householdNo}`, areaCode: h.villageCode,
      after: { item: input.item, quantity: input.quantity, unit: GOODS_LABELS[input.item].unit, issuedOn: input.issuedOn, note: input.note } });
  });
  return { eventNo, householdNo: h.householdNo, item: input.item, itemLabel: GOODS_LABELS[input.item].label, unit: GOODS_LABELS[input.item].unit, quantity: input.quantity, issuedOn: input.issuedOn };
}

export async function goodsOfEvent(db: Database, scope: Scope, eventNo: string, q: z.output<typeof goodsListQuery>) {
  allow(scope, 'disaster.read');
  const e = await requireEvent(db, scope, eventNo);
  if (q.area !== undefined) {
    const found = await db.kysely.selectFrom('areas').select(['code']).where('code', '=', q.area).executeTakeFirst();
    requireAreaField(scope, 'area', q.area, found !== undefined);
  }
  const filter = { ...(q.area !== undefined ? { area: q.area } : {}), ...(q.householdNo !== undefined ? { householdNo: q.householdNo } : {}) };
  const [rows, sums] = await Promise.all([listGoods(db.kysely, scope, e, filter), goodsTotals(db.kysely, scope, e, filter)]);
  const names = await namesOf(db.kysely, [...new Set(rows.map((r) => r.area_code))]);
  // In the order of the item list, items never issued left out.
  const totals = GOODS_ITEMS.flatMap((item) => {
    const s = sums.find((r) => r.item === item);
    return s ? [{ item, itemLabel: GOODS_LABELS[item].label, unit: GOODS_LABELS[item].unit, quantity: Number(s.quantity), households: Number(s.households) }] : [];
  });
  return { items: rows.map((r) => viewOf(r, names)), totals };
}
