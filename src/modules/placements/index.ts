// Public surface of the placements module (集中供养): its routes; importing it registers the 特困 hooks and
// its part of the institution figures (bed use, 集中供养率).
import './error-codes.ts';
import './tables.ts';
import './service/hooks.ts';
import './service/figure-part.ts';
export { placementRoutes } from './routes.ts';
export { admitMigrated, type MigratedStays } from './service/migrated.ts';
