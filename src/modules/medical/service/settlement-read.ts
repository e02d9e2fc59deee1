// Reading settlement imports: the list (a partner sees its own department's, county staff every import
// of their counties), one import with its episodes paged (ID numbers masked).
import type { z } from 'zod';
import type { Database } from '../../../db/engine.ts';
import { AppError } from '../../../kernel/errors.ts';
import { maskIdNumber } from '../../../kernel/mask.ts';
import type { Scope } from '../../../kernel/scope.ts';
import type { episodesQuery, listQuery, SettlementImportDetail, SettlementImportItem } from '../contract/settlements.ts';
import { GROUP_LABELS, type MedicalGroup } from '../repo/groups.ts';
import * as repo from '../repo/settlements.ts';
import { allow } from '../permissions.ts';
import { KIND_LABELS } from './settlement-columns.ts';

type ImportRow = Awaited<ReturnType<typeof repo.listImports>>[number];

const item = (r: ImportRow): SettlementImportItem => ({
  importNo: r.import_no, countyCode: r.county_code, countyName: r.county_name, fileName: r.file_name, rows: Number(r.rows), amountFen: Number(r.amount_fen),
  importedBy: r.imported_by, importedByName: r.display_name ?? r.imported_by, department: r.department, importedAt: new Date(r.imported_at).toISOString(),
});

const groupLabel = (g: string) => (g in GROUP_LABELS ? GROUP_LABELS[g as MedicalGroup] : g);

export async function listSettlementImports(db: Database, scope: Scope, q: z.output<typeof listQuery>) {
  allow(scope, 'medical.read');
  const rows = await repo.listImports(db.kysely, scope, { county: q.county, limit: q.limit, after: q.after });
  const last = rows.at(-1);
  return { items: rows.map(item), next: rows.length === q.limit && last ? Number(last.id) : null };
}

export async function getSettlementImport(db: Database, scope: Scope, importNo: string, q: z.output<typeof episodesQuery>): Promise<SettlementImportDetail> {
  allow(scope, 'medical.read');
  const imp = await repo.findImport(db.kysely, scope, importNo);
  if (!imp) throw AppError.notFound('结算导入', importNo);
  const rows = await repo.importEpisodes(db.kysely, scope, { county_code: imp.county_code, id: Number(imp.id) }, { limit: q.limit, after: q.after });
  const last = rows.at(-1);
  return {
    ...item(imp),
    episodes: {
      items: rows.map((e) => ({
        id: Number(e.id), rowNo: e.row_no, settlementNo: e.settlement_no, name: e.name, idNumber: maskIdNumber(e.id_number),
        group: e.group, groupLabel: groupLabel(e.group), kind: e.kind, kindLabel: KIND_LABELS[e.kind], critical: e.critical, hospital: e.hospital,
        admittedOn: e.admitted_on, dischargedOn: e.discharged_on, settledOn: e.settled_on, year: e.year,
        totalCostFen: Number(e.total_cost_fen), basicInsuranceFen: Number(e.basic_insurance_fen), criticalInsuranceFen: Number(e.critical_insurance_fen),
        eligibleSelfPayFen: Number(e.eligible_self_pay_fen), assistanceFen: Number(e.assistance_fen), tiltFen: Number(e.tilt_fen),
        areaCode: e.area_code, areaName: e.township_name ? `${e.township_name}${e.village_name}` : e.village_name,
      })),
      next: rows.length === q.limit && last ? Number(last.id) : null,
    },
  };
}
