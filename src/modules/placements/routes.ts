// The placements routes: residents of an institution, a placement and its steps, occupancy and figures.
import type { RouteModule } from '../../server/context.ts';
import { scopeOf } from '../../server/auth-hook.ts';
import {
  admitBody, deathBody, deathResult, dischargeBody, figures, figuresQuery, institutionOccupancy, institutionsQuery, listQuery, occupancy, occupancyQuery,
  placement, placementList, placementParams, transferBody,
} from './contract/shapes.ts';
import { institutionOccupancy as occupancyOf, institutionsOccupancy, placementFigures } from './service/occupancy.ts';
import { admit, discharge, getPlacement, listPlacements, recordDeath, transfer } from './service/placements.ts';

const tags = ['placements'];

export const placementRoutes: RouteModule = (app, { db }) => {
  app.get('/placements', { schema: { tags, summary: '供养机构的集中供养人员（在住、待入住、已离院），本人区划在管辖范围内的', querystring: listQuery, response: { 200: placementList } } },
    async (req) => listPlacements(db, scopeOf(req), req.query));
  app.get('/placements/occupancy', { schema: { tags, summary: '供养机构逐日在住人数与床位利用率（期间：人日数 ÷ 床日数）', querystring: occupancyQuery, response: { 200: occupancy } } },
    async (req) => occupancyOf(db, scopeOf(req), req.query));
  app.get('/placements/institutions', { schema: { tags, summary: '本州或本县各供养机构的床位、在住、待入住人数与床位利用率', querystring: institutionsQuery, response: { 200: institutionOccupancy } } },
    async (req) => institutionsOccupancy(db, scopeOf(req), req.query));
  app.get('/placements/figures', { schema: { tags, summary: '分县床位、年末在住、年度床位利用率（最低县）、集中供养率及其同比变化（百分点）', querystring: figuresQuery, response: { 200: figures } } },
    async (req) => placementFigures(db, scopeOf(req), req.query));
  app.get('/placements/:id', { schema: { tags, summary: '一个集中供养安置', params: placementParams, response: { 200: placement } } },
    async (req) => getPlacement(db, scopeOf(req), req.params.id));
  app.post('/placements/:id/admit', { schema: { tags, summary: '入住（床位已满则拒绝，409）', params: placementParams, body: admitBody, response: { 200: placement } } },
    async (req) => admit(db, scopeOf(req), req.params.id, req.body));
  app.post('/placements/:id/transfer', { schema: { tags, summary: '转入本县另一供养机构（核对其床位）', params: placementParams, body: transferBody, response: { 200: placement } } },
    async (req) => transfer(db, scopeOf(req), req.params.id, req.body));
  app.post('/placements/:id/discharge', { schema: { tags, summary: '离院', params: placementParams, body: dischargeBody, response: { 200: placement } } },
    async (req) => discharge(db, scopeOf(req), req.params.id, req.body));
  app.post('/placements/:id/death', { schema: { tags, summary: '登记死亡：结束安置并启动案件的死亡复核', params: placementParams, body: deathBody, response: { 200: deathResult } } },
    async (req) => recordDeath(db, scopeOf(req), req.params.id, req.body));
};
