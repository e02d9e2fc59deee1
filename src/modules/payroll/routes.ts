import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AppError } from '../../kernel/errors.ts';
import { acceptRawUploads, attachment, CSV_MIME, fileResponse, uploadedFile, UPLOAD_LIMIT, XLSX_MIME } from '../../kernel/files/upload.ts';
import { scopeOf } from '../../server/auth-hook.ts';
import type { RouteModule } from '../../server/context.ts';
import * as api from './contract.ts';
import { bankFile, bankFiles, paymentFile, paymentFiles } from './service/files.ts';
import {
  approvePayroll, discardPayroll, fundTotals, getPayroll, listLines, listPayrolls, paymentHistory, recordOverpayment, recordRepayment,
} from './service/payrolls.ts';
import { importReturns } from './service/returns.ts';
import { runPayroll, serverChunking } from './service/run.ts';
import { bankFileSchema, fundSchema, linesSchema, listSchema, payrollNoSchema, paymentFileSchema, receivableSchema, repaymentSchema, returnsQuery, runSchema } from './service/schemas.ts';

const tags = ['payroll'];
const param = z.strictObject({ payrollNo: payrollNoSchema });
const householdParam = z.strictObject({ householdNo: z.string().regex(/^\d{14}$/, '户编号应为14位数字') });
const download = fileResponse('发放文件（.xlsx 或 CSV）', [XLSX_MIME, CSV_MIME]);

export const payrollRoutes: RouteModule = (app, { db }) => {
  app.get('/payroll', { schema: { tags, summary: '发放名册列表（按县、月份）', querystring: listSchema, response: { 200: api.payrollList } } },
    async (req) => listPayrolls(db, scopeOf(req), req.query));
  app.post('/payroll/runs', { schema: { tags, summary: '生成（或续生成）某县某月的发放名册：可重复执行，已完成的名册原样返回', body: runSchema, response: { 200: api.runResult } } },
    async (req) => {
      const [r] = await runPayroll(db, scopeOf(req), { period: req.body.period, countyCode: req.body.countyCode, chunkBy: serverChunking(db) });
      if (!r) throw AppError.badRequest('no_county', '没有可生成的县');
      return r;
    });
  app.get('/payroll/fund', { schema: { tags, summary: '资金台账：按县、月份、科目汇总', querystring: fundSchema, response: { 200: api.fundList } } },
    async (req) => fundTotals(db, scopeOf(req), req.query));
  app.get('/payroll/households/:householdNo/history', { schema: { tags, summary: '家庭发放记录、台账与应收余额', params: householdParam, response: { 200: api.paymentHistory } } },
    async (req) => paymentHistory(db, scopeOf(req), req.params.householdNo));
  app.post('/payroll/households/:householdNo/receivables', { schema: { tags, summary: '登记多发应收（从以后的发放中扣减）', params: householdParam, body: receivableSchema.omit({ householdNo: true }), response: { 200: api.receivableRecorded } } },
    async (req) => recordOverpayment(db, scopeOf(req), req.params.householdNo, { ...req.body, householdNo: req.params.householdNo }));
  app.post('/payroll/households/:householdNo/repayments', { schema: { tags, summary: '登记退还（冲减应收余额）', params: householdParam, body: repaymentSchema, response: { 200: api.repaymentRecorded } } },
    async (req) => recordRepayment(db, scopeOf(req), req.params.householdNo, req.body));
  app.get('/payroll/:payrollNo', { schema: { tags, summary: '发放名册：状态与按乡镇、项目的合计', params: param, response: { 200: api.payrollDetail } } },
    async (req) => getPayroll(db, scopeOf(req), req.params.payrollNo));
  app.get('/payroll/:payrollNo/lines', { schema: { tags, summary: '发放明细（分页；默认脱敏，unmask=true 查看明文并记审计）', params: param, querystring: linesSchema, response: { 200: api.lineList } } },
    async (req) => listLines(db, scopeOf(req), req.params.payrollNo, req.query));
  app.post('/payroll/:payrollNo/approve', { schema: { tags, summary: '审批发放名册（县级审批，记入资金台账）', params: param, response: { 200: api.approved } } },
    async (req) => approvePayroll(db, scopeOf(req), req.params.payrollNo));
  app.post('/payroll/:payrollNo/discard', { schema: { tags, summary: '作废未审批的名册（可重新生成）', params: param, response: { 200: api.discarded } } },
    async (req) => discardPayroll(db, scopeOf(req), req.params.payrollNo));
  app.get('/payroll/:payrollNo/files', { schema: { tags, summary: '发放文件：代发文件（按开户行）、现金发放表、按收款方的文件，各自的笔数与金额', params: param, response: { 200: api.paymentFileList } } },
    async (req) => paymentFiles(db, scopeOf(req), req.params.payrollNo));
  app.get('/payroll/:payrollNo/file', { schema: { tags, summary: '下载一个发放文件（kind=bank|cash|payee，key=开户行或收款方；.xlsx 或 CSV；默认脱敏）', params: param, querystring: paymentFileSchema, response: { 200: download } } },
    async (req, reply) => {
      const f = await paymentFile(db, scopeOf(req), req.params.payrollNo, req.query);
      return reply.header('content-type', f.mime).header('content-disposition', attachment(f.name)).send(f.file);
    });
  app.get('/payroll/:payrollNo/bank-files', { schema: { tags, summary: '代发文件：按开户行的笔数与金额', params: param, response: { 200: api.paymentFileList } } },
    async (req) => bankFiles(db, scopeOf(req), req.params.payrollNo));
  app.get('/payroll/:payrollNo/bank-file', { schema: { tags, summary: '下载某开户行的代发文件（.xlsx 或 CSV；默认脱敏）', params: param, querystring: bankFileSchema, response: { 200: download } } },
    async (req, reply) => {
      const f = await bankFile(db, scopeOf(req), req.params.payrollNo, req.query);
      return reply.header('content-type', f.mime).header('content-disposition', attachment(f.name)).send(f.file);
    });

  app.register(async (scoped) => {
    acceptRawUploads(scoped);
    scoped.withTypeProvider<ZodTypeProvider>().post('/payroll/:payrollNo/returns', {
      bodyLimit: UPLOAD_LIMIT,
      schema: { tags, summary: '导入银行回盘文件（请求体为 .xlsx 或 CSV；有误则整体不导入）', params: param, querystring: returnsQuery, response: { 200: api.returnsResult } },
    }, async (req) => {
      return importReturns(db, scopeOf(req), req.params.payrollNo, uploadedFile(req.body, '请以请求体上传回盘文件'), { format: req.query.format, fileName: req.query.fileName });
    });
  });
};
