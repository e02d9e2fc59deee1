// What a batch's amounts are computed with, per village: the values of the relief formulas' parameters
// in force on the batch's date there, read through the formulas' own trace (so each value keeps its
// document), and for 过渡期生活救助 the days of the batch's period the formula allows. The batch stores it
// as its worksheet; the SQL twin (repo/amounts.ts) multiplies it out set-based.
import { addDays, addMonths, daysBetween, explain, ParameterLookupError, type ParameterSet, type RuleSet, type Step } from '../../../policy/index.ts';
import { AppError } from '../../../kernel/errors.ts';
import type { BatchKind } from '../tables.ts';

export const GRADES = ['collapsed', 'serious', 'general'] as const;
const BASE: Record<(typeof GRADES)[number], string> = {
  collapsed: 'disaster.housing.rebuild.collapsed', serious: 'disaster.housing.repair.serious', general: 'disaster.housing.repair.general',
};

/** Per-area values in fen (and days), the names the SQL twin reads. */
export interface AreaRates {
  area: string;
  per_person: number;
  rate: number;
  unit: number;
  days: number;
  last_day: string | null;
  base_collapsed: number;
  base_serious: number;
  base_general: number;
  topup_collapsed: number;
  topup_serious: number;
  topup_general: number;
  priority: string[];
  first: number;
  second: number;
  third: number;
}

export interface BasisInput {
  kind: BatchKind;
  date: string;
  ruleSet: RuleSet;
  /** 过渡期生活救助: the period asked for. */
  period?: { startDate: string; endDate: string };
}

const EMPTY: Omit<AreaRates, 'area'> = {
  per_person: 0, rate: 0, unit: 1, days: 0, last_day: null, base_collapsed: 0, base_serious: 0, base_general: 0,
  topup_collapsed: 0, topup_serious: 0, topup_general: 0, priority: [], first: 0, second: 0, third: 0,
};

/** The rates of one area and the parameters read (with their references) for the worksheet. */
export function areaRates(params: ParameterSet, area: string, b: BasisInput): { rates: AreaRates; steps: Step[] } {
  try {
    const out = explain({ params, period: b.date, ruleSet: b.ruleSet }, area, (t) => {
      const r: AreaRates = { ...EMPTY, area };
      switch (b.kind) {
        case 'emergency': r.per_person = t.step('disaster.emergency.per_person', t.fen('disaster.emergency.per_person'), 'fen'); break;
        case 'bereavement': r.per_person = t.step('disaster.bereavement.per_person', t.fen('disaster.bereavement.per_person'), 'fen'); break;
        case 'transitional': {
          const p = b.period ?? { startDate: b.date, endDate: b.date };
          const latest = addDays(addMonths(p.startDate, t.number('disaster.transitional_living.max_months')), -1);
          r.last_day = t.step('transitional.last_day', p.endDate < latest ? p.endDate : latest, 'date');
          r.days = t.step('transitional.days', Math.max(0, daysBetween(p.startDate, r.last_day) + 1), 'days');
          r.rate = t.step('disaster.transitional_living.rate', t.fen('disaster.transitional_living.rate'), 'fen');
          r.unit = t.step('disaster.transitional_living.rounding_unit', t.fen('disaster.transitional_living.rounding_unit'), 'fen');
          break;
        }
        case 'housing':
          r.base_collapsed = t.step(BASE.collapsed, t.fen(BASE.collapsed), 'fen');
          r.base_serious = t.step(BASE.serious, t.fen(BASE.serious), 'fen');
          r.base_general = t.step(BASE.general, t.fen(BASE.general), 'fen');
          r.priority = t.step('disaster.housing.priority_household_types', t.list('disaster.housing.priority_household_types'));
          r.topup_collapsed = t.step('disaster.housing.priority_topup.collapsed', t.fen('disaster.housing.priority_topup.collapsed'), 'fen');
          r.topup_serious = t.step('disaster.housing.priority_topup.serious', t.fen('disaster.housing.priority_topup.serious'), 'fen');
          r.topup_general = t.step('disaster.housing.priority_topup.general', t.fen('disaster.housing.priority_topup.general'), 'fen');
          break;
        case 'winter_spring':
          r.first = t.step('disaster.winter_spring.per_person.first', t.fen('disaster.winter_spring.per_person.first'), 'fen');
          r.second = t.step('disaster.winter_spring.per_person.second', t.fen('disaster.winter_spring.per_person.second'), 'fen');
          r.third = t.step('disaster.winter_spring.per_person.third', t.fen('disaster.winter_spring.per_person.third'), 'fen');
          break;
      }
      return r;
    });
    return { rates: out.value, steps: out.steps };
  } catch (e) {
    if (e instanceof ParameterLookupError) {
      throw AppError.conflict('parameter_missing', `参数 ${e.parameter} 在 ${b.date} 对区划 ${area} 没有适用值，不能计算救助金额`, { parameter: e.parameter, areaCode: area });
    }
    throw e;
  }
}
