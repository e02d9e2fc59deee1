// The placements' part of the institution figures (GET /institutions/figures, `extra`): per county and in
// total the bed-use rate over the year (person-days ÷ bed-days, a fraction), residents at the year's end,
// 集中供养率 at the year's end (a fraction) and its change from the previous year's end in percentage points;
// in the total also the lowest county's bed-use rate. The same numbers as GET /placements/figures.
import { registerFigurePart, type FigureValues } from '../../institutions/index.ts';
import * as inst from '../repo/institutions.ts';
import { yearFigures } from './occupancy.ts';

/** Longest common prefix of the county codes: the prefecture's 4 digits, or one county's 6. */
function commonPrefix(codes: readonly string[]): string {
  let p = codes[0] ?? '';
  for (const c of codes) while (!c.startsWith(p)) p = p.slice(0, -1);
  return p;
}

const fraction = (percent: number | null) => (percent === null ? null : Math.round(percent * 100) / 10000);

type Row = { residentsYearEnd: number; bedUseRatePercent: number | null; institutionalRatePercent: number | null; institutionalRateChangePoints: number | null };
const valuesOf = (r: Row): FigureValues => ({
  bedUseRate: fraction(r.bedUseRatePercent),
  residents: r.residentsYearEnd,
  institutionalRate: fraction(r.institutionalRatePercent),
  institutionalRateChangePoints: r.institutionalRateChangePoints,
});

registerFigurePart({
  keys: ['bedUseRate', 'residents', 'institutionalRate', 'institutionalRateChangePoints', 'lowestBedUseRate'],
  async compute(db, counties, year) {
    if (counties.length === 0) return { byCounty: new Map(), total: {} };
    const homes = await inst.institutionsOf(db, counties);
    const f = await yearFigures(db, homes, counties.map((code) => ({ code, name: code })), commonPrefix(counties), year);
    return {
      byCounty: new Map(f.counties.map((r) => [r.countyCode, valuesOf(r)])),
      total: { ...valuesOf(f.total), lowestBedUseRate: f.lowest === null ? null : fraction(f.lowest.bedUseRatePercent) },
    };
  },
});
