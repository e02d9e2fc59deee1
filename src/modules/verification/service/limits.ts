// The policy limits matching judges findings against, per county on a date (parameters, never literals).
import type { Database } from '../../../db/engine.ts';
import { ruleSetFor } from '../../../policy/index.ts';
import { caseParameters } from '../../cases/index.ts';
import type { CountyLimits } from '../repo/match.ts';

export async function countyLimits(db: Database, counties: readonly string[], date: string): Promise<CountyLimits[]> {
  if (counties.length === 0) return [];
  const params = await caseParameters(db);
  const ruleSet = ruleSetFor(date, params);
  const value = (name: string, county: string) => params.get(name, county, date, ruleSet).value;
  return counties.map((county) => ({
    county,
    urban: Number(value('dibao.standard.urban', county)),
    rural: Math.round(Number(value('dibao.standard.rural', county)) / 12),
    depositMonths: Number(value('dibao.property.deposit_months', county)),
    vehicleAllowed: value('dibao.property.vehicle_allowed', county) === true,
    businessAllowed: value('dibao.property.business_registration_allowed', county) === true,
    maxHouses: Number(value('dibao.property.max_houses', county)),
  }));
}
