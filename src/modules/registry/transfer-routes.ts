import { z } from 'zod';
import { decimalInt } from '../../kernel/types.ts';
import { scopeOf } from '../../server/auth-hook.ts';
import type { RouteModule } from '../../server/context.ts';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { acceptRawUploads, attachment, fileResponse, uploadedFile, UPLOAD_LIMIT, XLSX_MIME } from '../../kernel/files/upload.ts';
import { rowErrorSchema } from '../../kernel/files/rows.ts';
import { searchFilters, searchQuery } from './routes.ts';
import { importHouseholds, importReport } from './service/import.ts';
import { exportHouseholds, importTemplate } from './service/transfer.ts';

/** Uploads are the raw file as the request body (kernel/files/upload.ts); `format` says how to read it. */
const importQuery = z.strictObject({
  format: z.enum(['xlsx', 'csv']).default('xlsx'),
  partial: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  fileName: z.string().trim().max(200).optional(),
});
const importResult = z.object({
  imported: z.object({ households: z.number(), members: z.number() }),
  rejected: z.object({ rows: z.number(), households: z.number() }),
  errors: z.array(rowErrorSchema),
  errorCount: z.number(),
  reportId: z.number(),
});
const exportQuery = searchQuery.omit({ page: true, pageSize: true }).extend({
  unmask: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
});
const exportBody = searchFilters.extend({ unmask: z.boolean().default(false) });

const xlsxExport = fileResponse('家庭查询导出', [XLSX_MIME]);
const stamp = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 16).replace(/[-:T]/g, '');

export const registryTransferRoutes: RouteModule = (app, { db }) => {
  app.get('/registry/template.xlsx', { schema: { tags: ['registry'], summary: '家庭导入模板（.xlsx，含填写说明）', response: { 200: fileResponse('家庭导入模板', [XLSX_MIME]) } } }, async (req, reply) => {
    const file = await importTemplate(scopeOf(req));
    return reply.header('content-type', XLSX_MIME).header('content-disposition', attachment('家庭导入模板.xlsx')).send(file);
  });

  app.register(async (scoped) => {
    acceptRawUploads(scoped);
    scoped.withTypeProvider<ZodTypeProvider>().post('/registry/imports', {
      bodyLimit: UPLOAD_LIMIT,
      schema: {
        tags: ['registry'],
        summary: '导入家庭（请求体为 .xlsx 或 CSV 文件；默认有误则整体不导入，partial=true 只导入无误的家庭）',
        querystring: importQuery,
        response: { 200: importResult },
      },
    }, async (req, reply) => {
      const { format, partial, fileName } = req.query;
      const r = await importHouseholds(db, scopeOf(req), uploadedFile(req.body), { format, partial, ...(fileName ? { fileName } : {}) });
      const { ok, ...body } = r;
      if (ok) return body;
      // Refused: the same shape as a success, plus the usual error object; nothing was changed.
      return reply.status(400 as 200).send({
        ...body,
        error: { code: 'import_rejected', message: `文件有 ${r.errorCount} 处错误，未导入任何数据；请按错误报告修改后重新导入，或选择部分导入`, details: { reportId: r.reportId, fields: [] } },
      } as typeof body);
    });
  });

  app.get('/registry/imports/:reportId/errors.xlsx', {
    schema: { tags: ['registry'], summary: '导入错误报告（.xlsx）', params: z.strictObject({ reportId: decimalInt(1) }), response: { 200: fileResponse('导入错误报告', [XLSX_MIME]) } },
  }, async (req, reply) => {
    const file = await importReport(db, scopeOf(req), req.params.reportId);
    return reply.header('content-type', XLSX_MIME).header('content-disposition', attachment(`导入错误报告-${req.params.reportId}.xlsx`)).send(file);
  });

  app.get('/households/export.xlsx', {
    schema: { tags: ['registry'], summary: '导出查询结果（.xlsx，默认脱敏；unmask=true 导出明文并记审计）', querystring: exportQuery, response: { 200: xlsxExport } },
  }, async (req, reply) => {
    const { unmask, ...filters } = req.query;
    return reply.header('content-type', XLSX_MIME).header('content-disposition', attachment(`家庭查询导出-${stamp()}.xlsx`)).send((await exportHouseholds(db, scopeOf(req), filters, unmask)).file);
  });
  app.post('/households/export.xlsx', {
    schema: { tags: ['registry'], summary: '导出查询结果（条件在请求体中，含身份证号码）', body: exportBody, response: { 200: xlsxExport } },
  }, async (req, reply) => {
    const { unmask, ...filters } = req.body;
    return reply.header('content-type', XLSX_MIME).header('content-disposition', attachment(`家庭查询导出-${stamp()}.xlsx`)).send((await exportHouseholds(db, scopeOf(req), filters, unmask)).file);
  });
};
