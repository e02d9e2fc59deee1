// Home visits (入户调查) with their photos and signature: stored under the household, listed, each file
// given back byte for byte; a sync sent twice stores one visit; refusals name the field and store nothing.
import crypto from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { onFixedDate } from '../../test/clock.ts';
import { ENGINE } from '../../test/db.ts';
import { householdInput, idNumber, memberInput } from '../../test/households.ts';
import { bearer, errorOf, STRONG_PASSWORD, tokenFor, useTestApp } from '../../test/http.ts';

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('signature pixels')]);
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('photo of the 户口簿')]);
const sha = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');

interface VisitBody { id: number; source: string; findings: string; signatureSha256: string | null; files: { seq: number; kind: string; name: string; mediaType: string; sizeBytes: number; sha256: string }[] }

describe(`household visits (${ENGINE})`, () => {
  const today = onFixedDate('2026-06-15');
  const t = useTestApp();
  let no = '';
  let own = '';
  let other = '';
  const call = async (token: string, method: 'GET' | 'POST', url: string, payload?: object) =>
    t.built.app.inject({ method, url: `/api/v1${url}`, headers: bearer(token), ...(payload ? { payload } : {}) });
  const visit = (over: Record<string, unknown> = {}) => ({
    visitedOn: today, visitors: '韦协理、杨经办', findings: '房屋漏雨，户主腿伤未愈', photos: [{ name: '户口簿.jpg', content: JPEG.toString('base64') }],
    signature: `data:image/png;base64,${PNG.toString('base64')}`, ...over,
  });
  const stored = async () => Number((await t.db.kysely.selectFrom('household_visits').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);

  beforeAll(async () => {
    own = await tokenFor(t.built, 'guanghui.caseworker');
    const admin = await tokenFor(t.built, 'qiannan.admin');
    const made = await call(admin, 'POST', '/users', { username: 'fuquan.visitor', displayName: '福泉经办员', password: STRONG_PASSWORD, role: 'township_caseworker', areaCode: '522702001' });
    expect(made.statusCode).toBe(201);
    other = await tokenFor(t.built, 'fuquan.visitor', STRONG_PASSWORD);
    const h = await call(own, 'POST', '/households', householdInput('522701001001', [memberInput({ idNumber: idNumber('1958-04-05'), name: '杨光明' })]));
    no = (h.json() as { householdNo: string }).householdNo;
  });

  it('stores a visit with its photo and signature, lists it and gives each file back with the same bytes', async () => {
    const res = await call(own, 'POST', `/households/${no}/visits`, visit());
    expect(res.statusCode).toBe(201);
    const v = res.json() as VisitBody;
    expect(v).toMatchObject({ source: 'web', findings: '房屋漏雨，户主腿伤未愈', signatureSha256: sha(PNG) });
    expect(v.files).toEqual([
      { seq: 1, kind: 'photo', name: '户口簿.jpg', mediaType: 'image/jpeg', sizeBytes: JPEG.length, sha256: sha(JPEG) },
      { seq: 2, kind: 'signature', name: 'signature.png', mediaType: 'image/png', sizeBytes: PNG.length, sha256: sha(PNG) },
    ]);
    const list = (await call(own, 'GET', `/households/${no}/visits`)).json() as { items: VisitBody[] };
    expect(list.items[0]).toEqual(v);
    for (const [seq, bytes, type] of [[1, JPEG, 'image/jpeg'], [2, PNG, 'image/png']] as const) {
      const file = await call(own, 'GET', `/households/${no}/visits/${v.id}/files/${seq}`);
      expect(file.statusCode).toBe(200);
      expect([file.headers['content-type'], String(file.headers['content-disposition']).startsWith('inline')]).toEqual([type, true]);
      expect(sha(file.rawPayload)).toBe(sha(bytes));
    }
    const audit = await t.db.kysely.selectFrom('audit_log').select(['action', 'after']).where('entity_id', '=', no).where('action', 'like', 'registry.visit%').orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['registry.visit_add', 'registry.visit_file_view', 'registry.visit_file_view']);
    const added = JSON.stringify(audit[0]?.after);
    expect(added).toContain(sha(JPEG));
    expect(added).not.toContain(JPEG.toString('base64'));
  });

  it('answers a second POST with the same clientId with the first visit, storing nothing more', async () => {
    const clientId = crypto.randomUUID();
    const first = await call(own, 'POST', `/households/${no}/visits`, visit({ clientId, source: 'offline' }));
    expect(first.statusCode).toBe(201);
    const before = await stored();
    const again = await call(own, 'POST', `/households/${no}/visits`, visit({ clientId, source: 'offline', findings: '再次同步' }));
    expect(again.statusCode).toBe(200);
    expect((again.json() as VisitBody).id).toBe((first.json() as VisitBody).id);
    expect((again.json() as VisitBody).findings).toBe('房屋漏雨，户主腿伤未愈');
    expect(await stored()).toBe(before);
  });

  it('answers another county\'s user exactly as for a household that does not exist', async () => {
    const missing = `${no.slice(0, 6)}99999999`;
    const v = ((await call(own, 'GET', `/households/${no}/visits`)).json() as { items: VisitBody[] }).items[0];
    const pairs: [string, 'GET' | 'POST', string, object?][] = [
      ['list', 'GET', '/visits'], ['add', 'POST', '/visits', visit()], ['file', 'GET', `/visits/${v?.id ?? 1}/files/1`],
    ];
    const before = await stored();
    for (const [what, method, path, payload] of pairs) {
      const outside = await call(other, method, `/households/${no}${path}`, payload);
      const absent = await call(other, method, `/households/${missing}${path}`, payload);
      expect([outside.statusCode, absent.statusCode], what).toEqual([404, 404]);
      expect(outside.body.replaceAll(no, 'N'), what).toBe(absent.body.replaceAll(missing, 'N'));
    }
    expect(await stored()).toBe(before);
  });

  it.each([
    ['text posing as a JPEG', { photos: [{ name: '身份证.jpg', content: Buffer.from('not an image at all').toString('base64') }] }, 'photos.0'],
    ['a photo over 5 MB', { photos: [{ name: '大.jpg', content: Buffer.concat([JPEG, Buffer.alloc(5 * 1024 * 1024)]).toString('base64') }] }, 'photos.0'],
    ['a JPEG as the signature', { signature: JPEG.toString('base64') }, 'signature'],
    ['a date in the future', { visitedOn: '2099-01-01' }, 'visitedOn'],
    ['empty findings', { findings: ' ' }, 'findings'],
    ['no visitors', { visitors: '' }, 'visitors'],
  ])('refuses %s with a 400 naming the field, storing nothing', async (_what, over, field) => {
    const before = await stored();
    const res = await call(own, 'POST', `/households/${no}/visits`, visit(over));
    expect(res.statusCode).toBe(400);
    expect(errorOf(res).details.fields?.map((f) => f.field)).toContain(field);
    expect(await stored()).toBe(before);
  });
});
