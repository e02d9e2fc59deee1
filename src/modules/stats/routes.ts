import { z } from 'zod';
import { attachment, DOCX_MIME, fileResponse, XLSX_MIME } from '../../kernel/files/upload.ts';
import { scopeOf } from '../../server/auth-hook.ts';
import type { RouteModule } from '../../server/context.ts';
import { figuresResult, warningItemsResult, warningsResult } from './contract.ts';
import { figuresAnswer } from './service/figures-cache.ts';
import { answerWriter, sendWritten } from '../../server/serializer.ts';
import { periodSchema } from './service/period.ts';
import { annualReport, statisticalTables, reportSchema } from './service/exports.ts';
import { WARNING_KINDS, warningItems, warningItemsSchema, warnings } from './service/warnings.ts';

const tags = ['stats'];
const writeFigures = answerWriter(figuresResult);
const kindParam = z.strictObject({ kind: z.enum(WARNING_KINDS, { message: `预警类型应为 ${WARNING_KINDS.join('、')}` }) });

export const statsRoutes: RouteModule = (app, { db }) => {
  app.get('/stats/figures', { schema: { tags, summary: '统计数据：所选区划与期间（年或起止月份）的各项指标，按下级区划分列，含上年同期比较；每个救助项目按其声明的指标单列', querystring: periodSchema, response: { 200: figuresResult } } },
    async (req, reply) => sendWritten(reply, await figuresAnswer(db, scopeOf(req), req.query, writeFigures)));

  app.get('/stats/warnings', { schema: { tags, summary: '监测预警：各救助项目的覆盖率低于规划下限、减量超过建议数，应保未保、低保边缘、超期案件与转办事项', querystring: periodSchema, response: { 200: warningsResult } } },
    async (req) => warnings(db, scopeOf(req), req.query));

  app.get('/stats/warnings/:kind', { schema: { tags, summary: '预警明细：预警背后的县、家庭、案件或转办事项', params: kindParam, querystring: warningItemsSchema, response: { 200: warningItemsResult } } },
    async (req) => warningItems(db, scopeOf(req), req.params.kind, req.query));

  app.get('/stats/report.docx', { schema: { tags, summary: '年度社会救助工作总结（Word），按数据生成', querystring: reportSchema, response: { 200: fileResponse('年度社会救助工作总结', [DOCX_MIME]) } } },
    async (req, reply) => {
      const { buffer, filename } = await annualReport(db, scopeOf(req), req.query);
      return reply.type(DOCX_MIME).header('content-disposition', attachment(filename)).send(buffer);
    });

  app.get('/stats/tables.xlsx', { schema: { tags, summary: '统计报表（Excel）：每个救助项目及各项工作一个工作表，每县一行，含合计行', querystring: reportSchema, response: { 200: fileResponse('社会救助统计表', [XLSX_MIME]) } } },
    async (req, reply) => {
      const { buffer, filename } = await statisticalTables(db, scopeOf(req), req.query);
      return reply.type(XLSX_MIME).header('content-disposition', attachment(filename)).send(buffer);
    });
};
