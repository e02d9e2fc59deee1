// Public surface of the placements module (集中供养): its routes; importing it registers the 特困 hooks.
import './error-codes.ts';
import './tables.ts';
import './service/hooks.ts';
export { placementRoutes } from './routes.ts';
