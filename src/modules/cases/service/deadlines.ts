// Deadlines of the workflow: a time-limit parameter (working days on the official calendar with 调休,
// calendar days for notices, months for reviews) counted from the step's date by the policy engine.
// A rule set without the parameter sets no deadline (e.g. cn-2012 has no whole-case limit).
import { addMonths, explain, ParameterLookupError, procedureDeadline, type ParameterSet, type ParameterValue, type RuleSet } from '../../../policy/index.ts';

export interface Due {
  date: string;
  parameter: string;
  /** End of the first limit when the deadline is chained (the notice end before a decision limit). */
  first?: string;
}

export function deadlineFrom(params: ParameterSet, parameter: string, areaCode: string, start: string, ruleSet: RuleSet): Due | null {
  try {
    const r = explain({ params, period: start, ruleSet }, areaCode, (t) => procedureDeadline(t, parameter, start));
    return { date: r.value.deadline, parameter };
  } catch (e) {
    if (e instanceof ParameterLookupError) return null;
    throw e;
  }
}

/** A deadline, possibly chained: the `then` limit counted from the end of the first. */
export function chainedDeadline(params: ParameterSet, spec: { parameter: string; then?: string }, areaCode: string, start: string, ruleSet: RuleSet): Due | null {
  const first = deadlineFrom(params, spec.parameter, areaCode, start, ruleSet);
  if (!first || !spec.then) return first;
  const second = deadlineFrom(params, spec.then, areaCode, first.date, ruleSet);
  return second ? { ...second, first: first.date } : first;
}

/** A parameter in force, or null where the rule set or area has none. */
export function lookup(params: ParameterSet, name: string, areaCode: string, date: string, ruleSet: RuleSet): ParameterValue | null {
  try {
    return params.get(name, areaCode, date, ruleSet);
  } catch (e) {
    if (e instanceof ParameterLookupError) return null;
    throw e;
  }
}

/** YYYY-MM of the month after `date`: benefits start (and stop) from the next month. */
export function nextMonth(date: string): string {
  return addMonths(`${date.slice(0, 7)}-01`, 1).slice(0, 7);
}

export function monthStart(month: string): string {
  return `${month}-01`;
}
