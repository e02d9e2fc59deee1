// The housing-insurance module's routes: policies and insured households, claims, reconciliation and figures.
import type { RouteModule } from '../../server/context.ts';
import { claimRoutes } from './routes/claims.ts';
import { policyRoutes } from './routes/policies.ts';
import { reportRoutes } from './routes/reports.ts';

export const housingInsuranceRoutes: RouteModule = (app, ctx) => {
  policyRoutes(app, ctx);
  claimRoutes(app, ctx);
  reportRoutes(app, ctx);
};
