import { z } from 'zod';
import { decimalInt } from '../../kernel/types.ts';
import { DOCUMENT_MEDIA_TYPES, MAX_DOCUMENT_BYTES, MAX_DOCUMENTS } from '../../kernel/files/documents.ts';
import { fileResponse, inline } from '../../kernel/files/upload.ts';
import * as api from './contract.ts';
import { scopeOf } from '../../server/auth-hook.ts';
import type { RouteModule } from '../../server/context.ts';
import { acceptReferral, getReferral, listReferrals, recordAction, returnResult } from './service/referrals.ts';
import { addDocumentsSchema, addRequestDocuments, listRequestDocuments, openRequestDocument } from './service/documents.ts';
import { createRequest, figures, getRequest, listRequests, overdue } from './service/requests.ts';
import { closePendingCase, openPendingCase } from './service/pending-cases.ts';
import { acceptSchema, actSchema, closePendingSchema, figuresQuerySchema, listReferralsSchema, listRequestsSchema, newRequestSchema, openPendingSchema, overdueQuerySchema, resultSchema } from './service/schemas.ts';

const requestParam = z.strictObject({ requestNo: z.string().regex(/^SL\d{16}$/, '受理编号格式应为 SL + 16 位数字') });
const documentParam = requestParam.extend({ seq: decimalInt(1) });
/** Ten documents of 5 MB in base64, with room for the names. */
const DOCUMENTS_BODY_LIMIT = Math.ceil((MAX_DOCUMENTS * MAX_DOCUMENT_BYTES * 4) / 3) + 1024 * 1024;
const documentFile = fileResponse('申请材料文件（PNG、JPEG 或 PDF）', DOCUMENT_MEDIA_TYPES);
const referralParam = z.strictObject({ id: decimalInt(1) });
const partParam = requestParam.extend({ partId: decimalInt(1) });
const tags = ['intake'];

export const intakeRoutes: RouteModule = (app, { db }) => {
  app.post('/intake/requests', { schema: { tags, summary: '一门受理：登记求助、需求评估，并在同一事务中受理案件和转办/分办协办部门', body: newRequestSchema, response: { 201: api.createdRequest } } },
    async (req, reply) => reply.status(201).send(await createRequest(db, scopeOf(req), req.body)));

  app.get('/intake/requests', { schema: { tags, summary: '受理件列表（含各事项办结情况）', querystring: listRequestsSchema, response: { 200: api.requestList } } },
    async (req) => listRequests(db, scopeOf(req), req.query));

  app.get('/intake/requests/:requestNo', { schema: { tags, summary: '受理件详情：需求评估与每个事项的状态', params: requestParam, response: { 200: api.requestDetail } } },
    async (req) => getRequest(db, scopeOf(req), req.params.requestNo));

  app.get('/intake/requests/:requestNo/documents', { schema: { tags, summary: '受理件的申请材料（线上上传、窗口扫描的材料与核对授权签名）', params: requestParam, response: { 200: api.requestDocuments } } },
    async (req) => listRequestDocuments(db, scopeOf(req), req.params.requestNo));

  app.get('/intake/requests/:requestNo/documents/:seq', { schema: { tags, summary: '查看一份申请材料（原文件；查看记入审计）', params: documentParam, response: { 200: documentFile } } },
    async (req, reply) => {
      const d = await openRequestDocument(db, scopeOf(req), req.params.requestNo, req.params.seq);
      return reply.header('content-type', d.mediaType).header('content-disposition', inline(d.fileName)).header('x-content-type-options', 'nosniff').header('cache-control', 'private, no-store').send(d.content);
    });

  app.post('/intake/requests/:requestNo/documents', { bodyLimit: DOCUMENTS_BODY_LIMIT, schema: { tags, summary: '窗口补充申请材料（扫描件：PNG、JPEG 或 PDF，每份不超过 5 MB）', params: requestParam, body: addDocumentsSchema, response: { 201: api.documentsAdded } } },
    async (req, reply) => reply.status(201).send(await addRequestDocuments(db, scopeOf(req), req.params.requestNo, req.body)));

  app.post('/intake/requests/:requestNo/parts/:partId/open-case', { schema: { tags, summary: '待登记立案：家庭登记后，以该家庭受理案件（家庭须含申请人）', params: partParam, body: openPendingSchema, response: { 200: api.pendingStep } } },
    async (req) => openPendingCase(db, scopeOf(req), req.params.requestNo, req.params.partId, req.body));

  app.post('/intake/requests/:requestNo/parts/:partId/close', { schema: { tags, summary: '待登记立案：未能登记家庭，结束该事项（填写理由）', params: partParam, body: closePendingSchema, response: { 200: api.pendingStep } } },
    async (req) => closePendingCase(db, scopeOf(req), req.params.requestNo, req.params.partId, req.body));

  app.get('/intake/referrals', { schema: { tags, summary: '转办事项（协办部门只见本部门、本辖区）', querystring: listReferralsSchema, response: { 200: api.referralList } } },
    async (req) => listReferrals(db, scopeOf(req), req.query));

  app.get('/intake/referrals/:id', { schema: { tags, summary: '转办事项详情与办理记录', params: referralParam, response: { 200: api.referralDetail } } },
    async (req) => getReferral(db, scopeOf(req), req.params.id));

  app.post('/intake/referrals/:id/accept', { schema: { tags, summary: '协办部门接收转办事项', params: referralParam, body: acceptSchema, response: { 200: api.referralStep } } },
    async (req) => acceptReferral(db, scopeOf(req), req.params.id, req.body));

  app.post('/intake/referrals/:id/actions', { schema: { tags, summary: '协办部门记录办理情况', params: referralParam, body: actSchema, response: { 200: api.referralStep } } },
    async (req) => recordAction(db, scopeOf(req), req.params.id, req.body));

  app.post('/intake/referrals/:id/result', { schema: { tags, summary: '协办部门反馈办理结果（办结）', params: referralParam, body: resultSchema, response: { 200: api.referralStep } } },
    async (req) => returnResult(db, scopeOf(req), req.params.id, req.body));

  app.get('/intake/overdue', { schema: { tags, summary: '超期预警：超过办理时限未办结的事项（工作日）', querystring: overdueQuerySchema, response: { 200: api.overdueList } } },
    async (req) => overdue(db, scopeOf(req), req.query));

  app.get('/intake/figures', { schema: { tags, summary: '受理、办结、按时办结、超期数（按乡镇、部门、事项类型）', querystring: figuresQuerySchema, response: { 200: api.figures } } },
    async (req) => figures(db, scopeOf(req), req.query));
};
