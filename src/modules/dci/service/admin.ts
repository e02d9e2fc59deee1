// The connected systems as administrators manage them from the web: those whose areas lie in their scope, with
// their use; registering and revoking go through clients.ts (the CLI's own rules and audit).
import type { JsonWebKey } from 'node:crypto';
import type { z } from 'zod';
import type { Database } from '../../../db/engine.ts';
import { clock } from '../../../kernel/clock.ts';
import { AppError } from '../../../kernel/errors.ts';
import type { Scope } from '../../../kernel/scope.ts';
import { namesOf } from '../../areas/index.ts';
import type { Attribute } from '../attributes.ts';
import type { clientList, clientView, registeredClient, subscriptionList, transactionList } from '../contract/admin.ts';
import { allow } from '../permissions.ts';
import * as activity from '../repo/activity.ts';
import * as roots from '../repo/roots.ts';
import { jwkThumbprint } from '../signature/algorithms.ts';
import { addClient, revokeClient } from './clients.ts';

type ClientView = z.output<typeof clientView>;
const DAY_MS = 86_400_000;
/** Transactions and subscriptions shown for one client: the latest. */
const RECENT = 100;

const iso = (d: Date | null) => (d === null ? null : new Date(d).toISOString());
const unknownClient = (clientId: string) => new AppError('dci_client_unknown', `没有这个接入系统 ${clientId}`, 404);

function view(r: roots.ClientRow, names: Map<string, string>): ClientView {
  const keys = ((r.jwks as { keys?: JsonWebKey[] }).keys ?? []).map((k) => ({ kid: typeof k.kid === 'string' ? k.kid : '', thumbprint: jwkThumbprint(k) }));
  return {
    clientId: r.client_id,
    name: r.name,
    areas: r.area_codes.map((code) => ({ code, name: names.get(code) ?? code })),
    attributes: r.attributes as Attribute[],
    unmasked: r.unmasked as Attribute[],
    callbackUrls: r.callback_urls,
    keys,
    state: r.revoked_at === null ? 'active' : 'revoked',
    createdAt: new Date(r.created_at).toISOString(),
    revokedAt: iso(r.revoked_at),
    lastQueryAt: iso(r.last_query_at),
    queries30d: Number(r.queries_30d ?? 0),
  };
}

async function views(db: Database, scope: Scope, only?: string): Promise<ClientView[]> {
  const rows = await roots.clientsInScope(db.kysely, scope, new Date(clock().now().getTime() - 30 * DAY_MS), only);
  const names = await namesOf(db.kysely, [...new Set(rows.flatMap((r) => r.area_codes))]);
  return rows.map((r) => view(r, names));
}

async function oneView(db: Database, scope: Scope, clientId: string): Promise<ClientView> {
  const [found] = await views(db, scope, clientId);
  if (!found) throw unknownClient(clientId);
  return found;
}

export async function listClientsInScope(db: Database, scope: Scope): Promise<z.output<typeof clientList>> {
  allow(scope, 'dci.read');
  return { items: await views(db, scope) };
}

/** Registers a client (clients.ts: validation, scope of its areas, audit); the secret is in this answer only. */
export async function registerClient(db: Database, scope: Scope, input: unknown): Promise<z.output<typeof registeredClient>> {
  const { client, secret } = await addClient(db, scope, input);
  return { client: await oneView(db, scope, client.clientId), secret };
}

export async function revokeClientInScope(db: Database, scope: Scope, clientId: string): Promise<{ client: ClientView }> {
  await revokeClient(db, scope, clientId);
  return { client: await oneView(db, scope, clientId) };
}

async function keyOf(db: Database, scope: Scope, clientId: string): Promise<roots.ClientKey> {
  allow(scope, 'dci.read');
  const key = await roots.clientKey(db.kysely, scope, clientId);
  if (!key) throw unknownClient(clientId);
  return key;
}

export async function clientTransactions(db: Database, scope: Scope, clientId: string): Promise<z.output<typeof transactionList>> {
  const rows = await activity.recentTransactions(db.kysely, await keyOf(db, scope, clientId), RECENT);
  return { items: rows.map((r) => ({ transactionId: r.transaction_id, action: r.action, at: new Date(r.created_at).toISOString(), records: r.records === null ? null : Number(r.records), status: r.status })) };
}

export async function clientSubscriptions(db: Database, scope: Scope, clientId: string): Promise<z.output<typeof subscriptionList>> {
  const rows = await activity.clientSubscriptions(db.kysely, await keyOf(db, scope, clientId), RECENT);
  return {
    items: rows.map((r) => ({ code: r.code, eventType: r.reg_event_type, recordType: r.notify_record_type, callbackUrl: r.callback_url, status: r.status, createdAt: new Date(r.created_at).toISOString(), unsubscribedAt: iso(r.unsubscribed_at) })),
  };
}
