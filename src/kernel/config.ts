import net from 'node:net';
import path from 'node:path';
import { z } from 'zod';
import { AppError } from './errors.ts';

/** `JIUZHU_TRUST_PROXY`: whom to believe about the client address in X-Forwarded-For (Fastify's `trustProxy`). */
export type TrustProxy = boolean | number | string[];

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** Runtime configuration, read once from the environment (see README: Configuration). */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | null;
  /** A streaming replica of the PostgreSQL server for reads that may lag (src/db/replica.ts); null: none. */
  databaseReplicaUrl: string | null;
  /** A replica further behind than this (s) is not read; its reads go to the primary. */
  replicaMaxLagSeconds: number;
  demo: boolean;
  cookieSecure: boolean;
  sessionHours: number;
  logLevel: (typeof LOG_LEVELS)[number];
  /** HH:MM (China time) of the daily rescreen, or null: none. */
  rescreenAt: string | null;
  trustProxy: TrustProxy;
  /** Bearer token that opens /metrics to callers other than the loopback; null: loopback only. */
  metricsToken: string | null;
  /** How the portal sends its SMS codes (src/portal/sms): console, file or http. */
  sms: SmsConfig;
  /** The provincial 一网通办 OIDC sign-in for the portal (src/portal/oidc); null: off. */
  oidc: OidcConfig | null;
  /** SPDCI test mode (src/modules/dci): unsigned stubs, the fixed test client, loopback http callbacks. Never in production. */
  dciTestMode: boolean;
  /** Searches count their total exactly up to this many; beyond, they answer "10,000+" (`totalCapped`). */
  searchCountCap: number;
  /** Longest a query of an interactive request may run (ms) before PostgreSQL cancels it (503); jobs and imports are exempt. */
  statementTimeoutMs: number;
  /** A listening server refreshes the statistics roll-up in the background this often (s); 0: each read refreshes it first. */
  statsRefreshSeconds: number;
  /** PostgreSQL: the most connections this process opens to the server (PGlite has one session). */
  dbPoolSize: number;
}

export const SMS_PROVIDERS = ['console', 'file', 'http'] as const;
export interface SmsConfig {
  provider: (typeof SMS_PROVIDERS)[number];
  /** `file`: the JSON-lines file each message is appended to. */
  file: string | null;
  /** `http`: the gateway's address and bearer token. */
  url: string | null;
  token: string | null;
}

export interface OidcConfig {
  /** The issuer identifier, exactly as the id_token's `iss`; discovery at `${issuer}/.well-known/openid-configuration`. */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** null: derived from the request, `${origin}/api/portal/v1/auth/oidc/callback`. */
  redirectUri: string | null;
  /** The id_token claim holding the 公民身份号码. */
  idClaim: string;
  scope: string;
}

export const METRICS_TOKEN_MIN = 32;
const PROXY_PRESETS = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isAddressOrRange(v: string): boolean {
  if (PROXY_PRESETS.has(v)) return true;
  const [address = '', bits, ...rest] = v.split('/');
  const family = net.isIP(address);
  if (family === 0 || rest.length > 0) return false;
  return bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128));
}

function trustProxyOf(v: string): TrustProxy | null {
  if (v === 'true' || v === 'false') return v === 'true';
  if (/^\d{1,2}$/.test(v)) return Number(v) === 0 ? false : Number(v);
  const list = v.split(',').map((s) => s.trim());
  return list.every(isAddressOrRange) ? list : null;
}

/** An environment variable: unset or empty gives `fallback`; otherwise `parse` or the message (with what was received unless secret). */
function variable<T>(parse: (v: string) => T | null, expected: string, fallback: T, secret = false) {
  return z.string().optional().transform((raw, ctx): T => {
    if (raw === undefined || raw === '') return fallback;
    const value = parse(raw);
    if (value !== null) return value;
    ctx.addIssue({ code: 'custom', message: `${expected}（${secret ? `收到 ${raw.length} 个字符` : `收到 "${raw}"`}）` });
    return z.NEVER;
  });
}
const integer = (min: number, max: number) => (v: string) => (/^\d{1,6}$/.test(v) && Number(v) >= min && Number(v) <= max ? Number(v) : null);
const flag = (v: string) => (v === '1' || v === 'true' ? true : v === '0' || v === 'false' ? false : null);
const FLAG = '应为 1、0、true 或 false';
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);
/** https, or http to this machine only (a local test issuer). */
function secureUrl(v: string): string | null {
  if (!URL.canParse(v)) return null;
  const u = new URL(v);
  if (u.username || u.password || u.hash) return null;
  return u.protocol === 'https:' || (u.protocol === 'http:' && LOOPBACK_HOSTS.has(u.hostname)) ? v : null;
}
const HTTPS = '应为 https:// 开头的地址（http:// 仅限本机测试）';

