// Registering, listing and revoking SPDCI clients (the CLI `jiuzhu dci client …`), and checking a client's
// secret at the token endpoint. A client is a system user: its areas, its attributes (masked unless granted
// unmasked), its public keys, its callback URLs. The secret is shown once and kept as a SHA-256 hash (it is 32
// random bytes: no password hashing needed).
import crypto, { type JsonWebKey } from 'node:crypto';
import type { z } from 'zod';
import type { Database } from '../../../db/engine.ts';
import { write } from '../../../db/write.ts';
import { appendAudit } from '../../../kernel/audit/append.ts';
import { AppError } from '../../../kernel/errors.ts';
import { covers, systemScope, type Scope } from '../../../kernel/scope.ts';
import { prefectureOf, prefixOf } from '../../../kernel/areas.ts';
import { parseOrThrow } from '../../../kernel/validate.ts';
import { ATTRIBUTES, type Attribute } from '../attributes.ts';
import { newClientSchema } from '../contract/admin.ts';
import { algorithmOfJwk, jwkThumbprint, publicKeyOf } from '../signature/algorithms.ts';
import { allow } from '../permissions.ts';
import * as repo from '../repo/clients.ts';

export const TEST_CLIENT_ID = 'test-client';
export const TEST_CLIENT_SECRET = 'test-secret';

export interface DciClient {
  clientId: string;
  name: string;
  areaCodes: string[];
  attributes: Attribute[];
  unmasked: Attribute[];
  keys: JsonWebKey[];
  callbackUrls: string[];
  revoked: boolean;
  /** The fixed client of test mode (any loopback callback URL). */
  isTestClient: boolean;
}

const hashSecret = (secret: string) => crypto.createHash('sha256').update(secret, 'utf8').digest('hex');

function view(r: NonNullable<Awaited<ReturnType<typeof repo.findClient>>>): DciClient {
  const jwks = r.jwks as { keys?: JsonWebKey[] };
  return {
    clientId: r.client_id,
    name: r.name,
    areaCodes: r.area_codes,
    attributes: r.attributes as Attribute[],
    unmasked: r.unmasked as Attribute[],
    keys: jwks.keys ?? [],
    callbackUrls: r.callback_urls,
    revoked: r.revoked_at !== null,
    isTestClient: r.client_id === TEST_CLIENT_ID,
  };
}

export { newClientSchema };
export type NewClient = z.input<typeof newClientSchema>;

/** The public keys of a JWKS or a PEM key, each with a kid (its thumbprint when it has none). */
export function keysOf(text: string): JsonWebKey[] {
  let jwks: JsonWebKey[];
  if (text.trim().startsWith('-----BEGIN')) {
    try {
      jwks = [crypto.createPublicKey(text).export({ format: 'jwk' })];
    } catch {
      throw AppError.field('publicKeys', '无法读取 PEM 公钥');
    }
  } else {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw AppError.field('publicKeys', '应为 JWKS（{"keys": […]}）或 PEM 公钥');
    }
    const keys = (parsed as { keys?: unknown }).keys;
    if (!Array.isArray(keys)) throw AppError.field('publicKeys', 'JWKS 应有 keys 数组');
    jwks = keys as JsonWebKey[];
  }
  return jwks.map((k, i) => {
    if (typeof k !== 'object' || k === null || 'd' in k) throw AppError.field(`publicKeys.keys.${i}`, '应为公钥（不得含私钥 d）');
    if (!algorithmOfJwk(k) || !publicKeyOf(k)) throw AppError.field(`publicKeys.keys.${i}`, '不支持的密钥（应为 Ed25519：kty OKP、crv Ed25519）');
    return { kty: k.kty, crv: k.crv, x: k.x, kid: typeof k.kid === 'string' && k.kid ? k.kid : jwkThumbprint(k), use: 'sig' };
  });
}

/** The deepest area holding all of `codes` (the audit entry's area, so its county's administrators read it), or null. */
export function commonArea(codes: readonly string[]): string | null {
  const [first] = codes;
  if (first === undefined) return null;
  const up = [first, first.slice(0, 9), first.slice(0, 6), prefectureOf(first)].filter((a, i, all) => all.indexOf(a) === i);
  return up.find((a) => codes.every((c) => c.startsWith(prefixOf(a)))) ?? null;
}

/**
 * Registers a client; returns it and its secret (shown once). Staff register only clients whose areas lie in their
 * own (an area outside it is answered as one that does not exist); the CLI's system scope has every area.
 */
