// The disaster module's routes: events and their 灾情 reports, the damage register, goods, the 冬春 survey,
// batch decisions.
import type { RouteModule } from '../../server/context.ts';
import { batchRoutes } from './routes/batches.ts';
import { damageRoutes } from './routes/damage.ts';
import { eventRoutes } from './routes/events.ts';
import { goodsRoutes } from './routes/goods.ts';
import { reportRoutes } from './routes/reports.ts';
import { winterImportRoutes } from './routes/winter-import.ts';
import { winterRoutes } from './routes/winter.ts';

export const disasterRoutes: RouteModule = (app, ctx) => {
  eventRoutes(app, ctx);
  reportRoutes(app, ctx);
  damageRoutes(app, ctx);
  goodsRoutes(app, ctx);
  winterRoutes(app, ctx);
  winterImportRoutes(app, ctx);
  batchRoutes(app, ctx);
};
