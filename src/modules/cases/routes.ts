import { z } from 'zod';
import { decimalInt } from '../../kernel/types.ts';
import { attachment, DOCX_MIME, fileResponse, XLSX_MIME } from '../../kernel/files/upload.ts';
import * as api from './contract.ts';
import { scopeOf } from '../../server/auth-hook.ts';
import type { RouteModule } from '../../server/context.ts';
import { batchCandidates, candidatesQuery, drawBatchSample, createBatch, getBatch, listAllBatches, newBatchSchema, samplePreview, samplePreviewQuery, sampleSchema } from './service/batches.ts';
import { createCase, deathSchema, getCase, householdCases, newCaseSchema, recordDeath } from './service/cases.ts';
import { inbox, inboxFilterSchema, listQuerySchema, overdue } from './service/inbox.ts';
import { exportInbox } from './service/inbox-export.ts';
import { approvable, approvableQuery, approveAll, approveAllSchema } from './service/batch-approval.ts';
import { caseNoSchema, performTransition, transitionInputSchema } from './service/engine.ts';
import { listProgrammes } from './service/programmes.ts';
import { decisionNotice, publicNoticeDocument, publicNoticeList } from './service/notices.ts';
import { approveRerate, decideRerateSchema, discardRerate, draftRerate, getRerate, itemsQuery, listRerates, newRerateSchema, rerateBatchNo } from './service/rerate.ts';
import * as rerateApi from './rerate-contract.ts';

const caseParam = z.strictObject({ caseNo: caseNoSchema });
const batchParam = z.strictObject({ batchNo: z.string().regex(/^PC\d{16}$/, '批次编号格式应为 PC + 16 位数字') });
const areaQuery = z.strictObject({ area: z.string().regex(/^(\d{6}|\d{9}|\d{12})$/, '区划代码应为6、9或12位数字').optional() });
const tags = ['cases'];


