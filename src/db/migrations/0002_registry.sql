-- Household registry (家庭与成员). Every table keyed by (county_code, id), ready for Citus
-- distribution on county_code; person_index is the one global table (a Citus reference
-- table) and enforces "one person in one household at a time" across all counties.

create sequence registry_id_seq;

create table households (
  county_code   text not null,
  id            bigint not null default nextval('registry_id_seq'),
  household_no  text not null,
  village_code  text not null references areas (code),
  hukou         text not null check (hukou in ('urban', 'rural')),
  address       text not null,
  phone         text not null default '',
  bank_name     text not null default '',
  bank_account  text not null default '',
  poverty_file  boolean not null default false,
  agricultural  boolean not null default false,
  categories    text[] not null default '{}',
  created_at    timestamptz not null default now(),
  updated_at    timestamptz not null default now(),
  primary key (county_code, id),
  unique (county_code, household_no),
  check (county_code = left(village_code, 6)),
  check (left(household_no, 6) = county_code)
);
create index households_village_idx on households (village_code, id);

create table members (
  county_code      text not null,
  id               bigint not null default nextval('registry_id_seq'),
  household_id     bigint not null,
  id_number        text not null,
  name             text not null,
  sex              text not null check (sex in ('male', 'female')),
  birth_date       date not null,
  relation         text not null,
  hukou            text not null check (hukou in ('urban', 'rural')),
  work_capacity    text not null check (work_capacity in ('full', 'partial', 'none')),
  disability_kind  text,
  disability_grade smallint check (disability_grade between 1 and 4),
  serious_illness  boolean not null default false,
  student          boolean not null default false,
  categories       text[] not null default '{}',
  left_behind      text check (left_behind in ('child', 'elder', 'woman')),
  phone            text not null default '',
  primary key (county_code, id),
  foreign key (county_code, household_id) references households (county_code, id)
);
create index members_household_idx on members (county_code, household_id);
create index members_id_number_idx on members (id_number);
create index members_name_idx on members (name text_pattern_ops);

create table person_index (
  id_number     text primary key,
  county_code   text not null,
  member_id     bigint not null,
  household_id  bigint not null
);

create table income_items (
  county_code   text not null,
  id            bigint not null default nextval('registry_id_seq'),
  household_id  bigint not null,
  member_id     bigint,
  kind          text not null,
  amount_fen    bigint not null check (amount_fen >= 0),
  period        text not null check (period in ('month', 'year')),
  source        text not null default '',
  primary key (county_code, id),
  foreign key (county_code, household_id) references households (county_code, id)
);
create index income_items_household_idx on income_items (county_code, household_id);

create table assets (
  county_code   text not null,
  id            bigint not null default nextval('registry_id_seq'),
  household_id  bigint not null,
  member_id     bigint,
  kind          text not null,
  value_fen     bigint not null check (value_fen >= 0),
  note          text not null default '',
  primary key (county_code, id),
  foreign key (county_code, household_id) references households (county_code, id)
);
create index assets_household_idx on assets (county_code, household_id);

-- The household's timeline: every change with who, when, before and after.
create table registry_history (
  county_code   text not null,
  id            bigint not null default nextval('registry_id_seq'),
  household_id  bigint not null,
  at            timestamptz not null default now(),
  actor_id      bigint,
  actor_name    text not null,
  action        text not null,
  subject       text,
  before        jsonb,
  after         jsonb,
  primary key (county_code, id)
);
create index registry_history_household_idx on registry_history (county_code, household_id, id);

create sequence household_no_seq;
