// HTTP of the premium-subsidy lists (资助参保): generate, review, approve, the insurer's file and result, figures.
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { CSV_MIME, XLSX_MIME, acceptRawUploads, attachment, fileResponse, uploadedFile, UPLOAD_LIMIT } from '../../../kernel/files/upload.ts';
import { scopeOf } from '../../../server/auth-hook.ts';
import type { RouteModule } from '../../../server/context.ts';
import * as api from '../contract/subsidy.ts';
import { generateSubsidyList } from '../service/subsidy-generate.ts';
import { insurerFile } from '../service/subsidy-file.ts';
import { subsidyFigures } from '../service/subsidy-figures.ts';
import { importSubsidyResult, subsidyResultReport } from '../service/subsidy-result.ts';
import { getSubsidyList, listSubsidyEntries, listSubsidyLists, moveSubsidyList, setEntryExcluded } from '../service/subsidy-review.ts';

const tags = ['medical'];
const base = '/medical/subsidy-lists';
const insurerList = fileResponse('资助参保名单（.xlsx 或 CSV）', [XLSX_MIME, CSV_MIME]);
const errorReport = fileResponse('参保结果错误报告', [XLSX_MIME]);
const generated = z.object({ listNo: z.string(), countyCode: z.string(), year: z.number(), asOf: z.string(), status: z.literal('draft'), statusLabel: z.string(), persons: z.number(), amountFen: z.number() });

export const subsidyRoutes: RouteModule = (app, { db }) => {
  app.get(base, { schema: { tags, summary: '资助参保名单列表（按区划、年度）', querystring: api.listQuery, response: { 200: api.subsidyListPage } } },
    async (req) => listSubsidyLists(db, scopeOf(req), req.query));
  app.post(base, { schema: { tags, summary: '生成某县某年度的资助参保名单（特困人员全额、低保对象定额资助）', body: api.generateBody, response: { 200: generated } } },
    async (req) => generateSubsidyList(db, scopeOf(req), req.body));
  app.get('/medical/subsidy-figures', { schema: { tags, summary: '资助参保统计：按下级区划的名单数、资助人数、金额与参保结果', querystring: api.figuresQuery, response: { 200: api.subsidyFigures } } },
    async (req) => subsidyFigures(db, scopeOf(req), req.query));
  app.get(`${base}/:listNo`, { schema: { tags, summary: '资助参保名单：状态与按类别、乡镇的合计', params: api.listParam, response: { 200: api.subsidyListDetail } } },
    async (req) => getSubsidyList(db, scopeOf(req), req.params.listNo));
  app.get(`${base}/:listNo/entries`, { schema: { tags, summary: '名单人员（分页；默认脱敏，unmask=true 查看明文并记审计）', params: api.listParam, querystring: api.entriesQuery, response: { 200: api.subsidyEntryPage } } },
    async (req) => listSubsidyEntries(db, scopeOf(req), req.params.listNo, req.query));
  app.post(`${base}/:listNo/entries/:entryId/exclude`, { schema: { tags, summary: '审核时剔除人员（须填写原因；仅待审核名单）', params: api.entryParam, body: api.excludeBody, response: { 200: api.entryChanged } } },
    async (req) => setEntryExcluded(db, scopeOf(req), req.params.listNo, req.params.entryId, req.body.reason));
  app.post(`${base}/:listNo/entries/:entryId/include`, { schema: { tags, summary: '恢复被剔除的人员（仅待审核名单）', params: api.entryParam, response: { 200: api.entryChanged } } },
    async (req) => setEntryExcluded(db, scopeOf(req), req.params.listNo, req.params.entryId, null));
  for (const [step, summary] of [['review', '审核名单（待审核 → 已审核，合计不含剔除人员）'], ['approve', '审批名单（已审核 → 已审批，县级审批）'], ['void', '作废名单（待审核或已审核）']] as const) {
    app.post(`${base}/:listNo/${step}`, { schema: { tags, summary, params: api.listParam, response: { 200: api.subsidyList } } },
      async (req) => moveSubsidyList(db, scopeOf(req), req.params.listNo, step));
  }
  app.get(`${base}/:listNo/insurer-file`, { schema: { tags, summary: '下载报送医疗保障经办机构的资助参保名单（.xlsx 或 CSV；首次导出后为已报送）', params: api.listParam, querystring: api.fileQuery, response: { 200: insurerList } } },
    async (req, reply) => {
      const f = await insurerFile(db, scopeOf(req), req.params.listNo, req.query.format);
      return reply.header('content-type', f.mime).header('content-disposition', attachment(f.name)).send(f.file);
    });

  app.register(async (scoped) => {
    acceptRawUploads(scoped);
    const typed = scoped.withTypeProvider<ZodTypeProvider>();
    typed.post(`${base}/:listNo/result`, {
      bodyLimit: UPLOAD_LIMIT,
      schema: { tags, summary: '导入医保经办机构反馈的参保结果（请求体为 .xlsx 或 CSV；有误则整体不导入）', params: api.listParam, querystring: api.resultQuery, response: { 200: api.resultImported } },
    }, async (req) => importSubsidyResult(db, scopeOf(req), req.params.listNo, uploadedFile(req.body, '请以请求体上传参保结果文件'), req.query));
    typed.post(`${base}/:listNo/result/error-report`, {
      bodyLimit: UPLOAD_LIMIT,
      schema: { tags, summary: '参保结果文件的错误报告（.xlsx；只检查，不导入）', params: api.listParam, querystring: api.resultQuery, response: { 200: errorReport } },
    }, async (req, reply) => {
      const file = await subsidyResultReport(db, scopeOf(req), req.params.listNo, uploadedFile(req.body, '请以请求体上传参保结果文件'), req.query);
      return reply.header('content-type', XLSX_MIME).header('content-disposition', attachment(`参保结果错误报告-${req.params.listNo}.xlsx`)).send(file);
    });
  });
};
