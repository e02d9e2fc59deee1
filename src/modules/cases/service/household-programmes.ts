// What a household receives now, for other modules that rank or label households by it (a disaster
// damage register records the household's type at registration): a 低保 case in payment, and a member's
// 特困 case in payment with home-based (分散) support; and what it was granted in a year (its entitlements,
// for the wishes module's assistance summary beside charity).
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../db/schema.ts';

export interface HouseholdProgrammes {
  dibao: boolean;
  hardshipDispersed: boolean;
}

/** By key, for a use case that has already checked the household's scope. */
export async function householdProgrammes(db: Kysely<DB>, countyCode: string, householdId: number): Promise<HouseholdProgrammes> {
  const { rows } = await sql<{ dibao: boolean; hardship_dispersed: boolean }>`select
      bool_or(programme = 'dibao') as dibao,
      bool_or(programme = 'hardship' and coalesce(context #>> '{support,mode}', 'home_based') <> 'institutional') as hardship_dispersed
    from cases where county_code = ${countyCode} and household_id = ${householdId} and phase = 'payable'`.execute(db);
  return { dibao: rows[0]?.dibao === true, hardshipDispersed: rows[0]?.hardship_dispersed === true };
}

export interface HouseholdEntitlement {
  programme: string;
  /** The programme's Chinese name (低保, 特困人员救助供养…). */
  label: string;
  schedule: 'monthly' | 'one_off';
  fromMonth: string;
  toMonth: string | null;
  amountFen: number;
}

/**
 * The household's entitlements running in the year (all programmes; household or member recipients), as
 * recorded: a suspension or an ending outside `to_month` is not applied. By key, for a use case that has
 * already checked the household's scope.
 */
export async function householdEntitlements(db: Kysely<DB>, q: { countyCode: string; householdId: number; year: number }): Promise<HouseholdEntitlement[]> {
  const { rows } = await sql<{ programme: string; label: string; schedule: 'monthly' | 'one_off'; from_month: string; to_month: string | null; amount_fen: string | number }>`
    select e.programme, p.name as label, e.schedule, e.from_month, e.to_month, e.amount_fen
    from entitlements e join programmes p on p.code = e.programme
    where e.county_code = ${q.countyCode} and e.household_id = ${q.householdId}
      and e.from_month <= ${`${q.year}-12`} and (e.to_month is null or e.to_month >= ${`${q.year}-01`})
    order by e.from_month, e.id`.execute(db);
  return rows.map((r) => ({ programme: r.programme, label: r.label, schedule: r.schedule, fromMonth: r.from_month, toMonth: r.to_month, amountFen: Number(r.amount_fen) }));
}
