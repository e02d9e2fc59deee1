-- Statistics (统计) roll-up. The dashboard and the annual report read `stats_rollup`, never the
-- registry and case tables. Triggers (statement level, with transition tables, so a COPY of millions
-- of rows adds one insert per statement) mark the areas whose source rows changed in `stats_dirty`;
-- the next read recomputes only those areas (src/modules/stats/repo/refresh.ts) in one transaction.
-- A parameter change marks everything (`area_code = ''`), since standards decide the 应保尽保 counts.

create table stats_dirty (
  area_code  text primary key
);

-- One row per source area (a village for households and cases, the request's or complaint's area),
-- metric and period. Period semantics depend on the metric (see src/modules/stats/domain/metrics.ts):
--   'YYYY-MM'    for stock metrics a change (delta) from that month on, for flow metrics the month's count;
--   'YYYY-MM-DD' for due-date metrics: open items due on that day;
--   ''           for snapshot metrics of the registry as of the last refresh.
create table stats_rollup (
  area_code    text not null,
  county_code  text not null,
  metric       text not null,
  period       text not null,
  value        bigint not null,
  primary key (area_code, metric, period)
);
create index stats_rollup_county_idx on stats_rollup (county_code);

-- Every area marked once; an update marks the old and the new area (a household that moved).
create function stats_mark_households() returns trigger language plpgsql as $$
begin
  if tg_op in ('UPDATE', 'DELETE') then
    insert into stats_dirty select distinct village_code from old_rows on conflict do nothing;
  end if;
  if tg_op in ('UPDATE', 'INSERT') then
    insert into stats_dirty select distinct village_code from new_rows on conflict do nothing;
  end if;
  return null;
end;
$$;
create trigger stats_households_ins after insert on households referencing new table as new_rows
  for each statement execute function stats_mark_households();
create trigger stats_households_upd after update on households referencing old table as old_rows new table as new_rows
  for each statement execute function stats_mark_households();
create trigger stats_households_del after delete on households referencing old table as old_rows
  for each statement execute function stats_mark_households();

create function stats_mark_members() returns trigger language plpgsql as $$
begin
  if tg_op in ('UPDATE', 'DELETE') then
    insert into stats_dirty
    select distinct h.village_code from (select distinct county_code, household_id from old_rows) m
    join households h on h.county_code = m.county_code and h.id = m.household_id
    on conflict do nothing;
  end if;
  if tg_op in ('UPDATE', 'INSERT') then
    insert into stats_dirty
    select distinct h.village_code from (select distinct county_code, household_id from new_rows) m
    join households h on h.county_code = m.county_code and h.id = m.household_id
    on conflict do nothing;
  end if;
  return null;
end;
$$;
create trigger stats_members_ins after insert on members referencing new table as new_rows
  for each statement execute function stats_mark_members();
create trigger stats_members_upd after update on members referencing old table as old_rows new table as new_rows
  for each statement execute function stats_mark_members();
create trigger stats_members_del after delete on members referencing old table as old_rows
  for each statement execute function stats_mark_members();

create function stats_mark_income_items() returns trigger language plpgsql as $$
begin
  if tg_op in ('UPDATE', 'DELETE') then
    insert into stats_dirty
    select distinct h.village_code from (select distinct county_code, household_id from old_rows) m
    join households h on h.county_code = m.county_code and h.id = m.household_id
    on conflict do nothing;
  end if;
  if tg_op in ('UPDATE', 'INSERT') then
    insert into stats_dirty
    select distinct h.village_code from (select distinct county_code, household_id from new_rows) m
    join households h on h.county_code = m.county_code and h.id = m.household_id
    on conflict do nothing;
  end if;
  return null;
end;
$$;
create trigger stats_income_items_ins after insert on income_items referencing new table as new_rows
  for each statement execute function stats_mark_income_items();
create trigger stats_income_items_upd after update on income_items referencing old table as old_rows new table as new_rows
  for each statement execute function stats_mark_income_items();
create trigger stats_income_items_del after delete on income_items referencing old table as old_rows
  for each statement execute function stats_mark_income_items();

-- Cases, complaints and intake requests carry their area.
create function stats_mark_area_code() returns trigger language plpgsql as $$
begin
  if tg_op in ('UPDATE', 'DELETE') then
    insert into stats_dirty select distinct area_code from old_rows on conflict do nothing;
  end if;
  if tg_op in ('UPDATE', 'INSERT') then
    insert into stats_dirty select distinct area_code from new_rows on conflict do nothing;
  end if;
  return null;
end;
$$;
create trigger stats_cases_ins after insert on cases referencing new table as new_rows
  for each statement execute function stats_mark_area_code();
create trigger stats_cases_upd after update on cases referencing old table as old_rows new table as new_rows
  for each statement execute function stats_mark_area_code();
create trigger stats_complaints_ins after insert on complaints referencing new table as new_rows
  for each statement execute function stats_mark_area_code();
create trigger stats_complaints_upd after update on complaints referencing old table as old_rows new table as new_rows
  for each statement execute function stats_mark_area_code();
create trigger stats_intake_requests_ins after insert on intake_requests referencing new table as new_rows
  for each statement execute function stats_mark_area_code();
create trigger stats_intake_requests_upd after update on intake_requests referencing old table as old_rows new table as new_rows
  for each statement execute function stats_mark_area_code();

-- Rows that point at a case (decisions, transitions, fraud recoveries) mark the case's area.
create function stats_mark_case_rows() returns trigger language plpgsql as $$
begin
  insert into stats_dirty
  select distinct c.area_code from (select distinct county_code, case_id from new_rows) n
  join cases c on c.county_code = n.county_code and c.id = n.case_id
  on conflict do nothing;
  return null;
end;
$$;
create trigger stats_case_decisions_ins after insert on case_decisions referencing new table as new_rows
  for each statement execute function stats_mark_case_rows();
create trigger stats_case_transitions_ins after insert on case_transitions referencing new table as new_rows
  for each statement execute function stats_mark_case_rows();
create trigger stats_fraud_recoveries_ins after insert on fraud_recoveries referencing new table as new_rows
  for each statement execute function stats_mark_case_rows();

-- Intake parts (referrals) mark their request's area.
create function stats_mark_intake_parts() returns trigger language plpgsql as $$
begin
  insert into stats_dirty
  select distinct r.area_code from (select distinct county_code, request_id from new_rows) p
  join intake_requests r on r.county_code = p.county_code and r.id = p.request_id
  on conflict do nothing;
  return null;
end;
$$;
create trigger stats_intake_parts_ins after insert on intake_parts referencing new table as new_rows
  for each statement execute function stats_mark_intake_parts();
create trigger stats_intake_parts_upd after update on intake_parts referencing old table as old_rows new table as new_rows
  for each statement execute function stats_mark_intake_parts();

create function stats_mark_all() returns trigger language plpgsql as $$
begin
  insert into stats_dirty values ('') on conflict do nothing;
  return null;
end;
$$;
create trigger stats_policy_values after insert or update or delete on policy_values
  for each statement execute function stats_mark_all();

-- Existing data: everything is dirty until the first read.
insert into stats_dirty values ('');
