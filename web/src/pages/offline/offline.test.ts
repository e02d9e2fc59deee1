// The offline app's logic that needs no browser: encryption at rest, the field-by-field conflict plan
// and the sync of queued entries against a stand-in for the API.
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client.ts';
import type { NewHousehold } from '../registry/api.ts';
import { planEdit, resolvePlan, type Fields } from './conflict.ts';
import { newDeviceKey, seal, unseal } from './crypto.ts';
import type { HouseholdEntry, VisitEntry } from './entries.ts';
import { NEW_HOUSEHOLD_FINDINGS, resolveVisit, syncEntry, type SyncPort } from './sync.ts';
import type { VisitUpload } from '../registry/visitsApi.ts';

const BASE: Fields = { address: '广惠路12号', phone: '13812345678', categories: ['single_parent'], povertyFile: false };

describe('encryption at rest', () => {
  it('reads back what it sealed, and the stored bytes do not show it', async () => {
    const key = await newDeviceKey();
    const value = { name: '杨光明', idNumber: '522701196001020011' };
    const sealed = await seal(key, value);
    expect(new TextDecoder().decode(sealed.data)).not.toContain('522701196001020011');
    expect(await unseal(key, sealed)).toEqual(value);
  });

  it('cannot be read with another key, and the key cannot be exported', async () => {
    const sealed = await seal(await newDeviceKey(), { secret: 1 });
    await expect(unseal(await newDeviceKey(), sealed)).rejects.toThrow();
    await expect(crypto.subtle.exportKey('raw', await newDeviceKey())).rejects.toThrow();
  });

  it('uses a fresh IV for every value', async () => {
    const key = await newDeviceKey();
    const [a, b] = [await seal(key, 'x'), await seal(key, 'x')];
    expect(Buffer.from(a.iv).equals(Buffer.from(b.iv))).toBe(false);
  });
});

describe('conflict plan', () => {
  it('writes a field the clerk changed when the server still has the base value', () => {
    const plan = planEdit(BASE, { ...BASE, address: '新寨组5号' }, BASE);
    expect(plan).toEqual({ patch: { address: '新寨组5号' }, expected: { address: '广惠路12号' }, conflicts: [] });
  });

  it('makes a field changed on both sides differently a conflict with all three values, and writes nothing of it', () => {
    const plan = planEdit(BASE, { ...BASE, phone: '13722223333', address: '新寨组5号' }, { ...BASE, phone: '13900001111' });
    expect(plan.conflicts).toEqual([{ field: 'phone', local: '13722223333', server: '13900001111', base: '13812345678' }]);
    expect(plan.patch).toEqual({ address: '新寨组5号' });
  });

  it('ignores server changes to fields the clerk left, and the same change on both sides', () => {
    const plan = planEdit(BASE, { ...BASE, categories: ['single_parent', 'family_planning'] }, { ...BASE, address: '别处', categories: ['family_planning', 'single_parent'] });
    expect(plan).toEqual({ patch: {}, expected: {}, conflicts: [] });
  });

  it('needs a choice for every conflicting field; the server value chosen is not written', () => {
    const plan = planEdit(BASE, { ...BASE, phone: '13722223333', address: '新寨组5号' }, { ...BASE, phone: '13900001111', address: '老寨组1号' });
    expect(resolvePlan(plan, { phone: 'local' })).toEqual({ missing: ['address'] });
    expect(resolvePlan(plan, { phone: 'local', address: 'server' })).toEqual({ patch: { phone: '13722223333' }, expected: { phone: '13900001111' } });
  });
});

