// An edit made from values seen earlier (the offline intake app) names what it was based on; the server
// refuses it, changing nothing, when any of those fields was changed meanwhile.
import { describe, expect, it } from 'vitest';
import { ENGINE } from '../../test/db.ts';
import { householdInput, idNumber, memberInput } from '../../test/households.ts';
import { bearer, errorOf, tokenFor, useTestApp } from '../../test/http.ts';
import { sameFieldValue } from './domain/same-value.ts';

describe(`household edit with expected values (${ENGINE})`, () => {
  const t = useTestApp();
  const call = async (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
    t.built.app.inject({ method, url: `/api/v1${url}`, headers: bearer(await tokenFor(t.built, 'guanghui.caseworker')), ...(payload ? { payload } : {}) });

  async function fresh(): Promise<string> {
    const res = await call('POST', '/households', householdInput('522701001001', [memberInput({ idNumber: idNumber('1960-01-02'), name: '杨光明' })]));
    expect(res.statusCode).toBe(201);
    return (res.json() as { householdNo: string }).householdNo;
  }
  const current = async (no: string) => ((await call('GET', `/households/${no}?unmask=true`)).json() as { household: Record<string, unknown> }).household;

  it('writes when the expected values still hold', async () => {
    const no = await fresh();
    const res = await call('PATCH', `/households/${no}`, { address: '广惠路14号', expected: { address: '广惠路12号', categories: [] } });
    expect(res.statusCode).toBe(204);
    expect((await current(no))['address']).toBe('广惠路14号');
  });

  it('answers 409 naming the fields changed meanwhile, and changes nothing', async () => {
    const no = await fresh();
    expect((await call('PATCH', `/households/${no}`, { phone: '13900001111' })).statusCode).toBe(204);
    const res = await call('PATCH', `/households/${no}`, { phone: '13722223333', address: '新寨组5号', expected: { phone: '13812345678', address: '广惠路12号' } });
    expect(res.statusCode).toBe(409);
    expect(errorOf(res).code).toBe('household_changed');
    expect(errorOf(res).details).toMatchObject({ fields: [{ field: 'phone', message: '该项已被他人修改，请核对后再保存' }] });
    expect(await current(no)).toMatchObject({ phone: '13900001111', address: '广惠路12号' });
  });

  it('refuses a malformed expected value with a 400 naming the field', async () => {
    const no = await fresh();
    const res = await call('PATCH', `/households/${no}`, { address: '新寨组5号', expected: { phone: '12' } });
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(errorOf(res))).toContain('expected.phone');
    expect((await current(no))['address']).toBe('广惠路12号');
  });

  it('compares lists regardless of order', () => {
    expect(sameFieldValue(['a', 'b'], ['b', 'a'])).toBe(true);
    expect(sameFieldValue(['a'], ['a', 'a'])).toBe(false);
    expect(sameFieldValue(null, undefined)).toBe(true);
    expect(sameFieldValue('x', 'y')).toBe(false);
  });
});
