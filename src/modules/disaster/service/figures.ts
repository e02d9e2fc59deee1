// Report rows as the API shows them, and the totals of an event's latest reports.
import { FIGURE_KEYS, type ReportFigures } from '../contract/reports.ts';
import type { ReportRow } from '../repo/reports.ts';

export function figuresOf(r: ReportRow): ReportFigures {
  return {
    affectedPersons: Number(r.affected_persons), relocatedPersons: Number(r.relocated_persons), deaths: Number(r.deaths), missing: Number(r.missing),
    housesCollapsed: Number(r.houses_collapsed), housesSeriouslyDamaged: Number(r.houses_seriously_damaged), housesGenerallyDamaged: Number(r.houses_generally_damaged),
    cropAffectedHa100: Number(r.crop_affected_ha100), cropFailedHa100: Number(r.crop_failed_ha100), directLossFen: Number(r.direct_loss_fen),
  };
}

export function reportViewOf(r: ReportRow, names: ReadonlyMap<string, string>) {
  return {
    ...figuresOf(r), areaCode: r.area_code, areaName: names.get(r.area_code) ?? r.area_code, asOf: r.as_of, version: Number(r.version),
    reportedBy: r.reported_by, reportedAt: new Date(r.reported_at).toISOString(), note: r.note,
  };
}

const zero = (): ReportFigures => Object.fromEntries(FIGURE_KEYS.map((k) => [k, 0])) as ReportFigures;

/**
 * Sums the latest report of each area. A township's own report is its whole figure, so its villages'
 * reports are left out of the sum where the township reported; otherwise the villages add up.
 */
export function totalsOf(latest: readonly ReportRow[]): ReportFigures {
  const townships = new Set(latest.filter((r) => r.area_code.length === 9).map((r) => r.area_code));
  const sum = zero();
  for (const r of latest) {
    if (r.area_code.length === 12 && townships.has(r.area_code.slice(0, 9))) continue;
    const f = figuresOf(r);
    for (const k of FIGURE_KEYS) sum[k] += f[k];
  }
  return sum;
}
