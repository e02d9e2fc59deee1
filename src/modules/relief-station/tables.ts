// Tables of the relief-station module (migration 0102_relief_station.sql), merged into the database's `DB`.
import type { ColumnType, Generated } from 'kysely';
import type { Decision, ExitKind, Handover, Health, IdentityStatus, LongStayKind, MentalIllness, SearchMethod, Service, Sex, Source, Status, Transport } from './codes.ts';

/** `date` columns come back as ISO strings (see the engine's type parsers). */
type DateCol = ColumnType<string, string, string>;
type NullableDate = ColumnType<string | null, string | null | undefined, string | null>;
type Int8 = ColumnType<number, number, number>;

export interface ReliefStationRecordTable {
  county_code: string;
  id: Generated<number>;
  record_no: string;
  institution_id: Int8;
  source: Source;
  met_on: DateCol;
  place: string;
  sex: Sex;
  approx_age: number | null;
  birth_date: NullableDate;
  name: string | null;
  description: string | null;
  id_number: string | null;
  hukou_place: string | null;
  identity_status: IdentityStatus | null;
  health: Health | null;
  mental_illness: MentalIllness | null;
  infectious_disease: boolean | null;
  minor: boolean;
  decision: Decision;
  decided_on: DateCol;
  status: Status;
  entered_on: NullableDate;
  long_stay_kind: LongStayKind | null;
  long_stay_reason: string | null;
  long_stay_on: NullableDate;
  exited_on: NullableDate;
  exit_kind: ExitKind | null;
  exit_receiver: string | null;
  exit_note: string | null;
  referred_county_code: string | null;
  referred_institution_id: number | null;
  recorded_by: string;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface ReliefStationServiceTable {
  county_code: string;
  id: Generated<number>;
  record_id: Int8;
  service: Service;
  provided_on: DateCol;
  note: Generated<string>;
  recorded_by: string;
  created_at: Generated<Date>;
}

export interface ReliefStationFamilySearchTable {
  county_code: string;
  id: Generated<number>;
  record_id: Int8;
  method: SearchMethod;
  searched_on: DateCol;
  result: string;
  found: boolean;
  recorded_by: string;
  created_at: Generated<Date>;
}

export interface ReliefStationReturnTable {
  county_code: string;
  record_id: Int8;
  destination: string;
  transport: Transport;
  ticket_fen: Int8;
  escort: boolean;
  escort_names: string[];
  handed_over_to: Handover;
  receiver: string;
  returned_on: DateCol;
  recorded_by: string;
  created_at: Generated<Date>;
}

declare module '../../db/schema.ts' {
  interface DB {
    relief_station_records: ReliefStationRecordTable;
    relief_station_services: ReliefStationServiceTable;
    relief_station_family_searches: ReliefStationFamilySearchTable;
    relief_station_returns: ReliefStationReturnTable;
  }
}
