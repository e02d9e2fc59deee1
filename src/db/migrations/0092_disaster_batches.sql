-- 受灾人员救助, step 3: the 冬春 needs survey and batch decisions.
-- Each autumn the townships survey the households that will need help through winter and spring
-- (冬春生活救助需求调查), their persons by class. A county decides many households at once in a batch
-- (救助批次) of one kind — emergency, transitional, housing, winter-spring, bereavement — drawn from the
-- verified damage register of an event (or the season's survey for 冬春): a draft list with each
-- household's amount, a spot check of at least the ratio (≥30%), a public notice where the kind needs one,
-- approval, then the decision: one `disaster` case per household with its decision and a one-off
-- entitlement the payroll pays. The decision runs in chunks, each committed with the batch's cursor, so a
-- rerun after a crash continues where it stopped; a case opened in bulk carries the key of what opened it
-- (`cases.source_key`, unique), so nobody is decided twice for one kind of one event or season.

alter table cases add column source_key text;
create unique index cases_source_key_idx on cases (county_code, source_key) where source_key is not null;

create table disaster_winter_needs (
  county_code     text not null,
  id              bigserial,
  -- the winter and the spring after it: 2015-2016
  season          text not null check (season ~ '^\d{4}-\d{4}$' and right(season, 4)::int = left(season, 4)::int + 1),
  household_id    bigint not null,
  area_code       text not null references areas (code),
  -- persons by class: 一类 cannot support themselves, 二类 partly, 三类 mostly
  persons_first   integer not null default 0 check (persons_first >= 0),
  persons_second  integer not null default 0 check (persons_second >= 0),
  persons_third   integer not null default 0 check (persons_third >= 0),
  surveyed_on     date not null,
  surveyed_by     text not null,
  note            text not null default '',
  primary key (county_code, id),
  unique (county_code, season, household_id),
  foreign key (county_code, household_id) references households (county_code, id),
  check (length(area_code) = 12 and left(area_code, 6) = county_code),
  check (persons_first + persons_second + persons_third > 0)
);
create index disaster_winter_needs_area_idx on disaster_winter_needs (county_code, season, area_code);

create table disaster_batches (
  county_code     text not null references areas (code),
  id              bigserial,
  batch_no        text not null unique check (batch_no ~ '^ZP\d{16}$'),
  kind            text not null check (kind in ('emergency', 'transitional', 'housing', 'winter_spring', 'bereavement')),
  event_id        bigint,
  season          text check (season ~ '^\d{4}-\d{4}$'),
  status          text not null default 'draft' check (status in ('draft', 'notice', 'approved', 'decided', 'void')),
  -- the month whose payroll pays it
  pay_month       text not null check (pay_month ~ '^\d{4}-(0[1-9]|1[0-2])$'),
  created_on      date not null,
  created_by      text not null,
  -- what the amounts were computed with: parameter values and their references (the draft's worksheet)
  basis           jsonb not null,
  households      integer not null default 0,
  persons         integer not null default 0,
  amount_fen      bigint not null default 0,
  ratio           numeric,
  seed            text,
  sampled_on      date,
  notice_from     date,
  notice_to       date,
  approved_on     date,
  approved_by     text,
  -- members decided so far, by ordinal: the chunked decision commits this with each chunk
  decided_through integer not null default 0,
  decided_on      date,
  void_reason     text,
  version         integer not null default 0,
  created_at      timestamptz not null default now(),
  primary key (county_code, id),
  foreign key (county_code, event_id) references disaster_events (county_code, id),
  check ((kind = 'winter_spring') = (season is not null)),
  check ((kind = 'winter_spring') = (event_id is null)),
  check (status <> 'void' or void_reason is not null)
);
create index disaster_batches_event_idx on disaster_batches (county_code, event_id, kind);

create table disaster_batch_members (
  county_code   text not null,
  batch_id      bigint not null,
  -- 1 … n in household-number order: the decision's chunk cursor
  ordinal       integer not null check (ordinal >= 1),
  household_id  bigint not null,
  area_code     text not null,
  -- the damage entry or the needs-survey row it came from
  source_id     bigint not null,
  persons       integer not null check (persons >= 0),
  amount_fen    bigint not null check (amount_fen >= 0),
  -- what the amount was computed from (grade, household type, persons by class, days…)
  claim         jsonb not null,
  sampled       boolean not null default false,
  -- the spot check's result: confirmed, or removed with a reason (the household is left out)
  check_result  text check (check_result in ('confirmed', 'removed')),
  checked_by    text,
  checked_on    date,
  -- left out after the check or an objection during the notice
  excluded      boolean not null default false,
  exclude_reason text,
  primary key (county_code, batch_id, ordinal),
  unique (county_code, batch_id, household_id),
  foreign key (county_code, batch_id) references disaster_batches (county_code, id),
  foreign key (county_code, household_id) references households (county_code, id),
  check (not excluded or exclude_reason is not null)
);
-- a household's membership in the live batches of a kind (the draft's 'not yet in a batch' check)
create index disaster_batch_members_household_idx on disaster_batch_members (county_code, household_id);
