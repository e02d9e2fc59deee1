// Tables of the volunteers module (migration 0110_volunteers.sql), merged into the database's `DB`.
import type { ColumnType, Generated } from 'kysely';
import type { OrgKind, OrgStatus, Skill } from './codes.ts';

type DateCol = ColumnType<string, string, string>;
type NullableDate = ColumnType<string | null, string | null | undefined, string | null>;
type Int8 = ColumnType<number, number, number>;

export interface SocialOrganisationTable {
  county_code: string;
  id: Generated<number>;
  kind: OrgKind;
  name: string;
  credit_code: string | null;
  charity_recognised_on: NullableDate;
  contact_person: string | null;
  contact_phone: string | null;
  status: Generated<OrgStatus>;
  recorded_by: string;
  created_at: Generated<Date>;
}

export interface VolunteerTeamTable {
  county_code: string;
  id: Generated<number>;
  organisation_id: Int8;
  name: string;
  area_code: string;
  leader: string;
  recorded_by: string;
  created_at: Generated<Date>;
}

export interface VolunteerTable {
  county_code: string;
  id: Generated<number>;
  name: string;
  id_number: string;
  phone: string | null;
  area_code: string;
  skills: Skill[];
  registered_on: DateCol;
  user_id: number | null;
  recorded_by: string;
  created_at: Generated<Date>;
}

export interface VolunteerTeamMemberTable {
  county_code: string;
  team_id: Int8;
  volunteer_id: Int8;
  joined_on: DateCol;
  recorded_by: string;
  created_at: Generated<Date>;
}

export interface VolunteerServiceRecordTable {
  county_code: string;
  id: Generated<number>;
  team_id: number | null;
  organisation_id: Int8;
  volunteer_id: Int8;
  activity: string;
  served_on: DateCol;
  area_code: string;
  minutes: number;
  confirmed_by_user_id: number | null;
  confirmed_by_name: string | null;
  confirmed_by_id_number: string | null;
  confirmed_on: NullableDate;
  recorded_by: string;
  created_at: Generated<Date>;
}

declare module '../../db/schema.ts' {
  interface DB {
    social_organisations: SocialOrganisationTable;
    volunteer_teams: VolunteerTeamTable;
    volunteers: VolunteerTable;
    volunteer_team_members: VolunteerTeamMemberTable;
    volunteer_service_records: VolunteerServiceRecordTable;
  }
}
