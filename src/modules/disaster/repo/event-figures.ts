// The SQL of an event's relief figures: decided members of its batches (not void, not excluded, at or below
// the batch's `decided_through` — the chunked decision's cursor, so what is decided counts as soon as its
// cases are written) by kind and in total, with the housing members by the grade of their claim.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import { inScope, type Scope } from '../../../kernel/scope.ts';
import type { BatchKind } from '../tables.ts';
import type { EventKey } from './reports.ts';

export interface ReliefRow {
  /** null: the total over every kind */
  kind: BatchKind | null;
  batches: number;
  households: number;
  persons: number;
  amount_fen: string;
  rebuilt: number;
  rebuilt_fen: string;
  repaired: number;
  repaired_fen: string;
}

export async function reliefByKind(db: Kysely<DB>, scope: Scope, event: EventKey): Promise<ReliefRow[]> {
  const { rows } = await sql<ReliefRow>`
    select b.kind, count(distinct b.id)::int as batches, count(distinct m.household_id)::int as households, coalesce(sum(m.persons), 0)::int as persons,
      coalesce(sum(m.amount_fen), 0)::text as amount_fen,
      (count(*) filter (where b.kind = 'housing' and m.claim ->> 'grade' = 'collapsed'))::int as rebuilt,
      coalesce(sum(m.amount_fen) filter (where b.kind = 'housing' and m.claim ->> 'grade' = 'collapsed'), 0)::text as rebuilt_fen,
      (count(*) filter (where b.kind = 'housing' and m.claim ->> 'grade' in ('serious', 'general')))::int as repaired,
      coalesce(sum(m.amount_fen) filter (where b.kind = 'housing' and m.claim ->> 'grade' in ('serious', 'general')), 0)::text as repaired_fen
    from disaster_batches b
    join disaster_batch_members m on m.county_code = b.county_code and m.batch_id = b.id
    where b.county_code = ${event.county_code} and b.event_id = ${event.id} and b.status <> 'void'
      and not m.excluded and m.ordinal <= b.decided_through and ${inScope(scope, 'm.area_code')}
    group by grouping sets ((b.kind), ())`.execute(db);
  return rows;
}