export async function addClient(db: Database, scope: Scope, input: unknown): Promise<{ client: DciClient; secret: string }> {
  allow(scope, 'dci.manage');
  const c = parseOrThrow(newClientSchema, input);
  const notGranted = c.unmasked.filter((a) => !c.attributes.includes(a));
  if (notGranted.length > 0) throw AppError.field('unmasked', `不脱敏的属性须在可见属性中：${notGranted.join('、')}`);
  const known = await repo.existingAreas(db.kysely, c.areaCodes);
  const unknown = c.areaCodes.filter((a) => !known.includes(a) || !covers(scope, a));
  if (unknown.length > 0) throw AppError.field('areaCodes', `没有这些地区，或不在您的管辖范围内：${unknown.join('、')}`);
  const keys = c.publicKeys ? keysOf(c.publicKeys) : [];
  const secret = crypto.randomBytes(32).toString('base64url');
  return write(db, scope, async (tx) => {
    const inserted = await repo.insertClient(tx, {
      client_id: c.clientId, name: c.name, secret_hash: hashSecret(secret), area_codes: [...new Set(c.areaCodes)], attributes: [...new Set(c.attributes)],
      unmasked: [...new Set(c.unmasked)], jwks: JSON.stringify({ keys }), callback_urls: c.callbackUrls, created_by: scope.userName,
    });
    if (!inserted) throw AppError.conflict('dci_client_exists', `接入系统 ${c.clientId} 已登记`);
    const after = { name: c.name, areaCodes: c.areaCodes, attributes: c.attributes, unmasked: c.unmasked, keys: keys.map((k) => k.kid), callbackUrls: c.callbackUrls };
    await appendAudit(tx, scope, { action: 'dci.client.add', entity: 'dci_client', entityId: c.clientId, areaCode: commonArea(c.areaCodes), after });
    const row = await repo.findClient(tx, c.clientId);
    if (!row) throw new Error('dci: client vanished after insert');
    return { client: view(row), secret };
  });
}

export async function listClients(db: Database): Promise<DciClient[]> {
  return (await repo.listClients(db.kysely)).map(view);
}

/** Revokes an active client in the scope (its tokens stop working at once); another scope's is as unknown. */
export async function revokeClient(db: Database, scope: Scope, clientId: string): Promise<void> {
  allow(scope, 'dci.manage');
  await write(db, scope, async (tx) => {
    const areas = await repo.revokeClient(tx, scope, clientId, new Date());
    if (!areas) throw new AppError('dci_client_unknown', `没有在用的接入系统 ${clientId}`, 404);
    await appendAudit(tx, scope, { action: 'dci.client.revoke', entity: 'dci_client', entityId: clientId, areaCode: commonArea(areas) });
  });
}

/** The client, active, or null. */
export async function activeClient(db: Database, clientId: string): Promise<DciClient | null> {
  const row = await repo.findClient(db.kysely, clientId);
  return row && row.revoked_at === null ? view(row) : null;
}

/** The client whose id and secret these are (constant-time comparison), or null. */
export async function authenticate(db: Database, clientId: string, secret: string): Promise<DciClient | null> {
  const row = await repo.findClient(db.kysely, clientId);
  const given = Buffer.from(hashSecret(secret), 'hex');
  const stored = Buffer.from(row?.secret_hash ?? '0'.repeat(64), 'hex');
  const match = stored.length === given.length && crypto.timingSafeEqual(stored, given);
  return row && match && row.revoked_at === null ? view(row) : null;
}

/**
 * Test mode's fixed client (`test-client` / `test-secret`): every top-level area, every attribute (masked), no
 * keys (test mode accepts the unsigned stubs), any loopback callback. Made or refreshed at start in test mode.
 */
export async function ensureTestClient(db: Database): Promise<void> {
  const areas = await repo.topAreas(db.kysely);
  if (areas.length === 0) return;
  const scope = systemScope('dci-test-mode');
  await write(db, scope, async (tx) => {
    const had = await repo.findClient(tx, TEST_CLIENT_ID);
    if (had) {
      await repo.refreshClient(tx, TEST_CLIENT_ID, { area_codes: areas, secret_hash: hashSecret(TEST_CLIENT_SECRET) });
      return;
    }
    await repo.insertClient(tx, { client_id: TEST_CLIENT_ID, name: '测试接入系统（测试模式）', secret_hash: hashSecret(TEST_CLIENT_SECRET), area_codes: areas, attributes: [...ATTRIBUTES], unmasked: [], jwks: JSON.stringify({ keys: [] }), callback_urls: [], created_by: scope.userName });
    await appendAudit(tx, scope, { action: 'dci.client.add', entity: 'dci_client', entityId: TEST_CLIENT_ID, after: { testMode: true, areaCodes: areas } });
  });
}
