// 通知公示 under /api/portal/v1 (signed in): my decision notices and their .docx, the public notices of my
// village, and an objection to one of them.
import { z } from 'zod';
import { attachment, DOCX_MIME, fileResponse } from '../kernel/files/upload.ts';
import { citizenDecisionNotice, citizenObjection, objectionInputSchema } from '../modules/cases/index.ts';
import type { App, AppContext } from '../server/context.ts';
import { myNotices, villageNotices } from './notices.ts';
import { citizenOf } from './request.ts';

const money = { amountFen: z.number().int().nullable(), amountYuan: z.string().nullable() };
const noticeList = z.object({
  items: z.array(z.object({ caseNo: z.string(), programme: z.string(), title: z.string(), body: z.array(z.string()), decidedOn: z.string(), ...money })),
});
const publicNoticeList = z.object({
  items: z.array(z.object({
    caseNo: z.string(), programme: z.string(), villageName: z.string(), applicantName: z.string(), householdSize: z.number().int(),
    ...money, amountStatus: z.enum(['decided', 'proposed', 'none']), noticeStart: z.string(), noticeEnd: z.string(),
  })),
});
const caseParam = z.strictObject({ caseNo: z.string().max(40) });
const docx = fileResponse('决定通知书（Word）', [DOCX_MIME]);

export function portalNoticeRoutes(app: App, { db }: AppContext): void {
  const config = { auth: 'citizen' } as const;
  const tags = ['portal'];

  app.get('/notices', { config, schema: { tags, summary: '居民端：我的通知（本人家庭案件的审批、不予批准、调整、停止决定）', response: { 200: noticeList } } }, async (req) => myNotices(db, citizenOf(req)));

  app.get('/cases/:caseNo/notice', {
    config,
    schema: { tags, summary: '居民端：下载本人案件最近一次决定的通知书（Word；他户案件答 404）', params: caseParam, response: { 200: docx } },
  }, async (req, reply) => {
    const doc = await citizenDecisionNotice(db, citizenOf(req), req.params.caseNo);
    return reply.header('content-type', DOCX_MIME).header('content-disposition', attachment(doc.filename)).send(doc.body);
  });

  app.get('/public-notices', { config, schema: { tags, summary: '居民端：本村公示（本人家庭所在村正在公示的案件，姓名脱敏）', response: { 200: publicNoticeList } } }, async (req) => villageNotices(db, citizenOf(req)));

  app.post('/public-notices/:caseNo/objections', {
    config,
    schema: {
      tags, summary: '居民端：对本村公示提出异议（实名或匿名；乡镇组织民主评议后再报县级）', params: caseParam, body: objectionInputSchema,
      response: { 200: z.object({ received: z.literal(true), noticeEnd: z.string() }) },
    },
  }, async (req) => citizenObjection(db, citizenOf(req), req.params.caseNo, req.body));
}
