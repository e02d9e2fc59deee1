// A new household's parts in one statement, once its row is in (the parts' row-level security looks the household
// up, so they cannot share its statement): each statement of a write transaction is a round trip during which
// its pooled connection waits.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import type { Scope } from '../../../kernel/scope.ts';
import type { Asset, IncomeItem, Member } from '../domain/types.ts';
import { memberValues } from './members.ts';

export interface NewHouseholdParts {
  countyCode: string;
  householdId: number;
  /** At least one (the head). */
  members: readonly Member[];
  incomes: readonly IncomeItem[];
  assets: readonly Asset[];
  /** Who created it and with what: the history's `household.create` entry. */
  createdBy: Scope;
  input: unknown;
}

/** The members and their person-index entries, the income items and assets (an item's member found by ID number among the members inserted), and the history's first entry. */
export async function insertNewHouseholdParts(tx: Kysely<DB>, p: NewHouseholdParts): Promise<void> {
  const { countyCode, householdId } = p;
  const memberOf = (idNumber: string | null) => (idNumber ? sql<number>`(select id from m where id_number = ${idNumber})` : null);
  const m = tx.insertInto('members').values(p.members.map((x) => memberValues(countyCode, householdId, x))).returning(['id', 'id_number']);
  const incomes = p.incomes.map((x) => ({ county_code: countyCode, household_id: householdId, member_id: memberOf(x.memberIdNumber), kind: x.kind, amount_fen: x.amountFen, period: x.period, source: x.source }));
  const assets = p.assets.map((x) => ({ county_code: countyCode, household_id: householdId, member_id: memberOf(x.memberIdNumber), kind: x.kind, value_fen: x.valueFen, note: x.note }));
  const i = incomes.length === 0 ? sql`` : sql`, i as (${tx.insertInto('income_items').values(incomes)})`;
  const a = assets.length === 0 ? sql`` : sql`, a as (${tx.insertInto('assets').values(assets)})`;
  await sql`
    with m as (${m}),
    p as (insert into person_index (id_number, county_code, member_id, household_id) select id_number, ${countyCode}, id, cast(${householdId} as bigint) from m),
    r as (insert into registry_history (county_code, household_id, actor_id, actor_name, action, after)
          values (${countyCode}, ${householdId}, ${p.createdBy.userId}, ${p.createdBy.userName}, 'household.create', cast(${JSON.stringify(p.input)} as jsonb)))
    ${i} ${a}
    select 1`.execute(tx);
}
