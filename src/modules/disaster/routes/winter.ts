// 冬春生活救助需求调查: survey a household for a season, list a season's survey with totals by class.
import { z } from 'zod';
import type { RouteModule } from '../../../server/context.ts';
import { scopeOf } from '../../../server/auth-hook.ts';
import { newWinterNeedSchema, winterListQuery, winterNeedList } from '../contract/winter.ts';
import { addWinterNeed, listWinter } from '../service/winter.ts';

const tags = ['disaster'];

export const winterRoutes: RouteModule = (app, { db }) => {
  app.post('/disaster/winter-needs', { schema: { tags, summary: '登记一户的冬春生活救助需求（每年度每户一次）', body: newWinterNeedSchema, response: { 200: z.object({ season: z.string(), householdNo: z.string() }) } } },
    async (req) => addWinterNeed(db, scopeOf(req), req.body));
  app.get('/disaster/winter-needs', { schema: { tags, summary: '某年度冬春需求调查（按区划），附一、二、三类人数合计', querystring: winterListQuery, response: { 200: winterNeedList } } },
    async (req) => listWinter(db, scopeOf(req), req.query));
};