const ENV = z.object({
  PORT: variable(integer(0, 65535), '应为 0–65535 的整数', 3000),
  HOST: variable((v) => v, '', '127.0.0.1'),
  JIUZHU_DATA_DIR: variable((v) => v, '', path.resolve('data')),
  DATABASE_URL: variable<string | null>((v) => (/^postgres(ql)?:\/\/\S+$/.test(v) ? v : null), '应为 postgres://用户@主机:端口/库名 形式的地址', null, true),
  DATABASE_REPLICA_URL: variable<string | null>((v) => (/^postgres(ql)?:\/\/\S+$/.test(v) ? v : null), '应为 postgres://用户@主机:端口/库名 形式的地址（流复制备库）', null, true),
  JIUZHU_REPLICA_MAX_LAG_SECONDS: variable(integer(0, 86_400), '应为 0–86400 的整数（秒）', 30),
  JIUZHU_DEMO: variable(flag, FLAG, false),
  JIUZHU_COOKIE_SECURE: variable(flag, FLAG, false),
  JIUZHU_SESSION_HOURS: variable(integer(1, 720), '应为 1–720 的整数（小时）', 12),
  LOG_LEVEL: variable((v) => LOG_LEVELS.find((l) => l === v) ?? null, `应为 ${LOG_LEVELS.join('、')} 之一`, 'info' as Config['logLevel']),
  JIUZHU_RESCREEN_AT: variable<string | null>((v) => (/^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/.test(v) ? v : null), '应为 HH:MM（或 HH:MM:SS）形式的北京时间（00:00–23:59）', null),
  JIUZHU_TRUST_PROXY: variable(trustProxyOf, '应为 true、false、代理跳数（1–99）或以逗号分隔的代理地址/网段（如 127.0.0.1,10.0.0.0/8）', false),
  JIUZHU_METRICS_TOKEN: variable<string | null>((v) => (new RegExp(`^[\\x21-\\x7e]{${METRICS_TOKEN_MIN},}$`).test(v) ? v : null), `应为至少 ${METRICS_TOKEN_MIN} 个字符、不含空格的随机串（如 openssl rand -hex 32 的输出）`, null, true),
  JIUZHU_SMS_PROVIDER: variable((v) => SMS_PROVIDERS.find((p) => p === v) ?? null, `应为 ${SMS_PROVIDERS.join('、')} 之一`, 'console' as SmsConfig['provider']),
  JIUZHU_SMS_FILE: variable<string | null>((v) => v, '', null),
  JIUZHU_SMS_URL: variable<string | null>((v) => (/^https?:\/\/\S+$/.test(v) ? v : null), '应为 http(s):// 开头的地址', null),
  JIUZHU_SMS_TOKEN: variable<string | null>((v) => (/^[\x21-\x7e]+$/.test(v) ? v : null), '应为不含空格的令牌', null, true),
  JIUZHU_OIDC_ISSUER: variable<string | null>(secureUrl, HTTPS, null),
  JIUZHU_OIDC_CLIENT_ID: variable<string | null>((v) => (/^[\x21-\x7e]{1,200}$/.test(v) ? v : null), '应为不含空格的客户端标识', null),
  JIUZHU_OIDC_CLIENT_SECRET: variable<string | null>((v) => (/^[\x21-\x7e]{1,500}$/.test(v) ? v : null), '应为不含空格的客户端密钥', null, true),
  JIUZHU_OIDC_REDIRECT_URI: variable<string | null>(secureUrl, HTTPS, null),
  JIUZHU_OIDC_ID_CLAIM: variable((v) => (/^[\w.:-]{1,100}$/.test(v) ? v : null), '应为声明名（字母、数字、_ . : -）', 'id_number'),
  JIUZHU_DCI_TEST_MODE: variable(flag, FLAG, false),
  JIUZHU_OIDC_SCOPE: variable((v) => (/^[\x21-\x7e]+( [\x21-\x7e]+)*$/.test(v) && v.split(' ').includes('openid') ? v : null), '应为以空格分隔的 scope，且含 openid', 'openid'),
  JIUZHU_SEARCH_COUNT_CAP: variable(integer(1, 999_999), '应为 1–999999 的整数', 10_000),
  JIUZHU_STATEMENT_TIMEOUT_MS: variable(integer(0, 600_000), '应为 0–600000 的整数（毫秒，0 表示不限）', 15_000),
  JIUZHU_STATS_REFRESH_SECONDS: variable(integer(0, 86_400), '应为 0–86400 的整数（秒，0 表示每次查询前刷新）', 30),
  JIUZHU_DB_POOL_SIZE: variable(integer(1, 1000), '应为 1–1000 的整数（连接数）', 10),
}).superRefine((e, ctx) => {
  if (e.DATABASE_REPLICA_URL && !e.DATABASE_URL) ctx.addIssue({ code: 'custom', path: ['DATABASE_REPLICA_URL'], message: '只在设置 DATABASE_URL（PostgreSQL 主库）时使用；内置数据库没有备库' });
  if (e.JIUZHU_SMS_PROVIDER === 'file' && !e.JIUZHU_SMS_FILE) ctx.addIssue({ code: 'custom', path: ['JIUZHU_SMS_FILE'], message: 'JIUZHU_SMS_PROVIDER=file 时必须设置（短信写入的文件）' });
  if (e.JIUZHU_OIDC_ISSUER && !e.JIUZHU_OIDC_CLIENT_ID) ctx.addIssue({ code: 'custom', path: ['JIUZHU_OIDC_CLIENT_ID'], message: '设置 JIUZHU_OIDC_ISSUER 时必须设置（在统一身份认证登记的客户端标识）' });
  if (e.JIUZHU_OIDC_ISSUER && !e.JIUZHU_OIDC_CLIENT_SECRET) ctx.addIssue({ code: 'custom', path: ['JIUZHU_OIDC_CLIENT_SECRET'], message: '设置 JIUZHU_OIDC_ISSUER 时必须设置（客户端密钥）' });
  if (e.JIUZHU_SMS_PROVIDER === 'http' && !e.JIUZHU_SMS_URL) ctx.addIssue({ code: 'custom', path: ['JIUZHU_SMS_URL'], message: 'JIUZHU_SMS_PROVIDER=http 时必须设置（短信网关地址）' });
});

