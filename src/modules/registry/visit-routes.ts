// Routes of home visits (入户调查) under a household: add (idempotent by the device's clientId), list, a file's bytes.
import { z } from 'zod';
import { decimalInt } from '../../kernel/types.ts';
import { DOCUMENT_MEDIA_TYPES, MAX_DOCUMENT_BYTES, MAX_DOCUMENTS, MAX_SIGNATURE_BYTES } from '../../kernel/files/documents.ts';
import { fileResponse, inline } from '../../kernel/files/upload.ts';
import { scopeOf } from '../../server/auth-hook.ts';
import type { RouteModule } from '../../server/context.ts';
import { newVisitSchema, visitSchema } from './domain/visits.ts';
import { addVisit, listVisits, visitFile } from './service/visits.ts';

/** Ten photos of 5 MB in base64 and the signature, with room for the rest of the form. */
const VISIT_BODY_LIMIT = Math.ceil(((MAX_DOCUMENTS * MAX_DOCUMENT_BYTES + MAX_SIGNATURE_BYTES) * 4) / 3) + 1024 * 1024;

const noParam = z.strictObject({ householdNo: z.string().regex(/^\d{14}$/, '户编号应为14位数字') });
const fileParams = noParam.extend({ visitId: decimalInt(1), seq: decimalInt(1, 100) });

export const registryVisitRoutes: RouteModule = (app, { db }) => {
  const tags = ['registry'];
  app.post('/households/:householdNo/visits', {
    bodyLimit: VISIT_BODY_LIMIT,
    schema: { tags, summary: '登记入户调查（调查情况、照片、签名；同一 clientId 再次提交返回原记录）', params: noParam, body: newVisitSchema, response: { 200: visitSchema, 201: visitSchema } },
  }, async (req, reply) => {
    const { visit, created } = await addVisit(db, scopeOf(req), req.params.householdNo, req.body);
    return reply.status(created ? 201 : 200).send(visit);
  });

  app.get('/households/:householdNo/visits', {
    schema: { tags, summary: '入户调查记录（新的在前，含照片与签名清单）', params: noParam, response: { 200: z.object({ items: z.array(visitSchema) }) } },
  }, async (req) => ({ items: await listVisits(db, scopeOf(req), req.params.householdNo) }));

  app.get('/households/:householdNo/visits/:visitId/files/:seq', {
    schema: { tags, summary: '入户调查的照片或签名（原文件，查看记审计）', params: fileParams, response: { 200: fileResponse('入户调查的照片（PNG、JPEG 或 PDF）或签名（PNG）', DOCUMENT_MEDIA_TYPES) } },
  }, async (req, reply) => {
    const file = await visitFile(db, scopeOf(req), req.params.householdNo, req.params.visitId, req.params.seq);
    return reply.header('content-type', file.mediaType).header('content-disposition', inline(file.name)).header('cache-control', 'private, no-store').send(file.bytes);
  });
};
