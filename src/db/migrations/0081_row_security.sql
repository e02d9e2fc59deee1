-- Row-level security on the household tables, a second line behind the repositories' scoped roots.
-- Write transactions switch to the role jiuzhu_scoped (`set local role`) and set the caller's scope
-- (`set_config(..., true)`, see src/db/row-security.ts); the owner, migrations and the CLI are not
-- restricted (an owner bypasses row security). Scope settings:
--   jiuzhu.scope_prefix      area-code prefix of a staff or partner scope; '*' for the system scope
--   jiuzhu.scope_households  comma-separated household numbers of a citizen
-- Unset or empty means nothing is visible: the policy fails closed.
do $$ begin
  if not exists (select 1 from pg_roles where rolname = 'jiuzhu_scoped') then
    create role jiuzhu_scoped nologin;
  end if;
exception when duplicate_object or unique_violation then null; -- created by a concurrent migration of another database
end $$;

do $$ begin
  execute format('grant jiuzhu_scoped to %I', current_user);
exception when others then null; -- already a member, or a superuser (who may set any role)
end $$;

create or replace function jiuzhu_in_scope(area text, household_no text) returns boolean
language sql stable as $$
  select case
    when coalesce(current_setting('jiuzhu.scope_households', true), '') <> ''
      then household_no = any (string_to_array(current_setting('jiuzhu.scope_households', true), ','))
    when coalesce(current_setting('jiuzhu.scope_prefix', true), '') = '' then false
    when current_setting('jiuzhu.scope_prefix', true) = '*' then true
    else starts_with(area, current_setting('jiuzhu.scope_prefix', true))
  end
$$;

alter table households enable row level security;
create policy households_in_scope on households to jiuzhu_scoped
  using (jiuzhu_in_scope(village_code, household_no))
  with check (jiuzhu_in_scope(village_code, household_no));

-- A household's children: visible and writable when their household is (its policy applies inside).
do $$
declare
  t text;
  visible text;
begin
  foreach t in array array['members', 'income_items', 'assets', 'registry_history'] loop
    visible := format('exists (select 1 from households h where h.county_code = %I.county_code and h.id = %I.household_id)', t, t);
    execute format('alter table %I enable row level security', t);
    execute format('create policy %I on %I to jiuzhu_scoped using (%s) with check (%s)', t || '_in_scope', t, visible, visible);
  end loop;
end $$;
