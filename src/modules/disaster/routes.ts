// The disaster module's routes: events and their 灾情 reports, batch decisions.
import type { RouteModule } from '../../server/context.ts';
import { batchRoutes } from './routes/batches.ts';
import { eventRoutes } from './routes/events.ts';
import { reportRoutes } from './routes/reports.ts';

export const disasterRoutes: RouteModule = (app, ctx) => {
  eventRoutes(app, ctx);
  reportRoutes(app, ctx);
  batchRoutes(app, ctx);
};
