// The scoped root of the connected systems as staff see them: a client whose areas all lie in the caller's scope
// (a client of two counties is the prefecture's). Child reads (its transactions, its subscriptions) take its key.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import { allInScope, scopedKey, type Scope, type Scoped } from '../../../kernel/scope.ts';

export type ClientKey = Scoped<{ clientId: string }>;

/** The clients in scope (or the one `only` names, if in scope), newest first, each with its last search and its searches since `since`. */
export function clientsInScope(db: Kysely<DB>, scope: Scope, since: Date, only?: string) {
  let q = db
    .selectFrom('dci_clients as c')
    .leftJoinLateral(
      (eb) => eb.selectFrom('dci_transactions as t')
        .select([sql<Date | null>`max(t.created_at)`.as('last_query_at'), sql<string>`count(*) filter (where t.created_at >= ${since})`.as('queries_30d')])
        .whereRef('t.client_id', '=', 'c.client_id')
        .where('t.action', '=', 'search')
        .as('u'),
      (join) => join.onTrue(),
    )
    .selectAll('c')
    .select(['u.last_query_at', 'u.queries_30d'])
    .where(allInScope(scope, 'c.area_codes'))
    .orderBy('c.created_at', 'desc')
    .orderBy('c.client_id');
  if (only !== undefined) q = q.where('c.client_id', '=', only);
  return q.execute();
}

export type ClientRow = Awaited<ReturnType<typeof clientsInScope>>[number];

/** The key of a client in scope, or null (out of scope is as absent as unknown). */
export async function clientKey(db: Kysely<DB>, scope: Scope, clientId: string): Promise<ClientKey | null> {
  const r = await db.selectFrom('dci_clients').select('client_id').where('client_id', '=', clientId).where(allInScope(scope, 'area_codes')).executeTakeFirst();
  return r ? scopedKey({ clientId: r.client_id }) : null;
}
