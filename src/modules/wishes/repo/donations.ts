// The SQL of donations, and of a household's government assistance: its entitlements (the cases module's
// table `entitlements`, migration 0070), read here in its own SQL — household-level entitlements and the
// person-level ones of its members — so the wishes module needs no code of the cases module.
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

export interface EntitlementRow { programme: string; programme_name: string; schedule: 'monthly' | 'one_off'; from_month: string; to_month: string | null; amount_fen: number }

/** The household's entitlements (all programmes, household or member recipients). */
export async function entitlementsOf(db: Kysely<DB>, county: string, householdId: number): Promise<EntitlementRow[]> {
  const { rows } = await sql<EntitlementRow>`
    select e.programme, p.name as programme_name, e.schedule, e.from_month, e.to_month, e.amount_fen
    from entitlements e join programmes p on p.code = e.programme
    where e.county_code = ${county} and e.household_id = ${householdId}
    order by e.from_month, e.id`.execute(db);
  return rows.map((r) => ({ ...r, amount_fen: Number(r.amount_fen) }));
}
