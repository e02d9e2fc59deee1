import path from 'node:path';

/** Runtime configuration, read once from the environment (see README: Configuration). */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | null;
  demo: boolean;
  cookieSecure: boolean;
  sessionHours: number;
  logLevel: string;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: env.PORT ? Number(env.PORT) : 3000,
    host: env.HOST ?? '127.0.0.1',
    dataDir: env.JIUZHU_DATA_DIR ?? path.resolve('data'),
    databaseUrl: env.DATABASE_URL && env.DATABASE_URL.length > 0 ? env.DATABASE_URL : null,
    demo: env.JIUZHU_DEMO === '1' || env.JIUZHU_DEMO === 'true',
    cookieSecure: env.JIUZHU_COOKIE_SECURE === '1',
    sessionHours: env.JIUZHU_SESSION_HOURS ? Number(env.JIUZHU_SESSION_HOURS) : 12,
    logLevel: env.LOG_LEVEL ?? 'info',
  };
}
