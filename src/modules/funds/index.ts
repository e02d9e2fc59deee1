// Public surface of the funds module (资金保障: budgets, transfers, execution; 减量 plans). Importing it
// registers its section of the annual report and the plans the stats module's reduction warning compares with.
import './error-codes.ts';
import './tables.ts';
import './service/report-part.ts';
import { registerReductionPlans } from '../stats/index.ts';
import { planYearsOf } from './service/plans.ts';

registerReductionPlans(planYearsOf);

export { fundsRoutes } from './routes.ts';
export { createPlan } from './service/plans.ts';
export { newPlanSchema } from './contract/plans.ts';
