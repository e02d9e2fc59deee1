import { z } from 'zod';
import * as api from '../intake/index.ts';
import { scopeOf } from '../../server/auth-hook.ts';
import type { RouteModule } from '../../server/context.ts';
import {
  assignComplaint, assignSchema, closeComplaint, closeSchema, concludeComplaint, concludeSchema, createComplaint, feedbackSchema, getComplaint,
  listComplaints, listComplaintsSchema, newComplaintSchema, recordFeedback, recordRecovery, recoverySchema, searchSubjects, subjectSearchSchema,
} from './service.ts';

const param = z.strictObject({ complaintNo: z.string().regex(/^JB\d{16}$/, '举报编号格式应为 JB + 16 位数字') });
const tags = ['complaints'];

export const complaintRoutes: RouteModule = (app, { db }) => {
  app.post('/complaints', { schema: { tags, summary: '登记举报（12349 热线、窗口、网上；实名或匿名）', body: newComplaintSchema, response: { 201: api.createdComplaint } } },
    async (req, reply) => reply.status(201).send(await createComplaint(db, scopeOf(req), req.body)));
  app.post('/complaints/subjects', { schema: { tags, summary: '查找举报对象：按姓名、身份证号码或住址查找本辖区办理中或在保的案件', body: subjectSearchSchema, response: { 200: api.complaintSubjects } } },
    async (req) => searchSubjects(db, scopeOf(req), req.body));
  app.get('/complaints', { schema: { tags, summary: '举报登记簿', querystring: listComplaintsSchema, response: { 200: api.complaintList } } },
    async (req) => listComplaints(db, scopeOf(req), req.query));
  app.get('/complaints/:complaintNo', { schema: { tags, summary: '举报详情：调查、反馈与追回', params: param, response: { 200: api.complaintDetail } } },
    async (req) => getComplaint(db, scopeOf(req), req.params.complaintNo));
  app.post('/complaints/:complaintNo/assign', { schema: { tags, summary: '交办调查', params: param, body: assignSchema, response: { 200: api.complaintStep } } },
    async (req) => assignComplaint(db, scopeOf(req), req.params.complaintNo, req.body));
  app.post('/complaints/:complaintNo/conclude', { schema: { tags, summary: '调查结论', params: param, body: concludeSchema, response: { 200: api.complaintStep } } },
    async (req) => concludeComplaint(db, scopeOf(req), req.params.complaintNo, req.body));
  app.post('/complaints/:complaintNo/feedback', { schema: { tags, summary: '向实名举报人反馈（日期、方式、内容）', params: param, body: feedbackSchema, response: { 200: api.complaintStep } } },
    async (req) => recordFeedback(db, scopeOf(req), req.params.complaintNo, req.body));
  app.post('/complaints/:complaintNo/close', { schema: { tags, summary: '办结（实名举报须已反馈）', params: param, body: closeSchema, response: { 200: api.complaintStep } } },
    async (req) => closeComplaint(db, scopeOf(req), req.params.complaintNo, req.body));
  app.post('/complaints/:complaintNo/recoveries', { schema: { tags, summary: '登记骗取追回与罚款（1–3 倍）', params: param, body: recoverySchema, response: { 200: api.recovery } } },
    async (req) => recordRecovery(db, scopeOf(req), req.params.complaintNo, req.body));
};