/** Reads and checks every variable; one error names each bad one, e.g. `PORT 应为 0–65535 的整数（收到 "abc"）`. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const r = ENV.safeParse(env);
  if (!r.success) {
    const variables = r.error.issues.map((i) => ({ variable: String(i.path[0]), message: `${String(i.path[0])} ${i.message}` }));
    throw new AppError('invalid_config', `环境变量有误 / invalid environment: ${variables.map((v) => v.message).join('；')}`, 500, { variables });
  }
  const e = r.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: e.JIUZHU_DATA_DIR,
    databaseUrl: e.DATABASE_URL,
    databaseReplicaUrl: e.DATABASE_REPLICA_URL,
    replicaMaxLagSeconds: e.JIUZHU_REPLICA_MAX_LAG_SECONDS,
    demo: e.JIUZHU_DEMO,
    cookieSecure: e.JIUZHU_COOKIE_SECURE,
    sessionHours: e.JIUZHU_SESSION_HOURS,
    logLevel: e.LOG_LEVEL,
    rescreenAt: e.JIUZHU_RESCREEN_AT,
    trustProxy: e.JIUZHU_TRUST_PROXY,
    metricsToken: e.JIUZHU_METRICS_TOKEN,
    searchCountCap: e.JIUZHU_SEARCH_COUNT_CAP,
    statementTimeoutMs: e.JIUZHU_STATEMENT_TIMEOUT_MS,
    statsRefreshSeconds: e.JIUZHU_STATS_REFRESH_SECONDS,
    dbPoolSize: e.JIUZHU_DB_POOL_SIZE,
    sms: { provider: e.JIUZHU_SMS_PROVIDER, file: e.JIUZHU_SMS_FILE, url: e.JIUZHU_SMS_URL, token: e.JIUZHU_SMS_TOKEN },
    oidc:
      e.JIUZHU_OIDC_ISSUER && e.JIUZHU_OIDC_CLIENT_ID && e.JIUZHU_OIDC_CLIENT_SECRET
        ? { issuer: e.JIUZHU_OIDC_ISSUER, clientId: e.JIUZHU_OIDC_CLIENT_ID, clientSecret: e.JIUZHU_OIDC_CLIENT_SECRET, redirectUri: e.JIUZHU_OIDC_REDIRECT_URI, idClaim: e.JIUZHU_OIDC_ID_CLAIM, scope: e.JIUZHU_OIDC_SCOPE }
        : null,
    dciTestMode: e.JIUZHU_DCI_TEST_MODE,
  };
}
