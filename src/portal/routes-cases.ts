// 我的申请 and 我的救助金 under /api/portal/v1 (signed in; the citizen's own households only).
import { z } from 'zod';
import { PHASES } from '../workflow/definition.ts';
import type { App, AppContext } from '../server/context.ts';
import { myCase, myCases, myPayments } from './cases.ts';
import { citizenOf } from './request.ts';

const date = z.string().nullable();
const money = { amountFen: z.number().int().nullable(), amountYuan: z.string().nullable() };
const nextStep = z.object({ label: z.string(), deadline: date }).nullable();
const caseHead = {
  caseNo: z.string(), programme: z.string(), state: z.string(), phase: z.enum(PHASES), applicantName: z.string(), appliedOn: z.string(), nextStep,
};
const caseList = z.object({
  items: z.array(z.object({
    ...caseHead, householdNo: z.string(),
    decision: z.object({ label: z.string(), effectiveMonth: date, decidedOn: z.string(), ...money }).nullable(),
  })),
});
const caseDetail = z.object({
  ...caseHead,
  steps: z.array(z.object({ date: z.string(), label: z.string(), stateLabel: z.string() })),
  decisions: z.array(z.object({ label: z.string(), decidedOn: z.string(), effectiveMonth: date, endMonth: date, reason: z.string().nullable(), ...money })),
});
const paymentList = z.object({
  items: z.array(z.object({
    month: z.string(), programme: z.string(), purpose: z.string(), householdNo: z.string(), recipientName: z.string(), ...money,
    status: z.enum(['paid', 'failed', 'sent', 'approved']), statusLabel: z.string(), failureReason: z.string().nullable(), paidTo: z.string().nullable(),
  })),
});

export function portalCaseRoutes(app: App, { db }: AppContext): void {
  const config = { auth: 'citizen' } as const;

  app.get('/cases', { config, schema: { tags: ['portal'], summary: '居民端：我的申请（本人所在家庭的案件）', response: { 200: caseList } } }, async (req) => myCases(db, citizenOf(req)));

  app.get('/cases/:caseNo', {
    config,
    schema: { tags: ['portal'], summary: '居民端：申请详情（办理步骤与决定；他户案件答 404）', params: z.strictObject({ caseNo: z.string().max(40) }), response: { 200: caseDetail } },
  }, async (req) => myCase(db, citizenOf(req), req.params.caseNo));

  app.get('/payments', { config, schema: { tags: ['portal'], summary: '居民端：我的救助金（已审批名册的发放记录）', response: { 200: paymentList } } }, async (req) => myPayments(db, citizenOf(req)));
}
