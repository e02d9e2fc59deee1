import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openDatabase } from '../db/engine.ts';
import { makeIdNumber } from '../kernel/id-number.ts';
import { fromRoot } from '../kernel/paths.ts';
import { ENGINE } from '../test/db.ts';
import { adminQuery, dropDatabase, withDatabase } from '../test/fixture.ts';

const run = promisify(execFile);

describe(`jiuzhu CLI (${ENGINE})`, () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jiuzhu-cli-'));
  const serverUrl = process.env.DATABASE_URL;
  const dbName = `jiuzhu_cli_${process.pid}`;
  const env = { ...process.env, JIUZHU_DATA_DIR: path.join(dir, 'data'), ...(serverUrl ? { DATABASE_URL: withDatabase(serverUrl, dbName) } : {}) };
  // The run's compiled CLI (src/test/global-setup.ts): the same commands without tsx compiling every module
  // at each start; the first command goes through bin/jiuzhu.mjs (tsx), what `npx jiuzhu` runs.
  const compiled = inject('cliEntry');
  const jiuzhu = (args: string[], input?: string, entry = compiled) => {
    const child = run(process.execPath, [entry, ...args], { env, cwd: dir, timeout: 120_000 });
    if (input !== undefined) {
      child.child.stdin?.end(input);
    }
    return child;
  };

  beforeAll(async () => {
    if (serverUrl) await adminQuery(serverUrl, `create database ${dbName}`);
  });
  afterAll(async () => {
    if (serverUrl) await dropDatabase(serverUrl, dbName);
    if (serverUrl) await dropDatabase(serverUrl, `${dbName}_r`);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('migrates twice, loads areas, creates the first admin, verifies and breaks the audit chain', async () => {
    expect((await jiuzhu(['db', 'migrate'], undefined, fromRoot('bin/jiuzhu.mjs'))).stdout).toMatch(/applied: 0001_platform/);
    expect((await jiuzhu(['db', 'migrate'])).stdout).toMatch(/nothing to apply/);
    expect((await jiuzhu(['areas', 'load', '522700'])).stdout).toContain('12 counties, 1 functional zones, 109 townships, 1464 villages');

    const weak = await jiuzhu(['users', 'create', '--username', 'first.admin', '--name', '管理员', '--role', 'prefecture_admin', '--area', '522700', '--password-stdin'], 'short').catch((e: { code: number; stderr: string }) => e);
    expect(weak).toMatchObject({ code: 2, stderr: expect.stringContaining('password') });
    const common = await jiuzhu(['users', 'create', '--username', 'first.admin', '--name', '管理员', '--role', 'prefecture_admin', '--area', '522700', '--password-stdin'], 'woaini1314').catch((e: { code: number; stderr: string }) => e);
    expect(common).toMatchObject({ code: 2, stderr: expect.stringContaining('error (weak_password): password: 密码强度不足：这是最常用的密码之一') });
    const ok = await jiuzhu(['users', 'create', '--username', 'first.admin', '--name', '管理员', '--role', 'prefecture_admin', '--area', '522700', '--password-stdin'], 'a-long-enough-password\n');
    expect(ok.stdout).toContain('created first.admin (prefecture_admin, 黔南布依族苗族自治州 522700)');

    expect((await jiuzhu(['audit', 'verify'])).stdout).toMatch(/audit chain ok: 2 entries/);

    // Backup and restore (src/ops): the archive's manifest, then a restore into an empty target that checks it.
    const archive = path.join(dir, 'backup.jzb');
    expect((await jiuzhu(['backup', '--out', archive])).stdout).toMatch(/备份已写入 .*backup\.jzb：.*审计 2 条/);
    const restoreTarget = serverUrl ? ['--database-url', withDatabase(serverUrl, `${dbName}_r`)] : ['--data-dir', path.join(dir, 'restored')];
    if (serverUrl) await adminQuery(serverUrl, `create database ${dbName}_r`);
    expect((await jiuzhu(['restore', archive, ...restoreTarget])).stdout).toMatch(/已恢复：.*核对通过：\d+ 张表 \d+ 行与清单一致，审计链 2 条完好/);
    const again = await jiuzhu(['restore', archive, ...restoreTarget]).catch((e: { code: number; stderr: string }) => e);
    expect(again).toMatchObject({ code: 2, stderr: expect.stringContaining('error (restore_target_not_empty)') });

    const db = await openDatabase(serverUrl ? { databaseUrl: env.DATABASE_URL } : { dataDir: env.JIUZHU_DATA_DIR });
    const first = await db.kysely.selectFrom('audit_log').select(['id', 'chain_key']).orderBy('id').executeTakeFirstOrThrow();
    await db.execScript(`alter table audit_log disable trigger audit_log_no_update; update audit_log set actor_name = 'forger' where id = ${first.id}; alter table audit_log enable trigger audit_log_no_update;`);
    await db.close();
    const broken = await jiuzhu(['audit', 'verify']).catch((e: { code: number; stderr: string }) => e);
    expect(broken).toMatchObject({ code: 1, stderr: expect.stringContaining(`BROKEN at entry ${first.id} (chain ${first.chain_key}): content does not match its hash`) });
  }, 300_000);

  it('refuses a settlement file with a bad row, naming the row, and imports nothing', async () => {
    const file = path.join(dir, 'settle.csv');
    const header = '结算单号,姓名,公民身份号码,人员类别,医疗机构名称,就诊类别,重特大疾病,入院（就诊）日期,出院日期,结算日期,医疗总费用,基本医保支付,大病保险支付,政策范围内个人自付,医疗救助支付,倾斜救助支付';
    fs.writeFileSync(file, `${header}\nS1,查无此人,${makeIdNumber('110101', '1950-01-01', 1, 'male')},低保边缘家庭成员,都匀市人民医院,住院,否,2015-11-01,2015-11-05,2015-11-05,3000,2000,0,800,-5,0\nS2,查无此人,${makeIdNumber('110101', '1950-01-01', 2, 'male')},低保边缘家庭成员,都匀市人民医院,住院,否,2015-11-01,2015-11-05,2015-11-05,3000,2000,0,800,500,0\n`);
    const refused = await jiuzhu(['medical', 'settlements', file, '--county', '522701']).catch((e: { code: number; stderr: string }) => e);
    expect(refused).toMatchObject({ code: 2, stderr: expect.stringContaining('未导入任何数据') });
    expect(refused.stderr).toContain('row 2.医疗救助支付: 医疗救助支付金额不能为负数');
    expect(refused.stderr).toContain('row 3.公民身份号码: 公民身份号码未在本县登记');
    const db = await openDatabase(serverUrl ? { databaseUrl: env.DATABASE_URL } : { dataDir: env.JIUZHU_DATA_DIR });
    const { n } = await db.kysely.selectFrom('medical_settlement_imports').select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    await db.close();
    expect(Number(n)).toBe(0);
  }, 120_000);

  it('import caseload: a file with bad rows imports nothing, names each row and writes the report beside it', async () => {
    const file = path.join(dir, 'caseload.csv');
    fs.writeFileSync(file, '户编号,救助项目,类别,批准日期,月保障金额\n52270199999999,低保,B类,2015-03-10,300\n52270199999998,低保,Z类,2015-03-10,0\n');
    const refused = await jiuzhu(['import', 'caseload', file, '--county', '522701', '--first-month', '2015-12']).catch((e: { code: number; stderr: string }) => e);
    expect(refused).toMatchObject({ code: 1, stderr: expect.stringContaining('存量对象文件有 3 处错误，未导入任何数据') });
    expect(refused.stderr).toContain('row 2, 户编号: 户编号 52270199999999 未登记或不属于本县');
    expect(refused.stderr).toContain('row 3, 类别: 类别“Z类”不是低保的类别');
    expect(refused.stderr).toContain('row 3, 月保障金额: 月保障金额应大于0');
    expect(fs.existsSync(path.join(dir, 'caseload.report.xlsx'))).toBe(true);
    const db = await openDatabase(serverUrl ? { databaseUrl: env.DATABASE_URL } : { dataDir: env.JIUZHU_DATA_DIR });
    const { n } = await db.kysely.selectFrom('cases').select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    await db.close();
    expect(Number(n)).toBe(0);
  }, 120_000);

  it('refuses to start with a bad variable, naming it, and on a database migrated by a newer version', async () => {
    const failed = (e: { code: number; stderr: string }) => e;
    const badPort = await run(process.execPath, [compiled, 'start'], { env: { ...env, PORT: 'abc', LOG_LEVEL: 'loud' }, cwd: dir, timeout: 60_000 }).catch(failed);
    expect(badPort).toMatchObject({ code: 2, stderr: expect.stringContaining('PORT 应为 0–65535 的整数（收到 "abc"）') });
    expect(badPort.stderr).toContain('LOG_LEVEL 应为');

    const db = await openDatabase(serverUrl ? { databaseUrl: env.DATABASE_URL } : { dataDir: env.JIUZHU_DATA_DIR });
    await db.execScript(`insert into schema_migrations (version, name, checksum) values ('9999', 'from_the_future', 'x')`);
    await db.close();
    const newer = await jiuzhu(['serve', '--port', '0']).catch(failed);
    expect(newer).toMatchObject({ code: 2, stderr: expect.stringContaining('数据库由更新版本的 Jiuzhu 迁移过（未知迁移 9999_from_the_future），请使用新版本程序') });
    expect(newer.stderr).not.toContain('listening on');
  }, 180_000);
});
