// 救助统计 of one event: the relief its batches decided by kind (households, persons, amount), houses
// rebuilt and repaired, the damage register by grade and status, and goods issued per item. Scoped like
// the event's detail: an event out of scope is 404 as missing, and below the county only the caller's
// subtree counts. 政策性农房保险 per event is the housing-insurance module's (it depends on this module,
// not the other way round): the page reads its figures by event beside these.
import type { z } from 'zod';
import type { Database } from '../../../db/engine.ts';
import type { Scope } from '../../../kernel/scope.ts';
import { namesOf } from '../../areas/index.ts';
import { BATCH_KIND_LABELS } from '../batch-labels.ts';
import { DAMAGE_STATUSES, GOODS_ITEMS, HOUSE_GRADES } from '../codes.ts';
import type { eventFigures as eventFiguresSchema } from '../contract/event-figures.ts';
import { DAMAGE_STATUS_LABELS, GOODS_LABELS, GRADE_LABELS } from '../labels.ts';
import { allow } from '../permissions.ts';
import { entryTotals } from '../repo/damage.ts';
import { reliefByKind } from '../repo/event-figures.ts';
import { goodsTotals } from '../repo/goods.ts';
import { requireEvent } from './events.ts';

/** The kinds an event's batches give: 冬春生活救助 goes by season. */
const EVENT_KINDS = ['emergency', 'transitional', 'housing', 'bereavement'] as const;

export async function eventFigures(db: Database, scope: Scope, eventNo: string): Promise<z.output<typeof eventFiguresSchema>> {
  allow(scope, 'disaster.read');
  const e = await requireEvent(db, scope, eventNo);
  const [relief, damage, goods, names] = await Promise.all([
    reliefByKind(db.kysely, scope, e), entryTotals(db.kysely, scope, e, {}), goodsTotals(db.kysely, scope, e, {}), namesOf(db.kysely, [e.county_code]),
  ]);
  const total = relief.find((r) => r.kind === null);
  const housing = relief.find((r) => r.kind === 'housing');
  const tally = () => ({ households: 0, persons: 0 });
  const byGrade = new Map(HOUSE_GRADES.map((g) => [g, tally()]));
  const byStatus = new Map(DAMAGE_STATUSES.map((s) => [s, tally()]));
  let directLossFen = 0;
  for (const r of damage) {
    const s = byStatus.get(r.status)!;
    s.households += Number(r.households);
    s.persons += Number(r.persons);
    if (r.status === 'void') continue;
    const g = byGrade.get(r.house_grade)!;
    g.households += Number(r.households);
    g.persons += Number(r.persons);
    directLossFen += Number(r.loss);
  }
  return {
    eventNo: e.event_no, name: e.name, countyName: names.get(e.county_code) ?? e.county_code, startedOn: e.started_on,
    relief: EVENT_KINDS.map((kind) => {
      const r = relief.find((x) => x.kind === kind);
      return { kind, kindLabel: BATCH_KIND_LABELS[kind], batches: r?.batches ?? 0, households: r?.households ?? 0, persons: r?.persons ?? 0, amountFen: Number(r?.amount_fen ?? 0) };
    }),
    total: { households: total?.households ?? 0, persons: total?.persons ?? 0, amountFen: Number(total?.amount_fen ?? 0) },
    houses: { rebuilt: housing?.rebuilt ?? 0, rebuiltFen: Number(housing?.rebuilt_fen ?? 0), repaired: housing?.repaired ?? 0, repairedFen: Number(housing?.repaired_fen ?? 0) },
    damage: {
      byGrade: HOUSE_GRADES.map((grade) => ({ grade, gradeLabel: GRADE_LABELS[grade], ...byGrade.get(grade)! })),
      byStatus: DAMAGE_STATUSES.map((status) => ({ status, statusLabel: DAMAGE_STATUS_LABELS[status], ...byStatus.get(status)! })),
      directLossFen,
    },
    goods: GOODS_ITEMS.flatMap((item) => {
      const s = goods.find((r) => r.item === item);
      return s ? [{ item, itemLabel: GOODS_LABELS[item].label, unit: GOODS_LABELS[item].unit, quantity: Number(s.quantity), households: Number(s.households) }] : [];
    }),
  };
}
