// The connected systems (SPDCI clients) under /api/v1, for administrators with a staff session (not the /dci token):
// list those in scope, register one (its secret answered once), revoke one, one client's transactions and subscriptions.
import type { RouteModule } from '../../server/context.ts';
import { scopeOf } from '../../server/auth-hook.ts';
import * as c from './contract/admin.ts';
import { clientSubscriptions, clientTransactions, listClientsInScope, registerClient, revokeClientInScope } from './service/admin.ts';

const tags = ['dci'];
const base = '/dci/clients';

export const dciAdminRoutes: RouteModule = (app, { db }) => {
  app.get(base, { schema: { tags, summary: '对外接口：管辖范围内的接入系统（地区、可见与不脱敏属性、回调地址、公钥指纹、状态、最近查询与近 30 天查询次数）', response: { 200: c.clientList } } },
    async (req) => listClientsInScope(db, scopeOf(req)));
  app.post(base, { schema: { tags, summary: '登记接入系统（与 CLI 同一校验与审计）；答复中的密钥仅显示这一次', body: c.newClientSchema, response: { 201: c.registeredClient } } },
    async (req, reply) => reply.status(201).send(await registerClient(db, scopeOf(req), req.body)));
  app.post(`${base}/:clientId/revoke`, { schema: { tags, summary: '停用接入系统：其令牌随即失效', params: c.clientParams, response: { 200: c.revokedClient } } },
    async (req) => revokeClientInScope(db, scopeOf(req), req.params.clientId));
  app.get(`${base}/:clientId/transactions`, { schema: { tags, summary: '接入系统最近的交易（时间、操作、记录数、状态）', params: c.clientParams, response: { 200: c.transactionList } } },
    async (req) => clientTransactions(db, scopeOf(req), req.params.clientId));
  app.get(`${base}/:clientId/subscriptions`, { schema: { tags, summary: '接入系统的订阅', params: c.clientParams, response: { 200: c.subscriptionList } } },
    async (req) => clientSubscriptions(db, scopeOf(req), req.params.clientId));
};