/** A stand-in server holding one household's fields, checking expected values as the real one does. */
function fakeServer(fields: Fields) {
  const state = { fields: { ...fields }, created: [] as NewHousehold[], offline: false, visits: [] as { householdNo: string; visit: VisitUpload }[], visitFails: 0 };
  const port: SyncPort = {
    async createHousehold(input) {
      if (state.offline) throw new TypeError('Failed to fetch');
      if (input.members.length === 0) throw new ApiError(400, 'validation_failed', '请求内容有误', { fields: [{ field: 'members', message: '家庭成员不能为空' }] });
      state.created.push(input);
      return '52270100000042';
    },
    async updateHousehold(_no, patch, expected) {
      if (state.offline) throw new TypeError('Failed to fetch');
      const moved = Object.entries(expected).filter(([k, v]) => JSON.stringify(state.fields[k as keyof Fields]) !== JSON.stringify(v));
      if (moved.length > 0) throw new ApiError(409, 'household_changed', '家庭信息已被他人修改', { fields: moved.map(([field]) => ({ field, message: '该项已被他人修改' })) });
      state.fields = { ...state.fields, ...patch };
    },
    async currentFields() {
      return { ...state.fields };
    },
    async addVisit(householdNo, visit) {
      if (state.offline) throw new TypeError('Failed to fetch');
      if (state.visitFails > 0) {
        state.visitFails--;
        throw new ApiError(502, 'http_502', 'Bad Gateway');
      }
      // As the server: a clientId seen before stores nothing more.
      if (!state.visits.some((v) => v.visit.clientId === visit.clientId)) state.visits.push({ householdNo, visit });
    },
  };
  return { state, port };
}

const common = { createdAt: '2026-12-07T08:00:00+08:00', photos: [], signature: null };
const visit = (local: Fields): VisitEntry => ({ ...common, id: 'v1', kind: 'visit', state: 'pending', householdNo: '52270100000001', label: '杨光明', base: BASE, local, findings: '房屋漏雨' });
const household = (members: NewHousehold['members']): HouseholdEntry => ({
  ...common, id: 'h1', kind: 'household', state: 'pending', label: '韦山林',
  input: { household: { villageCode: '522701001001', hukou: 'rural', address: '新寨组1号', phone: '', bankName: '', bankAccount: '', povertyFile: false, agricultural: true, categories: [], povertyCauses: [], mainPovertyCause: null }, members, incomes: [], assets: [] },
});

describe('sync', () => {
  it('stays waiting while offline, then creates the household and keeps its number', async () => {
    const { state, port } = fakeServer(BASE);
    state.offline = true;
    const entry = household([{} as NewHousehold['members'][number]]);
    expect((await syncEntry(entry, port)).state).toBe('pending');
    state.offline = false;
    expect(await syncEntry(entry, port)).toMatchObject({ state: 'synced', householdNo: '52270100000042' });
  });

  it('keeps the server\'s field message when it refuses an entry, and does not send it again', async () => {
    const { state, port } = fakeServer(BASE);
    const refused = await syncEntry(household([]), port);
    expect(refused).toMatchObject({ state: 'error', error: '家庭成员不能为空' });
    expect(await syncEntry(refused, port)).toBe(refused);
    expect(state.created).toHaveLength(0);
  });

  it('leaves an entry waiting when the server fails on its own side (5xx)', async () => {
    const port: SyncPort = { ...fakeServer(BASE).port, createHousehold: () => Promise.reject(new ApiError(503, 'unavailable', '服务暂不可用')) };
    expect((await syncEntry(household([{} as NewHousehold['members'][number]]), port)).state).toBe('pending');
  });

  it('writes a visit whose fields did not move on the server', async () => {
    const { state, port } = fakeServer(BASE);
    expect((await syncEntry(visit({ ...BASE, address: '新寨组5号' }), port)).state).toBe('synced');
    expect(state.fields.address).toBe('新寨组5号');
  });

  it('turns a field changed on the server meanwhile into a conflict, overwriting nothing, and writes the clerk\'s choice', async () => {
    const { state, port } = fakeServer({ ...BASE, phone: '13900001111' });
    const synced = await syncEntry(visit({ ...BASE, phone: '13722223333', address: '新寨组5号' }), port);
    expect(synced.state).toBe('conflict');
    expect(state.fields.phone).toBe('13900001111');
    const conflict = synced as VisitEntry;
    expect(conflict.plan?.conflicts).toEqual([{ field: 'phone', local: '13722223333', server: '13900001111', base: '13812345678' }]);
    expect(await syncEntry(conflict, port)).toBe(conflict); // waits for the choice
    expect(await resolveVisit(conflict, {}, port)).toBe(conflict); // no choice, nothing written
    const done = await resolveVisit(conflict, { phone: 'local' }, port);
    expect(done.state).toBe('synced');
    expect(state.fields).toMatchObject({ phone: '13722223333', address: '新寨组5号' });
  });

  it('shows a new conflict when the server moves again before the choice is written', async () => {
    const { state, port } = fakeServer({ ...BASE, phone: '13900001111' });
    const conflict = (await syncEntry(visit({ ...BASE, phone: '13722223333' }), port)) as VisitEntry;
    state.fields.phone = '13600006666';
    const again = await resolveVisit(conflict, { phone: 'local' }, port);
    expect(again.state).toBe('conflict');
    expect(again.plan?.conflicts[0]).toMatchObject({ field: 'phone', server: '13600006666', local: '13722223333' });
    expect(state.fields.phone).toBe('13600006666');
  });
});

