-- Bulk re-rating (批量调标, issue 20): when a standard, top-up rate or support standard changes, the county
-- recalculates every current recipient of a programme for an effective month. The batch is the record:
-- a draft list of old → new amounts with each household's worksheet, approved (or discarded) as one; on
-- approval every changed case gets a `change` decision and a new entitlement from the effective month.
-- Keyed by (county_code, id) like every case table; ids from case_id_seq.

create table rerate_batches (
  county_code      text not null references areas (code),
  id               bigint not null default nextval('case_id_seq'),
  -- TB + county + year + 6 digits (kernel serials)
  batch_no         text not null unique check (batch_no ~ '^TB\d{16}$'),
  programme        text not null references programmes (code) check (programme in ('dibao', 'hardship')),
  effective_month  text not null check (effective_month ~ '^\d{4}-(0[1-9]|1[0-2])$'),
  -- why: the parameter change (e.g. 2026年城乡低保标准提高)
  reason           text not null check (length(reason) between 2 and 500),
  status           text not null default 'draft' check (status in ('draft', 'approved', 'discarded')),
  -- the parameter values used, per area key: name, area, effective date, value, document/article
  parameters       jsonb not null,
  items            integer not null default 0,
  up               integer not null default 0,
  down             integer not null default 0,
  unchanged        integer not null default 0,
  -- cases the formula cannot re-rate (no longer eligible on the registry facts, no assessment): listed, not changed
  review           integer not null default 0,
  old_total_fen    bigint not null default 0,
  new_total_fen    bigint not null default 0,
  drafted_by       bigint,
  drafted_by_name  text not null,
  drafted_at       timestamptz not null default now(),
  decided_by       bigint,
  decided_by_name  text,
  decided_at       timestamptz,
  decided_on       date,
  primary key (county_code, id),
  check (length(county_code) = 6),
  check ((status = 'draft') = (decided_at is null))
);
-- One open draft per county, programme and month.
create unique index rerate_batches_open_idx on rerate_batches (county_code, programme, effective_month) where status = 'draft';

create table rerate_items (
  county_code      text not null,
  batch_id         bigint not null,
  case_id          bigint not null,
  household_id     bigint not null,
  area_code        text not null,
  -- the entitlement in force in the effective month when drafted (approval skips the case if it is no longer the last)
  entitlement_id   bigint not null,
  old_amount_fen   bigint not null,
  -- null when the formula cannot re-rate the case (outcome review)
  new_amount_fen   bigint check (new_amount_fen >= 0),
  persons          integer not null,
  outcome          text not null check (outcome in ('up', 'down', 'unchanged', 'review')),
  -- the explanation: standard, persons, per-capita income, each member's gap and top-up by category, total
  worksheet        jsonb not null,
  -- what the statistics keep of the new amount (as the programme's decisions write it)
  summary          jsonb not null default '{}',
  -- the area key whose parameters were used (county, or township/village with its own values)
  parameter_area   text not null,
  primary key (county_code, batch_id, case_id),
  foreign key (county_code, batch_id) references rerate_batches (county_code, id),
  check ((outcome = 'review') = (new_amount_fen is null))
);
create index rerate_items_outcome_idx on rerate_items (county_code, batch_id, outcome);
