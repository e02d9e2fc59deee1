// The 冬春 needs-survey file: import it (all or nothing), or get its error report without importing.
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { acceptRawUploads, attachment, fileResponse, uploadedFile, UPLOAD_LIMIT, XLSX_MIME } from '../../../kernel/files/upload.ts';
import { scopeOf } from '../../../server/auth-hook.ts';
import type { RouteModule } from '../../../server/context.ts';
import { winterImported, winterUploadQuery } from '../contract/winter.ts';
import { importWinterNeeds, winterErrorReport } from '../service/winter-import.ts';

const tags = ['disaster'];
const FILE_MESSAGE = '请以请求体上传冬春需求调查文件（.xlsx 或 CSV）';

export const winterImportRoutes: RouteModule = (app, { db }) => {
  app.register(async (scoped) => {
    acceptRawUploads(scoped);
    const typed = scoped.withTypeProvider<ZodTypeProvider>();
    typed.post('/disaster/winter-needs/import', {
      bodyLimit: UPLOAD_LIMIT,
      schema: { tags, summary: '导入冬春需求调查（.xlsx 或 CSV：户编号、一类人数、二类人数、三类人数、调查日期、备注；任何一行有误则整体不导入）', querystring: winterUploadQuery, response: { 201: winterImported } },
    }, async (req, reply) => reply.status(201).send(await importWinterNeeds(db, scopeOf(req), uploadedFile(req.body, FILE_MESSAGE), req.query)));
    typed.post('/disaster/winter-needs/import/errors.xlsx', {
      bodyLimit: UPLOAD_LIMIT,
      schema: { tags, summary: '冬春需求调查文件的错误报告（.xlsx；只检查，不导入）', querystring: winterUploadQuery, response: { 200: fileResponse('冬春需求调查错误报告', [XLSX_MIME]) } },
    }, async (req, reply) => {
      const file = await winterErrorReport(db, scopeOf(req), uploadedFile(req.body, FILE_MESSAGE), req.query);
      return reply.header('content-type', XLSX_MIME).header('content-disposition', attachment('冬春需求调查错误报告.xlsx')).send(file);
    });
  });
};
