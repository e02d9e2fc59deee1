// The institutions module's routes: the register (供养服务机构) with ratings and projects, and its figures.
import type { RouteModule } from '../../server/context.ts';
import { figureRoutes } from './routes/figures.ts';
import { institutionRoutes } from './routes/institutions.ts';

export const institutionsRoutes: RouteModule = (app, ctx) => {
  // register and figures (must-have 1 and 4 of issue 18)
  institutionRoutes(app, ctx);
  figureRoutes(app, ctx);
  // placements (入住与床位) add theirs here
};
