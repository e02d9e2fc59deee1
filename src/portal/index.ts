// Public surface of the citizen portal: what the server registers.
import './error-codes.ts';
import './tables.ts';
export { PORTAL_COOKIE, PORTAL_PREFIX, portalRoutes } from './routes.ts';
export { smsProvider, type SmsProvider } from './sms/index.ts';
