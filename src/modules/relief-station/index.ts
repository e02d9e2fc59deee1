// Public surface of the relief-station module (救助管理站): what the server may use.
import './error-codes.ts';
import './tables.ts';
export { reliefStationRoutes } from './routes.ts';
