/** Export of a household search to .xlsx (the import file's columns) and the import template. */
import type { Database } from '../../../db/engine.ts';
import { requireAreaField, type Scope } from '../../../kernel/scope.ts';
import { allow } from '../permissions.ts';
import { AppError } from '../../../kernel/errors.ts';
import { appendAudit } from '../../../kernel/audit/append.ts';
import type { Asset, IncomeItem, Member } from '../domain/types.ts';
import { contentsOf, countHouseholds, exportPage, type HouseholdFilters } from '../repo/search.ts';
import { HouseholdFileWriter, templateWorkbook } from '../transfer/xlsx.ts';

/** Larger selections are refused: narrow the filters (or export county by county). */
export const EXPORT_MAX_HOUSEHOLDS = 50_000;
const PAGE = 1_000;

export async function importTemplate(scope: Scope): Promise<Buffer> {
  allow(scope, 'registry.import');
  return templateWorkbook();
}

/**
 * The households matching the search filters, one row per member, masked unless `unmask` (which
 * needs `registry.unmask`). Every export is audited, with its filters and whether it was unmasked.
 */
export async function exportHouseholds(db: Database, scope: Scope, filters: HouseholdFilters, unmask: boolean): Promise<{ file: Buffer; households: number }> {
  allow(scope, 'registry.export');
  if (unmask) allow(scope, 'registry.unmask');
  // An area filter outside the scope is refused before anything is read or audited.
  if (filters.area) requireAreaField(scope, 'area', filters.area);
  // An export may lag as a report does (a replica); its audit entry is written on the primary.
  const reads = (await db.reads.source()).kysely;
  const total = await countHouseholds(reads, scope, filters);
  if (total > EXPORT_MAX_HOUSEHOLDS) {
    throw AppError.badRequest('too_many_households', `符合条件的家庭有 ${total} 户，超过单次导出上限 ${EXPORT_MAX_HOUSEHOLDS} 户；请缩小区划或增加条件`, { total, max: EXPORT_MAX_HOUSEHOLDS });
  }
  const writer = await HouseholdFileWriter.open('buffer');
  let after = '';
  let households = 0;
  for (;;) {
    const page = await exportPage(reads, scope, filters, after, PAGE);
    if (page.length === 0) break;
    const { members, incomes, assets } = await contentsOf(reads, page);
    const byHousehold = <T extends { county_code: string; household_id: number }>(rows: T[]) => {
      const m = new Map<string, T[]>();
      for (const r of rows) {
        const k = `${r.county_code}:${r.household_id}`;
        const list = m.get(k);
        if (list) list.push(r);
        else m.set(k, [r]);
      }
      return m;
    };
    const ms = byHousehold(members), is = byHousehold(incomes), as = byHousehold(assets);
    for (const h of page) {
      const k = `${h.county_code}:${h.id}`;
      const mem = ms.get(k) ?? [];
      const idOf = new Map(mem.map((m) => [m.id, m.id_number]));
      const owner = (id: number | null) => (id === null ? null : (idOf.get(id) ?? null));
      writer.add(h.household_no, {
        household: { villageCode: h.village_code, hukou: h.hukou, address: h.address, phone: h.phone, bankName: h.bank_name, bankAccount: h.bank_account, povertyFile: h.poverty_file, agricultural: h.agricultural, categories: h.categories as never, povertyCauses: h.poverty_causes as never, mainPovertyCause: h.main_poverty_cause as never },
        members: mem.map((m): Member => ({
          idNumber: m.id_number, name: m.name, sex: m.sex, birthDate: m.birth_date, relation: m.relation as Member['relation'], hukou: m.hukou,
          workCapacity: m.work_capacity, disabilityKind: m.disability_kind as Member['disabilityKind'], disabilityGrade: m.disability_grade as Member['disabilityGrade'],
          seriousIllness: m.serious_illness, student: m.student, categories: m.categories as Member['categories'], leftBehind: m.left_behind, phone: m.phone,
        })),
        incomes: (is.get(k) ?? []).map((i): IncomeItem => ({ memberIdNumber: owner(i.member_id), kind: i.kind as IncomeItem['kind'], amountFen: i.amount_fen, period: i.period, source: i.source })),
        assets: (as.get(k) ?? []).map((a): Asset => ({ memberIdNumber: owner(a.member_id), kind: a.kind as Asset['kind'], valueFen: a.value_fen, note: a.note })),
      }, !unmask);
      households++;
    }
    after = page[page.length - 1]!.household_no;
    if (page.length < PAGE) break;
  }
  const file = await writer.finish();
  await db.kysely.transaction().execute((tx) =>
    appendAudit(tx, scope, { action: unmask ? 'registry.export.unmask' : 'registry.export', entity: 'household', entityId: null, areaCode: filters.area ?? (scope.areaCode || null), after: { filters, households, rows: writer.rows, unmasked: unmask } }));
  return { file, households };
}
