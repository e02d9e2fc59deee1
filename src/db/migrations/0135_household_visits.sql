-- Home visits (入户调查) to a household: the findings, who visited and when, from the offline intake app
-- or the web; the photos taken and the signature of the household, with their SHA-256 (issue 21, must-have 3).
create table household_visits (
  county_code       text not null,
  id                bigint not null default nextval('registry_id_seq'),
  household_id      bigint not null,
  -- The device's id for the entry: a sync sent twice stores one visit.
  client_id         uuid,
  visited_on        date not null,
  visitors          text not null check (char_length(visitors) between 1 and 100),
  findings          text not null check (char_length(findings) between 2 and 4000),
  source            text not null check (source in ('offline', 'web')),
  signature_sha256  text check (signature_sha256 ~ '^[0-9a-f]{64}$'),
  created_by        text not null,
  created_at        timestamptz not null default now(),
  primary key (county_code, id),
  foreign key (county_code, household_id) references households (county_code, id)
);
create index household_visits_household_idx on household_visits (county_code, household_id, visited_on);
create unique index household_visits_client_idx on household_visits (county_code, household_id, client_id) where client_id is not null;

create table household_visit_files (
  county_code  text not null,
  visit_id     bigint not null,
  seq          integer not null check (seq >= 1),
  kind         text not null check (kind in ('photo', 'signature')),
  file_name    text not null,
  media_type   text not null check (media_type in ('image/png', 'image/jpeg', 'application/pdf')),
  size_bytes   integer not null check (size_bytes > 0),
  sha256       text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  content      bytea not null,
  primary key (county_code, visit_id, seq),
  foreign key (county_code, visit_id) references household_visits (county_code, id)
);

-- Row-level security as on the household's other children (migration 0081): visible and writable when the
-- household is.
alter table household_visits enable row level security;
create policy household_visits_in_scope on household_visits to jiuzhu_scoped
  using (exists (select 1 from households h where h.county_code = household_visits.county_code and h.id = household_visits.household_id))
  with check (exists (select 1 from households h where h.county_code = household_visits.county_code and h.id = household_visits.household_id));
alter table household_visit_files enable row level security;
create policy household_visit_files_in_scope on household_visit_files to jiuzhu_scoped
  using (exists (select 1 from household_visits v where v.county_code = household_visit_files.county_code and v.id = household_visit_files.visit_id))
  with check (exists (select 1 from household_visits v where v.county_code = household_visit_files.county_code and v.id = household_visit_files.visit_id));
