-- 医疗救助 (src/modules/medical): the yearly premium-subsidy lists (资助参保) sent to the insurer and its
-- result, the health-insurance bureau's settlement imports (一站式), and one ledger of episodes
-- (a stay in hospital or an outpatient treatment) from both sources — settled at the hospital, or
-- claimed at the window and decided as a case of the `medical` programme — so the yearly caps hold
-- across them and no episode is assisted twice.

create table medical_subsidy_lists (
  county_code         text not null references areas (code),
  id                  bigserial,
  list_no             text not null unique check (list_no ~ '^ZC\d{16}$'),
  -- the insurance year the contributions are for
  year                integer not null check (year between 2000 and 2100),
  -- recipients current on this date are on the list
  as_of               date not null,
  status              text not null default 'draft' check (status in ('draft', 'reviewed', 'approved', 'exported', 'void')),
  persons             integer not null default 0 check (persons >= 0),
  amount_fen          bigint not null default 0 check (amount_fen >= 0),
  enrolled            integer not null default 0 check (enrolled >= 0),
  refused             integer not null default 0 check (refused >= 0),
  created_by          text not null,
  created_on          date not null,
  reviewed_by         text,
  reviewed_on         date,
  approved_by         text,
  approved_on         date,
  exported_on         date,
  result_imported_on  date,
  note                text not null default '',
  primary key (county_code, id)
);
-- One list in force per county and year (a voided draft makes room for a new one).
create unique index medical_subsidy_lists_year_idx on medical_subsidy_lists (county_code, year) where status <> 'void';

create table medical_subsidy_entries (
  county_code      text not null,
  list_id          bigint not null,
  id               bigserial,
  -- the person's village (figures are kept by it)
  area_code        text not null references areas (code),
  household_id     bigint not null,
  member_id        bigint not null,
  name             text not null,
  id_number        text not null,
  -- the group the subsidy is for (特困 full, 低保 by parameter…)
  "group"          text not null check ("group" ~ '^[a-z_]+$'),
  -- the case that makes the person a recipient
  basis_case_no    text not null,
  contribution_fen bigint not null check (contribution_fen >= 0),
  subsidy_fen      bigint not null check (subsidy_fen >= 0 and subsidy_fen <= contribution_fen),
  -- taken off the list at review, with the reason
  excluded         boolean not null default false,
  exclude_reason   text,
  -- the insurer's answer
  result           text not null default 'pending' check (result in ('pending', 'enrolled', 'refused')),
  result_reason    text,
  primary key (county_code, id),
  foreign key (county_code, list_id) references medical_subsidy_lists (county_code, id),
  check (county_code = left(area_code, 6))
);
create unique index medical_subsidy_entries_person_idx on medical_subsidy_entries (county_code, list_id, id_number);
create index medical_subsidy_entries_area_idx on medical_subsidy_entries (area_code);

create table medical_settlement_imports (
  county_code      text not null references areas (code),
  id               bigserial,
  import_no        text not null unique check (import_no ~ '^JS\d{16}$'),
  file_name        text not null,
  rows             integer not null check (rows >= 0),
  amount_fen       bigint not null check (amount_fen >= 0),
  imported_by      text not null,
  -- the partner department that imported it (医保), null for civil-affairs staff
  department       text,
  imported_at      timestamptz not null default now(),
  primary key (county_code, id)
);

create table medical_episodes (
  county_code            text not null,
  id                     bigserial,
  source                 text not null check (source in ('settlement', 'claim')),
  import_id              bigint,
  row_no                 integer,
  case_id                bigint,
  -- the hospital's settlement number (结算单号), when known
  settlement_no          text,
  area_code              text not null references areas (code),
  household_id           bigint not null,
  member_id              bigint not null,
  name                   text not null,
  id_number              text not null,
  "group"                text not null check ("group" ~ '^[a-z_]+$'),
  kind                   text not null check (kind in ('outpatient', 'inpatient')),
  -- 重特大疾病
  critical               boolean not null default false,
  hospital               text not null,
  admitted_on            date not null,
  discharged_on          date not null,
  -- the year whose caps the episode counts toward (of its discharge)
  year                   integer not null,
  total_cost_fen         bigint not null check (total_cost_fen >= 0),
  basic_insurance_fen    bigint not null check (basic_insurance_fen >= 0),
  critical_insurance_fen bigint not null default 0 check (critical_insurance_fen >= 0),
  eligible_self_pay_fen  bigint not null check (eligible_self_pay_fen >= 0),
  -- assistance of the ordinary (or 重特大) ratio, the 倾斜 part, the deductible it used
  assistance_fen         bigint not null default 0 check (assistance_fen >= 0),
  tilt_fen               bigint not null default 0 check (tilt_fen >= 0),
  deductible_used_fen    bigint not null default 0 check (deductible_used_fen >= 0),
  settled_on             date,
  -- pending: a claim not yet decided; paid: settled or approved; void: a refused or withdrawn claim
  status                 text not null check (status in ('pending', 'paid', 'void')),
  primary key (county_code, id),
  check (county_code = left(area_code, 6)),
  check (discharged_on >= admitted_on),
  check ((source = 'settlement') = (import_id is not null)),
  check ((source = 'claim') = (case_id is not null))
);
-- One episode is assisted once, whichever way it came: the person, the hospital, the day of admission
-- and the kind.
create unique index medical_episodes_once_idx on medical_episodes (id_number, hospital, admitted_on, kind) where status <> 'void';
create unique index medical_episodes_case_idx on medical_episodes (county_code, case_id) where case_id is not null;
create index medical_episodes_person_idx on medical_episodes (id_number, year);
create index medical_episodes_area_idx on medical_episodes (area_code, settled_on);

create trigger stats_medical_subsidy_entries_ins after insert on medical_subsidy_entries referencing new table as new_rows
  for each statement execute function stats_mark_area_code();
create trigger stats_medical_subsidy_entries_upd after update on medical_subsidy_entries referencing old table as old_rows new table as new_rows
  for each statement execute function stats_mark_area_code();
create trigger stats_medical_episodes_ins after insert on medical_episodes referencing new table as new_rows
  for each statement execute function stats_mark_area_code();
create trigger stats_medical_episodes_upd after update on medical_episodes referencing old table as old_rows new table as new_rows
  for each statement execute function stats_mark_area_code();
-- A list counts once approved: a change of its status marks the villages of its entries.
create function stats_mark_subsidy_list() returns trigger language plpgsql as $$
begin
  insert into stats_dirty
  select distinct e.area_code from (select distinct county_code, id from new_rows) n
  join medical_subsidy_entries e on e.county_code = n.county_code and e.list_id = n.id
  on conflict do nothing;
  return null;
end;
$$;
create trigger stats_medical_subsidy_lists_upd after update on medical_subsidy_lists referencing new table as new_rows
  for each statement execute function stats_mark_subsidy_list();
