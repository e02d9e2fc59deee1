// The stay limit (relief_station.stay_days, 实施细则 第十六条: generally at most 10 days) and what it
// says of a record: days in the station, whether the stay is overdue (beyond the limit with no long-stay
// approval or referral recorded). The limit is the one in force in the station's county on the entry day.
import type { Database } from '../../../db/engine.ts';
import { todayInChina } from '../../../kernel/clock.ts';
import { databaseParameterSet } from '../../policy/index.ts';
import type { RecordRow } from '../repo/records.ts';

export const STAY_DAYS = 'relief_station.stay_days';

export type StayLimit = (county: string, enteredOn: string) => number;

export async function stayLimit(db: Database): Promise<StayLimit> {
  const params = await databaseParameterSet(db);
  return (county, enteredOn) => Number(params.get(STAY_DAYS, county, enteredOn).value);
}

/** Whole days from one ISO date to another. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Full years of age on a date. */
export function ageOn(birthDate: string, on: string): number {
  const years = Number(on.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return on.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

export interface Stay { stayDays: number | null; stayLimitDays: number | null; overdue: boolean }

export function stayOf(r: Pick<RecordRow, 'county_code' | 'entered_on' | 'exited_on' | 'status' | 'long_stay_kind'>, limit: StayLimit, today = todayInChina()): Stay {
  if (!r.entered_on) return { stayDays: null, stayLimitDays: null, overdue: false };
  const days = daysBetween(r.entered_on, r.exited_on ?? today);
  const max = limit(r.county_code, r.entered_on);
  return { stayDays: days, stayLimitDays: max, overdue: r.status === 'in_station' && r.long_stay_kind === null && days > max };
}
