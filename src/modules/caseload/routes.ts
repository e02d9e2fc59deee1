// Routes of the caseload import (存量对象导入): the template, the upload (dry run or import) and the report.
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { acceptRawUploads, attachment, fileResponse, uploadedFile, UPLOAD_LIMIT, XLSX_MIME } from '../../kernel/files/upload.ts';
import { scopeOf } from '../../server/auth-hook.ts';
import type { RouteModule } from '../../server/context.ts';
import * as api from './contract.ts';
import { importCaseload } from './service/import.ts';
import { caseloadReport } from './service/report.ts';
import { caseloadTemplate } from './service/template.ts';

const tags = ['cases'];
const FILE_MESSAGE = '请以请求体上传存量对象文件（.xlsx 或 CSV）';

export const caseloadRoutes: RouteModule = (app, { db }) => {
  app.get('/cases/import/caseload/template.xlsx', { schema: { tags, summary: '存量对象导入模板（.xlsx，含三行示例与填写说明）', response: { 200: fileResponse('存量对象导入模板', [XLSX_MIME]) } } },
    async (_req, reply) => reply.header('content-type', XLSX_MIME).header('content-disposition', attachment('存量对象导入模板.xlsx')).send(await caseloadTemplate()));

  app.register(async (scoped) => {
    acceptRawUploads(scoped);
    const typed = scoped.withTypeProvider<ZodTypeProvider>();
    typed.post('/cases/import/caseload', {
      bodyLimit: UPLOAD_LIMIT,
      schema: {
        tags,
        summary: '导入存量低保、特困对象（请求体为 .xlsx 或 CSV；dryRun=true 只检查；任何一行有误则整体不导入，400 列出每行错误；金额与公式不同只作提示）',
        querystring: api.uploadQuery,
        response: { 200: api.caseloadResult, 201: api.caseloadResult },
      },
    }, async (req, reply) => {
      const r = await importCaseload(db, scopeOf(req), uploadedFile(req.body, FILE_MESSAGE), req.query);
      return reply.status(r.dryRun ? 200 : 201).send(r);
    });
    typed.post('/cases/import/caseload/report.xlsx', {
      bodyLimit: UPLOAD_LIMIT,
      schema: { tags, summary: '存量对象文件的检查报告（.xlsx：错误、金额提示、汇总；只检查，不导入）', querystring: api.uploadQuery, response: { 200: fileResponse('存量对象文件检查报告', [XLSX_MIME]) } },
    }, async (req, reply) => {
      const file = await caseloadReport(db, scopeOf(req), uploadedFile(req.body, FILE_MESSAGE), req.query);
      return reply.header('content-type', XLSX_MIME).header('content-disposition', attachment('存量对象检查报告.xlsx')).send(file);
    });
  });
};
