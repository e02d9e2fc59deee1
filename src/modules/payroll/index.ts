// Public surface of the payroll module: what other modules, the server and the CLI may use.
import './error-codes.ts';
export { payrollRoutes } from './routes.ts';
export { bankFile, bankFiles, paymentFile, paymentFiles } from './service/files.ts';
export { importReturns } from './service/returns.ts';
export { yuan } from './service/labels.ts';
export { approvePayroll, discardPayroll, getPayroll } from './service/payrolls.ts';
export { runPayroll } from './service/run.ts';
export { spendingByProgramme, type ProgrammeSpending } from './service/spending.ts';
export { countyCode, payrollNoSchema, period } from './service/schemas.ts';
export { citizenPayments, type CitizenPayment } from './service/citizen.ts';
export { payrollTodo } from './service/todo.ts';
