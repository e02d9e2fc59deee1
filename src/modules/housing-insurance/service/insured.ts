// 参保农户: generate a policy's insured households from the registry (every rural-hukou household of the
// county, one INSERT … SELECT, repeatable: households already insured are kept), list them by village
// (names and ID numbers masked unless unmasked, which needs `insurance.manage` and is audited).
import type { z } from 'zod';
import type { Database } from '../../../db/engine.ts';
import { bulkWrite, write } from '../../../db/write.ts';
import { appendAudit } from '../../../kernel/audit/append.ts';
import { todayInChina } from '../../../kernel/clock.ts';
import { maskIdNumber, maskName } from '../../../kernel/mask.ts';
import { inScope, type Scope } from '../../../kernel/scope.ts';
import type { insuredQuery } from '../contract/policies.ts';
import { SOURCE_LABELS, STRUCTURE_LABELS } from '../labels.ts';
import { allow } from '../permissions.ts';
import * as insured from '../repo/insured.ts';
import { mustManagePolicy, mustSeePolicy } from './access.ts';

/** 按户籍统保: label of an insured row without its own structure. */
export const STRUCTURE_AT_CLAIM = '按受灾登记的结构';

export async function insureFromRegistry(db: Database, scope: Scope, county: string, year: number) {
  const p = await mustManagePolicy(db, scope, county, year);
  return bulkWrite(db, scope, async (tx) => {
    const added = await insured.insureFromRegistry(tx, p, todayInChina());
    const total = await insured.insuredTotal(tx, p);
    await appendAudit(tx, scope, { action: 'insurance.insured.generate', entity: 'housing_insurance_policy', entityId: `${county}-${year}`, areaCode: county, after: { added, total } });
    return { added, total };
  });
}

export async function listInsured(db: Database, scope: Scope, county: string, year: number, q: z.output<typeof insuredQuery>) {
  if (q.unmask) allow(scope, 'insurance.manage');
  const p = await mustSeePolicy(db, scope, county, year);
  const rows = await insured.insuredPage(db.kysely, p, inScope(scope, 'i.area_code'), q);
  if (q.unmask && rows.length > 0) {
    await write(db, scope, (tx) => appendAudit(tx, scope, { action: 'insurance.insured.unmask', entity: 'housing_insurance_policy', entityId: `${county}-${year}`, areaCode: county, after: { households: rows.map((r) => r.household_no) } }));
  }
  const last = rows.at(-1);
  return {
    items: rows.map((r) => ({
      householdId: r.household_id, householdNo: r.household_no, headName: q.unmask ? (r.head_name ?? '') : maskName(r.head_name ?? ''),
      headIdNumber: q.unmask ? (r.head_id ?? '') : maskIdNumber(r.head_id ?? ''), villageName: r.village_name,
      structure: r.structure, structureLabel: r.structure ? STRUCTURE_LABELS[r.structure] : STRUCTURE_AT_CLAIM, source: r.source, sourceLabel: SOURCE_LABELS[r.source], addedOn: r.added_on,
    })),
    next: rows.length === q.limit && last ? last.household_id : null,
  };
}
