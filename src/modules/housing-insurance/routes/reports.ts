// HTTP of the reconciliation against the damage register (对账) and the figures (统计: by area and year, by event).
import type { RouteModule } from '../../../server/context.ts';
import { scopeOf } from '../../../server/auth-hook.ts';
import * as api from '../contract/reports.ts';
import { eventInsuranceFigures, insuranceFigures, reconciliation } from '../service/reports.ts';

const tags = ['housing-insurance'];

export const reportRoutes: RouteModule = (app, { db }) => {
  app.get('/housing-insurance/reconciliation', { schema: { tags, summary: '农房保险与受灾户登记、倒损住房补助对账（某县某年度）', querystring: api.reconciliationQuery, response: { 200: api.reconciliation } } },
    async (req) => reconciliation(db, scopeOf(req), req.query.countyCode, req.query.year));
  app.get('/housing-insurance/figures', { schema: { tags, summary: '农房保险统计：参保户数、理赔件数、赔付件数与金额（按下级区划、按灾害事件）', querystring: api.figuresQuery, response: { 200: api.figures } } },
    async (req) => insuranceFigures(db, scopeOf(req), req.query));
  app.get('/housing-insurance/events/:eventNo/figures', { schema: { tags, summary: '某灾害事件的农房保险理赔：报案、定损、赔付、拒赔件数，应赔与已赔金额', params: api.eventFiguresParam, response: { 200: api.eventFigures } } },
    async (req) => eventInsuranceFigures(db, scopeOf(req), req.params.eventNo));
};
