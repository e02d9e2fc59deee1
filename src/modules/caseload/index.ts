// Public surface of the caseload import (存量对象导入): what the server and the CLI may use.
import './error-codes.ts';
export { caseloadRoutes } from './routes.ts';
export { importCaseload, type CaseloadPhase, type CaseloadResult } from './service/import.ts';
export { caseloadReport } from './service/report.ts';
export { caseloadTemplate } from './service/template.ts';