describe('visit upload', () => {
  const PHOTO = 'data:image/jpeg;base64,/9j/4AAQ';
  const SIGNATURE = 'data:image/png;base64,iVBORw0KGgo=';
  const withEvidence = <E extends VisitEntry | HouseholdEntry>(e: E): E => ({ ...e, photos: [PHOTO], signature: SIGNATURE, visitors: '韦协理' });

  it('sends a visit\'s findings, photos and signature once, with the entry\'s id as the clientId', async () => {
    const { state, port } = fakeServer(BASE);
    const sent = await syncEntry(withEvidence(visit({ ...BASE, address: '新寨组5号' })), port);
    expect(sent).toMatchObject({ state: 'synced', visitSent: true });
    expect(state.visits).toEqual([{ householdNo: '52270100000001', visit: {
      clientId: 'v1', source: 'offline', visitedOn: '2026-12-07', visitors: '韦协理', findings: '房屋漏雨', photos: [{ name: '照片1.jpg', content: PHOTO }], signature: SIGNATURE,
    } }]);
    expect(state.fields.address).toBe('新寨组5号');
    expect(await syncEntry(sent, port)).toBe(sent);
    expect(state.visits).toHaveLength(1);
  });

  it('retries the visit with the same clientId after a 5xx, and stores it once', async () => {
    const { state, port } = fakeServer(BASE);
    state.visitFails = 1;
    const waiting = await syncEntry(withEvidence(visit(BASE)), port);
    expect(waiting).toMatchObject({ state: 'pending' });
    expect(waiting.visitSent).toBeUndefined();
    const done = await syncEntry(waiting, port);
    expect(done).toMatchObject({ state: 'synced', visitSent: true });
    expect(state.visits.map((v) => v.visit.clientId)).toEqual(['v1']);
  });

  it('sends the visit before the fields: a field conflict holds back the fields, not the visit, and the choice does not send it again', async () => {
    const { state, port } = fakeServer({ ...BASE, phone: '13900001111' });
    const conflict = (await syncEntry(withEvidence(visit({ ...BASE, phone: '13722223333' })), port)) as VisitEntry;
    expect(conflict).toMatchObject({ state: 'conflict', visitSent: true });
    expect(state.visits).toHaveLength(1);
    expect(state.fields.phone).toBe('13900001111');
    expect((await resolveVisit(conflict, { phone: 'local' }, port)).state).toBe('synced');
    expect(state.visits).toHaveLength(1);
  });

  it('sends a new household\'s photos and signature as a visit after creating it, and creates it once when the visit must be retried', async () => {
    const { state, port } = fakeServer(BASE);
    state.visitFails = 1;
    const waiting = await syncEntry(withEvidence(household([{} as NewHousehold['members'][number]])), port);
    expect(waiting).toMatchObject({ state: 'pending', householdNo: '52270100000042' });
    const done = await syncEntry(waiting, port);
    expect(done).toMatchObject({ state: 'synced', householdNo: '52270100000042', visitSent: true });
    expect(state.created).toHaveLength(1);
    expect(state.visits).toEqual([{ householdNo: '52270100000042', visit: expect.objectContaining({ clientId: 'h1', findings: NEW_HOUSEHOLD_FINDINGS, photos: [{ name: '照片1.jpg', content: PHOTO }] }) }]);
  });

  it('sends no visit for an entry with no findings, photos or signature', async () => {
    const { state, port } = fakeServer(BASE);
    expect((await syncEntry(household([{} as NewHousehold['members'][number]]), port)).state).toBe('synced');
    expect((await syncEntry({ ...visit({ ...BASE, address: '新寨组5号' }), findings: '' }, port)).state).toBe('synced');
    expect(state.visits).toEqual([]);
  });
});
