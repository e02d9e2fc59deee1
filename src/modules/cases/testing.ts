// Test helpers for the cases module: households through the registry API, steps through the cases
// API, and a .docx reader (a .docx is a zip; the text is in word/document.xml).
import zlib from 'node:zlib';
import type { LightMyRequestResponse } from 'fastify';
import type { BuiltApp } from '../../server/app.ts';
import { householdInput, idNumber, memberInput } from '../../test/households.ts';
import { bearer } from '../../test/http.ts';

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

export function caller(built: BuiltApp) {
  return (method: Method, url: string, token: string, payload?: object): Promise<LightMyRequestResponse> =>
    built.app.inject({ method, url: `/api/v1${url}`, headers: bearer(token), ...(payload ? { payload } : {}) });
}

/** A two-adult urban household with a monthly wage (fen), created through the registry API. */
export async function makeHousehold(built: BuiltApp, token: string, village: string, opts: { wageFen?: number; hukou?: 'urban' | 'rural'; members?: Record<string, unknown>[] } = {}) {
  const head = idNumber('1975-04-02', 'male');
  const hukou = opts.hukou ?? 'urban';
  const members = opts.members ?? [
    memberInput({ idNumber: head, name: '罗大成', hukou, workCapacity: 'partial' }),
    memberInput({ idNumber: idNumber('1977-08-09', 'female'), name: '吴小梅', relation: 'spouse', hukou, workCapacity: 'partial' }),
  ];
  const body = householdInput(village, members, { hukou, address: '广惠路88号附2号', phone: '13900001111' });
  const headId = String(members[0]?.idNumber ?? head);
  if (opts.wageFen !== undefined) body.incomes = [{ memberIdNumber: headId, kind: 'wage', amountFen: opts.wageFen, period: 'month', source: '零工' }] as never[];
  const res = await caller(built)('POST', '/households', token, body);
  if (res.statusCode !== 201) throw new Error(`household: ${res.body}`);
  return { householdNo: (res.json() as { householdNo: string }).householdNo, headId };
}

export function stepper(built: BuiltApp) {
  const call = caller(built);
  /** Performs a step and expects it to succeed. */
  const step = async (token: string, caseNo: string, action: string, body: { date?: string; reason?: string; data?: object } = {}) => {
    const res = await call('POST', `/cases/${caseNo}/transitions`, token, { action, ...body });
    if (res.statusCode !== 200) throw new Error(`${action}: ${res.statusCode} ${res.body}`);
    return res.json() as { caseNo: string; state: string; dueDate: string | null };
  };
  /** Performs a step that must be refused; returns the error. */
  const refused = async (token: string, caseNo: string, action: string, body: { date?: string; reason?: string; data?: object } = {}) => {
    const res = await call('POST', `/cases/${caseNo}/transitions`, token, { action, ...body });
    const err = (res.json() as { error: { code: string; message: string } }).error;
    return { status: res.statusCode, code: err?.code, message: err?.message };
  };
  return { call, step, refused };
}

export const visit = (date: string, staff = ['王明', '李芳']) => ({ date, data: { date, staff, findings: '家中无大件资产，收入以零工为主，情况属实' } });
export const verification = (date: string, result: 'pass' | 'fail' = 'pass') => ({ date, data: { result, note: '人工核对：无车辆、无工商登记、存款未超限' } });

/** The text of a .docx: inflate word/document.xml from the zip and strip the XML. */
export function docxText(buf: Buffer): string {
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error('not a zip file');
  const entries = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  for (let i = 0; i < entries; i++) {
    const method = buf.readUInt16LE(p + 10);
    const size = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    if (name === 'word/document.xml') {
      const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
      const data = buf.subarray(start, start + size);
      const xml = (method === 8 ? zlib.inflateRawSync(data) : data).toString('utf8');
      return xml.replace(/<\/w:p>/g, '\n').replace(/<[^>]+>/g, '');
    }
    p += 46 + nameLen + extraLen + commentLen;
  }
  throw new Error('word/document.xml not found');
}

/**
 * A 低保 case under cn-2021 walked to approval (applied 2023-03-01, approved 2023-03-20): household
 * of two urban adults in 广惠社区 with the given monthly wage (or the given hukou and members).
 */
export async function approvedDibao(built: BuiltApp, tokens: { township: string; county: string }, opts: { wageFen?: number; flags?: object; hukou?: 'urban' | 'rural'; members?: Record<string, unknown>[] } = {}) {
  const { call, step } = stepper(built);
  const h = await makeHousehold(built, tokens.township, '522701001001', { wageFen: opts.wageFen ?? 30000, ...(opts.hukou ? { hukou: opts.hukou } : {}), ...(opts.members ? { members: opts.members } : {}) });
  const res = await call('POST', '/cases', tokens.township, { programme: 'dibao', householdNo: h.householdNo, applicantIdNumber: h.headId, appliedOn: '2023-03-01', ...opts.flags });
  if (res.statusCode !== 201) throw new Error(res.body);
  const { caseNo } = res.json() as { caseNo: string };
  await step(tokens.township, caseNo, 'home_visit', visit('2023-03-03'));
  await step(tokens.township, caseNo, 'verify_economic_status', verification('2023-03-06'));
  await step(tokens.township, caseNo, 'township_review', { date: '2023-03-08' });
  await step(tokens.township, caseNo, 'submit_to_county', { date: '2023-03-16' });
  const b = (await call('POST', '/cases/batches', tokens.county, { programme: 'dibao', caseNos: [caseNo], date: '2023-03-17' })).json() as { batchNo: string };
  await call('POST', `/cases/batches/${b.batchNo}/sample`, tokens.county, { seed: caseNo, date: '2023-03-17' });
  await step(tokens.county, caseNo, 'county_visit', visit('2023-03-17', ['张县审', '赵县核']));
  await step(tokens.county, caseNo, 'approve', { date: '2023-03-20' });
  return { caseNo, ...h };
}