export const caseRoutes: RouteModule = (app, { db }) => {
  app.get('/programmes', { schema: { tags: ['programmes'], summary: '救助项目：代码、名称、状态（及其阶段）、操作、受理时须填写的事项', response: { 200: api.programmeList } } },
    async () => listProgrammes());

  app.post('/cases', { schema: { tags, summary: '受理申请（新建案件）', body: newCaseSchema, response: { 201: api.createdCase } } },
    async (req, reply) => reply.status(201).send(await createCase(db, scopeOf(req), req.body)));

  app.get('/cases/inbox', { schema: { tags, summary: '我的待办：本人角色在辖区内可办理的案件（含时限与超期标记）', querystring: listQuerySchema, response: { 200: api.caseList } } },
    async (req) => inbox(db, scopeOf(req), req.query));

  app.get('/cases/inbox.xlsx', { schema: { tags, summary: '导出我的待办（Excel，按同样的筛选条件，至多 5 万件）', querystring: inboxFilterSchema, response: { 200: fileResponse('我的待办', [XLSX_MIME]) } } }, async (req, reply) => {
    const { buffer, filename } = await exportInbox(db, scopeOf(req), req.query);
    return reply.type(XLSX_MIME).header('content-disposition', attachment(filename)).send(buffer);
  });

  app.get('/cases/overdue', { schema: { tags, summary: '超期案件', querystring: listQuerySchema, response: { 200: api.caseList } } },
    async (req) => overdue(db, scopeOf(req), req.query));

  app.get('/cases/by-household/:householdNo', { schema: { tags, summary: '一户的全部救助案件（含最近一次决定）', params: z.strictObject({ householdNo: z.string() }), response: { 200: api.householdCaseList } } },
    async (req) => householdCases(db, scopeOf(req), req.params.householdNo));

  app.post('/cases/deaths', { schema: { tags, summary: '登记家庭成员死亡（在保案件转入复核）', body: deathSchema, response: { 200: z.object({ items: z.array(api.stepResult) }) } } },
    async (req) => ({ items: await recordDeath(db, scopeOf(req), req.body) }));

  app.get('/cases/batches', { schema: { tags, summary: '县级审核批次', querystring: z.strictObject({ limit: decimalInt(1, 200).default(50) }), response: { 200: api.batchList } } },
    async (req) => ({ items: await listAllBatches(db, scopeOf(req), req.query.limit) }));

  app.post('/cases/batches', { schema: { tags, summary: '编组县级审核批次', body: newBatchSchema, response: { 201: z.object({ batchNo: z.string(), size: z.number() }) } } },
    async (req, reply) => reply.status(201).send(await createBatch(db, scopeOf(req), req.body)));

  app.get('/cases/batches/candidates', { schema: { tags, summary: '编组预览：本县待县级审核且未编组的案件数', querystring: candidatesQuery, response: { 200: api.batchCandidates } } },
    async (req) => batchCandidates(db, scopeOf(req), req.query));

  app.get('/cases/batches/:batchNo', { schema: { tags, summary: '批次详情与抽查样本', params: batchParam, response: { 200: api.batchDetail } } },
    async (req) => getBatch(db, scopeOf(req), req.params.batchNo));

  app.post('/cases/batches/:batchNo/sample', { schema: { tags, summary: '抽取入户抽查样本（可复现的种子）', params: batchParam, body: sampleSchema, response: { 200: api.batchDetail } } },
    async (req) => drawBatchSample(db, scopeOf(req), req.params.batchNo, req.body));

  app.get('/cases/batches/:batchNo/sample-preview', { schema: { tags, summary: '抽样预览：批次案件数、抽查比例与将抽取的件数', params: batchParam, querystring: samplePreviewQuery, response: { 200: api.samplePreview } } },
    async (req) => samplePreview(db, scopeOf(req), req.params.batchNo, req.query));

  app.get('/cases/batches/:batchNo/approvable', { schema: { tags, summary: '批量审批预览：现在可审批的案件及其户数，不能审批的案件及原因', params: batchParam, querystring: approvableQuery, response: { 200: api.batchApprovable } } },
    async (req) => approvable(db, scopeOf(req), req.params.batchNo, req.query));

  app.post('/cases/batches/:batchNo/approve-all', { schema: { tags, summary: '批量审批：一次批准批次中全部可审批的案件（户数须与预览一致）', params: batchParam, body: approveAllSchema, response: { 200: api.batchApproved } } },
    async (req) => approveAll(db, scopeOf(req), req.params.batchNo, req.body));

  app.get('/cases/batches/:batchNo/public-notice', { schema: { tags, summary: '公示名单（仅姓名、家庭人口、金额）', params: batchParam, querystring: areaQuery, response: { 200: api.publicNotice } } },
    async (req) => publicNoticeList(db, scopeOf(req), req.params.batchNo, req.query.area));

  app.get('/cases/batches/:batchNo/public-notice.docx', { schema: { tags, summary: '公示名单（Word）', params: batchParam, querystring: areaQuery, response: { 200: fileResponse('公示名单', [DOCX_MIME]) } } }, async (req, reply) => {
    const doc = await publicNoticeDocument(db, scopeOf(req), req.params.batchNo, req.query.area);
    return reply.header('content-type', DOCX_MIME).header('content-disposition', attachment(doc.filename)).send(doc.body);
  });

  app.get('/cases/rerate', { schema: { tags, summary: '批量调标批次', querystring: z.strictObject({ limit: decimalInt(1, 200).default(50) }), response: { 200: rerateApi.rerateList } } },
    async (req) => listRerates(db, scopeOf(req), req.query.limit));

  app.post('/cases/rerate', { schema: { tags, summary: '编制批量调标（按生效月份的政策参数重算全县在保对象）', body: newRerateSchema, response: { 201: rerateApi.rerateSummary } } },
    async (req, reply) => reply.status(201).send(await draftRerate(db, scopeOf(req), req.body)));

  app.get('/cases/rerate/:batchNo', { schema: { tags, summary: '调标批次：新旧金额、计算过程与合计', params: z.strictObject({ batchNo: rerateBatchNo }), querystring: itemsQuery, response: { 200: rerateApi.rerateDetail } } },
    async (req) => getRerate(db, scopeOf(req), req.params.batchNo, req.query));

  app.post('/cases/rerate/:batchNo/approve', { schema: { tags, summary: '审批调标批次（自生效月份起按新金额发放）', params: z.strictObject({ batchNo: rerateBatchNo }), body: decideRerateSchema, response: { 200: rerateApi.rerateApproved } } },
    async (req) => approveRerate(db, scopeOf(req), req.params.batchNo, req.body));

  app.post('/cases/rerate/:batchNo/discard', { schema: { tags, summary: '作废调标批次', params: z.strictObject({ batchNo: rerateBatchNo }), response: { 200: rerateApi.rerateSummary } } },
    async (req) => discardRerate(db, scopeOf(req), req.params.batchNo));

  app.get('/cases/:caseNo', { schema: { tags, summary: '案件详情：时间线、决定与本人可办理的下一步', params: caseParam, response: { 200: api.caseDetail } } },
    async (req) => getCase(db, scopeOf(req), req.params.caseNo));

  app.post('/cases/:caseNo/transitions', { schema: { tags, summary: '办理一步（action 按项目定义校验角色、辖区、前置条件与数据）', params: caseParam, body: transitionInputSchema, response: { 200: api.stepResult } } },
    async (req) => performTransition(db, scopeOf(req), req.params.caseNo, req.body));

  app.get('/cases/:caseNo/notices/decision.docx', { schema: { tags, summary: '审批决定 / 不予批准 / 停止救助通知书（Word，含救济途径）', params: caseParam, response: { 200: fileResponse('决定通知书', [DOCX_MIME]) } } }, async (req, reply) => {
    const doc = await decisionNotice(db, scopeOf(req), req.params.caseNo);
    return reply.header('content-type', DOCX_MIME).header('content-disposition', attachment(doc.filename)).send(doc.body);
  });
};
