// Public surface of the wishes module (微心愿 and charity donations): what the server may use.
import './error-codes.ts';
import './tables.ts';
export { wishesRoutes } from './routes.ts';
