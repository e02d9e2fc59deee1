-- Staging for the settlement import (as the registry import's, 0003): the checked rows are COPYed here
-- outside the import's transaction (COPY is the fast path on both engines), then moved into the ledger by
-- one INSERT … SELECT inside it, and cleared whatever happens. No defaults, keys or indexes: the COPY
-- gives every column but the id (the ledger's own sequence numbers the rows as they move), and the
-- table is empty between imports.
create unlogged table medical_stage_episodes (like medical_episodes, stage_id bigint not null);
alter table medical_stage_episodes alter column id drop not null;
create sequence medical_stage_seq;

-- An episode's area is its household's village, read from the registry as the row is written (a claim
-- from its case, a settlement from the member matched by ID number): the per-row check of the areas key
-- cost the import about as much as one of the ledger's indexes (as 0071 reasoned for payroll lines).
alter table medical_episodes drop constraint medical_episodes_area_code_fkey;
-- The same for the premium-subsidy entries: generated from the recipients' households, their area is
-- the household's village.
alter table medical_subsidy_entries drop constraint medical_subsidy_entries_area_code_fkey;

-- A subsidy list's entries count in the statistics only once the list is approved, and a change of the
-- list's status marks their villages (0082): the entries' own marks only made the generation of a list
-- write every entry twice (the trigger's transition table).
drop trigger stats_medical_subsidy_entries_ins on medical_subsidy_entries;
drop trigger stats_medical_subsidy_entries_upd on medical_subsidy_entries;

-- And the list marks its villages only when it starts or stops counting (approved or exported), not at
-- every step of its review.
drop trigger stats_medical_subsidy_lists_upd on medical_subsidy_lists;
create or replace function stats_mark_subsidy_list() returns trigger language plpgsql as $$
begin
  insert into stats_dirty
  select distinct e.area_code
  from new_rows n join old_rows o on o.county_code = n.county_code and o.id = n.id
  join medical_subsidy_entries e on e.county_code = n.county_code and e.list_id = n.id
  where (n.status in ('approved', 'exported')) <> (o.status in ('approved', 'exported'))
  on conflict do nothing;
  return null;
end;
$$;
create trigger stats_medical_subsidy_lists_upd after update on medical_subsidy_lists referencing old table as old_rows new table as new_rows
  for each statement execute function stats_mark_subsidy_list();

-- Entries are written only by the generation of their list, in the list's own transaction, with its id
-- (as 0071 reasoned for payroll lines): the per-row check of the list key cost the generation a third
-- of the time of the entries' own insert.
alter table medical_subsidy_entries drop constraint medical_subsidy_entries_county_code_list_id_fkey;
