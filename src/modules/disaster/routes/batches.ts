// Batch decisions (救助批次): draft from the damage register or the 冬春 survey, sample and checks, notice,
// leave a household out, approve, decide (cases, decisions, entitlements for the payroll), void; reads.
import type { RouteModule } from '../../../server/context.ts';
import { scopeOf } from '../../../server/auth-hook.ts';
import {
  approveSchema, batchDetail as batchDetailSchema, batchList, batchListQuery, batchNoParam, checkSchema, decideResult, decideSchema, excludeSchema,
  memberList, memberListQuery, newBatchSchema, noticeSchema, sampleSchema, voidSchema,
} from '../contract/batches.ts';
import { batchDetail, createBatch, listBatches, listMembers } from '../service/batches.ts';
import { decideBatch } from '../service/batch-decide.ts';
import { approveBatch, drawSample, excludeMember, recordCheck, startNotice, voidBatch } from '../service/batch-steps.ts';

const tags = ['disaster'];
const detail = { 200: batchDetailSchema };

export const batchRoutes: RouteModule = (app, { db }) => {
  app.post('/disaster/batches', { schema: { tags, summary: '编制救助批次（按灾害事件的已核查受灾户或冬春需求调查，逐户测算金额）', body: newBatchSchema, response: detail } },
    async (req) => createBatch(db, scopeOf(req), req.body));
  app.get('/disaster/batches', { schema: { tags, summary: '救助批次列表', querystring: batchListQuery, response: { 200: batchList } } },
    async (req) => listBatches(db, scopeOf(req), req.query));
  app.get('/disaster/batches/:batchNo', { schema: { tags, summary: '救助批次：合计、各乡镇、抽查进度、测算依据', params: batchNoParam, response: detail } },
    async (req) => batchDetail(db, scopeOf(req), req.params.batchNo));
  app.get('/disaster/batches/:batchNo/households', { schema: { tags, summary: '救助批次名单', params: batchNoParam, querystring: memberListQuery, response: { 200: memberList } } },
    async (req) => listMembers(db, scopeOf(req), req.params.batchNo, req.query));
  app.post('/disaster/batches/:batchNo/sample', { schema: { tags, summary: '按比例抽取入户抽查户', params: batchNoParam, body: sampleSchema, response: detail } },
    async (req) => drawSample(db, scopeOf(req), req.params.batchNo, req.body));
  app.post('/disaster/batches/:batchNo/checks', { schema: { tags, summary: '记录抽查结果', params: batchNoParam, body: checkSchema, response: detail } },
    async (req) => recordCheck(db, scopeOf(req), req.params.batchNo, req.body));
  app.post('/disaster/batches/:batchNo/notice', { schema: { tags, summary: '公示救助名单', params: batchNoParam, body: noticeSchema, response: detail } },
    async (req) => startNotice(db, scopeOf(req), req.params.batchNo, req.body));
  app.post('/disaster/batches/:batchNo/exclude', { schema: { tags, summary: '剔除一户（异议成立等）', params: batchNoParam, body: excludeSchema, response: detail } },
    async (req) => excludeMember(db, scopeOf(req), req.params.batchNo, req.body));
  app.post('/disaster/batches/:batchNo/approve', { schema: { tags, summary: '审批救助批次', params: batchNoParam, body: approveSchema, response: detail } },
    async (req) => approveBatch(db, scopeOf(req), req.params.batchNo, req.body));
  app.post('/disaster/batches/:batchNo/decide', { schema: { tags, summary: '作出救助决定（逐户立案、决定，纳入发放）', params: batchNoParam, body: decideSchema, response: { 200: decideResult } } },
    async (req) => decideBatch(db, scopeOf(req), req.params.batchNo, req.body));
  app.post('/disaster/batches/:batchNo/void', { schema: { tags, summary: '作废救助批次（决定前）', params: batchNoParam, body: voidSchema, response: detail } },
    async (req) => voidBatch(db, scopeOf(req), req.params.batchNo, req.body));
};
