import { openDatabase, type Database } from '../db/engine.ts';
import { configuredReplica } from '../db/replica.ts';
import { migrate } from '../db/migrate.ts';
import { systemScope } from '../kernel/scope.ts';
import type { Config } from '../kernel/config.ts';
import { loadPrefecture } from '../modules/areas/index.ts';
import { countUsers } from '../modules/users/index.ts';
import { createUser } from '../modules/users/index.ts';
import { ensureDemoAccounts } from '../modules/users/index.ts';
import { ensureDemoHouseholds } from '../modules/registry/index.ts';
import { ensureDemoRecipients, syncProgrammes } from '../modules/cases/index.ts';
import { ROLES, type Role } from '../kernel/permissions.ts';
import { syncParameterFiles } from '../modules/policy/index.ts';

export const DEMO_PREFECTURE = '522700';

export async function openConfigured(config: Config): Promise<Database> {
  return openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: config.dbPoolSize, replica: configuredReplica(config) });
}

/** Migrations always; in demo mode also 黔南州's areas and one account per role. */
export async function prepare(db: Database, config: Config, log: (msg: string) => void): Promise<void> {
  const applied = await migrate(db);
  if (applied.length > 0) log(`migrations applied: ${applied.join(', ')}`);
  await syncProgrammes(db);
  const params = await syncParameterFiles(db);
  if (params.inserted + params.updated > 0) log(`policy parameters loaded: ${params.inserted} inserted, ${params.updated} updated`);
  if (config.demo) {
    const has = await db.kysely.selectFrom('areas').select('code').where('code', '=', DEMO_PREFECTURE).executeTakeFirst();
    if (!has) {
      const r = await loadPrefecture(db, systemScope('demo'), DEMO_PREFECTURE);
      log(`areas loaded: ${r.counties} counties, ${r.zones} zones, ${r.townships} townships, ${r.villages} villages`);
    }
    const created = await ensureDemoAccounts(db);
    if (created.length > 0) log(`demo accounts created: ${created.join(', ')}`);
    await ensureDemoHouseholds(db, log);
    await ensureDemoRecipients(db, systemScope('demo'), log);
  }
  await ensureFirstAdmin(db, log);
}

/** JIUZHU_ADMIN_USERNAME / _PASSWORD / _AREA create the first admin when no user exists. */
async function ensureFirstAdmin(db: Database, log: (msg: string) => void): Promise<void> {
  const username = process.env.JIUZHU_ADMIN_USERNAME;
  const password = process.env.JIUZHU_ADMIN_PASSWORD;
  if (!username || !password || (await countUsers(db.kysely)) > 0) return;
  const role = (process.env.JIUZHU_ADMIN_ROLE ?? 'prefecture_admin') as Role;
  if (!ROLES.includes(role)) throw new Error(`JIUZHU_ADMIN_ROLE: unknown role ${role}`);
  await createUser(db, systemScope('bootstrap'), {
    username,
    password,
    displayName: process.env.JIUZHU_ADMIN_NAME ?? username,
    role,
    areaCode: process.env.JIUZHU_ADMIN_AREA ?? DEMO_PREFECTURE,
  });
  log(`first admin ${username} created from the environment`);
}
