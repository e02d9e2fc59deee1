// The policy check (open before sign-in) and online applications (signed in) of the citizen portal.
import { z } from 'zod';
import { publicChildren } from '../modules/areas/index.ts';
import type { App, AppContext } from '../server/context.ts';
import { applicationListSchema, applicationResultSchema, applicationSchema, apply, myApplications, prefill, prefillSchema } from './applications.ts';
import { MAX_DOCUMENT_BYTES, MAX_DOCUMENTS } from '../kernel/files/documents.ts';
import { citizenOf } from './request.ts';
import { applyAsNewApplicant } from './apply-new-applicant.ts';
import { policyCheck, policyCheckResultSchema, policyCheckSchema } from './policy-check.ts';

/** Ten documents of 5 MB in base64 and the signature, with room for the rest of the form. */
const APPLICATION_BODY_LIMIT = Math.ceil((MAX_DOCUMENTS * MAX_DOCUMENT_BYTES * 4) / 3) + 2 * 1024 * 1024;

export function applyRoutes(app: App, { db }: AppContext): void {
  const tags = ['portal'];
  app.post('/policy-check', {
    config: { auth: 'citizen', portalPublic: true },
    schema: { tags, summary: '居民端：政策计算器（估算可能符合的救助项目，仅供参考）', body: policyCheckSchema, response: { 200: policyCheckResultSchema } },
  }, async (req) => policyCheck(db, req.body));

  app.get('/areas', {
    config: { auth: 'citizen', portalPublic: true },
    schema: {
      tags, summary: '居民端：选择所在地区（下级区划的名称；不给上级时为州）',
      querystring: z.strictObject({ parent: z.string().regex(/^(\d{6}|\d{9})$/, '上级区划应为6或9位代码').optional() }),
      response: { 200: z.object({ items: z.array(z.object({ code: z.string(), name: z.string(), village: z.boolean() })) }) },
    },
  }, async (req) => ({ items: (await publicChildren(db.kysely, req.query.parent ?? null)).map((a) => ({ code: a.code, name: a.name, village: a.level === 'village' })) }));

  app.get('/applications/prefill', {
    config: { auth: 'citizen' },
    schema: { tags, summary: '居民端：申请表预填（家庭信息库已有的家庭情况，脱敏）', response: { 200: prefillSchema } },
  }, async (req) => prefill(db, citizenOf(req)));

  app.post('/applications', {
    config: { auth: 'citizen' },
    bodyLimit: APPLICATION_BODY_LIMIT,
    schema: { tags, summary: '居民端：在线申请低保、特困、临时救助或医疗救助（材料与核对授权签名，成为乡镇窗口的线上受理件；医疗救助转医保）', body: applicationSchema, response: { 201: applicationResultSchema } },
  }, async (req, reply) => {
    const citizen = citizenOf(req);
    // Someone with no household in the registry applies as a new applicant (待登记立案 at the township window).
    const made = !req.body.householdNo && citizen.households.length === 0 ? await applyAsNewApplicant(db, citizen, req.body) : await apply(db, citizen, req.body);
    return reply.status(201).send(made);
  });

  app.get('/applications', {
    config: { auth: 'citizen' },
    schema: { tags, summary: '居民端：我的申请（受理编号、项目、受理日期、办理状态）', response: { 200: applicationListSchema } },
  }, async (req) => myApplications(db, citizenOf(req)));
}
