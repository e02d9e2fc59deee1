// Institution figures for an area and year, by county.
import type { RouteModule } from '../../../server/context.ts';
import { scopeOf } from '../../../server/auth-hook.ts';
import { figuresQuery, figuresResult } from '../contract/figures.ts';
import { institutionFigures } from '../service/figures.ts';

export const figureRoutes: RouteModule = (app, { db }) => {
  app.get('/institutions/figures', { schema: { tags: ['institutions'], summary: '供养机构统计：机构数、法人登记率、编制与人员、床位、星级、新建机构（按县）', querystring: figuresQuery, response: { 200: figuresResult } } },
    async (req) => institutionFigures(db, scopeOf(req), req.query));
};
