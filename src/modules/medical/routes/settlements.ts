// Routes of the settlement import (一站式结算导入): upload, its error report, the list of imports, one
// import with its episodes, the template, and the settlement figures.
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { acceptRawUploads, attachment, fileResponse, uploadedFile, UPLOAD_LIMIT, XLSX_MIME } from '../../../kernel/files/upload.ts';
import { scopeOf } from '../../../server/auth-hook.ts';
import type { RouteModule } from '../../../server/context.ts';
import * as api from '../contract/settlements.ts';
import { settlementFigures } from '../service/settlement-figures.ts';
import { getSettlementImport, listSettlementImports } from '../service/settlement-read.ts';
import { settlementTemplate } from '../service/settlement-template.ts';
import { importSettlements, settlementErrorReport } from '../service/settlements.ts';

const tags = ['medical'];
const FILE_MESSAGE = '请以请求体上传结算文件（.xlsx 或 CSV）';

export const settlementRoutes: RouteModule = (app, { db }) => {
  app.get('/medical/settlements/template.xlsx', { schema: { tags, summary: '一站式结算导入模板（.xlsx，含两行示例与填写说明）', response: { 200: fileResponse('一站式结算导入模板', [XLSX_MIME]) } } },
    async (_req, reply) => reply.header('content-type', XLSX_MIME).header('content-disposition', attachment('一站式结算导入模板.xlsx')).send(await settlementTemplate()));

  app.get('/medical/settlements', { schema: { tags, summary: '一站式结算导入记录（医保部门只看本部门的导入）', querystring: api.listQuery, response: { 200: api.settlementImportList } } },
    async (req) => listSettlementImports(db, scopeOf(req), req.query));

  app.get('/medical/settlements/:importNo', {
    schema: { tags, summary: '一次结算导入及其就医记录（分页，身份证号码脱敏）', params: api.importParams, querystring: api.episodesQuery, response: { 200: api.settlementImportDetail } },
  }, async (req) => getSettlementImport(db, scopeOf(req), req.params.importNo, req.query));

  app.get('/medical/settlement-figures', {
    schema: { tags, summary: '一站式结算情况：按下级区划的人次与救助金额（门诊、住院、重特大疾病、合计）', querystring: api.figuresQuery, response: { 200: api.settlementFigures } },
  }, async (req) => settlementFigures(db, scopeOf(req), req.query));

  app.register(async (scoped) => {
    acceptRawUploads(scoped);
    const typed = scoped.withTypeProvider<ZodTypeProvider>();
    typed.post('/medical/settlements', {
      bodyLimit: UPLOAD_LIMIT,
      schema: {
        tags,
        summary: '导入一站式结算文件（请求体为 .xlsx 或 CSV；任何一行有误则整体不导入，400 列出每行错误）',
        querystring: api.uploadQuery,
        response: { 201: api.settlementImport },
      },
    }, async (req, reply) => {
      const r = await importSettlements(db, scopeOf(req), uploadedFile(req.body, FILE_MESSAGE), req.query);
      return reply.status(201).send(r);
    });
    typed.post('/medical/settlements/errors.xlsx', {
      bodyLimit: UPLOAD_LIMIT,
      schema: { tags, summary: '结算文件的错误报告（.xlsx；只检查，不导入）', querystring: api.uploadQuery, response: { 200: fileResponse('结算文件错误报告', [XLSX_MIME]) } },
    }, async (req, reply) => {
      const file = await settlementErrorReport(db, scopeOf(req), uploadedFile(req.body, FILE_MESSAGE), req.query);
      return reply.header('content-type', XLSX_MIME).header('content-disposition', attachment('一站式结算错误报告.xlsx')).send(file);
    });
  });
};
