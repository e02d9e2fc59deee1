-- Several server instances on one database (issue #24, item 4).

-- A scheduled job's run for one slot (the rescreen: a day in China time) is claimed by exactly one instance; a
-- claim whose instance stopped beating its heart is taken over by another.
create table job_runs (
  job          text not null,
  slot         text not null,
  instance     text not null,
  started_at   timestamptz not null default now(),
  heartbeat_at timestamptz not null default now(),
  finished_at  timestamptz,
  outcome      text,
  primary key (job, slot)
);

-- Every change of a parameter is announced, so that every instance drops its cached parameters before its next
-- decision (src/modules/policy/service/parameters.ts listens; the notice goes out at commit).
create function parameters_changed_notify() returns trigger language plpgsql as $$
begin
  perform pg_notify('jiuzhu_parameters', tg_table_name);
  return null;
end $$;

create trigger parameters_changed_values after insert or update or delete on policy_values
  for each statement execute function parameters_changed_notify();
create trigger parameters_changed_definitions after insert or update or delete on policy_parameters
  for each statement execute function parameters_changed_notify();
