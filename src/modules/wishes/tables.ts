// Tables of the wishes module (migration 0111_wishes.sql), merged into the database's `DB`.
import type { ColumnType, Generated } from 'kysely';
import type { ClaimantKind, ConfirmationKind, DonationForm, DonorKind, WishKind, WishStatus } from './codes.ts';

/** `date` columns come back as ISO strings (see the engine's type parsers). */
type DateCol = ColumnType<string, string, string>;
type NullableDate = ColumnType<string | null, string | null | undefined, string | null>;
type Int8 = ColumnType<number, number, number>;

export interface WishCampaignTable {
  id: Generated<number>;
  area_code: string;
  name: string;
  from_on: DateCol;
  to_on: DateCol;
  created_by: string;
  created_at: Generated<Date>;
}

export interface WishTable {
  county_code: string;
  id: Generated<number>;
  wish_no: string;
  household_id: Int8;
  village_code: string;
  campaign_id: number | null;
  kind: WishKind;
  description: string;
  value_fen: Int8;
  consent_on: DateCol;
  consent_by: string;
  recorded_on: DateCol;
  status: WishStatus;
  published_on: NullableDate;
  claimant_kind: ClaimantKind | null;
  claimant_name: string | null;
  claimant_ref: string | null;
  /** The volunteers register entry of an organisation / team / volunteer claimant (migration 0115). */
  claimant_organisation_id: ColumnType<number | null, number | null | undefined, number | null>;
  claimant_team_id: ColumnType<number | null, number | null | undefined, number | null>;
  claimant_volunteer_id: ColumnType<number | null, number | null | undefined, number | null>;
  claimed_on: NullableDate;
  fulfilled_on: NullableDate;
  confirmation_kind: ConfirmationKind | null;
  confirmation_ref: string | null;
  withdrawn_on: NullableDate;
  withdrawn_reason: string | null;
  created_by: string;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface CharityDonationTable {
  county_code: string;
  id: Generated<number>;
  donor_kind: DonorKind;
  donor_name: string;
  form: DonationForm;
  value_fen: Int8;
  goods_description: string | null;
  goods_quantity: number | null;
  household_id: number | null;
  campaign_id: number | null;
  received_on: DateCol;
  note: Generated<string>;
  recorded_by: string;
  created_at: Generated<Date>;
}

declare module '../../db/schema.ts' {
  interface DB {
    wish_campaigns: WishCampaignTable;
    wishes: WishTable;
    charity_donations: CharityDonationTable;
  }
}
