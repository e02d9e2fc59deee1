// Public surface of the stats module: what other modules, the server and the CLI may use.
export { refreshAll } from './repo/refresh.ts';
export { refreshRollup, startRollupRefresher } from './service/refresher.ts';
export { statsRoutes } from './routes.ts';
export { annualReport, reportSchema, statisticalTables } from './service/exports.ts';
export { currentAssessment } from './service/figures.ts';
export { registerReportPart, type ReportPart, type ReportPartContext } from './report/parts.ts';
export { registerReductionPlans, type ReductionPlanSource, type ReductionPlanYear } from './service/reduction-plans.ts';
export { HOUSEHOLD_WARNINGS, uncoveredHouseholdsQuery, type HouseholdWarning, type UncoveredRow } from './repo/lists.ts';
