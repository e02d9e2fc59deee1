// 我要举报 and 我的举报 under /api/portal/v1 (signed in): the oversight module's citizen use cases.
import type { App, AppContext } from '../server/context.ts';
import { citizenComplaint, citizenComplaintListSchema, citizenComplaintResultSchema, citizenComplaints, citizenComplaintSchema } from '../modules/oversight/index.ts';
import { citizenOf } from './request.ts';

export function complaintRoutes(app: App, { db }: AppContext): void {
  const config = { auth: 'citizen' } as const;

  app.post('/complaints', {
    config,
    schema: { tags: ['portal'], summary: '居民端：我要举报（实名或匿名；答复举报编号）', body: citizenComplaintSchema, response: { 201: citizenComplaintResultSchema } },
  }, async (req, reply) => reply.status(201).send(await citizenComplaint(db, citizenOf(req), req.body)));

  app.get('/complaints', { config, schema: { tags: ['portal'], summary: '居民端：我的举报（本人实名举报的办理情况与反馈）', response: { 200: citizenComplaintListSchema } } },
    async (req) => citizenComplaints(db, citizenOf(req)));
}
