// Public surface of the auth module: what other modules, the server and the CLI may use.
import './error-codes.ts';
export { authRoutes } from './routes.ts';
export { resolveToken } from './service.ts';
