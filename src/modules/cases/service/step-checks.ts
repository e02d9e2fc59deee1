// Checks other modules make on a step's data before the engine writes it: a field that names one of
// their records (the institution a 特困 township review names for 集中供养 must be an open one of the
// case's county). The owning module registers the check at import; the engine runs it for every step
// whose data carries the field, so this module imports none of them (the dependency goes their way).
import type { Database } from '../../../db/engine.ts';

export type StepDataCheck = (db: Database, countyCode: string, value: unknown) => Promise<void>;

const CHECKS = new Map<string, StepDataCheck>();

export function registerStepDataCheck(field: string, check: StepDataCheck): void {
  if (CHECKS.has(field)) throw new Error(`step data check for ${field} registered twice`);
  CHECKS.set(field, check);
}

/** Runs the registered check of every field the data carries; a check refuses by throwing an AppError. */
export async function checkStepData(db: Database, countyCode: string, data: Readonly<Record<string, unknown>>): Promise<void> {
  for (const [field, check] of CHECKS) if (data[field] !== undefined) await check(db, countyCode, data[field]);
}
