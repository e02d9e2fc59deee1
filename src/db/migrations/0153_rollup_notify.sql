-- The statistics roll-up's version and refresh state are announced when they change (src/modules/stats/service/
-- rollup-known.ts): each instance then knows the roll-up it serves is current without asking for every request,
-- and asks again only after a notice. The notice goes out at commit, once per statement (a refresh's chunk).
create function rollup_changed_notify() returns trigger language plpgsql as $$
begin
  perform pg_notify('jiuzhu_rollup', tg_table_name);
  return null;
end $$;

create trigger rollup_version_changed after update on stats_rollup_version
  for each statement execute function rollup_changed_notify();
create trigger rollup_state_changed after update on stats_rollup_state
  for each statement execute function rollup_changed_notify();
