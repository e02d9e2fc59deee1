// What a household receives now, for other modules that rank or label households by it (a disaster
// damage register records the household's type at registration): a 低保 case in payment, and a member's
// 特困 case in payment with home-based (分散) support.
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
