// Metric sums → the named figures of one unit (or the total). Ratios are fractions (0.39 = 39%),
// money in fen; `null` where the denominator is zero.
import type { UnitMetric } from '../repo/read.ts';
import type { UnitFigures } from '../contract.ts';

export { FIGURE_KEYS, type FigureKey, type UnitFigures } from '../contract.ts';


const ratio = (a: number, b: number) => (b === 0 ? null : a / b);
const change = (now: number, prev: number) => (prev === 0 ? null : now / prev - 1);
const growthOf = (now: number | null, prev: number | null) => (now === null || prev === null || prev === 0 ? null : now / prev - 1);
const perPerson = (amount: number, persons: number) => (persons === 0 ? null : Math.round(amount / persons));

export function unitFigures(rows: readonly UnitMetric[]): UnitFigures {
  const sum = (metric: string, field: keyof Omit<UnitMetric, 'unit' | 'metric'>) =>
    rows.reduce((a, r) => (r.metric === metric ? a + Number(r[field]) : a), 0);
  const both = (p: string, s: string, field: keyof Omit<UnitMetric, 'unit' | 'metric'>) => sum(`${p}.urban.${s}`, field) + sum(`${p}.rural.${s}`, field);

  const urbanPersons = sum('dibao.urban.persons', 'stock');
  const urbanPersonsPrev = sum('dibao.urban.persons', 'stock_prev');
  const ruralPersons = sum('dibao.rural.persons', 'stock');
  const ruralPersonsPrev = sum('dibao.rural.persons', 'stock_prev');
  const urbanGap = perPerson(sum('dibao.urban.gap', 'months'), sum('dibao.urban.persons', 'months'));
  const urbanGapPrev = perPerson(sum('dibao.urban.gap', 'months_prev'), sum('dibao.urban.persons', 'months_prev'));
  const ruralGap = perPerson(sum('dibao.rural.gap', 'months'), sum('dibao.rural.persons', 'months'));
  const ruralGapPrev = perPerson(sum('dibao.rural.gap', 'months_prev'), sum('dibao.rural.persons', 'months_prev'));
  const hardship = both('hardship', 'persons', 'stock');
  const hardshipPrev = both('hardship', 'persons', 'stock_prev');
  const institutional = both('hardship', 'institutional', 'stock');
  const institutionalPrev = both('hardship', 'institutional', 'stock_prev');
  const rate = ratio(institutional, hardship);
  const ratePrev = ratio(institutionalPrev, hardshipPrev);
  const received = sum('intake.received', 'flow');
  const completed = sum('intake.completed', 'flow');
  const agricultural = sum('registry.agricultural_persons', 'snapshot');
  return {
    dibaoHouseholds: both('dibao', 'households', 'stock'),
    dibaoHouseholdsPrev: both('dibao', 'households', 'stock_prev'),
    dibaoPersons: urbanPersons + ruralPersons,
    dibaoPersonsPrev: urbanPersonsPrev + ruralPersonsPrev,
    dibaoPersonsChange: change(urbanPersons + ruralPersons, urbanPersonsPrev + ruralPersonsPrev),
    dibaoUrbanHouseholds: sum('dibao.urban.households', 'stock'),
    dibaoUrbanPersons: urbanPersons,
    dibaoUrbanPersonsPrev: urbanPersonsPrev,
    dibaoUrbanPersonsChange: change(urbanPersons, urbanPersonsPrev),
    dibaoRuralHouseholds: sum('dibao.rural.households', 'stock'),
    dibaoRuralPersons: ruralPersons,
    dibaoRuralPersonsPrev: ruralPersonsPrev,
    dibaoRuralPersonsChange: change(ruralPersons, ruralPersonsPrev),
    urbanGapPerPerson: urbanGap,
    urbanGapPerPersonPrev: urbanGapPrev,
    urbanGapGrowth: growthOf(urbanGap, urbanGapPrev),
    ruralGapPerPerson: ruralGap,
    ruralGapPerPersonPrev: ruralGapPrev,
    ruralGapGrowth: growthOf(ruralGap, ruralGapPrev),
    urbanBenefitPerPerson: perPerson(sum('dibao.urban.amount', 'months'), sum('dibao.urban.persons', 'months')),
    ruralBenefitPerPerson: perPerson(sum('dibao.rural.amount', 'months'), sum('dibao.rural.persons', 'months')),
    dibaoExpenditure: both('dibao', 'amount', 'months'),
    topupPersons: both('dibao', 'topup', 'stock'),
    hardshipPersons: hardship,
    hardshipPersonsPrev: hardshipPrev,
    hardshipInstitutional: institutional,
    hardshipInstitutionalPrev: institutionalPrev,
    institutionalRate: rate,
    institutionalRatePrev: ratePrev,
    institutionalRateGrowth: growthOf(rate, ratePrev),
    hardshipExpenditure: both('hardship', 'amount', 'months'),
    intakeReceived: received,
    intakeCompleted: completed,
    intakeCompletionRate: ratio(completed, received),
    complaintsReceived: sum('complaints.received', 'flow'),
    complaintsConcluded: sum('complaints.concluded', 'flow'),
    complaintsSubstantiated: sum('complaints.substantiated', 'flow'),
    complaintsFavouritism: sum('complaints.favouritism', 'flow'),
    recoveredFen: sum('recoveries.recovered_fen', 'flow'),
    fineFen: sum('recoveries.fine_fen', 'flow'),
    overdueCases: sum('cases.due', 'overdue'),
    overdueReferrals: sum('referrals.due', 'overdue'),
    registryHouseholds: sum('registry.households', 'snapshot'),
    registryPersons: sum('registry.persons', 'snapshot'),
    agriculturalPersons: agricultural,
    ruralCoverage: ratio(ruralPersons, agricultural),
    povertyFile: sum('registry.poverty_file', 'snapshot'),
    povertyUncovered: sum('warn.poverty_uncovered', 'snapshot'),
    eligibleUncovered: sum('warn.eligible_uncovered', 'snapshot'),
    nearDibao: sum('warn.near_dibao', 'snapshot'),
    payrollDibaoFen: sum('payroll.dibao.net_fen', 'flow'),
    payrollHardshipFen: sum('payroll.hardship.net_fen', 'flow'),
    payrollNetFen: sum('payroll.dibao.net_fen', 'flow') + sum('payroll.hardship.net_fen', 'flow'),
    payrollLines: sum('payroll.dibao.lines', 'flow') + sum('payroll.hardship.lines', 'flow'),
    verificationRequests: sum('verification.requests', 'flow'),
    rescreenRequests: sum('verification.rescreen_requests', 'flow'),
    verificationFindings: sum('verification.findings', 'flow'),
    verificationBreaking: sum('verification.breaking', 'flow'),
    verificationFavouritism: sum('verification.favouritism', 'flow'),
    rescreenHits: sum('warn.rescreen_hits', 'snapshot'),
    favouritismFlags: sum('warn.favouritism_flags', 'snapshot'),
  };
}
