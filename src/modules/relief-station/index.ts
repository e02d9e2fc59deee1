// Public surface of the relief-station module (救助管理站): what the server may use; importing it registers
// its section of the annual report (救助管理).
import './error-codes.ts';
import './tables.ts';
import './service/report-part.ts';
export { reliefStationRoutes } from './routes.ts';
export { importRecords } from './service/import.ts';
