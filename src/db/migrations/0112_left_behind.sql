-- 留守 (left-behind) persons: the yearly 排查摸底 (survey) of left-behind children (留守儿童), elders
-- (留守老人) and women (留守妇女), a care plan per person with the assigned carer, visits with their findings,
-- and the follow-up recorded on a risk warning (referral to a department, a 临时救助 case opened, or none).
-- The person is a member of the registry (members (county_code, id)); the records follow the person's
-- household's village (scope is read through members → households at query time, not copied here).
-- No foreign key to members: the registry deletes and moves members (a move between counties gives a new
-- key); reads join members, so the records of a member no longer in the registry are not shown.
-- Warnings themselves are computed (no visit for N days, a child without an able guardian, an elder living
-- alone and ill, risks found on the last visit); only the follow-ups are stored.

create table left_behind_surveys (
  county_code      text not null references areas (code),
  id               bigserial,
  member_id        bigint not null,
  year             integer not null check (year between 2000 and 2100),
  kind             text not null check (kind in ('child', 'elder', 'woman')),
  -- where the parents (of a child), the children (of an elder) or the spouse (of a woman) work
  away_place       text not null check (length(away_place) between 1 and 200),
  away_since       date,
  -- the guardian (a child's 监护人 / 委托照护人; an elder's or woman's contact person); all null: none
  guardian_name    text check (length(guardian_name) between 1 and 50),
  guardian_relation text check (length(guardian_relation) between 1 and 20),
  guardian_able    boolean,
  risks            text[] not null default '{}' check (risks <@ array['no_guardian', 'living_alone', 'ill', 'disabled', 'dropout', 'poverty']::text[]),
  surveyed_on      date not null,
  surveyed_by      text not null check (length(surveyed_by) between 1 and 50),
  recorded_by      text not null,
  created_at       timestamptz not null default now(),
  primary key (county_code, id),
  unique (county_code, member_id, kind, year),
  check ((guardian_name is null) = (guardian_relation is null) and (guardian_name is null) = (guardian_able is null)),
  check (extract(year from surveyed_on) = year)
);
create index left_behind_surveys_person_idx on left_behind_surveys (county_code, member_id);
create index left_behind_surveys_year_idx on left_behind_surveys (county_code, year, kind);

-- 关爱帮扶: the carer assigned to a person from a date; the latest plan (by from_on, then id) is in force
create table left_behind_care_plans (
  county_code      text not null,
  id               bigserial,
  member_id        bigint not null,
  carer_kind       text not null check (carer_kind in ('village_cadre', 'volunteer', 'purchased_service', 'relative')),
  carer_name       text not null check (length(carer_name) between 1 and 50),
  -- days between visits; null: the parameter left_behind.visit_warning_days
  visit_interval_days integer check (visit_interval_days between 1 and 366),
  from_on          date not null,
  recorded_by      text not null,
  created_at       timestamptz not null default now(),
  primary key (county_code, id)
);
create index left_behind_care_plans_person_idx on left_behind_care_plans (county_code, member_id);

-- 走访: a visit to the person with what was found and the risks found (from the survey's list)
create table left_behind_visits (
  county_code      text not null,
  id               bigserial,
  member_id        bigint not null,
  visited_on       date not null,
  visited_by       text not null check (length(visited_by) between 1 and 50),
  findings         text not null check (length(findings) between 2 and 500),
  risks_found      text[] not null default '{}' check (risks_found <@ array['no_guardian', 'living_alone', 'ill', 'disabled', 'dropout', 'poverty']::text[]),
  recorded_by      text not null,
  created_at       timestamptz not null default now(),
  primary key (county_code, id)
);
create index left_behind_visits_person_idx on left_behind_visits (county_code, member_id, visited_on);

-- the follow-up of a warning: referral to a department, a 临时救助 case opened (its number), or none, with a note
create table left_behind_follow_ups (
  county_code      text not null,
  id               bigserial,
  member_id        bigint not null,
  warning          text not null check (warning in ('no_visit', 'no_guardian', 'alone_ill', 'visit_risk')),
  action           text not null check (action in ('referral', 'temporary_case', 'none')),
  department       text,
  case_no          text,
  note             text not null check (length(note) between 2 and 500),
  followed_on      date not null,
  recorded_by      text not null,
  created_at       timestamptz not null default now(),
  primary key (county_code, id),
  check ((action = 'referral') = (department is not null)),
  check ((action = 'temporary_case') = (case_no is not null))
);
create index left_behind_follow_ups_person_idx on left_behind_follow_ups (county_code, member_id);
