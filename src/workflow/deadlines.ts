// Deadlines of the workflow: a time-limit parameter (working days on the official calendar with 调休,
// calendar days for notices, months for reviews) counted from the step's date by the policy engine.
// A deadline the definition declares must have its parameter: a missing value is an error that names
// it (the step is refused and nothing changes), never a silent "no deadline".
import { AppError } from '../kernel/errors.ts';
import { explain, ParameterLookupError, procedureDeadline, type ParameterSet, type ParameterValue, type RuleSet } from '../policy/index.ts';
import type { DeadlineSpec } from './definition.ts';

export interface Due {
  date: string;
  parameter: string;
  /** End of the first limit when the deadline is chained (the notice end before a decision limit). */
  first?: string;
}

export function missingParameter(parameter: string, areaCode: string, date: string, ruleSet: RuleSet): AppError {
  return AppError.conflict('parameter_missing', `时限参数 ${parameter} 在 ${date}（${ruleSet}，区划 ${areaCode}）没有适用值，请先由州民政局设置该参数`, { parameter, areaCode, date, ruleSet });
}

/** One limit counted from `start`; throws `parameter_missing` when the parameter has no value. */
export function deadlineFrom(params: ParameterSet, parameter: string, areaCode: string, start: string, ruleSet: RuleSet): Due {
  try {
    const r = explain({ params, period: start, ruleSet }, areaCode, (t) => procedureDeadline(t, parameter, start));
    return { date: r.value.deadline, parameter };
  } catch (e) {
    if (e instanceof ParameterLookupError) throw missingParameter(parameter, areaCode, start, ruleSet);
    throw e;
  }
}

/** A declared deadline, possibly chained (the `then` limit counted from the end of the first); null where the rule set sets none. */
export function deadlineOf(params: ParameterSet, spec: DeadlineSpec, areaCode: string, start: string, ruleSet: RuleSet): Due | null {
  if (spec.onlyIn && !spec.onlyIn.includes(ruleSet)) return null;
  if (spec.optional && lookup(params, spec.parameter, areaCode, start, ruleSet) === null) return null;
  const first = deadlineFrom(params, spec.parameter, areaCode, start, ruleSet);
  if (!spec.then) return first;
  const second = deadlineFrom(params, spec.then, areaCode, first.date, ruleSet);
  return { ...second, first: first.date };
}

/** A parameter in force, or null where the rule set or area has none (for guards that allow its absence). */
export function lookup(params: ParameterSet, name: string, areaCode: string, date: string, ruleSet: RuleSet): ParameterValue | null {
  try {
    return params.get(name, areaCode, date, ruleSet);
  } catch (e) {
    if (e instanceof ParameterLookupError) return null;
    throw e;
  }
}
