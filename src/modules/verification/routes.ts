import { z } from 'zod';
import { decimalInt } from '../../kernel/types.ts';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { scopeOf } from '../../server/auth-hook.ts';
import type { RouteModule } from '../../server/context.ts';
import { acceptRawUploads, attachment, CSV_MIME, fileResponse, uploadedFile, UPLOAD_LIMIT, XLSX_MIME } from '../../kernel/files/upload.ts';
import * as api from './contract.ts';
import { sourceTemplate } from './service/files.ts';
import { crossCheckQuerySchema, crossChecks, favouritism, listQuerySchema, rescreenFindings, rescreenFindingsQuerySchema, rescreenRuns } from './service/lists.ts';
import { authorizations, authorizationSchema, caseVerification, recordAuthorization, requestSchema, requestVerification, resolveFinding, resolveSchema } from './service/requests.ts';
import { rescreen } from './service/rescreen.ts';
import { apiSnapshotSchema, importSourceFile, importSourceRecords, listSources, snapshots, sourceOf } from './service/snapshots.ts';

const tags = ['verification'];
const sourceParam = z.strictObject({ source: z.string().min(1).max(40) });
const caseParam = z.strictObject({ caseNo: z.string().min(1).max(30) });
const householdParam = z.strictObject({ householdNo: z.string().min(1).max(30) });
const findingParam = z.strictObject({ id: decimalInt(1) });
const templateQuery = z.strictObject({ format: z.enum(['xlsx', 'csv']).default('xlsx') });
const importQuery = z.strictObject({ format: z.enum(['xlsx', 'csv']).default('xlsx'), snapshotDate: z.string(), fileName: z.string().trim().max(200).optional() });
const snapshotQuery = z.strictObject({ source: z.string().max(40).optional() });
const rescreenBody = z.strictObject({ asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional() });

export const verificationRoutes: RouteModule = (app, { db }) => {
  app.get('/verification/sources', { schema: { tags, summary: '核对数据来源（合作部门）及其模板列', response: { 200: api.sourceList } } }, async (req) => listSources(scopeOf(req)));

  app.get('/verification/sources/:source/template', { schema: { tags, summary: '某数据来源的导入模板（.xlsx 或 CSV）', params: sourceParam, querystring: templateQuery, response: { 200: fileResponse('核对数据模板', [XLSX_MIME, CSV_MIME]) } } }, async (req, reply) => {
    const source = sourceOf(req.params.source);
    scopeOf(req);
    const file = await sourceTemplate(source, req.query.format);
    return reply.header('content-type', req.query.format === 'xlsx' ? XLSX_MIME : 'text/csv; charset=utf-8').header('content-disposition', attachment(`核对数据模板-${source}.${req.query.format}`)).send(file);
  });

  app.get('/verification/snapshots', { schema: { tags, summary: '已导入的数据快照（各来源的版本）', querystring: snapshotQuery, response: { 200: api.snapshotList } } }, async (req) => snapshots(db, scopeOf(req), req.query.source));

  app.post('/verification/sources/:source/records', { schema: { tags, summary: '通过接口提交一个数据快照（金额以元计）', params: sourceParam, body: apiSnapshotSchema, response: { 201: api.snapshotStored } } },
    async (req, reply) => reply.status(201).send(await importSourceRecords(db, scopeOf(req), req.params.source, req.body)));

  app.register(async (scoped) => {
    acceptRawUploads(scoped);
    scoped.withTypeProvider<ZodTypeProvider>().post('/verification/sources/:source/snapshots', {
      bodyLimit: UPLOAD_LIMIT,
      schema: { tags, summary: '导入数据快照文件（请求体为 .xlsx 或 CSV；任一行有误则整体不导入）', params: sourceParam, querystring: importQuery, response: { 201: api.snapshotStored } },
    }, async (req, reply) => {
      const { format, snapshotDate, fileName } = req.query;
      return reply.status(201).send(await importSourceFile(db, scopeOf(req), req.params.source, uploadedFile(req.body), { format, snapshotDate, ...(fileName ? { fileName } : {}) }));
    });
  });

  app.get('/verification/households/:householdNo/authorizations', { schema: { tags, summary: '家庭的核对授权书登记', params: householdParam, response: { 200: api.authorizationList } } },
    async (req) => authorizations(db, scopeOf(req), req.params.householdNo));

  app.post('/verification/authorizations', { schema: { tags, summary: '登记核对授权书（家庭成员或法定义务人）', body: authorizationSchema, response: { 201: api.authorizationRecorded } } },
    async (req, reply) => reply.status(201).send(await recordAuthorization(db, scopeOf(req), req.body)));

  app.get('/verification/cases/:caseNo', { schema: { tags, summary: '案件的核对：授权、核对请求及其发现', params: caseParam, response: { 200: api.caseVerification } } },
    async (req) => caseVerification(db, scopeOf(req), req.params.caseNo));

  app.post('/verification/cases/:caseNo/requests', { schema: { tags, summary: '发起家庭经济状况核对（须已登记授权书）', params: caseParam, body: requestSchema, response: { 201: api.requestMade } } },
    async (req, reply) => reply.status(201).send(await requestVerification(db, scopeOf(req), req.params.caseNo, req.body)));

  app.post('/verification/findings/:id/resolution', { schema: { tags, summary: '处理核对发现：属实、已作说明或误匹配', params: findingParam, body: resolveSchema, response: { 200: api.findingResolved } } },
    async (req) => resolveFinding(db, scopeOf(req), req.params.id, req.body));

  app.post('/verification/rescreens', { schema: { tags, summary: '对辖区内在保对象按最新数据重新比对', body: rescreenBody, response: { 201: api.rescreenResult } } },
    async (req, reply) => reply.status(201).send(await rescreen(db, scopeOf(req), { trigger: 'api', ...(req.body.asOf ? { asOf: req.body.asOf } : {}) })));

  app.get('/verification/rescreens', { schema: { tags, summary: '定期比对的运行记录', response: { 200: api.rescreenRuns } } }, async (req) => rescreenRuns(db, scopeOf(req)));

  app.get('/verification/rescreen-findings', { schema: { tags, summary: '定期比对的新发现（辖区内）', querystring: rescreenFindingsQuerySchema, response: { 200: api.findingPage } } },
    async (req) => rescreenFindings(db, scopeOf(req), req.query));

  app.get('/verification/favouritism', { schema: { tags, summary: '关系保排查：公职人员、村干部近亲属的申请和在保对象', querystring: listQuerySchema, response: { 200: api.findingPage } } },
    async (req) => favouritism(db, scopeOf(req), req.query));

  app.get('/verification/cross-checks', { schema: { tags, summary: '交叉比对：同一人两地享受低保；死亡人员仍在发放', querystring: crossCheckQuerySchema, response: { 200: api.crossChecks } } },
    async (req) => crossChecks(db, scopeOf(req), req.query));
};
