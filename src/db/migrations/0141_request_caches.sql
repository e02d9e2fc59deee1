-- Per-request overhead (issue 25, item 3): caches on each server instance, kept right across instances.

-- Each instance keeps the users behind recently seen session tokens for a few seconds (src/modules/users/
-- session-cache.ts). A session that ends (logout, password change, role/area/department/disable change) and a
-- user whose role, area, department, password or active flag changes are announced at commit with the user's id,
-- so every instance drops that user's cached sessions before its next request; '*' (many users at once): all.
create function sessions_ended_notify() returns trigger language plpgsql as $$
declare
  ids text[];
begin
  select array_agg(distinct user_id::text) into ids from ended;
  if ids is not null then
    perform pg_notify('jiuzhu_sessions', case when cardinality(ids) > 100 then '*' else array_to_string(ids, ',') end);
  end if;
  return null;
end $$;

create trigger sessions_ended after delete on sessions
  referencing old table as ended
  for each statement execute function sessions_ended_notify();

create function users_changed_notify() returns trigger language plpgsql as $$
declare
  ids text[];
begin
  select array_agg(distinct n.id::text) into ids
    from changed_after n join changed_before o on o.id = n.id
   where (o.role, o.area_code, o.department, o.active, o.password_hash) is distinct from (n.role, n.area_code, n.department, n.active, n.password_hash);
  if ids is not null then
    perform pg_notify('jiuzhu_sessions', case when cardinality(ids) > 100 then '*' else array_to_string(ids, ',') end);
  end if;
  return null;
end $$;

create trigger users_changed after update on users
  referencing old table as changed_before new table as changed_after
  for each statement execute function users_changed_notify();

-- The statistics figures are kept per instance for the roll-up as it stands (src/modules/stats/service/
-- figures-cache.ts): every refresh transaction that replaces roll-up rows raises the version before it commits.
create table stats_rollup_version (
  id int primary key default 1 check (id = 1),
  version bigint not null default 0
);
insert into stats_rollup_version (id, version) values (1, 0);
