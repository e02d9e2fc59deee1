// "This household's dibao assessment as of a date, under the parameters in force", set-based, for the
// statistics (应保尽保 warnings: eligible but not covered, near-dibao) and anyone else who needs the
// formula's verdict over many registry households. Two steps so that the caller can resolve once and
// embed the statement in its own query:
//   const parameters = await dibaoAssessmentParameters(db, date);        // TypeScript, once per date
//   sql`… join (${dibaoAssessmentQuery(areas, parameters)}) a on a.county_code = h.county_code and a.household_id = h.id …`
// Rows equal the formulas' `assessDibao` / `nearDibao` on `householdFactsFromRegistry` (assessment.test.ts).
import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import type { Database } from '../../../db/engine.ts';
import { createParameterSet, periodDate, type ParameterRow } from '../../../policy/index.ts';
import { assessmentQuery, householdSelection, type AreaFilter, type DibaoAssessmentRow } from '../repo/assessment.ts';
import { villageCounties } from '../repo/twin-areas.ts';
import { parameterRows } from './parameters.ts';
import { resolveParameters, type ResolvedParameters } from './twin-parameters.ts';

export type { AreaFilter, DibaoAssessmentRow };
/**
 * The parameters in force on `date`, resolved per county (and per township or village that has its
 * own dibao values). `missing` lists the areas where some parameter has no value in force: their
 * households get no row (the formula would throw for them).
 */
export type DibaoAssessmentParameters = ResolvedParameters;

/** Resolve the parameters of every county on `date` (YYYY-MM-DD, or YYYY-MM for its first day). */
export async function dibaoAssessmentParameters(db: Database, date: string, rows?: readonly ParameterRow[]): Promise<DibaoAssessmentParameters> {
  const parameters = rows ?? (await parameterRows(db));
  const counties = await villageCounties(db.kysely, sql<SqlBool>`true`);
  return resolveParameters([createParameterSet(parameters)], [parameters], counties, periodDate(date), ['eligibility', 'near']);
}

/**
 * One row per household with members of the selected villages (`null` = all), optionally narrowed by
 * `where`, a condition on `h` (the households table: scope, area, keyset `h.id > …`).
 */
export function dibaoAssessmentQuery(areas: AreaFilter, parameters: DibaoAssessmentParameters, where?: Expression<SqlBool>): RawBuilder<DibaoAssessmentRow> {
  return assessmentQuery(householdSelection(areas, where), parameters.params, parameters.overrides);
}
