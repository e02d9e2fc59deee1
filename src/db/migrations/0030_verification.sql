-- Economic status verification (家庭经济状况核对): partner data snapshots (versioned, one source
-- each), households' authorizations, requests on cases, their findings, rescreen runs.
-- Partner records are not household data of one county (a snapshot covers the prefecture), so they
-- carry no county_code; authorizations, requests and findings do, in their keys.

create sequence verification_id_seq;
create sequence verification_request_no_seq;

create table verification_snapshots (
  id            bigint primary key default nextval('verification_id_seq'),
  source        text not null,
  version       int not null,
  snapshot_date date not null,
  via           text not null check (via in ('file', 'api')),
  file_name     text,
  row_count     int not null,
  area_code     text not null,
  imported_by   text not null,
  imported_at   timestamptz not null default now(),
  unique (source, version)
);

create table verification_records (
  snapshot_id         bigint not null references verification_snapshots (id),
  row_no              int not null,
  id_number           text,
  name                text,
  birth_date          date,
  item                text not null,
  amount              bigint,
  event_date          date,
  detail              text,
  official_id_number  text,
  official_name       text,
  area_code           text,
  relation            text,
  primary key (snapshot_id, row_no)
);
create index verification_records_id_number on verification_records (id_number, snapshot_id);
create index verification_records_name_birth on verification_records (name, birth_date) where id_number is null;

create table verification_authorizations (
  county_code        text not null,
  id                 bigint not null default nextval('verification_id_seq'),
  household_id       bigint not null,
  signer_role        text not null check (signer_role in ('household', 'supporter')),
  signer_name        text not null,
  signer_id_number   text not null,
  signed_on          date not null,
  no_legal_supporter boolean not null default false,
  note               text not null default '',
  recorded_by        text not null,
  created_at         timestamptz not null default now(),
  primary key (county_code, id),
  foreign key (county_code, household_id) references households (county_code, id)
);
create index verification_authorizations_household on verification_authorizations (county_code, household_id);

create table verification_rescreens (
  id           bigint primary key default nextval('verification_id_seq'),
  trigger      text not null check (trigger in ('cli', 'schedule', 'api', 'bench')),
  started_by   text not null,
  as_of        date not null,
  started_at   timestamptz not null default now(),
  finished_at  timestamptz,
  cases        int not null default 0,
  persons      int not null default 0,
  findings     int not null default 0,
  warnings     int not null default 0,
  favouritism  int not null default 0,
  snapshots    jsonb not null default '[]'
);

create table verification_requests (
  county_code   text not null,
  id            bigint not null default nextval('verification_id_seq'),
  request_no    text not null unique,
  kind          text not null check (kind in ('application', 'rescreen')),
  case_id       bigint not null,
  household_id  bigint not null,
  area_code     text not null,
  requested_on  date not null,
  requested_by  text not null,
  rescreen_id   bigint references verification_rescreens (id),
  persons       int not null default 0,
  snapshots     jsonb not null default '[]',
  created_at    timestamptz not null default now(),
  primary key (county_code, id),
  foreign key (county_code, case_id) references cases (county_code, id)
);
create index verification_requests_case on verification_requests (county_code, case_id);

create table verification_findings (
  county_code   text not null,
  id            bigint not null default nextval('verification_id_seq'),
  request_id    bigint not null,
  case_id       bigint not null,
  area_code     text not null,
  member_id     bigint,
  id_number     text not null,
  person_name   text not null,
  source        text not null,
  snapshot_id   bigint not null,
  row_no        int not null,
  match         text not null check (match in ('id', 'name_birth')),
  item          text not null,
  amount        bigint,
  event_date    date,
  detail        text,
  official_name text,
  relation      text,
  breaks_limit  boolean not null,
  limit_note    text,
  resolution    text check (resolution in ('confirmed', 'explained', 'false_match')),
  note          text,
  resolved_by   text,
  resolved_on   date,
  primary key (county_code, id),
  foreign key (county_code, request_id) references verification_requests (county_code, id)
);
create index verification_findings_case on verification_findings (county_code, case_id);
create index verification_findings_request on verification_findings (county_code, request_id);
create index verification_findings_area on verification_findings (area_code, source);
