-- Statistics roll-up (0050) for the payroll and verification modules (0040, 0030): their rows mark
-- the areas they count in, as in 0050. Payroll totals count per township (payroll_totals is already
-- per township and programme); verification requests and findings count in the case's village.

create function stats_mark_payroll_totals() returns trigger language plpgsql as $$
begin
  if tg_op in ('UPDATE', 'DELETE') then
    insert into stats_dirty select distinct township_code from old_rows on conflict do nothing;
  end if;
  if tg_op in ('UPDATE', 'INSERT') then
    insert into stats_dirty select distinct township_code from new_rows on conflict do nothing;
  end if;
  return null;
end;
$$;
create trigger stats_payroll_totals_ins after insert on payroll_totals referencing new table as new_rows
  for each statement execute function stats_mark_payroll_totals();
create trigger stats_payroll_totals_upd after update on payroll_totals referencing old table as old_rows new table as new_rows
  for each statement execute function stats_mark_payroll_totals();
create trigger stats_payroll_totals_del after delete on payroll_totals referencing old table as old_rows
  for each statement execute function stats_mark_payroll_totals();

-- A payroll's status (approved, exported) decides whether its totals count.
create function stats_mark_payrolls() returns trigger language plpgsql as $$
begin
  insert into stats_dirty
  select distinct t.township_code from (select distinct county_code, id from new_rows) p
  join payroll_totals t on t.county_code = p.county_code and t.payroll_id = p.id
  on conflict do nothing;
  return null;
end;
$$;
create trigger stats_payrolls_upd after update on payrolls referencing new table as new_rows
  for each statement execute function stats_mark_payrolls();

create trigger stats_verification_requests_ins after insert on verification_requests referencing new table as new_rows
  for each statement execute function stats_mark_area_code();
create trigger stats_verification_findings_ins after insert on verification_findings referencing new table as new_rows
  for each statement execute function stats_mark_area_code();
create trigger stats_verification_findings_upd after update on verification_findings referencing old table as old_rows new table as new_rows
  for each statement execute function stats_mark_area_code();

insert into stats_dirty values ('') on conflict do nothing;
