// 救灾物资发放 of an event: issue goods to a household, list the issues with totals per item.
import type { RouteModule } from '../../../server/context.ts';
import { scopeOf } from '../../../server/auth-hook.ts';
import { eventNoParam } from '../contract/events.ts';
import { goodsIssued, goodsList, goodsListQuery, newGoodsSchema } from '../contract/goods.ts';
import { goodsOfEvent, issueGoods } from '../service/goods.ts';

const tags = ['disaster'];

export const goodsRoutes: RouteModule = (app, { db }) => {
  app.post('/disaster/events/:eventNo/goods', { schema: { tags, summary: '登记发放给受灾户的救灾物资', params: eventNoParam, body: newGoodsSchema, response: { 200: goodsIssued } } },
    async (req) => issueGoods(db, scopeOf(req), req.params.eventNo, req.body));
  app.get('/disaster/events/:eventNo/goods', { schema: { tags, summary: '救灾物资发放记录及各物资合计', params: eventNoParam, querystring: goodsListQuery, response: { 200: goodsList } } },
    async (req) => goodsOfEvent(db, scopeOf(req), req.params.eventNo, req.query));
};
