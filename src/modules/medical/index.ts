// Public surface of the medical module: what other modules, the server and the CLI may use.
import './error-codes.ts';
import './tables.ts';
export { medicalRoutes } from './routes.ts';
export { importSettlements, settlementErrorReport } from './service/settlements.ts';
export { checkSettlementFile } from './service/settlement-check.ts';
export { SETTLEMENT_COLUMNS } from './service/settlement-columns.ts';
