// 灾情 reports of an event: report (a correction is the next version), list every version.
import type { RouteModule } from '../../../server/context.ts';
import { scopeOf } from '../../../server/auth-hook.ts';
import { eventNoParam } from '../contract/events.ts';
import { newReportSchema, reportCreated, reportList, reportListQuery } from '../contract/reports.ts';
import { addReport, listReports } from '../service/reports.ts';

const tags = ['disaster'];

export const reportRoutes: RouteModule = (app, { db }) => {
  app.post('/disaster/events/:eventNo/reports', { schema: { tags, summary: '报送或更正某区划某日的灾情（更正为新版本，原报送保留）', params: eventNoParam, body: newReportSchema, response: { 200: reportCreated } } },
    async (req) => addReport(db, scopeOf(req), req.params.eventNo, req.body));
  app.get('/disaster/events/:eventNo/reports', { schema: { tags, summary: '灾害事件的灾情报送（全部版本，新的在前）', params: eventNoParam, querystring: reportListQuery, response: { 200: reportList } } },
    async (req) => listReports(db, scopeOf(req), req.params.eventNo, req.query));
};
