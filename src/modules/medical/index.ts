// Public surface of the medical module: what other modules, the server and the CLI may use.
import './error-codes.ts';
import './tables.ts';
export { medicalRoutes } from './routes.ts';
import './service/claim-hooks.ts';
export { MEDICAL_MODULE_METRICS, medicalRollupRows } from './repo/rollup.ts';
