// Public surface of the left-behind module (留守人员排查摸底与关爱): what the server may use.
import './error-codes.ts';
import './tables.ts';
export { leftBehindRoutes } from './routes.ts';
