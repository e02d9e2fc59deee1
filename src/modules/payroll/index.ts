// Public surface of the payroll module: what other modules, the server and the CLI may use.
import './error-codes.ts';
export { payrollRoutes } from './routes.ts';
export { bankFile, bankFiles, importReturns } from './service/bank.ts';
export { yuan } from './service/labels.ts';
export { approvePayroll, discardPayroll, getPayroll } from './service/payrolls.ts';
export { runPayroll } from './service/run.ts';
export { countyCode, payrollNoSchema, period } from './service/schemas.ts';
