// HTTP of 农房保险 policies and their insured households: record, list, one policy; generate the insured
// households from the registry, import the insurer's accepted list (and its error report), list them.
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { XLSX_MIME, acceptRawUploads, attachment, fileResponse, uploadedFile, UPLOAD_LIMIT } from '../../../kernel/files/upload.ts';
import { scopeOf } from '../../../server/auth-hook.ts';
import type { RouteModule } from '../../../server/context.ts';
import * as api from '../contract/policies.ts';
import { importInsuredList, insuredListReport } from '../service/insured-import.ts';
import { insureFromRegistry, listInsured } from '../service/insured.ts';
import { createPolicy, listPolicyViews, policyDetail } from '../service/policies.ts';

const tags = ['housing-insurance'];
const base = '/housing-insurance/policies';
const one = `${base}/:countyCode/:year`;
const download = fileResponse('承保清单错误报告', [XLSX_MIME]);

export const policyRoutes: RouteModule = (app, { db }) => {
  app.post(base, { schema: { tags, summary: '登记某县某年度的政策性农房保险保单（保费、政府补贴比例、保险责任、各结构保险金额、保险期间）', body: api.newPolicySchema, response: { 200: api.policyView } } },
    async (req) => createPolicy(db, scopeOf(req), req.body));
  app.get(base, { schema: { tags, summary: '农房保险保单列表（按区划、年度）', querystring: api.policyListQuery, response: { 200: api.policyList } } },
    async (req) => listPolicyViews(db, scopeOf(req), req.query));
  app.get(one, { schema: { tags, summary: '农房保险保单：各村参保户数', params: api.policyParam, response: { 200: api.policyDetail } } },
    async (req) => policyDetail(db, scopeOf(req), req.params.countyCode, req.params.year));
  app.post(`${one}/insured/generate`, { schema: { tags, summary: '按户籍统保：本县全部农业户籍家庭参保（可重复执行，已参保的保留）', params: api.policyParam, response: { 200: api.insuredGenerated } } },
    async (req) => insureFromRegistry(db, scopeOf(req), req.params.countyCode, req.params.year));
  app.get(`${one}/insured`, { schema: { tags, summary: '参保农户（按村分页；默认脱敏，unmask=true 查看明文并记审计）', params: api.policyParam, querystring: api.insuredQuery, response: { 200: api.insuredPage } } },
    async (req) => listInsured(db, scopeOf(req), req.params.countyCode, req.params.year, req.query));

  app.register(async (scoped) => {
    acceptRawUploads(scoped);
    const typed = scoped.withTypeProvider<ZodTypeProvider>();
    typed.post(`${one}/insured/import`, {
      bodyLimit: UPLOAD_LIMIT,
      schema: { tags, summary: '导入保险公司承保清单（户编号或户主身份证号、房屋结构；.xlsx 或 CSV；有误则整体不导入）', params: api.policyParam, querystring: api.fileQuery, response: { 200: api.insuredImported } },
    }, async (req) => importInsuredList(db, scopeOf(req), req.params.countyCode, req.params.year, uploadedFile(req.body, '请以请求体上传承保清单'), req.query));
    typed.post(`${one}/insured/import/error-report`, {
      bodyLimit: UPLOAD_LIMIT,
      schema: { tags, summary: '承保清单的错误报告（.xlsx；只检查，不导入）', params: api.policyParam, querystring: api.fileQuery, response: { 200: download } },
    }, async (req, reply) => {
      const file = await insuredListReport(db, scopeOf(req), req.params.countyCode, req.params.year, uploadedFile(req.body, '请以请求体上传承保清单'), req.query);
      return reply.header('content-type', XLSX_MIME).header('content-disposition', attachment(`承保清单错误报告-${req.params.countyCode}-${req.params.year}.xlsx`)).send(file);
    });
  });
};
