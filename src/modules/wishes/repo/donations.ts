// The SQL of donations. A household's government assistance is read through the cases module
// (`householdEntitlements`), not here.
import { sql, type Expression, type Kysely, type Selectable, type SqlBool } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import type { CharityDonationTable } from '../tables.ts';

export type DonationRow = Omit<Selectable<CharityDonationTable>, 'created_at'> & { household_no: string | null; campaign_name: string | null };

export async function insertDonation(tx: Kysely<DB>, d: Omit<Selectable<CharityDonationTable>, 'id' | 'created_at'>): Promise<number> {
  const r = await tx.insertInto('charity_donations').values(d).returning('id').executeTakeFirstOrThrow();
  return Number(r.id);
}

export async function donationPage(db: Kysely<DB>, where: Expression<SqlBool>[], limit: number): Promise<DonationRow[]> {
  const { rows } = await sql<DonationRow>`
    select d.county_code, d.id, d.donor_kind, d.donor_name, d.form, d.value_fen, d.goods_description, d.goods_quantity, d.household_id, d.campaign_id,
      d.received_on, d.note, d.recorded_by, h.household_no, c.name as campaign_name
    from charity_donations d
    left join households h on h.county_code = d.county_code and h.id = d.household_id
    left join wish_campaigns c on c.id = d.campaign_id
    where ${sql.join(where, sql` and `)} order by d.received_on desc, d.id desc limit ${limit}`.execute(db);
  return rows.map((r) => ({ ...r, id: Number(r.id), value_fen: Number(r.value_fen), household_id: r.household_id === null ? null : Number(r.household_id), campaign_id: r.campaign_id === null ? null : Number(r.campaign_id) }));
}
