// The medical module's routes: premium-subsidy lists, settlement imports and claims.
import type { RouteModule } from '../../server/context.ts';
import { claimRoutes } from './routes/claims.ts';
import { settlementRoutes } from './routes/settlements.ts';
import { subsidyRoutes } from './routes/subsidy.ts';

export const medicalRoutes: RouteModule = (app, ctx) => {
  subsidyRoutes(app, ctx);
  settlementRoutes(app, ctx);
  claimRoutes(app, ctx);
};
