// HTTP of 政策找人: generate tasks from the warning lists, list them, record an outcome.
import type { RouteModule } from '../../server/context.ts';
import { scopeOf } from '../../server/auth-hook.ts';
import * as api from './contract/tasks.ts';
import { generateTasks, listTasks, recordOutcome } from './service/tasks.ts';

const tags = ['outreach'];
const base = '/outreach/tasks';

export const outreachRoutes: RouteModule = (app, { db }) => {
  app.post(`${base}/generate`, { schema: { tags, summary: '政策找人：把预警名单（符合低保条件未纳入、低保边缘、建档立卡未纳入）生成为村（社区）走访任务；已有未办结同类任务的家庭跳过', body: api.generateSchema, response: { 200: api.generated } } },
    async (req) => generateTasks(db, scopeOf(req), req.body));
  app.get(base, { schema: { tags, summary: '政策找人任务列表（按状态、来源、村（社区））；超期未走访标出', querystring: api.taskListQuery, response: { 200: api.taskList } } },
    async (req) => listTasks(db, scopeOf(req), req.query));
  app.post(`${base}/:id/outcome`, { schema: { tags, summary: '登记走访结果（只能登记一次；已申请的须填写该户的案件编号）', params: api.taskIdParam, body: api.outcomeSchema, response: { 200: api.task } } },
    async (req) => recordOutcome(db, scopeOf(req), req.params.id, req.body));
};
