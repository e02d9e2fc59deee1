import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';
import { AppError } from './errors.ts';

const TOKEN = 'f3a9c1d27b4e8f60a1b2c3d4e5f60718';

function refusal(env: NodeJS.ProcessEnv): AppError {
  try {
    loadConfig(env);
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('accepted');
}

describe('configuration from the environment', () => {
  it('has defaults for every variable, and empty counts as unset', () => {
    expect(loadConfig({ PORT: '', LOG_LEVEL: '' })).toMatchObject({
      port: 3000, host: '127.0.0.1', databaseUrl: null, demo: false, cookieSecure: false, sessionHours: 12,
      logLevel: 'info', rescreenAt: null, trustProxy: false, metricsToken: null,
    });
  });

  it('reads good values', () => {
    const c = loadConfig({
      PORT: '8080', JIUZHU_DEMO: 'true', JIUZHU_COOKIE_SECURE: '1', JIUZHU_SESSION_HOURS: '8', LOG_LEVEL: 'warn',
      JIUZHU_RESCREEN_AT: '02:30', JIUZHU_METRICS_TOKEN: TOKEN, DATABASE_URL: 'postgres://app@db:5432/jiuzhu',
    });
    expect(c).toMatchObject({ port: 8080, demo: true, cookieSecure: true, sessionHours: 8, logLevel: 'warn', rescreenAt: '02:30', metricsToken: TOKEN, databaseUrl: 'postgres://app@db:5432/jiuzhu' });
  });

  it.each([
    ['true', true],
    ['false', false],
    ['0', false],
    ['2', 2],
    ['127.0.0.1', ['127.0.0.1']],
    ['loopback, 10.0.0.0/8,fd00::/8', ['loopback', '10.0.0.0/8', 'fd00::/8']],
  ])('JIUZHU_TRUST_PROXY=%s', (value, expected) => {
    expect(loadConfig({ JIUZHU_TRUST_PROXY: value }).trustProxy).toEqual(expected);
  });

  it('refuses with one error that names each bad variable and what it received', () => {
    const e = refusal({ PORT: 'abc', JIUZHU_RESCREEN_AT: '25:00', LOG_LEVEL: 'verbose', JIUZHU_DEMO: 'yes', JIUZHU_SESSION_HOURS: '0', JIUZHU_TRUST_PROXY: '10.0.0.0/33', JIUZHU_COOKIE_SECURE: '1' });
    expect(e.code).toBe('invalid_config');
    expect(e.message).toContain('PORT 应为 0–65535 的整数（收到 "abc"）');
    expect(e.message).toContain('JIUZHU_RESCREEN_AT 应为 HH:MM（或 HH:MM:SS）形式的北京时间（00:00–23:59）（收到 "25:00"）');
    expect(e.message).toContain('LOG_LEVEL 应为 fatal、error、warn、info、debug、trace、silent 之一（收到 "verbose"）');
    expect(e.message).toContain('JIUZHU_DEMO 应为 1、0、true 或 false（收到 "yes"）');
    expect(e.message).toContain('JIUZHU_SESSION_HOURS 应为 1–720 的整数（小时）（收到 "0"）');
    expect(e.message).toContain('JIUZHU_TRUST_PROXY');
    expect(e.message).not.toContain('JIUZHU_COOKIE_SECURE');
    expect((e.details?.variables as { variable: string }[]).map((v) => v.variable).sort()).toEqual(['JIUZHU_DEMO', 'JIUZHU_RESCREEN_AT', 'JIUZHU_SESSION_HOURS', 'JIUZHU_TRUST_PROXY', 'LOG_LEVEL', 'PORT']);
  });

  it.each(['70000', '-1', '3000.5', ' 80'])('refuses PORT=%s', (port) => {
    expect(refusal({ PORT: port }).message).toContain(`PORT 应为 0–65535 的整数（收到 "${port}"）`);
  });

  it('never repeats a secret it refuses', () => {
    const e = refusal({ JIUZHU_METRICS_TOKEN: 'short-secret', DATABASE_URL: 'mysql://root:hunter2@db/x' });
    expect(e.message).toContain('JIUZHU_METRICS_TOKEN 应为至少 32 个字符');
    expect(e.message).toContain('收到 12 个字符');
    expect(e.message).toContain('DATABASE_URL 应为 postgres://');
    expect(e.message).not.toMatch(/short-secret|hunter2/);
    expect(refusal({ JIUZHU_METRICS_TOKEN: `${TOKEN} with spaces` }).message).toContain('JIUZHU_METRICS_TOKEN');
  });

  it.each([
    [{}, false],
    [{ JIUZHU_DCI_TEST_MODE: '1' }, true],
    [{ JIUZHU_DCI_TEST_MODE: 'false' }, false],
  ])('SPDCI test mode from %j: %s (off unless set)', (env, on) => {
    expect(loadConfig(env).dciTestMode).toBe(on);
  });

  it('refuses a bad JIUZHU_DCI_TEST_MODE naming it', () => {
    expect(refusal({ JIUZHU_DCI_TEST_MODE: 'yes' }).message).toContain('JIUZHU_DCI_TEST_MODE');
  });

  it('reads the PostgreSQL pool size (default 10) and refuses a bad one naming it and what it received', () => {
    expect(loadConfig({}).dbPoolSize).toBe(10);
    expect(loadConfig({ JIUZHU_DB_POOL_SIZE: '40' }).dbPoolSize).toBe(40);
    for (const bad of ['0', 'ten', '-5', '2.5', '1001']) {
      expect(refusal({ JIUZHU_DB_POOL_SIZE: bad }).message).toContain(`JIUZHU_DB_POOL_SIZE 应为 1–1000 的整数（连接数）（收到 "${bad}"）`);
    }
  });
});
