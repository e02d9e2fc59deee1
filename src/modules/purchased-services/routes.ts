// HTTP of 政府购买服务: contracts (end, terminate), their yearly evaluations, tasks with their performance
// record, confirmation and cancellation, the 社会救助协理员 register, and the yearly figures by county.
import type { RouteModule } from '../../server/context.ts';
import { scopeOf } from '../../server/auth-hook.ts';
import * as as from './contract/assistants.ts';
import { idParam } from './contract/common.ts';
import * as ct from './contract/contracts.ts';
import { figures, figuresQuery } from './contract/figures.ts';
import * as tk from './contract/tasks.ts';
import { listAssistants, registerAssistant } from './service/assistants.ts';
import { closeContract, contractDetail, createContract, listContracts } from './service/contracts.ts';
import { createEvaluation, listEvaluations } from './service/evaluations.ts';
import { purchaseFigures } from './service/figures.ts';
import { cancelTask, confirmTask, performTask } from './service/performance.ts';
import { createTask, listTasks } from './service/tasks.ts';

const tags = ['purchased-services'];
const base = '/purchased-services';

export const purchasedServicesRoutes: RouteModule = (app, { db }) => {
  app.post(`${base}/contracts`, { schema: { tags, summary: '登记政府购买服务合同（承接机构、事务性或服务性、服务期限、金额、签订日期）', body: ct.newContractSchema, response: { 200: ct.contractDetail } } },
    async (req) => contractDetail(db, scopeOf(req), await createContract(db, scopeOf(req), req.body)));
  app.get(`${base}/contracts`, { schema: { tags, summary: '购买服务合同列表（按县、状态、年度）', querystring: ct.contractQuery, response: { 200: ct.contractList } } },
    async (req) => listContracts(db, scopeOf(req), req.query));
  app.get(`${base}/contracts/:id`, { schema: { tags, summary: '购买服务合同：任务统计、年度考核', params: idParam, response: { 200: ct.contractDetail } } },
    async (req) => contractDetail(db, scopeOf(req), req.params.id));
  app.post(`${base}/contracts/:id/end`, { schema: { tags, summary: '合同到期（履行完毕）', params: idParam, body: ct.closeSchema, response: { 200: ct.contractDetail } } },
    async (req) => closeContract(db, scopeOf(req), req.params.id, 'ended', req.body));
  app.post(`${base}/contracts/:id/terminate`, { schema: { tags, summary: '终止合同（日期、原因）', params: idParam, body: ct.closeSchema, response: { 200: ct.contractDetail } } },
    async (req) => closeContract(db, scopeOf(req), req.params.id, 'terminated', req.body));
  app.post(`${base}/evaluations`, { schema: { tags, summary: '合同年度考核（得分、等次由参数确定）', body: ct.newEvaluationSchema, response: { 200: ct.evaluationItem } } },
    async (req) => createEvaluation(db, scopeOf(req), req.body));
  app.get(`${base}/evaluations`, { schema: { tags, summary: '年度考核列表（附当年任务完成、逾期情况）', querystring: ct.evaluationQuery, response: { 200: ct.evaluationList } } },
    async (req) => listEvaluations(db, scopeOf(req), req.query));
  app.post(`${base}/tasks`, { schema: { tags, summary: '分派服务任务（类别、村、服务对象、完成期限、承接人员或协理员）', body: tk.newTaskSchema, response: { 200: tk.taskItem } } },
    async (req) => createTask(db, scopeOf(req), req.body));
  app.get(`${base}/tasks`, { schema: { tags, summary: '服务任务列表（按状态、是否逾期、我的任务）', querystring: tk.taskQuery, response: { 200: tk.taskList } } },
    async (req) => listTasks(db, scopeOf(req), req.query));
  app.post(`${base}/tasks/:id/perform`, { schema: { tags, summary: '登记服务记录（完成日期、时长、服务情况）', params: idParam, body: tk.performSchema, response: { 200: tk.taskItem } } },
    async (req) => performTask(db, scopeOf(req), req.params.id, req.body));
  app.post(`${base}/tasks/:id/confirm`, { schema: { tags, summary: '确认服务记录（登记人以外的工作人员）', params: idParam, body: tk.confirmSchema, response: { 200: tk.taskItem } } },
    async (req) => confirmTask(db, scopeOf(req), req.params.id, req.body));
  app.post(`${base}/tasks/:id/cancel`, { schema: { tags, summary: '取消服务任务（日期、原因）', params: idParam, body: tk.cancelSchema, response: { 200: tk.taskItem } } },
    async (req) => cancelTask(db, scopeOf(req), req.params.id, req.body));
  app.post(`${base}/assistants`, { schema: { tags, summary: '登记村（社区）社会救助协理员（身份证号码、村、聘用期、经费来源、账号）', body: as.newAssistantSchema, response: { 200: as.assistantItem } } },
    async (req) => registerAssistant(db, scopeOf(req), req.body));
  app.get(`${base}/assistants`, { schema: { tags, summary: '社会救助协理员名册（按县、区域、在岗日期）', querystring: as.assistantQuery, response: { 200: as.assistantList } } },
    async (req) => listAssistants(db, scopeOf(req), req.query));
  app.get(`${base}/figures`, { schema: { tags, summary: '政府购买服务统计：合同及金额、各类任务、在岗协理员（按县）', querystring: figuresQuery, response: { 200: figures } } },
    async (req) => purchaseFigures(db, scopeOf(req), req.query));
};
