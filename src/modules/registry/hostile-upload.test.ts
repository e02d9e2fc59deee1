// Hostile uploads over HTTP: a zip bomb, a lying zip, an over-wide CSV and an over-limit body are refused
// quickly with their 4xx and change nothing; the server answers /healthz meanwhile.
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { ENGINE } from '../../test/db.ts';
import { bearer, errorOf, tokenFor, useTestApp } from '../../test/http.ts';
import { zipBomb } from '../../test/zip.ts';
import { FILE_LIMITS } from '../../kernel/files/limits.ts';

describe(`hostile uploads to the household import (${ENGINE})`, () => {
  const t = useTestApp();
  let token: string;

  beforeAll(async () => {
    token = await tokenFor(t.built, 'duyun.approver');
  });

  const households = async () => Number((await sql<{ n: number }>`select count(*)::int as n from households`.execute(t.db.kysely)).rows[0]?.n);
  const upload = (file: Buffer, format: 'xlsx' | 'csv') =>
    t.built.app.inject({ method: 'POST', url: `/api/v1/registry/imports?format=${format}`, headers: { ...bearer(token), 'content-type': 'application/octet-stream' }, payload: file });

  it('refuses a 1 MB .xlsx that inflates to 1 GB within 2 s, answering /healthz meanwhile, importing nothing', async () => {
    const before = await households();
    const bomb = zipBomb();
    const started = performance.now();
    const pending = upload(bomb, 'xlsx');
    const health = await t.built.app.inject({ method: 'GET', url: '/healthz' });
    const res = await pending;
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(health.statusCode).toBe(200);
    expect(res.statusCode).toBe(413);
    expect(errorOf(res)).toMatchObject({ code: 'file_inflates_too_large', message: expect.stringContaining('解压后 1024 MB，超过 512 MB 的上限') });
    expect(await households()).toBe(before);
  });

  it('refuses a bomb whose zip directory under-declares its size', async () => {
    const before = await households();
    const res = await upload(zipBomb(100_000), 'xlsx');
    expect(res.statusCode).toBe(413);
    expect(errorOf(res)).toMatchObject({ code: 'file_inflates_too_large', message: expect.stringContaining('实际解压大小超过压缩包目录声明的') });
    expect(await households()).toBe(before);
  });

  it('refuses a CSV row of too many columns with 400 naming the row', async () => {
    const res = await upload(Buffer.from(`户序号,村(社区)代码\n1,${'x,'.repeat(300)}\n`), 'csv');
    expect(res.statusCode).toBe(400);
    expect(errorOf(res)).toMatchObject({ code: 'too_many_columns', message: '第 2 行超过 256 列的上限', details: { fields: [{ field: 'row 2' }] } });
  });

  it('refuses a body over the limit with 413 file_too_large naming the limit in MB', async () => {
    const res = await upload(Buffer.alloc(FILE_LIMITS.bodyBytes + 1, 0x41), 'csv');
    expect(res.statusCode).toBe(413);
    expect(errorOf(res)).toMatchObject({ code: 'file_too_large', message: '文件超过 50 MB 的上限，请拆分为多个文件后分别导入' });
  });
});
