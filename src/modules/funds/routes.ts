// HTTP of the funds: budgets, transfers received, execution and its warnings, 减量 plans.
import type { RouteModule } from '../../server/context.ts';
import { scopeOf } from '../../server/auth-hook.ts';
import * as f from './contract/funds.ts';
import * as p from './contract/plans.ts';
import { createBudget, createTransfer, listBudgets, listTransfers } from './service/budgets.ts';
import { execution, fundWarnings } from './service/execution.ts';
import { createPlan, listPlans } from './service/plans.ts';

const tags = ['funds'];
const base = '/funds';

export const fundsRoutes: RouteModule = (app, { db }) => {
  app.post(`${base}/budgets`, { schema: { tags, summary: '登记年度预算（县、年度、救助项目、资金来源：中央/省级/州级/县级，专项名称如中央彩票公益金，金额，文号）', body: f.newBudgetSchema, response: { 200: f.budgetItem } } },
    async (req) => createBudget(db, scopeOf(req), req.body));
  app.get(`${base}/budgets`, { schema: { tags, summary: '年度预算列表（按区划、年度）', querystring: f.yearQuery, response: { 200: f.budgetList } } },
    async (req) => listBudgets(db, scopeOf(req), req.query));
  app.post(`${base}/transfers`, { schema: { tags, summary: '登记资金到位（到位日期、资金来源、救助项目、金额、文号）', body: f.newTransferSchema, response: { 200: f.transferItem } } },
    async (req) => createTransfer(db, scopeOf(req), req.body));
  app.get(`${base}/transfers`, { schema: { tags, summary: '资金到位列表（按区划、年度）', querystring: f.yearQuery, response: { 200: f.transferList } } },
    async (req) => listTransfers(db, scopeOf(req), req.query));
  app.get(`${base}/execution`, { schema: { tags, summary: '资金执行情况：各县各项目预算、到位、发放支出、执行率与序时进度', querystring: f.executionQuery, response: { 200: f.executionResult } } },
    async (req) => execution(db, scopeOf(req), req.query));
  app.get(`${base}/warnings`, { schema: { tags, summary: '资金执行进度预警：执行率低于序时进度减容差的县和项目', querystring: f.executionQuery, response: { 200: f.fundWarnings } } },
    async (req) => fundWarnings(db, scopeOf(req), req.query));
  app.post(`${base}/reduction-plans`, { schema: { tags, summary: '登记减量计划（省、州下达：县、救助项目、文号、起始年度、各年度减量人数）', body: p.newPlanSchema, response: { 200: p.planItem } } },
    async (req) => createPlan(db, scopeOf(req), req.body));
  app.get(`${base}/reduction-plans`, { schema: { tags, summary: '减量计划列表（按区划）', querystring: p.planQuery, response: { 200: p.planList } } },
    async (req) => listPlans(db, scopeOf(req), req.query));
};
