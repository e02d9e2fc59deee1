// Public surface of the medical module: what other modules, the server and the CLI may use.
import './error-codes.ts';
import './tables.ts';
export { medicalRoutes } from './routes.ts';
import './service/claim-hooks.ts';
export { MEDICAL_MODULE_METRICS, medicalRollupRows } from './repo/rollup.ts';
// 资助参保 (premium subsidy): what the CLI and the benchmark use.
export { generateSubsidyList } from './service/subsidy-generate.ts';
export type { GenerateInput as SubsidyGenerateInput } from './service/subsidy-generate.ts';
export { insurerFile } from './service/subsidy-file.ts';
export { listSubsidyEntries, moveSubsidyList, setEntryExcluded } from './service/subsidy-review.ts';
export { recipientsQuery, type RecipientRow } from './repo/groups.ts';
export { generateBody as subsidyGenerateBody } from './contract/subsidy.ts';
export { importSettlements, settlementErrorReport } from './service/settlements.ts';
export { checkSettlementFile } from './service/settlement-check.ts';
export { SETTLEMENT_COLUMNS } from './service/settlement-columns.ts';
