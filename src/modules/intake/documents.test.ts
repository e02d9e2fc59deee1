// A request's documents (申请材料): a citizen's online application leaves its documents and the signed
// 核对 authorisation on the intake request, where the township's caseworker lists and opens them (each
// opening audited); another township's caseworker finds nothing; the window adds scanned paper.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/engine.ts';
import { loadConfig } from '../../kernel/config.ts';
import { buildApp, type BuiltApp } from '../../server/app.ts';
import { ENGINE, testDatabase } from '../../test/db.ts';
import { householdInput, idNumber, memberInput } from '../../test/households.ts';
import { bearer, errorOf, tokenFor } from '../../test/http.ts';

const VILLAGE = '522701001001';
const PHONE = '13866667777';
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 1, 2, 3]);
const SIGNATURE = Buffer.concat([PNG, Buffer.from('signed on screen')]);
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 7]);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n');
const sha = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');
const doc = (name: string, bytes: Buffer) => ({ name, content: bytes.toString('base64') });

interface DocumentItem { seq: number; kind: string; fileName: string; mediaType: string; sizeBytes: number; sha256: string; addedBy: string; addedOn: string }

describe(`request documents (申请材料) (${ENGINE})`, () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jiuzhu-docs-'));
  const smsFile = path.join(dir, 'sms.jsonl');
  let db: Database;
  let built: BuiltApp;
  let guanghui: string;
  let wenfeng: string;
  let requestNo: string;

  const staff = (token: string, method: 'GET' | 'POST', url: string, payload?: object) =>
    built.app.inject({ method, url: `/api/v1${url}`, headers: bearer(token), ...(payload ? { payload } : {}) });
  const stored = async () => Number((await sql<{ n: string }>`select count(*) as n from intake_request_documents`.execute(db.kysely)).rows[0]?.n);
  const audits = async (action: string) =>
    (await sql<{ actor_name: string; entity_id: string; after: Record<string, unknown> }>`select actor_name, entity_id, after from audit_log where action = ${action} order by id`.execute(db.kysely)).rows;

  beforeAll(async () => {
    db = await testDatabase();
    built = await buildApp({ db, config: { ...loadConfig({ JIUZHU_SMS_PROVIDER: 'file', JIUZHU_SMS_FILE: smsFile }), demo: true } }, { logger: false });
    guanghui = await tokenFor(built, 'guanghui.caseworker');
    wenfeng = await tokenFor(built, 'wenfeng.caseworker');
    const clerk = await tokenFor(built, 'guanghui.clerk');
    const head = memberInput({ name: '杨德明', relation: 'head', idNumber: idNumber('1948-05-06', 'male') });
    const made = await built.app.inject({ method: 'POST', url: '/api/v1/households', headers: bearer(clerk), payload: householdInput(VILLAGE, [head], { phone: PHONE }) });
    expect(made.statusCode, made.body).toBe(201);
    const householdNo = (made.json() as { householdNo: string }).householdNo;

    // The citizen signs in and applies online with two documents and the signature.
    const portal = (url: string, payload: object, cookies?: Record<string, string>) =>
      built.app.inject({ method: 'POST', url: `/api/portal/v1${url}`, remoteAddress: '10.40.0.1', payload, ...(cookies ? { cookies } : {}) });
    expect((await portal('/auth/code', { idNumber: head.idNumber, phone: PHONE })).statusCode).toBe(200);
    const code = /验证码为 (\d{6})/.exec(fs.readFileSync(smsFile, 'utf8'))?.[1] ?? '';
    const verified = await portal('/auth/verify', { idNumber: head.idNumber, code });
    expect(verified.statusCode, verified.body).toBe(200);
    const session = { jiuzhu_portal: verified.cookies.find((c) => c.name === 'jiuzhu_portal')?.value ?? '' };
    const applied = await portal('/applications', {
      programme: 'dibao', householdNo, description: '独居老人，没有收入', authorised: true,
      signature: `data:image/png;base64,${SIGNATURE.toString('base64')}`, documents: [doc('户口本.jpg', JPEG), doc('病历 "2026".pdf', PDF)],
    }, session);
    expect(applied.statusCode, applied.body).toBe(201);
    expect(applied.json()).toMatchObject({ documents: 2, signatureSha256: sha(SIGNATURE) });
    requestNo = (applied.json() as { requestNo: string }).requestNo;
    const mine = await built.app.inject({ method: 'GET', url: '/api/portal/v1/applications', remoteAddress: '10.40.0.1', cookies: session });
    expect((mine.json() as { items: { requestNo: string; documents: number }[] }).items).toEqual([expect.objectContaining({ requestNo, documents: 2 })]);
  });
  afterAll(async () => {
    await built?.app.close();
    await db?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('the portal keeps no files of its own any more (migration 0134)', async () => {
    const tables = await sql<{ t: string | null }>`select to_regclass('portal_application_documents')::text as t`.execute(db.kysely);
    expect(tables.rows[0]?.t ?? null).toBeNull();
    const columns = await sql<{ column_name: string }>`select column_name from information_schema.columns where table_name = 'portal_applications'`.execute(db.kysely);
    expect(columns.rows.map((c) => c.column_name)).toEqual(expect.arrayContaining(['signature_sha256', 'document_count']));
    expect(columns.rows.map((c) => c.column_name)).not.toContain('signature_png');
  });

  it('declares the file route\'s response as binary PNG, JPEG or PDF in the OpenAPI document', async () => {
    type Spec = { paths: Record<string, Record<string, { summary?: string; responses: Record<string, { content?: Record<string, { schema?: { format?: string } }> }> }>> };
    const spec = (await built.app.inject({ url: '/api/openapi.json' })).json() as Spec;
    const route = spec.paths['/api/v1/intake/requests/{requestNo}/documents/{seq}']?.['get'];
    expect(route?.summary).toMatch(/[\u4e00-\u9fff]/);
    expect(Object.entries(route?.responses['200']?.content ?? {}).map(([type, c]) => [type, c.schema?.format])).toEqual([
      ['image/png', 'binary'], ['image/jpeg', 'binary'], ['application/pdf', 'binary'],
    ]);
  });

  it('lists the application\'s documents and signature on the request; the township caseworker opens each with the same bytes, audited', async () => {
    const list = await staff(guanghui, 'GET', `/intake/requests/${requestNo}/documents`);
    expect(list.statusCode, list.body).toBe(200);
    const items = (list.json() as { items: DocumentItem[] }).items;
    expect(items.map(({ seq, kind, fileName, mediaType, sizeBytes, sha256 }) => ({ seq, kind, fileName, mediaType, sizeBytes, sha256 }))).toEqual([
      { seq: 1, kind: 'document', fileName: '户口本.jpg', mediaType: 'image/jpeg', sizeBytes: JPEG.length, sha256: sha(JPEG) },
      { seq: 2, kind: 'document', fileName: '病历 "2026".pdf', mediaType: 'application/pdf', sizeBytes: PDF.length, sha256: sha(PDF) },
      { seq: 3, kind: 'signature', fileName: 'signature.png', mediaType: 'image/png', sizeBytes: SIGNATURE.length, sha256: sha(SIGNATURE) },
    ]);
    expect(items[0]!.addedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    const before = (await audits('intake.document_view')).length;
    for (const [seq, bytes, type] of [[1, JPEG, 'image/jpeg'], [2, PDF, 'application/pdf'], [3, SIGNATURE, 'image/png']] as const) {
      const res = await staff(guanghui, 'GET', `/intake/requests/${requestNo}/documents/${seq}`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toBe(type);
      expect(res.rawPayload.equals(bytes)).toBe(true);
      expect(sha(res.rawPayload)).toBe(items[seq - 1]!.sha256);
      expect(String(res.headers['content-disposition'])).toMatch(/^inline; filename="[^"]*"; filename\*=UTF-8''/);
    }
    expect(String((await staff(guanghui, 'GET', `/intake/requests/${requestNo}/documents/1`)).headers['content-disposition'])).toContain(`filename*=UTF-8''${encodeURIComponent('户口本.jpg')}`);
    const views = (await audits('intake.document_view')).slice(before);
    expect(views).toHaveLength(4);
    expect(views[0]).toMatchObject({ actor_name: expect.any(String) as string, entity_id: requestNo, after: { seq: 1, kind: 'document', sha256: sha(JPEG), bytes: JPEG.length } });
    expect(views[2]).toMatchObject({ after: { seq: 3, kind: 'signature', sha256: sha(SIGNATURE) } });

    // The portal's application added them through the intake, audited with hashes and sizes, never bytes.
    const added = (await audits('intake.documents_add')).filter((a) => a.entity_id === requestNo);
    expect(added.map((a) => a.after['kind'])).toEqual(['document', 'signature']);
    expect(JSON.stringify(added)).toContain(sha(PDF));
    expect(JSON.stringify(added)).not.toContain(PDF.toString('base64'));
  });

  it('another township\'s caseworker gets the 404 of a missing request, on every documents route', async () => {
    const missing = `SL${requestNo.slice(2, 8)}2015999999`;
    const scan = { documents: [doc('扫描件.pdf', PDF)] };
    const before = await stored();
    for (const [method, suffix, payload] of [['GET', '/documents', undefined], ['GET', '/documents/1', undefined], ['POST', '/documents', scan]] as const) {
      const foreign = await staff(wenfeng, method, `/intake/requests/${requestNo}${suffix}`, payload);
      const absent = await staff(guanghui, method, `/intake/requests/${missing}${suffix}`, payload);
      expect(foreign.statusCode, foreign.body).toBe(404);
      expect(absent.statusCode).toBe(404);
      expect(foreign.body.replaceAll(requestNo, 'X')).toBe(absent.body.replaceAll(missing, 'X'));
    }
    expect(await stored()).toBe(before);
    expect((await staff(guanghui, 'GET', `/intake/requests/${requestNo}/documents/9`)).statusCode).toBe(404);
  });

  it.each([
    { name: 'a text file posing as a PNG', documents: [doc('a.pdf', PDF), doc('b.png', Buffer.from('hello, not an image'))], field: 'documents.1' },
    { name: 'a document over 5 MB', documents: [doc('big.png', Buffer.concat([PNG, Buffer.alloc(5 * 1024 * 1024)]))], field: 'documents.0' },
    { name: 'eleven documents', documents: Array.from({ length: 11 }, (_, i) => doc(`${i}.pdf`, PDF)), field: 'documents' },
    { name: 'none at all', documents: [], field: 'documents' },
  ])('a bad upload by the window ($name) → 400 naming $field, nothing stored', async ({ documents, field }) => {
    const before = [await stored(), (await audits('intake.documents_add')).length];
    const res = await staff(guanghui, 'POST', `/intake/requests/${requestNo}/documents`, { documents });
    expect(res.statusCode, res.body).toBe(400);
    expect(errorOf(res).details.fields?.map((f) => f.field)).toContain(field);
    expect([await stored(), (await audits('intake.documents_add')).length]).toEqual(before);
  });

  it('the window adds scanned paper to the request, numbered after the others and audited', async () => {
    const res = await staff(guanghui, 'POST', `/intake/requests/${requestNo}/documents`, { documents: [doc('收入证明.pdf', PDF), doc('照片.png', PNG)] });
    expect(res.statusCode, res.body).toBe(201);
    expect((res.json() as { documents: { seq: number }[] }).documents.map((d) => d.seq)).toEqual([4, 5]);
    const items = ((await staff(guanghui, 'GET', `/intake/requests/${requestNo}/documents`)).json() as { items: DocumentItem[] }).items;
    expect(items.slice(3)).toEqual([
      expect.objectContaining({ seq: 4, kind: 'document', fileName: '收入证明.pdf', addedBy: expect.any(String) as string }),
      expect.objectContaining({ seq: 5, kind: 'document', fileName: '照片.png', mediaType: 'image/png' }),
    ]);
    const last = (await audits('intake.documents_add')).at(-1);
    expect(last).toMatchObject({ entity_id: requestNo, after: { kind: 'document', documents: [{ seq: 4, sha256: sha(PDF) }, { seq: 5, sha256: sha(PNG) }] } });
  });
});
