// The stats part of the API contract, shared with the web: the figures of an area and period, the
// standards, the warnings. Definitions of each figure: README.md.

export const FIGURE_KEYS = [
  'dibaoHouseholds', 'dibaoHouseholdsPrev', 'dibaoPersons', 'dibaoPersonsPrev', 'dibaoPersonsChange',
  'dibaoUrbanHouseholds', 'dibaoUrbanPersons', 'dibaoUrbanPersonsPrev', 'dibaoUrbanPersonsChange',
  'dibaoRuralHouseholds', 'dibaoRuralPersons', 'dibaoRuralPersonsPrev', 'dibaoRuralPersonsChange',
  'urbanGapPerPerson', 'urbanGapPerPersonPrev', 'urbanGapGrowth', 'ruralGapPerPerson', 'ruralGapPerPersonPrev', 'ruralGapGrowth',
  'urbanBenefitPerPerson', 'ruralBenefitPerPerson', 'dibaoExpenditure',
  'topupPersons',
  'hardshipPersons', 'hardshipPersonsPrev', 'hardshipInstitutional', 'hardshipInstitutionalPrev', 'institutionalRate', 'institutionalRatePrev', 'institutionalRateGrowth', 'hardshipExpenditure',
  'intakeReceived', 'intakeCompleted', 'intakeCompletionRate',
  'complaintsReceived', 'complaintsConcluded', 'complaintsSubstantiated', 'complaintsFavouritism', 'recoveredFen', 'fineFen',
  'overdueCases', 'overdueReferrals',
  'registryHouseholds', 'registryPersons', 'agriculturalPersons', 'ruralCoverage',
  'povertyFile', 'povertyUncovered', 'eligibleUncovered', 'nearDibao',
  'payrollDibaoFen', 'payrollHardshipFen', 'payrollNetFen', 'payrollLines',
  'verificationRequests', 'rescreenRequests', 'verificationFindings', 'verificationBreaking', 'verificationFavouritism',
  'rescreenHits', 'favouritismFlags',
] as const;
export type FigureKey = (typeof FIGURE_KEYS)[number];
export type UnitFigures = Record<FigureKey, number | null>;

export interface Period {
  from: string;
  to: string;
  prevFrom: string;
  prevTo: string;
  /** Day the standards are read on: the last day of `to`. */
  date: string;
  prevDate: string;
  /** Day the overdue items are counted on: today (open items are counted as they stand now). */
  asOf: string;
  months: number;
}

export interface Standards {
  /** Plain mean over the county units (fen per person and month / year); null if a value is missing. */
  urbanMonthly: number | null;
  ruralYearly: number | null;
  urbanMonthlyPrev: number | null;
  ruralYearlyPrev: number | null;
  urbanGrowth: number | null;
  ruralGrowth: number | null;
  counties: { code: string; name: string; urbanMonthly: number | null; ruralYearly: number | null }[];
}

export interface FiguresResult {
  area: { code: string; name: string; level: string };
  period: Period;
  total: UnitFigures;
  units: (UnitFigures & { code: string; name: string; level: string })[];
  standards: Standards;
  refreshedAt: string;
}

export const WARNING_KINDS = ['rural_coverage', 'reduction_quota', 'poverty_uncovered', 'eligible_uncovered', 'near_dibao', 'overdue_cases', 'overdue_referrals', 'rescreen_hits', 'favouritism_flags'] as const;
export type WarningKind = (typeof WARNING_KINDS)[number];

export interface Warning {
  kind: WarningKind;
  areaCode: string;
  areaName: string;
  /** The figure warned about: a ratio (coverage), persons (reduction) or a count of items. */
  value: number;
  threshold: number | null;
}
