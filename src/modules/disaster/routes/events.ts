// Disaster events (灾害事件): record, list, read one with its latest reports and totals, its relief figures, end.
import type { RouteModule } from '../../../server/context.ts';
import { scopeOf } from '../../../server/auth-hook.ts';
import { endEventSchema, eventCreated, eventDetail as eventDetailSchema, eventList, eventListQuery, eventNoParam, newEventSchema } from '../contract/events.ts';
import { eventFigures as eventFiguresSchema } from '../contract/event-figures.ts';
import { eventFigures } from '../service/event-figures.ts';
import { createEvent, endEvent, eventDetail, listEvents } from '../service/events.ts';

const tags = ['disaster'];

export const eventRoutes: RouteModule = (app, { db }) => {
  app.post('/disaster/events', { schema: { tags, summary: '记录灾害事件及其受灾乡镇（街道）、村（社区）', body: newEventSchema, response: { 200: eventCreated } } },
    async (req) => createEvent(db, scopeOf(req), req.body));
  app.get('/disaster/events', { schema: { tags, summary: '灾害事件列表（按区划、年度）', querystring: eventListQuery, response: { 200: eventList } } },
    async (req) => listEvents(db, scopeOf(req), req.query));
  app.get('/disaster/events/:eventNo', { schema: { tags, summary: '灾害事件：受灾区划、各区划最新灾情及合计', params: eventNoParam, response: { 200: eventDetailSchema } } },
    async (req) => eventDetail(db, scopeOf(req), req.params.eventNo));
  app.get('/disaster/events/:eventNo/figures', { schema: { tags, summary: '灾害事件救助统计：各类救助户数、人次、金额，倒房重建、损房维修，受灾户登记，物资发放', params: eventNoParam, response: { 200: eventFiguresSchema } } },
    async (req) => eventFigures(db, scopeOf(req), req.params.eventNo));
  app.post('/disaster/events/:eventNo/end', { schema: { tags, summary: '结束灾害事件', params: eventNoParam, body: endEventSchema, response: { 200: eventCreated } } },
    async (req) => endEvent(db, scopeOf(req), req.params.eventNo, req.body));
};
