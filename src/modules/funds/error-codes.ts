// Error codes of the funds module (the catalogue: src/kernel/error-codes.ts).
import { defineErrorCodes } from '../../kernel/error-codes.ts';

defineErrorCodes('funds', {
  fund_budget_exists: { status: 409, title: '该县该年度该项目该来源的预算已登记' },
  reduction_plan_overlaps: { status: 409, title: '该县该项目已有覆盖这些年度的减量计划' },
});
